/**
 * Catalog rows and facets: a compact, JSON-only projection of each stored asset (what the table shows and
 * what filters and facets read), a dictionary-encoded facet index, and one-pass facet counting that
 * respects every other active filter. Pure; fast at 100k rows (typed arrays, no per-query allocation
 * beyond the result).
 */
import type { AssetKind, Relation } from '../model';
import { assetKey } from '../model';
import { kbLicense } from '../licenses/kb';
import type { StoredAsset } from './rows';
import { countGroup, facetGroupsOf, prepareFacetGroups } from './facetGroups';
import { isPermutation } from '../util/columns';

/** License family facet values. */
export type LicenseFamily =
  'permissive' | 'copyleft' | 'non-commercial' | 'responsible-AI' | 'custom' | 'unknown';

export const LICENSE_FAMILIES: readonly LicenseFamily[] = [
  'permissive',
  'copyleft',
  'non-commercial',
  'responsible-AI',
  'custom',
  'unknown',
];

/** How a model derives from its bases (same rule as core/lineage `derivativeType`, from the asset's own outgoing relations). */
export type Derivation = 'finetune' | 'adapter' | 'quantized' | 'merge' | 'original';

/** One catalog row: plain JSON, cheap to persist, clone and filter. */
export type CatalogRow = {
  key: string;
  id: string;
  name: string;
  kind: AssetKind | (string & {});
  owner: string;
  /** Pipeline tag or first task category ('' when none). */
  task: string;
  /** Every task (pipeline tag + task categories + task ids). */
  tasks: string[];
  library: string;
  /** Normalized license expression ('' when none). */
  license: string;
  /** Free-text license name (HF `license_name`), searchable. */
  licenseName: string;
  licenseFamily: LicenseFamily;
  /** Declared base model ids (for display and search). */
  baseModels: string[];
  /** Keys of the assets this one derives from (baseModels + finetune/adapter/quantized/merge relations). */
  bases: string[];
  derivative: Derivation;
  /** Keys of every parent this asset points to (any relation type, self excluded). */
  parents: string[];
  /** How many relations point at this asset (self excluded). */
  nChildren: number;
  /** Training datasets as declared (datasets + trained_on parents). */
  trainedOn: string[];
  languages: string[];
  /** Source formats that contributed. */
  formats: string[];
  tags: string[];
  /** Description (truncated), for search and phrase matching. */
  desc: string;
  updatedAt: string;
};

const DERIVATION_TYPES = new Set(['finetune_of', 'adapter_of', 'quantized_from', 'merge_of']);
const DESC_MAX = 300;

