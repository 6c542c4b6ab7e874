/**
 * Catalog full-text index: documents, MiniSearch options and search helpers, shared by the catalog
 * worker and its main-thread fallback. Pure (MiniSearch is a plain library).
 */
import MiniSearch, { type Options } from 'minisearch';
import { applyFacets, rememberAscending, warmFacetGroups, type FacetIndex } from '../catalog/facets';
import { orderByKeyDesc } from '../catalog/facetStats';
import type { CatalogRow } from '../catalog/catalogRow';
import { filterStructured } from './filter';
import { freeText, parseQuery, type ParsedQuery } from './query';
import { packedDocs, packedLists, postingCount, type PackedDocs } from './packedPostings';

export { cacheStamp, SEARCH_CACHE_IDS } from './cacheIds';

export type SearchDoc = {
  key: string;
  id: string;
  name: string;
  owner: string;
  description: string;
  tags: string;
  task: string;
  library: string;
  datasets: string;
  baseModels: string;
  license: string;
};

export const SEARCH_FIELDS = [
  'name',
  'id',
  'owner',
  'description',
  'tags',
  'task',
  'library',
  'datasets',
  'baseModels',
  'license',
] as const;

/** Boosts: name > id > tags > everything else. */
export const SEARCH_BOOST: Readonly<Record<string, number>> = { name: 5, id: 3, tags: 2 };

/** Splits ids and names into words too: `meta-llama/Llama-3.1-8B` → meta, llama, 3.1, 8b ... */
export function tokenize(text: string): string[] {
  return text
    .split(/[\s/_\-:,;()[\]{}"'|!?*#<>=`~@&+]+/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

const processTerm = (term: string): string | null => {
  const t = term.toLowerCase().replace(/^\.+|\.+$/gu, '');
  return t === '' ? null : t;
};

/** Typo tolerance scaled to the term: none below 4 characters, at most 2 edits. */
export function fuzziness(term: string): number {
  if (term.length < 4) return 0;
  return term.length < 8 ? 1 : 2;
}

export const SEARCH_OPTIONS: Options<SearchDoc> = {
  idField: 'key',
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: {
    boost: { ...SEARCH_BOOST },
    prefix: (term) => term.length >= 2,
    fuzzy: (term) => fuzziness(term),
    maxFuzzy: 2,
    combineWith: 'AND',
  },
};

export function toSearchDoc(r: CatalogRow): SearchDoc {
  return {
    key: r.key,
    id: r.id,
    name: r.name,
    owner: r.owner,
    description: r.desc,
    tags: r.tags.join(' '),
    task: r.tasks.join(' '),
    library: r.library,
    datasets: r.trainedOn.join(' '),
    baseModels: r.baseModels.join(' '),
    license: `${r.license} ${r.licenseName}`.trim(),
  };
}

export function createSearchIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
}

export function loadSearchIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
}

/** Completion suggestions for the text typed so far (whole-query strings, best first). */
export function suggestText(index: MiniSearch<SearchDoc>, text: string, limit = 8): string[] {
  const q = text.trim();
  if (q === '') return [];
  return index
    .autoSuggest(q, {
      prefix: (t) => t.length >= 2,
      fuzzy: false,
      boost: { name: 5, id: 3, tags: 2 },
      fields: ['name', 'id', 'tags', 'owner', 'task', 'library'],
    })
    .slice(0, limit)
    .map((s) => s.suggestion);
}

// ---------------------------------------------------------------------------------------------------
// Row search: the catalog's query path. It asks MiniSearch's own inverted index (its radix tree for
// exact, prefix and fuzzy term lookup, its postings and field lengths) and scores with MiniSearch's BM25
// and weights, but accumulates in typed arrays by document and answers row indices in rank order:
// no per-hit result objects, no key lookups, nothing built that the caller would discard.

/** MiniSearch's defaults (SEARCH_OPTIONS sets none of these). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** At most this many typo-tolerant (fuzzy or transposed) terms per word, closest first. */
const MAX_FUZZY_TERMS = 24;
/** Words per query the scorer combines (more are ignored). */
const MAX_WORDS = 250;

/**
 * Read access to MiniSearch's index structures (protected members, plain properties at runtime; the
 * dependency is pinned). The downcast only lends the subclass's access rights: nothing is called on it.
 */
class IndexInternals extends MiniSearch<SearchDoc> {
  static of(idx: MiniSearch<SearchDoc>) {
    const x = idx as IndexInternals;
    return {
      terms: x._index,
      fieldIds: x._fieldIds,
      fieldLength: x._fieldLength,
      avgFieldLength: x._avgFieldLength,
      // Document ids are the rows' keys (`idField: 'key'`).
      documentIds: x._documentIds as Map<number, string>,
      documentCount: x._documentCount,
      nextId: x._nextId,
    };
  }
}

type Internals = ReturnType<typeof IndexInternals.of>;
type TermData = NonNullable<ReturnType<Internals['terms']['get']>>;
type Postings = NonNullable<ReturnType<TermData['get']>>;

/**
 * Per index (and row order): short document id → row index (-1 when the document is gone or has no row),
 * field lengths by short id, field boosts by field id, and scratch buffers. Rebuilt when documents were
 * removed or rows reordered; extended in place when documents were only added.
 */
type RowView = {
  terms: Internals['terms'];
  keyToIndex: ReadonlyMap<string, number>;
  nextId: number;
  documentCount: number;
  keyCount: number;
  /** Live documents without a row when built (a later row for them needs a rebuild). */
  unresolved: number;
  nFields: number;
  boosts: Float64Array;
  rowOf: Int32Array;
  fieldLen: Uint16Array;
  scores: Float64Array;
  matched: Uint8Array;
  list: Int32Array;
  /** Highest row index a document maps to; by row: score and hit flag (scratch). */
  maxRow: number;
  rowScore: Float32Array;
  rowFlag: Uint8Array;
};

const views = new WeakMap<MiniSearch<SearchDoc>, RowView>();

function grow<T extends Int32Array | Uint16Array | Float64Array | Float32Array | Uint8Array>(
  a: T,
  size: number,
): T {
  if (a.length >= size) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.ceil(size * 1.25) + 1024);
  b.set(a);
  return b;
}

