/**
 * The MiniSearch index as typed arrays for the persisted search cache. `MiniSearch.loadJSON` parses a
 * 40 MB JSON text at 100k assets and then walks it object by object; reading typed arrays back from
 * IndexedDB costs no parsing and rebuilding the index's maps from them is several times faster.
 * The result is the same index (`toJSON()` of both is equal; tested). Reads and writes MiniSearch's
 * protected fields (minisearch is pinned); `restoreSearchIndex` validates and returns undefined on
 * anything unexpected, and the caller falls back to a rebuild.
 */
import MiniSearch from 'minisearch';
import { SEARCH_OPTIONS, type SearchDoc } from './searchIndex';
import { stringColumn } from '../util/columns';
import {
  packedDocumentMaps,
  packedLists,
  packedTermData,
  postingCount,
  type PackedList,
} from './packedPostings';

export const INDEX_STORE_VERSION = 1;

/** Marks a field a document has no length for (MiniSearch's per-document arrays can have holes). */
const NO_LENGTH = 0xffffffff;

export type StoredSearchIndex = {
  v: number;
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  avgFieldLength: number[];
  nFields: number;
  /** Documents: short id and id, in parallel. */
  shortIds: Uint32Array;
  ids: string[];
  /** Field lengths: the short ids that have them, then `nFields` values each. */
  lengthIds: Uint32Array;
  lengths: Uint32Array;
  /** Terms in index order; per term its number of fields; per (term, field) the field id and posting count. */
  terms: string[];
  termFields: Uint8Array;
  fields: Uint8Array;
  counts: Uint32Array;
  /** Postings, (term, field) after (term, field): short document id and term frequency. */
  docs: Uint32Array;
  freqs: Uint32Array;
};

type Parts = Omit<StoredSearchIndex, 'v' | 'nFields'>;

/** Lends the subclass's access to MiniSearch's protected index fields. */
class IndexAccess extends MiniSearch<SearchDoc> {
  static read(idx: MiniSearch<SearchDoc>): Parts {
    const x = idx as IndexAccess;
    const shortIds: number[] = [];
    const ids: string[] = [];
    for (const [s, id] of x._documentIds) {
      shortIds.push(s);
      ids.push(String(id));
    }
    const nFields = Object.keys(x._fieldIds).length;
    const lengthIds: number[] = [];
    const lengths: number[] = [];
    for (const [s, arr] of x._fieldLength) {
      lengthIds.push(s);
      for (let f = 0; f < nFields; f++) {
        const v = arr[f];
        lengths.push(v === undefined ? NO_LENGTH : v);
      }
    }
    const terms: string[] = [];
    const termFields: number[] = [];
    const fields: number[] = [];
    const counts: number[] = [];
    let total = 0;
    for (const [, data] of x._index) total += postingCount(data);
    const docs = new Uint32Array(total);
    const freqs = new Uint32Array(total);
    let p = 0;
    for (const [term, data] of x._index) {
      terms.push(term);
      const lists = packedLists(data);
      if (lists) {
        termFields.push(lists.length);
        for (const l of lists) {
          fields.push(l.field);
          counts.push(l.docs.length);
          docs.set(l.docs, p);
          freqs.set(l.freqs, p);
          p += l.docs.length;
        }
        continue;
      }
      termFields.push(data.size);
      for (const [field, postings] of data) {
        fields.push(field);
        counts.push(postings.size);
        for (const [doc, freq] of postings) {
          docs[p] = doc;
          freqs[p] = freq;
          p++;
        }
      }
    }
    return {
      documentCount: x._documentCount,
      nextId: x._nextId,
      dirtCount: x._dirtCount,
      fieldIds: { ...x._fieldIds },
      avgFieldLength: [...x._avgFieldLength],
      shortIds: Uint32Array.from(shortIds),
      ids,
      lengthIds: Uint32Array.from(lengthIds),
      lengths: Uint32Array.from(lengths),
      terms,
      termFields: Uint8Array.from(termFields),
      fields: Uint8Array.from(fields),
      counts: Uint32Array.from(counts),
      docs,
      freqs,
    };
  }