function uniq(xs: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    const v = x.trim();
    if (v === '') continue;
    const k = v.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

/** Derivative type from outgoing relations: merge > quantized > adapter > finetune (two or more finetune bases → merge). */
export function derivationOf(
  key: string,
  outgoing: readonly Pick<Relation, 'type' | 'parent'>[],
): Derivation {
  let merge = false;
  let quantized = false;
  let adapter = false;
  const ft = new Set<string>();
  for (const r of outgoing) {
    const p = assetKey(r.parent);
    if (p === key) continue;
    if (r.type === 'merge_of') merge = true;
    else if (r.type === 'quantized_from') quantized = true;
    else if (r.type === 'adapter_of') adapter = true;
    else if (r.type === 'finetune_of') ft.add(p);
  }
  if (merge) return 'merge';
  if (quantized) return 'quantized';
  if (adapter) return 'adapter';
  if (ft.size >= 2) return 'merge';
  if (ft.size === 1) return 'finetune';
  return 'original';
}

const FAMILY_RANK: Record<LicenseFamily, number> = {
  permissive: 0,
  copyleft: 1,
  'responsible-AI': 2,
  custom: 3,
  'non-commercial': 4,
  unknown: 5,
};

function atomFamily(atom: string): LicenseFamily {
  const id = atom.replace(/\+$/u, '').trim();
  const lower = id.toLowerCase();
  if (
    lower === '' ||
    lower === 'noassertion' ||
    lower === 'none' ||
    lower === 'unknown' ||
    lower.includes('unresolved')
  )
    return 'unknown';
  const kb = kbLicense(id);
  if (kb) {
    switch (kb.category) {
      case 'public-domain':
      case 'permissive':
        return 'permissive';
      case 'weak-copyleft':
      case 'strong-copyleft':
      case 'network-copyleft':
      case 'share-alike':
        return 'copyleft';
      case 'non-commercial':
      case 'research-only':
      case 'no-derivatives':
        return 'non-commercial';
      case 'responsible-ai':
        return 'responsible-AI';
      case 'open-weights-custom':
      case 'proprietary-terms':
        return 'custom';
      default:
        return 'unknown';
    }
  }
  if (/-nc\b|noncommercial|non-commercial|research/u.test(lower)) return 'non-commercial';
  if (/rail/u.test(lower)) return 'responsible-AI';
  if (/^(a|l)?gpl|^mpl|^epl|^eupl|^cddl|^osl|-sa\b|copyleft/u.test(lower)) return 'copyleft';
  if (lower.startsWith('licenseref-')) return 'custom';
  if (
    /^(mit|bsd|apache|isc|zlib|cc0|cc-by-\d|unlicense|wtfpl|psf|python|bsl-1|0bsd|x11|ncsa|oldap|postgresql|artistic)/u.test(
      lower,
    )
  )
    return 'permissive';
  return 'custom';
}

/**
 * License family of a normalized SPDX-style expression. OR picks the most permissive branch, AND the
 * most restrictive part. Local classifier (KB categories + name patterns) until core/licenses exports one.
 */
export function licenseFamily(expression: string | undefined): LicenseFamily {
  const expr = (expression ?? '').trim();
  if (expr === '') return 'unknown';
  const orParts = expr.replace(/[()]/gu, ' ').split(/\s+OR\s+/u);
  let best: LicenseFamily | undefined;
  for (const part of orParts) {
    let worst: LicenseFamily | undefined;
    for (const raw of part.split(/\s+AND\s+/u)) {
      const atom = raw.split(/\s+WITH\s+/u)[0] ?? '';
      const f = atomFamily(atom);
      if (worst === undefined || FAMILY_RANK[f] > FAMILY_RANK[worst]) worst = f;
    }
    if (worst !== undefined && (best === undefined || FAMILY_RANK[worst] < FAMILY_RANK[best])) best = worst;
  }
  return best ?? 'unknown';
}

const atomCache = new Map<string, string[]>();

/** License atoms of an expression, lower-cased (for `license:` matching). Memoized: few distinct expressions. */
export function licenseAtoms(expression: string): string[] {
  let atoms = atomCache.get(expression);
  if (atoms) return atoms;
  atoms = splitAtoms(expression);
  if (atomCache.size < 10_000) atomCache.set(expression, atoms);
  return atoms;
}

function splitAtoms(expression: string): string[] {
  return expression
    .replace(/[()]/gu, ' ')
    .split(/\s+(?:OR|AND|WITH)\s+|\s+/u)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '' && s !== 'or' && s !== 'and' && s !== 'with');
}

/** Relation shape needed to build a row (an outgoing relation of the asset). */
export type RowRelation = Pick<Relation, 'type' | 'parent'>;