function resolveDocs(view: RowView, m: Internals, from: number, to: number): void {
  const { rowOf, fieldLen, nFields } = view;
  for (let s = from; s < to; s++) {
    const id = m.documentIds.get(s);
    if (id === undefined) {
      rowOf[s] = -1;
      continue;
    }
    const row = view.keyToIndex.get(id);
    rowOf[s] = row ?? -1;
    if (row === undefined) view.unresolved++;
    else if (row > view.maxRow) view.maxRow = row;
    const lens = m.fieldLength.get(s);
    if (lens) for (let f = 0; f < nFields; f++) fieldLen[s * nFields + f] = Math.min(lens[f] ?? 0, 65535);
  }
}

/**
 * `resolveDocs` for every document, from the restored index's packed arrays (no map is built): rows as
 * stored with the index when the view's rows are still those, else by key.
 */
function resolvePacked(view: RowView, d: PackedDocs): void {
  const { rowOf, fieldLen, nFields } = view;
  rowOf.fill(-1);
  const stored = d.rows;
  const byRow = stored && stored.keyToIndex === view.keyToIndex && stored.size === view.keyToIndex.size;
  // Indexed loops, no callbacks: this runs for the first query after a cold start, before anything is
  // compiled.
  const { shortIds, lengthIds, lengths, noLength } = d;
  let maxRow = view.maxRow;
  let unresolved = 0;
  for (let i = 0; i < shortIds.length; i++) {
    const row = byRow ? stored.docRows[i] : view.keyToIndex.get(d.idOf(i));
    rowOf[shortIds[i] ?? 0] = row ?? -1;
    if (row === undefined) unresolved++;
    else if (row > maxRow) maxRow = row;
  }
  view.maxRow = maxRow;
  view.unresolved += unresolved;
  const n = Math.min(nFields, d.nFields);
  const stride = d.nFields;
  for (let i = 0; i < lengthIds.length; i++) {
    const at = (lengthIds[i] ?? 0) * nFields;
    for (let f = 0; f < n; f++) {
      const v = lengths[i * stride + f] ?? noLength;
      fieldLen[at + f] = v === noLength ? 0 : Math.min(v, 65535);
    }
  }
}