  static write(s: StoredSearchIndex): MiniSearch<SearchDoc> {
    const x = new MiniSearch<SearchDoc>(SEARCH_OPTIONS) as IndexAccess;
    x._documentCount = s.documentCount;
    x._nextId = s.nextId;
    x._dirtCount = s.dirtCount;
    x._fieldIds = { ...s.fieldIds };
    x._avgFieldLength = [...s.avgFieldLength];
    // Document maps and postings stay in the typed arrays until something uses them as maps (see PackedMap).
    const docs = packedDocumentMaps({
      shortIds: s.shortIds,
      ids: s.ids,
      lengthIds: s.lengthIds,
      lengths: s.lengths,
      nFields: s.nFields,
      noLength: NO_LENGTH,
    });
    x._documentIds = docs.documentIds;
    x._idToShortId = docs.idToShortId;
    x._fieldLength = docs.fieldLength;
    x._storedFields = new Map();
    let tf = 0;
    let p = 0;
    s.terms.forEach((term, t) => {
      const lists: PackedList[] = [];
      const n = s.termFields[t] ?? 0;
      for (let k = 0; k < n; k++, tf++) {
        const end = p + (s.counts[tf] ?? 0);
        lists.push({
          field: s.fields[tf] ?? 0,
          docs: s.docs.subarray(p, end),
          freqs: s.freqs.subarray(p, end),
        });
        p = end;
      }
      x._index.set(term, packedTermData(lists));
    });
    return x;
  }
}

export function storeSearchIndex(idx: MiniSearch<SearchDoc>): StoredSearchIndex {
  const parts = IndexAccess.read(idx);
  return { v: INDEX_STORE_VERSION, nFields: Object.keys(parts.fieldIds).length, ...parts };
}

function valid(s: Partial<StoredSearchIndex>): s is StoredSearchIndex {
  if (s.v !== INDEX_STORE_VERSION) return false;
  const nums = [s.documentCount, s.nextId, s.dirtCount, s.nFields];
  if (!nums.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) return false;
  const { shortIds, ids, lengthIds, lengths, terms, termFields, fields, counts, docs, freqs } = s;
  if (!(shortIds instanceof Uint32Array) || !stringColumn(ids, shortIds.length)) return false;
  if (!(lengthIds instanceof Uint32Array) || !(lengths instanceof Uint32Array)) return false;
  if (lengths.length !== lengthIds.length * (s.nFields ?? 0)) return false;
  if (!stringColumn(terms) || !(termFields instanceof Uint8Array) || termFields.length !== terms?.length)
    return false;
  if (!(fields instanceof Uint8Array) || !(counts instanceof Uint32Array) || fields.length !== counts.length)
    return false;
  if (!(docs instanceof Uint32Array) || !(freqs instanceof Uint32Array) || docs.length !== freqs.length)
    return false;
  let pairs = 0;
  for (const n of termFields) pairs += n;
  let postings = 0;
  for (const n of counts) postings += n;
  if (pairs !== fields.length || postings !== docs.length) return false;
  if (typeof s.fieldIds !== 'object' || s.fieldIds === null || !Array.isArray(s.avgFieldLength)) return false;
  const expected = SEARCH_OPTIONS.fields;
  return (
    Object.keys(s.fieldIds).length === expected.length &&
    expected.every((f, i) => s.fieldIds?.[f] === i) &&
    s.avgFieldLength.every((n) => typeof n === 'number')
  );
}

/** The index from `storeSearchIndex` output (after a structured clone), or undefined when it does not fit. */
export function restoreSearchIndex(x: unknown): MiniSearch<SearchDoc> | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const s = x as Partial<StoredSearchIndex>;
  return valid(s) ? IndexAccess.write(s) : undefined;
}