/** Projects a stored asset (+ its outgoing relations and incoming count) to a catalog row. */
export function toCatalogRow(
  a: StoredAsset,
  outgoing: readonly RowRelation[],
  nChildren: number,
): CatalogRow {
  const key = a.key;
  const baseModels = uniq(a.baseModels ?? []);
  const bases = new Set(baseModels.map(assetKey));
  const parents = new Set<string>();
  const trained = [...(a.datasets ?? [])];
  for (const r of outgoing) {
    const p = assetKey(r.parent);
    if (p === key) continue;
    parents.add(p);
    if (DERIVATION_TYPES.has(r.type)) bases.add(p);
    if (r.type === 'trained_on') trained.push(r.parent);
  }
  const tasks = uniq([a.pipelineTag ?? '', ...(a.taskCategories ?? []), ...(a.taskIds ?? [])]);
  const formats = uniq([...a.contributions.map((c) => c.format), a.sourceFormat ?? '']);
  const license = a.license.normalized ?? '';
  return {
    key,
    id: a.id,
    name: a.name,
    kind: a.kind,
    owner: a.owner ?? (a.id.includes('/') ? (a.id.split('/')[0] ?? '') : ''),
    task: tasks[0] ?? '',
    tasks,
    library: a.libraryName ?? '',
    license,
    licenseName: a.license.name ?? '',
    licenseFamily: licenseFamily(license),
    baseModels,
    bases: Array.from(bases),
    derivative: derivationOf(key, outgoing),
    parents: Array.from(parents),
    nChildren,
    trainedOn: uniq(trained),
    languages: uniq(a.languages ?? []),
    formats,
    tags: uniq(a.tags ?? []),
    desc: (a.description ?? '').slice(0, DESC_MAX),
    updatedAt: a.updatedAt,
  };
}

// ---------------------------------------------------------------------------------------------------
// Facets

export type FacetId =
  | 'kind'
  | 'task'
  | 'library'
  | 'license'
  | 'family'
  | 'check'
  | 'lang'
  | 'derivative'
  | 'lineage'
  | 'trained'
  | 'format';

export type FacetDef = { id: FacetId; label: string; values: (r: CatalogRow) => readonly string[] };

/** The catalog's facets, in display order. `id` is also the URL parameter. */
export const FACETS: readonly FacetDef[] = [
  { id: 'kind', label: 'Kind', values: (r) => [r.kind] },
  { id: 'task', label: 'Task', values: (r) => r.tasks },
  { id: 'library', label: 'Library', values: (r) => (r.library ? [r.library] : []) },
  { id: 'license', label: 'License', values: (r) => [r.license || 'none'] },
  { id: 'family', label: 'License family', values: (r) => [r.licenseFamily] },
  // Licence check verdict (ok | warning | review | conflict) for the current intended use, ancestors included.
  // Not a row field: the catalog engine supplies it per row (`buildFacetIndex` overrides); empty until it does.
  { id: 'check', label: 'License check', values: () => [] },
  { id: 'lang', label: 'Language', values: (r) => r.languages },
  { id: 'derivative', label: 'Derivative type', values: (r) => [r.derivative] },
  {
    id: 'lineage',
    label: 'Has lineage',
    values: (r) => [r.parents.length > 0 || r.nChildren > 0 ? 'yes' : 'no'],
  },
  { id: 'trained', label: 'Trained-on dataset', values: (r) => r.trainedOn },
  { id: 'format', label: 'Source format', values: (r) => r.formats },
];

export const FACET_IDS: readonly FacetId[] = FACETS.map((f) => f.id);

/** One facet column, dictionary-encoded in CSR form: values of row i are `ids[offsets[i]..offsets[i+1])`. */
export type FacetColumn = {
  /** Value labels by id (first-seen spelling). */
  labels: string[];
  /** Lower-cased label → id. */
  byLower: Map<string, number>;
  offsets: Uint32Array;
  ids: Uint32Array;
};

export type FacetIndex = { size: number; columns: Record<FacetId, FacetColumn> };

/** Per-facet value functions replacing the defaults (e.g. licence verdicts computed outside the rows). */
export type FacetValueOverrides = Partial<Record<FacetId, (r: CatalogRow) => readonly string[]>>;

/** Builds the facet index over rows (O(total values)). */
export function buildFacetIndex(
  rows: readonly CatalogRow[],
  overrides: FacetValueOverrides = {},
): FacetIndex {
  const columns = {} as Record<FacetId, FacetColumn>;
  for (const facet of FACETS) columns[facet.id] = buildColumn(rows, overrides[facet.id] ?? facet.values);
  return { size: rows.length, columns };
}