function rowView(idx: MiniSearch<SearchDoc>, keyToIndex: ReadonlyMap<string, number>): RowView {
  const m = IndexInternals.of(idx);
  let v = views.get(idx);
  if (v && v.terms === m.terms && v.keyToIndex === keyToIndex) {
    const added = m.nextId - v.nextId;
    if (added === 0 && v.documentCount === m.documentCount && v.keyCount === keyToIndex.size) return v;
    // Only additions since (every new id live, no removal), and no row arrived for an unresolved doc.
    if (added > 0 && m.documentCount - v.documentCount === added && v.unresolved === 0) {
      const cap = m.nextId;
      v.rowOf = grow(v.rowOf, cap);
      v.fieldLen = grow(v.fieldLen, cap * v.nFields);
      v.scores = grow(v.scores, cap);
      v.matched = grow(v.matched, cap);
      v.list = grow(v.list, cap);
      resolveDocs(v, m, v.nextId, m.nextId);
      v.rowScore = grow(v.rowScore, v.maxRow + 1);
      v.rowFlag = grow(v.rowFlag, v.maxRow + 1);
      v.nextId = m.nextId;
      v.documentCount = m.documentCount;
      v.keyCount = keyToIndex.size;
      return v;
    }
  }
  const nFields = Object.keys(m.fieldIds).length;
  const boosts = new Float64Array(nFields);
  for (const [field, id] of Object.entries(m.fieldIds)) boosts[id] = SEARCH_BOOST[field] ?? 1;
  const cap = m.nextId + 1;
  v = {
    terms: m.terms,
    keyToIndex,
    nextId: m.nextId,
    documentCount: m.documentCount,
    keyCount: keyToIndex.size,
    unresolved: 0,
    nFields,
    boosts,
    rowOf: new Int32Array(cap),
    fieldLen: new Uint16Array(cap * nFields),
    scores: new Float64Array(cap),
    matched: new Uint8Array(cap),
    list: new Int32Array(cap),
    maxRow: -1,
    rowScore: new Float32Array(0),
    rowFlag: new Uint8Array(0),
  };
  const packed = packedDocs(m.documentIds, m.fieldLength);
  if (packed) resolvePacked(v, packed);
  else resolveDocs(v, m, 0, m.nextId);
  v.rowScore = new Float32Array(v.maxRow + 1);
  v.rowFlag = new Uint8Array(v.maxRow + 1);
  views.set(idx, v);
  return v;
}

/**
 * Prepares the query paths for a snapshot, for idle time after the index loads or rows change: maps
 * documents to rows, builds the licence/base columns and facet label orders, and runs a few queries on
 * common words of the catalog (full text, prefix, typo, exclusion, clauses, phrase, facets) so
 * the first real queries find everything built and compiled. Results are the same without it.
 */
export function warmSearchIndex(
  index: MiniSearch<SearchDoc>,
  rows: readonly CatalogRow[],
  keyToIndex: ReadonlyMap<string, number>,
  facets?: FacetIndex,
): void {
  if (facets) warmFacetGroups(facets);
  const view = rowView(index, keyToIndex);
  // Two words of typical query size (in about an eighth of the documents).
  const target = IndexInternals.of(index).documentCount / 8;
  const top: [string, number][] = [];
  for (const [term, data] of view.terms) {
    if (term.length < 4) continue;
    top.push([term, Math.abs(postingCount(data) - target)]);
    if (top.length > 2) {
      top.sort((x, y) => x[1] - y[1]);
      top.length = 2;
    }
  }
  const [a = 'a', b = 'b'] = top.map(([t]) => t);
  const typo = `${a[1] ?? ''}${a[0] ?? ''}${a.slice(2)}`;
  const queries = [
    a,
    `${a} ${b}`,
    a.slice(0, 2),
    typo,
    `${a} -${b}`,
    `${b} license:none`,
    '-kind:-',
    `"${a}"`,
  ];
  queries.forEach((q, i) => {
    const c = queryCandidates(index, rows, keyToIndex, parseQuery(q), facets);
    if (facets) applyFacets(facets, c, i % 2 === 0 ? {} : { kind: ['model'] });
  });
}

