/**
 * The catalog search engine held by the catalog worker (or the main-thread fallback):
 * - catalog rows (a compact projection of every non-placeholder asset) + a dictionary-encoded facet index;
 * - a MiniSearch full-text index;
 * both persisted in IndexedDB (searchIndex table) with the catalog stamp they were built for and reloaded
 * on start (no rebuild when unchanged). Imports and deletions update them incrementally.
 *
 * Queries (free text + field clauses + facets + sort) answer with row indices into the current snapshot
 * (`snapshotId`); the window holds the snapshot's display rows and maps indices to rows.
 */
import { assetKey } from '@/core/model';
import { decodeRows, encodeRows, rowsIntact, rowsIntactSteps, supplyTail } from '@/core/catalog/rowsCodec';
import { restoreFacetIndex, storeFacetIndex } from '@/core/catalog/facetsCodec';
import { isPermutation } from '@/core/util/columns';
import { LazyKeyMap } from '@/core/util/lazyKeyMap';
import { restoreSearchIndex, storeSearchIndex } from '@/core/search/indexStore';
import { encodeDisplay } from '@/core/search/displayCodec';
import type { RelationRow, StoredAsset } from '@/core/catalog/rows';
import {
  applyFacets,
  buildFacetIndex as buildFacetColumns,
  toCatalogRow,
  warmFacetGroups,
  withFacetColumn,
  type CatalogRow,
  type FacetCounts,
  type FacetIndex,
  type FacetSelection,
} from '@/core/catalog/facets';
import { freeText, parseQuery, currentWord, QUERY_FIELDS, type QueryField } from '@/core/search/query';
import { toDisplayRow, sortValue, SORT_IDS, type SortId, type CatalogSort } from '@/core/search/display';
import {
  createSearchIndex,
  queryCandidates,
  warmSearchIndex,
  loadSearchIndex,
  SEARCH_CACHE_IDS,
  cacheStamp,
  suggestText,
  toSearchDoc,
  type MiniSearch,
  type SearchDoc,
} from '@/core/search/searchIndex';
import {
  catalogStamp,
  getAssetsByKeys,
  getSearchCache,
  listAssets,
  listRelations,
  putSearchCache,
  relationsFromChildren,
  type SearchIndexRow,
} from '@/db';

const CACHE_ROWS = SEARCH_CACHE_IDS.rows;
const CACHE_ROWS_TAIL = SEARCH_CACHE_IDS.rowsTail;
const CACHE_DISPLAY = SEARCH_CACHE_IDS.display;
const CACHE_INDEX = SEARCH_CACHE_IDS.index;
const CACHE_RANKS = SEARCH_CACHE_IDS.ranks;
const CACHE_FACETS = SEARCH_CACHE_IDS.facets;
/** Sort orders always persisted (others are persisted once computed). */
const PERSISTED_RANKS: readonly SortId[] = ['name'];

/** Computed sort orders as typed arrays (stored as they are). */
function storeRanks(st: State): Record<string, Uint32Array> {
  const out: Record<string, Uint32Array> = {};
  for (const [id, rank] of st.ranks) out[id] = rank;
  return out;
}

/** Ranks for `n` rows from `storeRanks`; unknown ids and anything but a permutation of 0..n-1 are dropped. */
function restoreRanks(data: unknown, n: number): Map<SortId, Uint32Array> {
  const out = new Map<SortId, Uint32Array>();
  if (typeof data !== 'object' || data === null) return out;
  for (const [id, rank] of Object.entries(data as Record<string, unknown>)) {
    if (!SORT_IDS.includes(id as SortId) || !(rank instanceof Uint32Array)) continue;
    if (isPermutation(rank, n)) out.set(id as SortId, rank);
  }
  return out;
}

export type StoredChange = {
  /** Keys of assets written (created, updated, filled or deleted). */
  keys: string[];
  /**
   * Assets the writer created (absent before) exactly as stored, with the relations it wrote: applied
   * in memory, no read-back (the bulk path for exports).
   */
  created?: { assets: StoredAsset[]; relations: RelationRow[] };
  /**
   * The current records of `keys` as the writer stored them (a key without a record here is absent),
   * with every relation whose child is one of them: used instead of reading them back (import batches).
   */
  stored?: { assets: StoredAsset[]; relations: RelationRow[] };
};

type State = {
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
  /** The facet index the query paths were last warmed for (see `warmIfQuiet`). */
  warmedFacets?: FacetIndex;
};

let state: State | undefined;
let loading: Promise<State> | undefined;
let chain: Promise<unknown> = Promise.resolve();
let importing = 0;
let persistTimer: ReturnType<typeof setTimeout> | undefined;
let persisting: Promise<void> | undefined;
let snapshotCounter = 0;

