/**
 * The catalog engine's in-memory state (one snapshot of rows with their derived structures) and the
 * pure operations on it: building rows, keeping parent counts, putting and removing rows, sort ranks.
 * No I/O and no timers: `CatalogEngine` owns a `State` and decides when these run.
 */
import { isPermutation } from '../../util/columns';
import { LazyKeyMap } from '../../util/lazyKeyMap';
import { toSearchDoc, type MiniSearch, type SearchDoc } from '../../search/searchIndex';
import { sortValue, SORT_IDS, type CatalogSort, type SortId } from '../../search/display';
import type { RelationRow, StoredAsset } from '../rows';
import { toCatalogRow, type CatalogRow } from '../catalogRow';
import { buildFacetIndex as buildFacetColumns } from '../facets';
import type { FacetIndex } from '../facetTypes';

export type State = {
  stamp: string;
  snapshotId: string;
  rows: CatalogRow[];
  keyToIndex: Map<string, number>;
  /**
   * Settles once the rows' lists and descriptions can be read: rows from the cache get them from a second
   * read, after the index (a cold start's first queries do not need them); other rows have them.
   */
  tailReady: Promise<void>;
  /** `tailReady` has settled. */
  tailLoaded: boolean;
  /** Parent key → number of rows pointing at it (drives "Has lineage"); built when a change needs it. */
  incoming?: Map<string, number>;
  facets?: FacetIndex;
  ranks: Map<SortId, Uint32Array>;
  displayJson?: string;
  /** Rows are in default order (newest first) since the last (re)build. */
  ordered: boolean;
  /** Index state. */
  index?: MiniSearch<SearchDoc>;
  indexLoading?: Promise<MiniSearch<SearchDoc>>;
  /** The index cache may be used only when nothing changed since rows came from the cache. */
  cacheStamp?: string;
  mutated: boolean;
  persistedStamp?: string;
  /** The facet index the query paths were last warmed for (see `CatalogEngine.warmIfQuiet`). */
  warmedFacets?: FacetIndex;
};

export function makeState(rows: CatalogRow[], stamp: string, snapshotId: string, ordered: boolean): State {
  // Filled on first lookup (or when idle): a cold start's first queries look no key up.
  const keyToIndex = new LazyKeyMap(rows.map((r) => r.key));
  return {
    stamp,
    snapshotId,
    rows,
    keyToIndex,
    tailReady: Promise.resolve(),
    tailLoaded: true,
    ranks: new Map(),
    ordered,
    mutated: false,
  };
}

export function byDefaultOrder(a: CatalogRow, b: CatalogRow): number {
  return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.name.localeCompare(b.name);
}

export function incomingOf(rows: readonly CatalogRow[]): Map<string, number> {
  const incoming = new Map<string, number>();
  for (const r of rows) for (const p of r.parents) incoming.set(p, (incoming.get(p) ?? 0) + 1);
  return incoming;
}

/** The state's parent counts, counted on first use (a cold start's rows already carry theirs). */
export function incomingCounts(st: State): Map<string, number> {
  st.incoming ??= incomingOf(st.rows);
  return st.incoming;
}

export function groupByChild(relations: readonly RelationRow[]): Map<string, RelationRow[]> {
  const outgoing = new Map<string, RelationRow[]>();
  for (const r of relations) {
    if (r.childKey === r.parentKey) continue;
    let list = outgoing.get(r.childKey);
    if (!list) outgoing.set(r.childKey, (list = []));
    list.push(r);
  }
  return outgoing;
}

/** Rows from complete data (every asset + every relation), newest first. */
export function buildRows(assets: readonly StoredAsset[], relations: readonly RelationRow[]): CatalogRow[] {
  const outgoing = groupByChild(relations);
  const rows: CatalogRow[] = [];
  for (const a of assets) {
    if (a.placeholder) continue;
    rows.push(toCatalogRow(a, outgoing.get(a.key) ?? [], 0));
  }
  const incoming = incomingOf(rows);
  for (const r of rows) r.nChildren = incoming.get(r.key) ?? 0;
  rows.sort(byDefaultOrder);
  return rows;
}

export function bumpParents(st: State, parents: readonly string[], delta: number): void {
  const incoming = incomingCounts(st);
  for (const p of parents) {
    const n = Math.max(0, (incoming.get(p) ?? 0) + delta);
    if (n === 0) incoming.delete(p);
    else incoming.set(p, n);
    const at = st.keyToIndex.get(p);
    const row = at !== undefined ? st.rows[at] : undefined;
    if (row) row.nChildren = n;
  }
}