/** Derived term → weight, for one query word. */
type Expansion = Map<string, number>;

function words(text: string): string[] {
  return tokenize(text)
    .map((w) => processTerm(w))
    .filter((w): w is string => w !== null)
    .slice(0, MAX_WORDS);
}

function addPrefixes(terms: RowView['terms'], word: string, exp: Expansion, base: number): void {
  for (const [t] of terms.atPrefix(word)) {
    if (t === word || exp.has(t)) continue;
    exp.set(t, (base * t.length) / (t.length + 0.3 * (t.length - word.length)));
  }
}

/** Exact word, plus completions when `prefix`. */
function exactExpansion(terms: RowView['terms'], word: string, prefix: boolean): Expansion {
  const exp: Expansion = new Map([[word, 1]]);
  if (prefix) addPrefixes(terms, word, exp, PREFIX_WEIGHT);
  return exp;
}

/**
 * Typo-tolerant expansion: exact, completions (words of 2+ characters), terms within `fuzziness` edits,
 * and adjacent transpositions as one edit ('mistrla' → mistral, 'qwne' → qwen, with their completions).
 * Fuzzy terms are capped, closest first.
 */
function typoExpansion(terms: RowView['terms'], word: string): Expansion {
  const prefix = word.length >= 2;
  const exp = exactExpansion(terms, word, prefix);
  const fuzzy: [string, number][] = [];
  const maxEdits = fuzziness(word);
  if (maxEdits > 0)
    for (const [t, [, dist]] of terms.fuzzyGet(word, maxEdits))
      if (dist > 0 && !exp.has(t)) fuzzy.push([t, (FUZZY_WEIGHT * t.length) / (t.length + dist)]);
  const swapped = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    const t = `${word.slice(0, i)}${word[i + 1] ?? ''}${word[i] ?? ''}${word.slice(i + 2)}`;
    if (swapped.has(t)) continue;
    swapped.add(t);
    if (terms.has(t) && !exp.has(t)) fuzzy.push([t, (FUZZY_WEIGHT * t.length) / (t.length + 1)]);
    if (prefix)
      for (const [c] of terms.atPrefix(t))
        if (c !== t && !exp.has(c))
          fuzzy.push([
            c,
            (FUZZY_WEIGHT * PREFIX_WEIGHT * c.length) / (c.length + 1 + 0.3 * (c.length - t.length)),
          ]);
  }
  fuzzy.sort((a, b) => b[1] - a[1]);
  let kept = 0;
  for (const [t, w] of fuzzy) {
    if (kept >= MAX_FUZZY_TERMS) break;
    const had = exp.get(t);
    if (had === undefined) kept++;
    if (had === undefined || had < w) exp.set(t, w);
  }
  return exp;
}

/** One (term, field) posting list with its weight: a map, or packed arrays as restored (see PackedMap). */
type Posting = { postings?: Postings; docs?: Uint32Array; freqs?: Uint32Array | Uint8Array; weight: number };

/** Postings of a word's derived terms, by field, with their BM25 weight factor (term weight × boost × idf). */
function postingsOf(
  view: RowView,
  m: Internals,
  exp: Expansion,
): { list: Posting[]; size: number; field: number[] } {
  const list: Posting[] = [];
  const field: number[] = [];
  let size = 0;
  const n = m.documentCount;
  for (const [term, weight] of exp) {
    const data = view.terms.get(term);
    if (!data) continue;
    const packed = packedLists(data);
    if (packed) {
      for (const { field: f, docs, freqs } of packed) {
        const df = docs.length;
        if (df === 0) continue;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        list.push({ docs, freqs, weight: weight * (view.boosts[f] ?? 1) * idf });
        field.push(f);
        size += df;
      }
      continue;
    }
    for (const [f, postings] of data) {
      const df = postings.size;
      if (df === 0) continue;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      list.push({ postings, weight: weight * (view.boosts[f] ?? 1) * idf });
      field.push(f);
      size += df;
    }
  }
  return { list, size, field };
}