/**
 * The index with one facet's column rebuilt from new value functions (e.g. new licence verdicts); the
 * other columns are shared, with their label orders.
 */
export function withFacetColumn(
  index: FacetIndex,
  rows: readonly CatalogRow[],
  id: FacetId,
  values: (r: CatalogRow) => readonly string[],
): FacetIndex {
  return { size: index.size, columns: { ...index.columns, [id]: buildColumn(rows, values) } };
}

function buildColumn(rows: readonly CatalogRow[], values: (r: CatalogRow) => readonly string[]): FacetColumn {
  const labels: string[] = [];
  const byLower = new Map<string, number>();
  const offsets = new Uint32Array(rows.length + 1);
  const tmp: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    offsets[i] = tmp.length;
    const row = rows[i];
    if (!row) continue;
    for (const v of values(row)) {
      const lower = v.toLowerCase();
      let id = byLower.get(lower);
      if (id === undefined) {
        id = labels.length;
        labels.push(v);
        byLower.set(lower, id);
      }
      // Avoid counting a value twice for one row.
      let dup = false;
      for (let k = offsets[i] ?? 0; k < tmp.length; k++) if (tmp[k] === id) dup = true;
      if (!dup) tmp.push(id);
    }
  }
  offsets[rows.length] = tmp.length;
  return { labels, byLower, offsets, ids: Uint32Array.from(tmp) };
}

/**
 * Prepares the index for counting columns together (`facetGroups.ts`): tens of ms at 100k rows, once per
 * index, in idle time. Counts are the same with or without.
 */
export function warmFacetGroups(index: FacetIndex): void {
  prepareFacetGroups(
    index,
    FACET_IDS.map((id) => index.columns[id]),
  );
}

/** Selected facet values per facet (OR within a facet, AND across facets). */
export type FacetSelection = Partial<Record<FacetId, readonly string[]>>;

export type FacetValueCount = { value: string; count: number };

export type FacetCounts = Record<FacetId, { values: FacetValueCount[]; distinct: number }>;

export type FacetResult = {
  /** Row indices passing the candidates AND every facet filter, in candidate order. */
  matches: Uint32Array;
  counts: FacetCounts;
};

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;

/**
 * `items` ordered by `keys` (parallel, 32-bit) descending; equal keys keep their input order. A stable
 * LSD radix sort (up to three 11-bit passes, none above the highest key bit, skipped where every key has
 * the same digit): linear, where a comparison sort of 50k typed values costs milliseconds.
 */
export function orderByKeyDesc(items: Uint32Array, keys: Uint32Array): Uint32Array {
  const n = items.length;
  let a = items.slice();
  if (n < 2) return a;
  let ka = keys.slice(0, n);
  let b = new Uint32Array(n);
  let kb = new Uint32Array(n);
  const start = new Uint32Array(RADIX);
  // No pass for the digits above the highest key bit.
  let top = 0;
  for (let j = 0; j < n; j++) top |= ka[j] ?? 0;
  for (let shift = 0; shift < 32 && top >>> shift !== 0; shift += RADIX_BITS) {
    start.fill(0);
    // Inverted digits: ascending passes give descending keys.
    for (let j = 0; j < n; j++) {
      const d = RADIX - 1 - (((ka[j] ?? 0) >>> shift) & (RADIX - 1));
      start[d] = (start[d] ?? 0) + 1;
    }
    let sum = 0;
    let single = false;
    for (let d = 0; d < RADIX; d++) {
      const c = start[d] ?? 0;
      if (c === n) single = true;
      start[d] = sum;
      sum += c;
    }
    if (single) continue;
    for (let j = 0; j < n; j++) {
      const key = ka[j] ?? 0;
      const d = RADIX - 1 - ((key >>> shift) & (RADIX - 1));
      const pos = start[d] ?? 0;
      start[d] = pos + 1;
      b[pos] = a[j] ?? 0;
      kb[pos] = key;
    }
    [a, b] = [b, a];
    [ka, kb] = [kb, ka];
  }
  return a;
}

