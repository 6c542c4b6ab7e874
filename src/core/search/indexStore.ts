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
import { radixTreeFrom, type RadixTree } from './radixTree';
import {
  packedDocumentMaps,
  packedLists,
  packedTermData,
  postingCount,
  type PackedList,
} from './packedPostings';

export const INDEX_STORE_VERSION = 2;

/** Marks a field a document has no length for (MiniSearch's per-document arrays can have holes). */
const NO_LENGTH = 0xffffffff;
const NO_LENGTH_16 = 0xffff;

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
  /** Empty when `docRows` is given: the ids are then the keys of those rows. */
  ids: string[];
  /**
   * Per document (parallel to `shortIds`), its row in the rows persisted with the index, when every
   * document has one: the restore then reads ids from the rows and maps documents to rows without lookups.
   */
  docRows?: Uint32Array;
  /** Field lengths: the short ids that have them, then `nFields` values each (16 bits when they all fit). */
  lengthIds: Uint32Array;
  lengths: Uint32Array | Uint16Array;
  /** Terms in index order; per term its number of fields; per (term, field) the field id and posting count. */
  terms: string[];
  termFields: Uint8Array;
  fields: Uint8Array;
  counts: Uint32Array;
  /** Postings, (term, field) after (term, field): short document id and term frequency (8 bits when all fit). */
  docs: Uint32Array;
  freqs: Uint32Array | Uint8Array;
};

type Parts = Omit<StoredSearchIndex, 'v' | 'nFields'>;

/** Term frequencies in 8 bits when they all fit (almost always: a word rarely repeats within a field). */
function narrowFreqs(values: Uint32Array): Uint32Array | Uint8Array {
  for (const v of values) if (v > 0xff) return values;
  return Uint8Array.from(values);
}

/** Field lengths in 16 bits when every real length fits below the 16-bit marker. */
function narrowLengths(values: Uint32Array): Uint32Array | Uint16Array {
  for (const v of values) if (v !== NO_LENGTH && v >= NO_LENGTH_16) return values;
  return Uint16Array.from(values, (v) => (v === NO_LENGTH ? NO_LENGTH_16 : v));
}

/** The rows of the documents of this index (by `keyToIndex`), or undefined when some document has none. */
function documentRows(
  ids: readonly string[],
  keyToIndex: ReadonlyMap<string, number>,
): Uint32Array | undefined {
  const rows = new Uint32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const row = keyToIndex.get(ids[i] ?? '');
    if (row === undefined) return undefined;
    rows[i] = row;
  }
  return rows;
}

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
      lengths: narrowLengths(Uint32Array.from(lengths)),
      terms,
      termFields: Uint8Array.from(termFields),
      fields: Uint8Array.from(fields),
      counts: Uint32Array.from(counts),
      docs,
      freqs: narrowFreqs(freqs),
    };
  }

  static write(
    s: StoredSearchIndex,
    rowKeys: readonly string[] | undefined,
    keyToIndex?: ReadonlyMap<string, number>,
  ): MiniSearch<SearchDoc> {
    const x = new MiniSearch<SearchDoc>(SEARCH_OPTIONS) as IndexAccess;
    x._documentCount = s.documentCount;
    x._nextId = s.nextId;
    x._dirtCount = s.dirtCount;
    x._fieldIds = { ...s.fieldIds };
    x._avgFieldLength = [...s.avgFieldLength];
    // Document maps and postings stay in the typed arrays until something uses them as maps (see PackedMap).
    const { docRows } = s;
    const docs = packedDocumentMaps({
      shortIds: s.shortIds,
      idOf: docRows && rowKeys ? (i) => rowKeys[docRows[i] ?? 0] ?? '' : (i) => s.ids[i] ?? '',
      lengthIds: s.lengthIds,
      lengths: s.lengths,
      nFields: s.nFields,
      noLength: s.lengths instanceof Uint16Array ? NO_LENGTH_16 : NO_LENGTH,
      ...(docRows && keyToIndex ? { rows: { docRows, keyToIndex, size: keyToIndex.size } } : {}),
    });
    x._documentIds = docs.documentIds;
    x._idToShortId = docs.idToShortId;
    x._fieldLength = docs.fieldLength;
    x._storedFields = new Map();
    let tf = 0;
    let p = 0;
    const data = s.terms.map((_, t) => {
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
      return packedTermData(lists);
    });
    // The terms are stored in the index map's iteration order: its tree is built in one pass.
    type Data = (typeof data)[number];
    const dataOf = (t: number): Data => data[t] ?? new Map<number, Map<number, number>>();
    const tree = radixTreeFrom(s.terms, dataOf);
    const index = x._index as unknown as { _tree: RadixTree<Data> };
    if (tree) index._tree = tree;
    else s.terms.forEach((term, t) => x._index.set(term, dataOf(t)));
    return x;
  }
}

/**
 * The index as typed arrays. With the rows it is persisted with (`keyToIndex`), documents are stored by row
 * instead of by id when every document has a row.
 */
export function storeSearchIndex(
  idx: MiniSearch<SearchDoc>,
  keyToIndex?: ReadonlyMap<string, number>,
): StoredSearchIndex {
  const parts = IndexAccess.read(idx);
  const docRows = keyToIndex ? documentRows(parts.ids, keyToIndex) : undefined;
  const byRow = docRows ? { ids: [], docRows } : {};
  return { v: INDEX_STORE_VERSION, nFields: Object.keys(parts.fieldIds).length, ...parts, ...byRow };
}

function valid(s: Partial<StoredSearchIndex>, rowCount: number | undefined): s is StoredSearchIndex {
  if (s.v !== INDEX_STORE_VERSION) return false;
  const nums = [s.documentCount, s.nextId, s.dirtCount, s.nFields];
  if (!nums.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) return false;
  const { shortIds, ids, docRows, lengthIds, lengths, terms, termFields, fields, counts, docs, freqs } = s;
  if (!(shortIds instanceof Uint32Array)) return false;
  if (docRows !== undefined) {
    // Stored by row: only with the rows, and every row in range.
    if (!(docRows instanceof Uint32Array) || docRows.length !== shortIds.length) return false;
    if (rowCount === undefined || !stringColumn(ids, 0)) return false;
    for (const r of docRows) if (r >= rowCount) return false;
  } else if (!stringColumn(ids, shortIds.length)) return false;
  if (!(lengthIds instanceof Uint32Array)) return false;
  if (!(lengths instanceof Uint32Array || lengths instanceof Uint16Array)) return false;
  if (lengths.length !== lengthIds.length * (s.nFields ?? 0)) return false;
  if (!stringColumn(terms) || !(termFields instanceof Uint8Array) || termFields.length !== terms?.length)
    return false;
  if (!(fields instanceof Uint8Array) || !(counts instanceof Uint32Array) || fields.length !== counts.length)
    return false;
  if (!(docs instanceof Uint32Array) || !(freqs instanceof Uint32Array || freqs instanceof Uint8Array))
    return false;
  if (docs.length !== freqs.length) return false;
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

/**
 * The index from `storeSearchIndex` output (after a structured clone), or undefined when it does not fit.
 * `rows`: the rows persisted with it (their keys in row order, and the key → row map of the same order);
 * required for an index stored by row.
 */
export function restoreSearchIndex(
  x: unknown,
  rows?: { keys: readonly string[]; keyToIndex: ReadonlyMap<string, number> },
): MiniSearch<SearchDoc> | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const s = x as Partial<StoredSearchIndex>;
  return valid(s, rows?.keys.length) ? IndexAccess.write(s, rows?.keys, rows?.keyToIndex) : undefined;
}