function newSnapshotId(): string {
  snapshotCounter++;
  return `${Date.now().toString(36)}-${snapshotCounter}-${Math.random().toString(36).slice(2, 7)}`;
}

/** Runs state mutations one at a time. */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const next = chain.then(fn, fn);
  chain = next.catch(() => undefined);
  return next;
}

function versioned(stamp: string): string {
  return cacheStamp(stamp);
}

function byDefaultOrder(a: CatalogRow, b: CatalogRow): number {
  return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.name.localeCompare(b.name);
}

function incomingOf(rows: readonly CatalogRow[]): Map<string, number> {
  const incoming = new Map<string, number>();
  for (const r of rows) for (const p of r.parents) incoming.set(p, (incoming.get(p) ?? 0) + 1);
  return incoming;
}

/** The state's parent counts, counted on first use (a cold start's rows already carry theirs). */
function incomingCounts(st: State): Map<string, number> {
  st.incoming ??= incomingOf(st.rows);
  return st.incoming;
}

function makeState(rows: CatalogRow[], stamp: string, snapshotId: string, ordered: boolean): State {
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

function groupByChild(relations: readonly RelationRow[]): Map<string, RelationRow[]> {
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

async function rebuildFromDb(): Promise<State> {
  const stamp = await catalogStamp();
  const [assets, relations] = await Promise.all([listAssets(), listRelations()]);
  const rows = buildRows(assets, relations);
  const st = makeState(rows, stamp, newSnapshotId(), true);
  st.mutated = true;
  return st;
}

/** The persisted index, read alongside the rows at start-up (IndexedDB reads overlap; parsing waits). */
let indexRead: Promise<SearchIndexRow | undefined> | undefined;

async function loadState(): Promise<State> {
  // The stamp first (two key lookups), then the big reads; the index read runs while the rows decode.
  const stampRead = catalogStamp();
  const rowsRead = getSearchCache(CACHE_ROWS);
  const ranksRead = getSearchCache(CACHE_RANKS).catch(() => undefined);
  const facetsRead = getSearchCache(CACHE_FACETS).catch(() => undefined);
  const stamp = await stampRead;
  const cache = await rowsRead;
  indexRead = getSearchCache(CACHE_INDEX).catch(() => undefined);
  if (cache && cache.stamp === versioned(stamp)) {
    // The head only: the tail (lists, descriptions: most of the bytes) is read after the index.
    const rows = cache.json !== '' ? decodeRows({ head: cache.data }) : undefined;
    if (rows) {
      const st = makeState(rows, stamp, cache.json, true);
      st.cacheStamp = cache.stamp;
      st.persistedStamp = cache.stamp;
      const tailRead = indexRead.then(() => getSearchCache(CACHE_ROWS_TAIL)).catch(() => undefined);
      st.tailLoaded = false;
      st.tailReady = tailRead.then((tail) => {
        // The tail of the same rows: same catalog, same snapshot (the rows' order and contents).
        const head = `${cache.json}\n`;
        const ok = tail !== undefined && tail.stamp === cache.stamp && tail.json.startsWith(head);
        supplyTail(rows, ok ? tail.json.slice(head.length) : undefined);
        st.tailLoaded = true;
        // Without it, the rows' lists read empty: rebuild them from the database (not awaited here: the
        // rebuild waits for whatever runs now, which may be waiting for this).
        if (!ok) setTimeout(() => void resync().catch(() => undefined), 0);
      });
      const ranks = await ranksRead;
      if (ranks && ranks.stamp === cache.stamp) st.ranks = restoreRanks(ranks.data, rows.length);
      const facets = await facetsRead;
      if (facets && facets.stamp === cache.stamp && !licenseCheck)
        st.facets = restoreFacetIndex(facets.data, rows.length);
      return st;
    }
  }
  indexRead = undefined;
  const st = await rebuildFromDb();
  schedulePersist();
  return st;
}

/**
 * Starts loading the catalog state now (the worker calls this as it starts), so the rows are read and
 * decoded while the window boots, not from its first request on. Errors surface on that request.
 */
export function preload(): void {
  ensureHeadState().catch(() => undefined);
}

/** The state, its rows' lists and descriptions readable (see `State.tailReady`). */
async function ensureState(): Promise<State> {
  const st = await ensureHeadState();
  await st.tailReady;
  return st;
}

/** The state as soon as its rows' head fields are readable (queries that need no lists). */
async function ensureHeadState(): Promise<State> {
  if (state) return state;
  loading ??= loadState().then(
    (s) => {
      state = s;
      loading = undefined;
      // Load the full-text index right after the queries already waiting for the rows have been answered
      // (loading it blocks the worker); a text query asks for it at once.
      setTimeout(() => {
        if (state !== s) return;
        // The default view's first query needs the facet index anyway: build it before the index blocks.
        s.facets ??= buildFacetIndex(s.rows);
        void ensureIndex(s);
      }, 0);
      return s;
    },
    (e: unknown) => {
      // A failed start (e.g. the database blocked) is retried by the next request.
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** A persisted search index restored for the state's rows (documents stored by row resolve against them). */
function restoreIndexFor(st: State, data: unknown): MiniSearch<SearchDoc> | undefined {
  return restoreSearchIndex(data, { keys: st.rows.map((r) => r.key), keyToIndex: st.keyToIndex });
}

function ensureIndex(st: State): Promise<MiniSearch<SearchDoc>> {
  if (st.index) return Promise.resolve(st.index);
  st.indexLoading ??= (async () => {
    let idx: MiniSearch<SearchDoc> | undefined;
    if (!st.mutated && st.cacheStamp) {
      const read = indexRead ?? getSearchCache(CACHE_INDEX);
      indexRead = undefined;
      const cache = await read;
      if (cache && cache.stamp === st.cacheStamp && !st.mutated) {
        idx = restoreIndexFor(st, cache.data);
        if (!idx && cache.json !== '') {
          try {
            idx = loadSearchIndex(cache.json);
          } catch {
            idx = undefined;
          }
        }
      }
    }
    if (!idx) {
      await st.tailReady;
      idx = createSearchIndex();
      idx.addAll(st.rows.map(toSearchDoc));
      if (st.persistedStamp === st.cacheStamp) st.persistedStamp = undefined;
      schedulePersist();
    }
    st.index = idx;
    scheduleWarm();
    return idx;
  })();
  return st.indexLoading;
}

let warmTimer: ReturnType<typeof setTimeout> | undefined;
/** When the last query arrived (warming waits for a quiet moment). */
let lastQueryAt = -Infinity;
const WARM_QUIET_MS = 1000;

/**
 * In idle time after the index loads or the catalog changes: the most used sort order, the facet index
 * and the search structures per snapshot (so the first query of each kind does not pay for them).
 */
function scheduleWarm(delay = 1500): void {
  if (warmTimer) clearTimeout(warmTimer);
  warmTimer = setTimeout(() => {
    warmTimer = undefined;
    warmIfQuiet();
  }, delay);
}

/**
 * Warms now when nothing else is going on, else later. `afterPersist`: right after persisting, which
 * has just held the worker for longer than warming takes, so the wait for a quiet moment is skipped.
 * Otherwise the steps yield to the event loop in between: a query that arrives meanwhile is answered
 * first, and the rest waits for the next quiet moment.
 */
function warmIfQuiet(afterPersist = false): void {
  const st = state;
  if (!st?.index) return;
  if (!st.tailLoaded) {
    void st.tailReady.then(() => scheduleWarm());
    return;
  }
  // Warming blocks the worker for a few hundred ms at 100k: not during imports, not while the user queries.
  const busy = (): boolean =>
    importing > 0 || (!afterPersist && performance.now() - lastQueryAt < WARM_QUIET_MS);
  const steps: (() => boolean)[] = [
    // Rows from the cache parse their lists now, a column per step (not on the first field query); a
    // broken cache is rebuilt.
    ...rowsIntactSteps(st.rows).map((step) => () => {
      if (step()) return true;
      void resync();
      return false;
    }),
    () => {
      if (st.keyToIndex instanceof LazyKeyMap) st.keyToIndex.fill();
      return true;
    },
    () => {
      if (!st.ranks.has('name')) rankFor(st, 'name');
      return true;
    },
    () => {
      st.facets ??= buildFacetIndex(st.rows);
      return true;
    },
    () => {
      if (st.facets) warmFacetGroups(st.facets);
      return true;
    },
    () => {
      if (st.index && st.facets) {
        warmSearchIndex(st.index, st.rows, st.keyToIndex, st.facets);
        st.warmedFacets = st.facets;
      }
      return true;
    },
  ];
  const run = (k: number): void => {
    if (state !== st || k >= steps.length) return;
    if (busy()) {
      scheduleWarm(WARM_QUIET_MS);
      return;
    }
    if (!steps[k]?.()) return;
    // After persisting, finish before the next query; otherwise let queries in between steps.
    if (afterPersist) run(k + 1);
    else setTimeout(() => run(k + 1), 0);
  };
  run(0);
}

function invalidateDerived(st: State, reorder: boolean): void {
  resultCache.clear();
  st.facets = undefined;
  st.ranks = new Map();
  st.displayJson = undefined;
  st.snapshotId = newSnapshotId();
  st.mutated = true;
  st.persistedStamp = undefined;
  if (reorder) st.ordered = false;
}

// ---------------------------------------------------------------------------------------------------
// Licence check facet: verdicts per asset key, computed by the licence worker and handed over by the window.

let licenseCheck: { key: string; byKey: Map<string, string> } | undefined;

/** The "License check" facet's values: the row's verdict, if any. */
function checkValues(lc: typeof licenseCheck): (r: CatalogRow) => readonly string[] {
  if (!lc) return () => [];
  return (r) => {
    const v = lc.byKey.get(r.key);
    return v ? [v] : [];
  };
}

function buildFacetIndex(rows: readonly CatalogRow[]): FacetIndex {
  if (!licenseCheck) return buildFacetColumns(rows);
  return buildFacetColumns(rows, { check: checkValues(licenseCheck) });
}

/**
 * Sets (or clears) the licence verdicts behind the "License check" facet. Only that facet's column is
 * rebuilt (now, not in the next query); the search structures for it are warmed when the worker is idle.
 */
export function setLicenseVerdicts(args: { key: string; verdicts: Record<string, string> | null }): {
  key: string | null;
} {
  licenseCheck = args.verdicts ? { key: args.key, byKey: new Map(Object.entries(args.verdicts)) } : undefined;
  const st = state;
  if (st?.facets && st.facets.size === st.rows.length)
    st.facets = withFacetColumn(st.facets, st.rows, 'check', checkValues(licenseCheck));
  else if (st) st.facets = undefined;
  resultCache.clear();
  if (st?.index) scheduleWarm();
  return { key: licenseCheck?.key ?? null };
}

// ---------------------------------------------------------------------------------------------------
// Persistence

export function schedulePersist(delay = 800): void {
  if (persistTimer) clearTimeout(persistTimer);
  persistTimer = setTimeout(() => {
    persistTimer = undefined;
    void exclusive(() => persistNow());
  }, delay);
}

async function persistNow(): Promise<void> {
  const st = state;
  if (!st || importing > 0) {
    if (importing > 0) schedulePersist();
    return;
  }
  const idx = await ensureIndex(st);
  await st.tailReady;
  const stamp = await catalogStamp();
  if (stamp !== st.stamp) {
    // Someone changed the catalog without telling us: resync first.
    await resyncLocked();
    return;
  }
  if (st.persistedStamp === versioned(stamp)) return;
  if (!rowsIntact(st.rows)) {
    // The cached rows' lists did not decode: never persist them, rebuild from the database.
    await resyncLocked();
    return;
  }
  if (!st.ordered) {
    // Persist in default order so a cold start can show the first rows without sorting.
    const order = st.rows.map((r, i) => ({ r, i })).sort((a, b) => byDefaultOrder(a.r, b.r));
    st.rows = order.map((x) => x.r);
    st.keyToIndex = new Map(st.rows.map((r, i) => [r.key, i]));
    invalidateDerived(st, false);
    st.ordered = true;
  }
  for (const id of PERSISTED_RANKS) rankFor(st, id);
  // The facet index without licence verdicts (a cold start has none yet).
  st.facets ??= buildFacetIndex(st.rows);
  const facets = licenseCheck
    ? withFacetColumn(st.facets, st.rows, 'check', checkValues(undefined))
    : st.facets;
  const builtAt = new Date().toISOString();
  const storedIndex = storeSearchIndex(idx, st.keyToIndex);
  const rows = encodeRows(st.rows);
  const p = putSearchCache([
    { id: CACHE_RANKS, stamp: versioned(stamp), json: '', data: storeRanks(st), builtAt },
    { id: CACHE_FACETS, stamp: versioned(stamp), json: '', data: storeFacetIndex(facets), builtAt },
    // The rows: the snapshot id and their head (typed arrays, see rowsCodec); their tail on its own.
    { id: CACHE_ROWS, stamp: versioned(stamp), json: st.snapshotId, data: rows.head, builtAt },
    { id: CACHE_ROWS_TAIL, stamp: versioned(stamp), json: `${st.snapshotId}\n${rows.tail}`, builtAt },
    { id: CACHE_DISPLAY, stamp: versioned(stamp), json: displayJson(st), builtAt },
    // Typed arrays (see indexStore): no 40 MB JSON to parse at start-up.
    {
      id: CACHE_INDEX,
      stamp: versioned(stamp),
      json: '',
      data: storedIndex,
      builtAt,
    },
  ]);
  persisting = p;
  await p;
  persisting = undefined;
  st.persistedStamp = versioned(stamp);
  st.cacheStamp = versioned(stamp);
  // From now on, the index as a cold start restores it: postings and documents packed in typed arrays,
  // a fraction of the memory of MiniSearch's maps (which it fills again on the next change).
  if (state === st && st.index === idx) {
    const packed = restoreIndexFor(st, storedIndex);
    if (packed) {
      st.index = packed;
      // The loading promise would keep the maps alive.
      st.indexLoading = Promise.resolve(packed);
    }
  }
  // Persisting put the rows in their final order: the search structures built for the old order are
  // stale. Rebuild them now, in the same background moment, rather than on the next query.
  if (state === st) {
    if (warmTimer) clearTimeout(warmTimer);
    warmTimer = undefined;
    warmIfQuiet(true);
  }
}

function displayJson(st: State): string {
  st.displayJson ??= encodeDisplay(st.snapshotId, st.rows.map(toDisplayRow));
  return st.displayJson;
}

// ---------------------------------------------------------------------------------------------------
// Updates

async function resyncLocked(): Promise<void> {
  const prev = state;
  const next = await rebuildFromDb();
  if (prev?.index) {
    // Reuse the existing index: replace every doc (cheaper than parsing; keeps it warm).
    const idx = prev.index;
    const keep = new Set(next.rows.map((r) => r.key));
    for (const r of prev.rows) if (!keep.has(r.key) && idx.has(r.key)) idx.discard(r.key);
    for (const r of next.rows) {
      const doc = toSearchDoc(r);
      if (idx.has(r.key)) idx.replace(doc);
      else idx.add(doc);
    }
    next.index = idx;
  }
  state = next;
  resultCache.clear();
  if (!next.index) void ensureIndex(next);
  schedulePersist();
  scheduleWarm(1000);
}

/** Full rebuild from the database (after a clear, or when the stamp shows an unannounced change). */
export function resync(): Promise<void> {
  return exclusive(async () => {
    if (!state && loading) await loading;
    await resyncLocked();
  });
}

function bumpParents(st: State, parents: readonly string[], delta: number): void {
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
function putRow(st: State, idx: MiniSearch<SearchDoc>, row: CatalogRow): void {
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

/** Rows added ahead of an export restore, awaiting confirmation by `applyChange`. */
let provisional: Set<string> | undefined;

/**
 * Called just before an export is restored: builds rows and index documents for its new assets while
 * the database writes run (the index is built in chunks, yielding to the restore). `applyChange` then
 * confirms them (or removes them when the restore failed).
 */
export function prepareExport(env: {
  assets: readonly StoredAsset[];
  relations: readonly RelationRow[];
}): void {
  void exclusive(async () => {
    const st = await ensureState();
    const idx = await ensureIndex(st);
    const outgoing = groupByChild(env.relations);
    const rows: CatalogRow[] = [];
    for (const a of env.assets) {
      if (a.placeholder || st.keyToIndex.has(a.key)) continue;
      rows.push(toCatalogRow(a, outgoing.get(a.key) ?? [], 0));
    }
    if (rows.length === 0) return;
    provisional = new Set(rows.map((r) => r.key));
    incomingCounts(st); // counted before the rows arrive
    for (const r of rows) {
      st.keyToIndex.set(r.key, st.rows.length);
      st.rows.push(r);
      bumpParents(st, r.parents, +1);
    }
    const incoming = incomingCounts(st);
    for (const r of rows) r.nChildren = incoming.get(r.key) ?? 0;
    invalidateDerived(st, true);
    await idx.addAllAsync(rows.map(toSearchDoc), { chunkSize: 400 });
    resultCache.clear();
  });
}

function removeRows(st: State, idx: MiniSearch<SearchDoc>, keys: Iterable<string>): void {
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

/** Applies stored changes (from the import pipeline or other writers) to rows and index. */
export function applyChange(change: StoredChange): Promise<void> {
  return exclusive(async () => {
    const t0 = performance.now();
    try {
      await applyChangeLocked(change);
    } finally {
      engineTimings.applyMs += performance.now() - t0;
      engineTimings.applies++;
    }
  });
}

/** Where engine time goes (benchmark and diagnostics). */
export const engineTimings = { applyMs: 0, applies: 0, lastImportMs: 0 };

async function applyChangeLocked(change: StoredChange): Promise<void> {
  {
    const st = await ensureState();
    const idx = await ensureIndex(st);
    const ahead = provisional;
    provisional = undefined;
    if (ahead) {
      // Rows prepared before the restore: keep those the restore stored exactly as prepared.
      const confirmed = new Set((change.created?.assets ?? []).map((a) => a.key));
      const stale = [...ahead].filter((k) => !confirmed.has(k));
      if (stale.length > 0) removeRows(st, idx, stale);
    }
    const created = change.created?.assets.filter((a) => !a.placeholder && !ahead?.has(a.key)) ?? [];
    if (ahead && ahead.size > 0) invalidateDerived(st, true);
    if (created.length > 0 && change.created) {
      const outgoing = groupByChild(change.created.relations);
      const rows = created.map((a) => toCatalogRow(a, outgoing.get(a.key) ?? [], 0));
      if (st.rows.length === 0) {
        // Bulk: build everything at once.
        for (const r of rows) {
          st.keyToIndex.set(r.key, st.rows.length);
          st.rows.push(r);
        }
        const incoming = incomingOf(st.rows);
        st.incoming = incoming;
        for (const r of st.rows) r.nChildren = incoming.get(r.key) ?? 0;
        idx.addAll(rows.map(toSearchDoc));
      } else {
        for (const r of rows) putRow(st, idx, r);
      }
    }
    const keys = Array.from(new Set(change.keys.map(assetKey)));
    if (keys.length > 5000 && keys.length > st.rows.length / 4) {
      await resyncLocked();
      return;
    }
    if (keys.length > 0) {
      const [assets, outgoing] = change.stored
        ? storedRecords(change.stored, keys)
        : await Promise.all([getAssetsByKeys(keys), relationsFromChildren(keys)]);
      const outBy = groupByChild(outgoing);
      const gone: string[] = [];
      keys.forEach((key, i) => {
        const a = assets[i];
        if (a && !a.placeholder) putRow(st, idx, toCatalogRow(a, outBy.get(key) ?? [], 0));
        else gone.push(key);
      });
      removeRows(st, idx, gone);
    }
    if (created.length === 0 && keys.length === 0 && !(ahead && ahead.size > 0)) return;
    invalidateDerived(st, true);
    st.stamp = await catalogStamp();
    schedulePersist();
    scheduleWarm(1000);
  }
}

/** `keys`' records and relations from a change's `stored` (no read-back). */
function storedRecords(
  stored: NonNullable<StoredChange['stored']>,
  keys: readonly string[],
): [(StoredAsset | undefined)[], RelationRow[]] {
  const byKey = new Map(stored.assets.map((a) => [a.key, a]));
  return [keys.map((k) => byKey.get(k)), stored.relations];
}

/** Brackets an import: the stamp check and persistence wait until it ends. */
export async function duringImport<T>(fn: () => Promise<T>): Promise<T> {
  importing++;
  const t0 = performance.now();
  engineTimings.applyMs = 0;
  engineTimings.applies = 0;
  try {
    return await fn();
  } finally {
    importing--;
    engineTimings.lastImportMs = performance.now() - t0;
  }
}

/** After a clear: an empty catalog. */
export function resetEmpty(): Promise<void> {
  return exclusive(async () => {
    const stamp = await catalogStamp();
    const st = makeState([], stamp, newSnapshotId(), true);
    st.mutated = true;
    st.index = createSearchIndex();
    state = st;
    schedulePersist();
  });
}

// ---------------------------------------------------------------------------------------------------
// Reads

export type RowsSnapshot = {
  snapshotId: string;
  total: number;
  /** The catalog stamp the snapshot reflects. */
  stamp: string;
  json?: string;
};

/**
 * The current snapshot's display rows (column-wise JSON, see displayCodec), or only its id when the caller
 * already has it. Resyncs first if the catalog changed behind the engine's back.
 */
export async function catalogRows(args: { known?: string }): Promise<RowsSnapshot> {
  const st = await settle();
  const base = { snapshotId: st.snapshotId, total: st.rows.length, stamp: st.stamp };
  if (args.known === st.snapshotId) return base;
  // Display rows show lists (base model, languages, format).
  await st.tailReady;
  return { ...base, json: displayJson(st) };
}

/**
 * Waits until the engine reflects the database: pending updates applied (during an import, the
 * per-file update follows each write closely), or a resync when the catalog changed behind our back.
 */
async function settle(): Promise<State> {
  // During an import, snapshots are served at most every few seconds (each one is a full copy of the
  // display rows for the window); the import's end always brings a fresh one.
  const importWaitUntil = Date.now() + IMPORT_SNAPSHOT_INTERVAL_MS;
  while (importing > 0 && Date.now() < importWaitUntil) await new Promise((r) => setTimeout(r, 100));
  for (let i = 0; i < 60; i++) {
    await chain;
    const st = await ensureHeadState();
    if (importing > 0) return st;
    const stamp = await catalogStamp();
    if (stamp === st.stamp) return st;
    await exclusive(async () => {
      const s = state;
      if (s && importing === 0 && (await catalogStamp()) !== s.stamp) await resyncLocked();
    });
    return ensureHeadState();
  }
  return ensureHeadState();
}

const IMPORT_SNAPSHOT_INTERVAL_MS = 4000;

export type CatalogQuery = {
  q: string;
  facets: FacetSelection;
  sort?: CatalogSort | undefined;
  /** Opaque: the licence verdicts the caller expects (a new value re-runs the query after `setLicenseVerdicts`). */
  licenseKey?: string | undefined;
};

export type CatalogQueryResult = {
  snapshotId: string;
  /** Row indices into the snapshot, in display order. */
  order: Uint32Array;
  /** Rows in the catalog (placeholders excluded). */
  total: number;
  counts: FacetCounts;
  hints: string[];
  /** Engine time in ms. */
  ms: number;
};

function rankFor(st: State, id: SortId): Uint32Array {
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

function sortIndices(st: State, matches: Uint32Array, sort: CatalogSort): Uint32Array {
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

/**
 * Recent query results (LRU), valid for one snapshot of one state with one facet index: repeated queries
 * (back/forward, toggling a facet off again, retyping) answer without searching. Cleared on every change.
 */
type CachedResult = {
  st: State;
  snapshotId: string;
  facets: FacetIndex;
  result: Omit<CatalogQueryResult, 'ms'>;
};
const RESULT_CACHE_SIZE = 64;
/** Bound on the row indices held (4 bytes each): a few MB at most. */
const RESULT_CACHE_MAX_ROWS = 1_000_000;
const resultCache = new Map<string, CachedResult>();

function cachedLength(): number {
  let n = 0;
  for (const c of resultCache.values()) n += c.result.order.length;
  return n;
}

function resultCacheKey(args: CatalogQuery): string {
  const facets = Object.keys(args.facets)
    .sort()
    .map((k) => [k, args.facets[k as keyof FacetSelection]]);
  return JSON.stringify([args.q.trim().replace(/\s+/gu, ' '), facets, args.sort ?? null]);
}

/**
 * Whether answering `args` reads the rows' lists or descriptions (phrases and field clauses test them; a
 * missing facet index or sort order is built from them), which a cold start reads after the index.
 */
function queryNeedsTail(st: State, args: CatalogQuery): boolean {
  if (st.tailLoaded) return false;
  if (!st.facets) return true;
  const parsed = parseQuery(args.q);
  if (parsed.fields.length > 0 || parsed.phrases.length > 0) return true;
  return args.sort !== undefined && !st.ranks.has(args.sort.id);
}

export async function queryCatalog(args: CatalogQuery): Promise<CatalogQueryResult> {
  lastQueryAt = performance.now();
  const st = await ensureHeadState();
  if (queryNeedsTail(st, args)) await st.tailReady;
  const t0 = performance.now();
  st.facets ??= buildFacetIndex(st.rows);
  const cacheKey = resultCacheKey(args);
  const hit = resultCache.get(cacheKey);
  if (hit && hit.st === st && hit.snapshotId === st.snapshotId && hit.facets === st.facets) {
    resultCache.delete(cacheKey);
    resultCache.set(cacheKey, hit);
    return { ...hit.result, ms: performance.now() - t0 };
  }
  const result = await runQuery(st, args);
  if (state === st && st.facets && result.snapshotId === st.snapshotId) {
    resultCache.set(cacheKey, { st, snapshotId: st.snapshotId, facets: st.facets, result });
    while (resultCache.size > RESULT_CACHE_SIZE || cachedLength() > RESULT_CACHE_MAX_ROWS) {
      const oldest = resultCache.keys().next().value;
      if (oldest === undefined) break;
      resultCache.delete(oldest);
    }
  }
  return { ...result, ms: performance.now() - t0 };
}

async function runQuery(st: State, args: CatalogQuery): Promise<Omit<CatalogQueryResult, 'ms'>> {
  const parsed = parseQuery(args.q);
  const hasText = freeText(parsed) !== '';
  const idx = hasText || parsed.excluded.length > 0 ? await ensureIndex(st) : undefined;
  st.facets ??= buildFacetIndex(st.rows);
  // Text hits in rank order (row indices straight from the index), minus exclusions, then field clauses
  // and phrases on the facet columns; without text, in row order.
  const candidates = queryCandidates(idx, st.rows, st.keyToIndex, parsed, st.facets);
  const res = applyFacets(st.facets, candidates, args.facets);
  let order = res.matches;
  const sort = args.sort ?? (hasText ? undefined : { id: 'updated' as SortId, desc: true });
  if (sort && SORT_IDS.includes(sort.id)) {
    // Without text, matches are in row order: rows in default order (newest first) need no sort for it.
    if (!(st.ordered && sort.id === 'updated' && sort.desc && !hasText)) order = sortIndices(st, order, sort);
  }
  return {
    snapshotId: st.snapshotId,
    order,
    total: st.rows.length,
    counts: res.counts,
    hints: parsed.hints,
  };
}

/** Suggestions for the search box: field names, field values, or completions from the index. */
export async function suggest(args: { q: string; limit?: number }): Promise<{ suggestions: string[] }> {
  const limit = args.limit ?? 8;
  const st = await ensureState();
  const cw = currentWord(args.q);
  const neg = cw.word.startsWith('-') ? '-' : '';
  if (cw.word === '') return { suggestions: [] };
  if (cw.fieldName !== undefined) {
    if (!cw.field) return { suggestions: [] };
    st.facets ??= buildFacetIndex(st.rows);
    const values = fieldValues(st, cw.field);
    const p = cw.partial.toLowerCase();
    const out: string[] = [];
    for (const v of values) {
      if (v.toLowerCase().startsWith(p) && v.toLowerCase() !== p) {
        out.push(`${cw.prefix}${neg}${cw.field}:${/\s/u.test(v) ? `"${v}"` : v} `);
        if (out.length >= limit) break;
      }
    }
    return { suggestions: out };
  }
  const fieldHits = QUERY_FIELDS.filter(
    (f) => cw.partial.length >= 2 && f.startsWith(cw.partial.toLowerCase()),
  ).map((f) => `${cw.prefix}${neg}${f}:`);
  if (neg) return { suggestions: fieldHits.slice(0, limit) };
  const idx = st.index ?? (await ensureIndex(st));
  const texts = suggestText(idx, args.q, limit);
  return {
    suggestions: [...fieldHits, ...texts.filter((t) => t !== args.q.trim().toLowerCase())].slice(0, limit),
  };
}

const FIELD_FACET: Partial<Record<QueryField, keyof FacetIndex['columns']>> = {
  license: 'license',
  task: 'task',
  kind: 'kind',
  library: 'library',
  'trained-on': 'trained',
  lang: 'lang',
  format: 'format',
};

/** Known values of a field, most frequent first (from the facet index). */
function fieldValues(st: State, field: QueryField): string[] {
  const facet = FIELD_FACET[field];
  if (facet && st.facets) {
    const col = st.facets.columns[facet];
    const counts = new Uint32Array(col.labels.length);
    for (const id of col.ids) counts[id] = (counts[id] ?? 0) + 1;
    const values = col.labels.map((label, i) => ({ label, n: counts[i] ?? 0 })).sort((a, b) => b.n - a.n);
    const out = values.map((v) => v.label);
    if (field === 'license') out.push('permissive', 'copyleft', 'non-commercial', 'responsible-ai', 'custom');
    return out;
  }
  const seen = new Map<string, number>();
  for (const r of st.rows) {
    const vals =
      field === 'base' ? r.baseModels : field === 'owner' ? [r.owner] : field === 'tag' ? r.tags : [];
    for (const v of vals) if (v) seen.set(v, (seen.get(v) ?? 0) + 1);
  }
  return Array.from(seen.entries())
    .sort((a, b) => b[1] - a[1])
    .map(([v]) => v);
}

export type SearchStatus = {
  rows: number;
  indexReady: boolean;
  persisted: boolean;
  snapshotId: string;
  stamp: string;
  /** The query paths are warm for the current rows and facets (nothing left for idle time). */
  warm: boolean;
  timings: typeof engineTimings;
};

/** Engine status (tests and the benchmark wait on it). */
export async function searchStatus(args: {
  waitIndex?: boolean;
  waitPersist?: boolean;
}): Promise<SearchStatus> {
  const st = await ensureHeadState();
  if (args.waitIndex) await ensureIndex(st);
  if (args.waitPersist) {
    for (
      let i = 0;
      i < 600 &&
      (persistTimer !== undefined || persisting !== undefined || st.persistedStamp !== versioned(st.stamp));
      i++
    ) {
      if (persistTimer !== undefined) {
        clearTimeout(persistTimer);
        persistTimer = undefined;
        await exclusive(() => persistNow());
      } else await new Promise((r) => setTimeout(r, 50));
      if (state !== st) break;
    }
  }
  const cur = state ?? st;
  return {
    rows: cur.rows.length,
    indexReady: cur.index !== undefined,
    persisted: cur.persistedStamp === versioned(cur.stamp),
    snapshotId: cur.snapshotId,
    stamp: cur.stamp,
    warm: cur.index !== undefined && cur.facets !== undefined && cur.warmedFacets === cur.facets,
    timings: { ...engineTimings },
  };
}