/** Label ids in `localeCompare` order (ties by id), computed once per column. */
const collations = new WeakMap<FacetColumn, { byRank: Uint32Array }>();

/** A column's label ids in collation order (computed once per column). */
export function columnCollation(col: FacetColumn): Uint32Array {
  return collation(col).byRank;
}

/**
 * Gives a column its collation order as computed before (from a cache, for the same labels), so the
 * first query after a cold start does not sort the labels again. Ignored unless it is a permutation.
 */
export function seedCollation(col: FacetColumn, byRank: Uint32Array): boolean {
  if (!isPermutation(byRank, col.labels.length)) return false;
  collations.set(col, { byRank });
  return true;
}

function collation(col: FacetColumn): { byRank: Uint32Array } {
  let c = collations.get(col);
  if (c) return c;
  const { labels } = col;
  const order = Array.from({ length: labels.length }, (_, i) => i);
  order.sort((a, b) => (labels[a] ?? '').localeCompare(labels[b] ?? '') || a - b);
  c = { byRank: Uint32Array.from(order) };
  collations.set(col, c);
  return c;
}

/**
 * Label ids with a count, most frequent first, ties in `localeCompare` order of the labels: the values in
 * collation order, stably radix-sorted by count.
 */
function countOrder(col: FacetColumn, counter: Uint32Array): Uint32Array {
  const { byRank } = collation(col);
  const ids = new Uint32Array(byRank.length);
  const keys = new Uint32Array(byRank.length);
  let distinct = 0;
  for (let pos = 0; pos < byRank.length; pos++) {
    const v = byRank[pos] ?? 0;
    const c = counter[v] ?? 0;
    if (c === 0) continue;
    ids[distinct] = v;
    keys[distinct++] = c;
  }
  return orderByKeyDesc(ids.subarray(0, distinct), keys.subarray(0, distinct));
}

/** The first `maxValues` of `order` (see `countOrder`) with their counts. */
function topValues(
  col: FacetColumn,
  counter: Uint32Array,
  order: Uint32Array,
  maxValues: number,
): { values: FacetValueCount[]; distinct: number } {
  const take = Math.min(order.length, maxValues);
  const values: FacetValueCount[] = new Array<FacetValueCount>(take);
  for (let j = 0; j < take; j++) {
    const id = order[j] ?? 0;
    values[j] = { value: col.labels[id] ?? '', count: counter[id] ?? 0 };
  }
  return { values, distinct: order.length };
}

/**
 * Filters candidate rows by the facet selection and counts facet values, each facet counted over the
 * rows that pass every OTHER facet's filter (so counts tell what a click would give).
 * `candidates` = row indices (e.g. text/field query hits, in rank order); `undefined` = all rows.
 * Column by column over typed arrays: a failure mask per row, then one counting pass per facet.
 */