/**
 * Documents matching every word (AND; each word through its expansion, in any field), scored with
 * MiniSearch's BM25. Returns row indices by descending score (ties: row order).
 */
function scoreWords(view: RowView, m: Internals, exps: readonly Expansion[], ranked = true): Uint32Array {
  if (exps.length === 0) return new Uint32Array(0);
  const plans = exps.map((e) => postingsOf(view, m, e));
  // Rarest word first: the first word lists the candidates, later ones only narrow them.
  plans.sort((a, b) => a.size - b.size);
  const { scores, matched, list, rowOf, fieldLen, nFields } = view;
  const { k, b, d } = BM25;
  let len = 0;
  let alive = 0;
  for (let w = 0; w < plans.length; w++) {
    const plan = plans[w];
    if (!plan || plan.size === 0) {
      alive = 0;
      break;
    }
    alive = 0;
    // A very common word against few candidates: look the candidates up instead of walking its postings.
    const lookup = w > 0 && len * plan.list.length * 4 < plan.size;
    for (let p = 0; p < plan.list.length; p++) {
      const { postings, docs, freqs, weight } = plan.list[p] ?? { weight: 0 };
      const f = plan.field[p] ?? 0;
      const avg = m.avgFieldLength[f] || 1;
      const c1 = k * (1 - b);
      const c2 = (k * b) / avg;
      if (docs && freqs) {
        // Packed postings: walking the arrays is cheaper than any lookup.
        for (let i = 0; i < docs.length; i++) {
          const s = docs[i] ?? 0;
          const c = matched[s] ?? 0;
          if (c === w) {
            if (w === 0) list[len++] = s;
            matched[s] = w + 1;
            alive++;
          } else if (c !== w + 1) continue;
          const tf = freqs[i] ?? 0;
          const fl = fieldLen[s * nFields + f] ?? 0;
          scores[s] = (scores[s] ?? 0) + weight * (d + (tf * (k + 1)) / (tf + c1 + c2 * fl));
        }
        continue;
      }
      if (!postings) continue;
      if (lookup) {
        for (let j = 0; j < len; j++) {
          const s = list[j] ?? 0;
          const c = matched[s] ?? 0;
          if (c !== w && c !== w + 1) continue;
          const tf = postings.get(s);
          if (tf === undefined) continue;
          if (c === w) {
            matched[s] = w + 1;
            alive++;
          }
          const fl = fieldLen[s * nFields + f] ?? 0;
          scores[s] = (scores[s] ?? 0) + weight * (d + (tf * (k + 1)) / (tf + c1 + c2 * fl));
        }
        continue;
      }
      for (const [s, tf] of postings) {
        const c = matched[s] ?? 0;
        if (c === w) {
          if (w === 0) list[len++] = s;
          matched[s] = w + 1;
          alive++;
        } else if (c !== w + 1) continue;
        const fl = fieldLen[s * nFields + f] ?? 0;
        scores[s] = (scores[s] ?? 0) + weight * (d + (tf * (k + 1)) / (tf + c1 + c2 * fl));
      }
    }
    if (alive === 0) break;
  }
  const want = plans.length;
  // Hits with their score by row, then rows in ascending order (a scan of row flags when hits are many),
  // then a stable radix sort by score: ties (to float32 precision) stay in row order.
  const { rowScore, rowFlag } = view;
  let n = 0;
  for (let j = 0; j < len; j++) {
    const s = list[j] ?? 0;
    const row = rowOf[s] ?? -1;
    if (alive > 0 && matched[s] === want && row >= 0) {
      rowScore[row] = scores[s] ?? 0;
      rowFlag[row] = 1;
      list[n++] = row;
    }
    matched[s] = 0;
    scores[s] = 0;
  }
  let rows: Uint32Array;
  if (n * 32 < view.maxRow) rows = Uint32Array.from(list.subarray(0, n)).sort();
  else {
    rows = new Uint32Array(n);
    let k = 0;
    for (let i = 0; i <= view.maxRow && k < n; i++) if (rowFlag[i]) rows[k++] = i;
  }
  const keys = new Float32Array(n);
  for (let j = 0; j < n; j++) {
    const row = rows[j] ?? 0;
    keys[j] = rowScore[row] ?? 0;
    rowFlag[row] = 0;
  }
  if (!ranked) return rows;
  // Positive floats order like their bit patterns. The top 22 bits (1 part in 8192) rank: two radix
  // passes instead of three; closer scores tie, in row order.
  const bits = new Uint32Array(keys.buffer);
  for (let j = 0; j < n; j++) bits[j] = (bits[j] ?? 0) >>> 10;
  const order = orderByKeyDesc(rows, bits);
  // Facet counting reads rows in ascending order: it need not sort them again.
  rememberAscending(order, rows);
  return order;
}