/** Puts (adds or replaces) a row and its index document. */
export function putRow(st: State, idx: MiniSearch<SearchDoc>, row: CatalogRow): void {
  incomingCounts(st); // counted before the row changes
  const at = st.keyToIndex.get(row.key);
  const old = at !== undefined ? st.rows[at] : undefined;
  if (old) bumpParents(st, old.parents, -1);
  if (at !== undefined) st.rows[at] = row;
  else {
    st.keyToIndex.set(row.key, st.rows.length);
    st.rows.push(row);
  }
  bumpParents(st, row.parents, +1);
  row.nChildren = incomingCounts(st).get(row.key) ?? 0;
  const doc = toSearchDoc(row);
  if (idx.has(row.key)) idx.replace(doc);
  else idx.add(doc);
}

export function removeRows(st: State, idx: MiniSearch<SearchDoc>, keys: Iterable<string>): void {
  const removed = new Set<number>();
  for (const key of keys) {
    const at = st.keyToIndex.get(key);
    const old = at !== undefined ? st.rows[at] : undefined;
    if (at === undefined || !old) continue;
    bumpParents(st, old.parents, -1);
    removed.add(at);
    if (idx.has(key)) idx.discard(key);
  }
  if (removed.size > 0) {
    st.rows = st.rows.filter((_, i) => !removed.has(i));
    st.keyToIndex = new Map(st.rows.map((r, i) => [r.key, i]));
  }
}

// ---------------------------------------------------------------------------------------------------
// Licence check facet: verdicts per asset key, computed by the licence worker and handed over by the window.

export type LicenseCheck = { key: string; byKey: Map<string, string> };

/** The "License check" facet's values: the row's verdict, if any. */
export function checkValues(lc: LicenseCheck | undefined): (r: CatalogRow) => readonly string[] {
  if (!lc) return () => [];
  return (r) => {
    const v = lc.byKey.get(r.key);
    return v ? [v] : [];
  };
}

/** The facet index over rows, with the licence verdicts when there are any. */
export function buildFacetIndex(rows: readonly CatalogRow[], lc: LicenseCheck | undefined): FacetIndex {
  if (!lc) return buildFacetColumns(rows);
  return buildFacetColumns(rows, { check: checkValues(lc) });
}

// ---------------------------------------------------------------------------------------------------
// Sort orders

/** Computed sort orders as typed arrays (stored as they are). */
export function storeRanks(st: State): Record<string, Uint32Array> {
  const out: Record<string, Uint32Array> = {};
  for (const [id, rank] of st.ranks) out[id] = rank;
  return out;
}

/** Ranks for `n` rows from `storeRanks`; unknown ids and anything but a permutation of 0..n-1 are dropped. */
export function restoreRanks(data: unknown, n: number): Map<SortId, Uint32Array> {
  const out = new Map<SortId, Uint32Array>();
  if (typeof data !== 'object' || data === null) return out;
  for (const [id, rank] of Object.entries(data as Record<string, unknown>)) {
    if (!SORT_IDS.includes(id as SortId) || !(rank instanceof Uint32Array)) continue;
    if (isPermutation(rank, n)) out.set(id as SortId, rank);
  }
  return out;
}

/** The rows' positions in one sort order (row index → position), computed once per state. */
export function rankFor(st: State, id: SortId): Uint32Array {
  let rank = st.ranks.get(id);
  if (rank) return rank;
  const rows = st.rows;
  const n = rows.length;
  // Sort keys computed once per row (not per comparison); empty values last, ties by key.
  const vals = rows.map((r) => sortValue(r, id));
  const keys = rows.map((r) => r.key);
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  perm.sort((a, b) => {
    const va = vals[a] ?? '';
    const vb = vals[b] ?? '';
    if (va !== vb) {
      if (va === '') return 1;
      if (vb === '') return -1;
      return va < vb ? -1 : 1;
    }
    const ka = keys[a] ?? '';
    const kb = keys[b] ?? '';
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  rank = new Uint32Array(n);
  for (let pos = 0; pos < n; pos++) rank[perm[pos] ?? 0] = pos;
  st.ranks.set(id, rank);
  return rank;
}

export function sortIndices(st: State, matches: Uint32Array, sort: CatalogSort): Uint32Array {
  const rank = rankFor(st, sort.id);
  const n = st.rows.length;
  let out: Uint32Array;
  if (matches.length > n / 16) {
    // Bucket by rank: O(n).
    const byRank = new Int32Array(n).fill(-1);
    for (const i of matches) byRank[rank[i] ?? 0] = i;
    out = new Uint32Array(matches.length);
    let k = 0;
    for (let p = 0; p < n; p++) {
      const i = byRank[p] ?? -1;
      if (i >= 0) out[k++] = i;
    }
  } else {
    out = Uint32Array.from(matches).sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0));
  }
  if (sort.desc) out.reverse();
  return out;
}