export function applyFacets(
  index: FacetIndex,
  candidates: Uint32Array | undefined,
  selection: FacetSelection,
  maxValues = 2000,
): FacetResult {
  const cols = FACET_IDS.map((id) => index.columns[id]);
  // Counting reads the columns in row order (sequential memory), whatever the candidates' order.
  const rowsIn = candidates ? ascending(candidates, index.size) : allRows(index.size);
  // Failure mask by row index: bit b set = fails the b-th active facet filter.
  const bits = new Uint32Array(cols.length);
  let mask: Uint32Array | undefined;
  let bit = 1;
  for (let f = 0; f < cols.length; f++) {
    const sel = selection[FACET_IDS[f] ?? 'kind'];
    const col = cols[f];
    if (!sel || sel.length === 0 || !col) continue;
    const wanted = new Uint8Array(col.labels.length);
    for (const v of sel) {
      const vid = col.byLower.get(v.toLowerCase());
      if (vid !== undefined) wanted[vid] = 1;
    }
    mask ??= new Uint32Array(index.size);
    markFailures(col.offsets, col.ids, rowsIn, wanted, mask, bit);
    bits[f] = bit;
    bit <<= 1;
  }
  const passing = mask ? rowsWithMask(rowsIn, mask, 0) : rowsIn;
  // Matches keep the candidates' order.
  const matches = !mask
    ? (candidates?.slice() ?? rowsIn)
    : candidates
      ? rowsWithMask(candidates, mask, 0)
      : passing;
  const counts = {} as FacetCounts;
  const counters = cols.map((col) => new Uint32Array(col ? col.labels.length : 0));
  const filtered = candidates !== undefined || mask !== undefined;
  // Filtered: the columns of a group are counted together; unfiltered, every column has its counts.
  const groups = filtered ? (facetGroupsOf(index)?.groups ?? []) : [];
  const grouped = new Uint8Array(cols.length);
  for (const g of groups) {
    countGroup(g, passing, counters);
    for (const f of g.cols) grouped[f] = 1;
  }
  for (let f = 0; f < cols.length; f++) {
    const id = FACET_IDS[f] ?? 'kind';
    const col = cols[f];
    const counter = counters[f] ?? new Uint32Array(0);
    if (col) {
      if (!filtered) counter.set(columnCounts(col));
      else if (!grouped[f]) countRows(col.offsets, col.ids, passing, counter);
      const own = bits[f] ?? 0;
      // Rows failing only this facet's filter count for it too (what a click would add).
      if (mask && own !== 0) countRows(col.offsets, col.ids, rowsWithMask(rowsIn, mask, own), counter);
    }
    const order = col ? (filtered ? countOrder(col, counter) : columnCountOrder(col)) : undefined;
    const { values: kept, distinct } =
      col && order ? topValues(col, counter, order, maxValues) : { values: [], distinct: 0 };
    // Keep selected values even when cut off or at zero.
    for (const s of selection[id] ?? []) {
      const lower = s.toLowerCase();
      if (kept.some((x) => x.value.toLowerCase() === lower)) continue;
      const vid = col?.byLower.get(lower);
      kept.push({ value: s, count: vid !== undefined ? (counter[vid] ?? 0) : 0 });
    }
    counts[id] = { values: kept, distinct };
  }
  return { matches, counts };
}

/** Row lists known to hold the same rows as a ranked list, ascending (see `rememberAscending`). */
const ascendingOf = new WeakMap<Uint32Array, Uint32Array>();

/**
 * Records that `sorted` holds the rows of `ranked` in ascending order (a search that had both at hand),
 * so counting facets over `ranked` does not sort it again. `sorted` must not be modified afterwards.
 */
export function rememberAscending(ranked: Uint32Array, sorted: Uint32Array): void {
  if (ranked.length === sorted.length) ascendingOf.set(ranked, sorted);
}

/** The candidates in ascending row order (flags over all rows when they are many, a sort otherwise). */
function ascending(candidates: Uint32Array, size: number): Uint32Array {
  const known = ascendingOf.get(candidates);
  if (known) return known;
  if (candidates.length * 32 < size) return candidates.slice().sort();
  const flags = new Uint8Array(size);
  for (let j = 0; j < candidates.length; j++) flags[candidates[j] ?? 0] = 1;
  let n = 0;
  for (let i = 0; i < size; i++) n += flags[i] ?? 0;
  const out = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < size; i++) if (flags[i]) out[k++] = i;
  return out;
}