/**
 * Row indices matching the free text, best first: every word, the last one also as a prefix (as you
 * type); typo tolerance (fuzzy + transpositions) only when that finds nothing. Boosts name > id > tags.
 */
export function searchRows(
  index: MiniSearch<SearchDoc>,
  keyToIndex: ReadonlyMap<string, number>,
  text: string,
): Uint32Array {
  const ws = words(text);
  if (ws.length === 0) return new Uint32Array(0);
  const view = rowView(index, keyToIndex);
  const m = IndexInternals.of(index);
  const last = ws.length - 1;
  const fast = scoreWords(
    view,
    m,
    ws.map((w, i) => exactExpansion(view.terms, w, i === last && w.length >= 2)),
  );
  if (fast.length > 0) return fast;
  return scoreWords(
    view,
    m,
    ws.map((w) => typoExpansion(view.terms, w)),
  );
}

/** Row flags (1 = drop) for documents containing every word of some excluded entry exactly (`-word`, `-"two words"`). */
function excludedRows(
  index: MiniSearch<SearchDoc>,
  keyToIndex: ReadonlyMap<string, number>,
  excluded: readonly string[],
  nRows: number,
): Uint8Array {
  const drop = new Uint8Array(nRows);
  const view = rowView(index, keyToIndex);
  const m = IndexInternals.of(index);
  for (const ex of excluded) {
    const parts = ex.split(/\s+/u).filter(Boolean);
    const all: string[] = [];
    let empty = false;
    for (const part of parts) {
      const ws = words(part);
      if (ws.length === 0) empty = true;
      all.push(...ws);
    }
    if (empty || all.length === 0) continue;
    for (const i of scoreWords(
      view,
      m,
      all.map((w) => new Map([[w, 1]])),
      false,
    ))
      if (i < nRows) drop[i] = 1;
  }
  return drop;
}

/**
 * Row indices matching a parsed query: free text (rank order), minus exclusions, then field clauses and
 * phrases (evaluated on the facet columns where they can be). Without free text, ascending row order;
 * `undefined` when the query restricts nothing (every row).
 */
export function queryCandidates(
  index: MiniSearch<SearchDoc> | undefined,
  rows: readonly CatalogRow[],
  keyToIndex: ReadonlyMap<string, number>,
  parsed: ParsedQuery,
  facets?: FacetIndex,
): Uint32Array | undefined {
  const text = freeText(parsed);
  let candidates: Uint32Array | undefined;
  if (index && text !== '') candidates = searchRows(index, keyToIndex, text);
  if (index && parsed.excluded.length > 0) {
    const drop = excludedRows(index, keyToIndex, parsed.excluded, rows.length);
    if (candidates) {
      const kept = new Uint32Array(candidates.length);
      let k = 0;
      for (let j = 0; j < candidates.length; j++) {
        const i = candidates[j] ?? 0;
        if (drop[i] === 0) kept[k++] = i;
      }
      candidates = kept.subarray(0, k);
    } else {
      const out = new Uint32Array(rows.length);
      let k = 0;
      for (let i = 0; i < rows.length; i++) if (drop[i] === 0) out[k++] = i;
      candidates = out.subarray(0, k);
    }
  }
  if (parsed.fields.length > 0 || parsed.phrases.length > 0)
    candidates = filterStructured(rows, parsed, candidates, facets);
  return candidates;
}

export type { MiniSearch };