function allRows(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Sets `bit` in `mask[j]` for each row `rows[j]` whose column lists no wanted value. */
function markFailures(
  offsets: Uint32Array,
  ids: Uint32Array,
  rows: Uint32Array,
  wanted: Uint8Array,
  mask: Uint32Array,
  bit: number,
): void {
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j] ?? 0;
    let hit = false;
    for (let k = offsets[i] ?? 0, e = offsets[i + 1] ?? 0; k < e; k++) {
      if (wanted[ids[k] ?? 0]) {
        hit = true;
        break;
      }
    }
    if (!hit) mask[i] = (mask[i] ?? 0) | bit;
  }
}

/** The rows `i` (in order) with `mask[i] === value`. */
function rowsWithMask(rows: Uint32Array, mask: Uint32Array, value: number): Uint32Array {
  const out = new Uint32Array(rows.length);
  let k = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j] ?? 0;
    if (mask[i] === value) out[k++] = i;
  }
  return out.slice(0, k);
}

/** Each label's count over every row, computed once per column (or seeded from a cache). */
const fullCounts = new WeakMap<FacetColumn, Uint32Array>();

/** A column's counts over all rows (the default view's facet counts), by label id. */
export function columnCounts(col: FacetColumn): Uint32Array {
  let c = fullCounts.get(col);
  if (!c) {
    c = new Uint32Array(col.labels.length);
    countAll(col.ids, c);
    fullCounts.set(col, c);
  }
  return c;
}

/**
 * Gives a column its all-rows counts as computed before (from a cache), so the first query after a cold
 * start does not count 100k rows per column. Ignored unless it has one count per label and they add up
 * to the column's values.
 */
export function seedColumnCounts(col: FacetColumn, counts: Uint32Array): boolean {
  if (counts.length !== col.labels.length) return false;
  let sum = 0;
  for (let k = 0; k < counts.length; k++) sum += counts[k] ?? 0;
  if (sum !== col.ids.length) return false;
  fullCounts.set(col, counts);
  return true;
}

/** Each column's values over all rows, most frequent first (the default view's facet values). */
const fullOrders = new WeakMap<FacetColumn, Uint32Array>();

/** A column's label ids with a count over all rows, most frequent first (see `countOrder`), once per column. */
export function columnCountOrder(col: FacetColumn): Uint32Array {
  let o = fullOrders.get(col);
  if (!o) {
    o = countOrder(col, columnCounts(col));
    fullOrders.set(col, o);
  }
  return o;
}

/**
 * Gives a column its all-rows value order as computed before (from a cache), so the default view's first
 * query after a cold start does not sort the values again. Ignored unless it lists each value with a count
 * once, by non-increasing count.
 */
export function seedCountOrder(col: FacetColumn, order: Uint32Array): boolean {
  const counts = columnCounts(col);
  const n = counts.length;
  const seen = new Uint8Array(n);
  let nonZero = 0;
  for (let v = 0; v < n; v++) nonZero += (counts[v] ?? 0) > 0 ? 1 : 0;
  if (order.length !== nonZero) return false;
  // Indexed loop, no early exit: it runs at start-up, before anything is compiled.
  let bad = 0;
  let prev = Infinity;
  for (let j = 0; j < order.length; j++) {
    const v = order[j] ?? 0;
    const c = v < n ? (counts[v] ?? 0) : 0;
    bad |= v >= n || seen[v] === 1 || c === 0 || c > prev ? 1 : 0;
    if (v < n) seen[v] = 1;
    prev = c;
  }
  if (bad !== 0) return false;
  fullOrders.set(col, order);
  return true;
}

function countAll(ids: Uint32Array, counter: Uint32Array): void {
  for (let k = 0; k < ids.length; k++) {
    const v = ids[k] ?? 0;
    counter[v] = (counter[v] ?? 0) + 1;
  }
}

function countRows(offsets: Uint32Array, ids: Uint32Array, rows: Uint32Array, counter: Uint32Array): void {
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j] ?? 0;
    for (let k = offsets[i] ?? 0, e = offsets[i + 1] ?? 0; k < e; k++) {
      const v = ids[k] ?? 0;
      counter[v] = (counter[v] ?? 0) + 1;
    }
  }
}
