/**
 * The catalog search engine (one instance per catalog; the catalog worker holds one):
 * - catalog rows (a compact projection of every non-placeholder asset) + a dictionary-encoded facet index;
 * - a MiniSearch full-text index;
 * both persisted through the store (the searchIndex table) with the catalog stamp they were built for and
 * reloaded on start (no rebuild when unchanged). Imports and deletions update them incrementally.
 *
 * Queries (free text + field clauses + facets + sort) answer with row indices into the current snapshot
 * (`snapshotId`); the window holds the snapshot's display rows and maps indices to rows.
 *
 * All state is per instance; I/O goes through the injected `CatalogStore`, timers through the `Scheduler`.
 */
import { assetKey } from '../../model';
import { decodeRows, rowsIntact, rowsIntactSteps, supplyTail } from '../rowsCodec';
import { restoreFacetIndex } from '../facetsCodec';
import { LazyKeyMap } from '../../util/lazyKeyMap';
import { restoreSearchIndex } from '../../search/indexStore';
import type { RelationRow, StoredAsset } from '../rows';
import type { CatalogRow } from '../catalogRow';
import { warmFacetGroups, withFacetColumn } from '../facets';
import { parseQuery, currentWord } from '../../search/query';
import {
  createSearchIndex,
  warmSearchIndex,
  loadSearchIndex,
  SEARCH_CACHE_IDS,
  cacheStamp,
  suggestText,
  toSearchDoc,
  type MiniSearch,
  type SearchDoc,
} from '../../search/searchIndex';
import {
  buildFacetIndex,
  buildRows,
  checkValues,
  makeState,
  rankFor,
  removeRows,
  restoreRanks,
  type LicenseCheck,
  type State,
} from './state';
import {
  answerQuery,
  fieldNameSuggestions,
  queryNeedsIndex,
  queryNeedsTail,
  resultCacheKey,
  ResultCache,
  valueSuggestions,
} from './queries';
import { displayJson, persistRecords, putInDefaultOrder } from './persistence';
import { addCreatedRows, appendExportRows, putStoredRows, storedRecords } from './updates';
import type {
  CatalogQuery,
  CatalogQueryResult,
  CatalogStore,
  EngineChange,
  EngineChangeListener,
  EngineTimings,
  RowsSnapshot,
  Scheduler,
  SearchCacheRecord,
  SearchStatus,
  StoredChange,
} from './types';

const CACHE_ROWS = SEARCH_CACHE_IDS.rows;
const CACHE_ROWS_TAIL = SEARCH_CACHE_IDS.rowsTail;
const CACHE_INDEX = SEARCH_CACHE_IDS.index;
const CACHE_RANKS = SEARCH_CACHE_IDS.ranks;
const CACHE_FACETS = SEARCH_CACHE_IDS.facets;
/** Warming waits for this long without a query. */
const WARM_QUIET_MS = 1000;
/** Persisting waits this long after a long run of writes ends (no further writes are expected). */
const RUN_END_PERSIST_MS = 50;
/** During an import, snapshots are served at most this often. */
const IMPORT_SNAPSHOT_INTERVAL_MS = 4000;

function versioned(stamp: string): string {
  return cacheStamp(stamp);
}

export type CatalogEngineOptions = { store: CatalogStore; scheduler: Scheduler };

export class CatalogEngine {
  /** Where engine time goes (benchmark and diagnostics). */
  readonly engineTimings: EngineTimings = { applyMs: 0, applies: 0, lastImportMs: 0 };

  private readonly store: CatalogStore;
  private readonly scheduler: Scheduler;
  private state: State | undefined;
  private loading: Promise<State> | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private importing = 0;
  /** A long run of writes (a subscription storing its shards, here or in another tab) goes on until then. */
  private moreWritesUntil = -Infinity;
  /** When the last snapshot with rows was served (during imports, at most one per interval). */
  private lastSnapshotAt = -Infinity;
  private persistTimer: unknown;
  private persisting: Promise<void> | undefined;
  private snapshotCounter = 0;
  /** The persisted index, read alongside the rows at start-up (reads overlap; parsing waits). */
  private indexRead: Promise<SearchCacheRecord | undefined> | undefined;
  private warmTimer: unknown;
  /** When the last query arrived (warming waits for a quiet moment). */
  private lastQueryAt = -Infinity;
  private licenseCheck: LicenseCheck | undefined;
  private readonly resultCache = new ResultCache();
  /** Rows added ahead of an export restore, awaiting confirmation by `applyChange`. */
  private provisional: Set<string> | undefined;
  private readonly listeners = new Set<EngineChangeListener>();

  constructor(options: CatalogEngineOptions) {
    this.store = options.store;
    this.scheduler = options.scheduler;
  }

  // -------------------------------------------------------------------------------------------------
  // Change events

  /** Subscribes to applied changes, resyncs and resets; returns the unsubscribe function. */
  onChange(listener: EngineChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** An import runs here, or a long run of writes is announced (see `expectMoreWrites`). */
  private bulkWriting(): boolean {
    return this.importing > 0 || this.scheduler.now() < this.moreWritesUntil;
  }

  /**
   * More writes of a long run (a subscription storing its shards) follow within `ms` (0: the run ended).
   * Until then the engine behaves as during an import: it applies each change as it comes, but neither
   * persists its caches nor warms (each costs a pass over every row), nor rebuilds because the catalog's
   * stamp moved ahead of it (the run's next write is on its way), and it serves snapshots at most every
   * few seconds. A run whose writer vanished ends by itself when `ms` has passed.
   */
  expectMoreWrites(ms: number): void {
    const wasBulk = this.scheduler.now() < this.moreWritesUntil;
    this.moreWritesUntil = ms > 0 ? this.scheduler.now() + ms : -Infinity;
    // The run's end: persist soon (a page closed right after a subscription still finds its rows cached).
    if (wasBulk && ms <= 0 && this.state?.mutated) this.schedulePersist(RUN_END_PERSIST_MS);
  }

  private emit(keys?: string[]): void {
    const st = this.state;
    if (!st) return;
    const e: EngineChange = { snapshotId: st.snapshotId, stamp: st.stamp, ...(keys ? { keys } : {}) };
    for (const l of Array.from(this.listeners)) {
      try {
        l(e);
      } catch (err) {
        console.warn('catalog engine listener failed', err);
      }
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Loading

  private newSnapshotId(): string {
    this.snapshotCounter++;
    return `${Date.now().toString(36)}-${this.snapshotCounter}-${Math.random().toString(36).slice(2, 7)}`;
  }

  /** Runs state mutations one at a time. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.scheduler.setTimeout(resolve, ms);
    });
  }

  /** Rows from complete data (every asset + every relation), newest first. */
  buildRows(assets: readonly StoredAsset[], relations: readonly RelationRow[]): CatalogRow[] {
    return buildRows(assets, relations);
  }

  private async rebuildFromDb(): Promise<State> {
    const stamp = await this.store.catalogStamp();
    const [assets, relations] = await Promise.all([this.store.listAssets(), this.store.listRelations()]);
    const rows = buildRows(assets, relations);
    const st = makeState(rows, stamp, this.newSnapshotId(), true);
    st.mutated = true;
    return st;
  }

  private async loadState(): Promise<State> {
    const store = this.store;
    // The stamp first (two key lookups), then the big reads; the index read runs while the rows decode.
    const stampRead = store.catalogStamp();
    const rowsRead = store.getSearchCache(CACHE_ROWS);
    const ranksRead = store.getSearchCache(CACHE_RANKS).catch(() => undefined);
    const facetsRead = store.getSearchCache(CACHE_FACETS).catch(() => undefined);
    const stamp = await stampRead;
    const cache = await rowsRead;
    const indexRead = store.getSearchCache(CACHE_INDEX).catch(() => undefined);
    this.indexRead = indexRead;
    if (cache && cache.stamp === versioned(stamp)) {
      // The head only: the tail (lists, descriptions: most of the bytes) is read after the index.
      const rows = cache.json !== '' ? decodeRows({ head: cache.data }) : undefined;
      if (rows) {
        const st = makeState(rows, stamp, cache.json, true);
        st.cacheStamp = cache.stamp;
        st.persistedStamp = cache.stamp;
        const tailRead = indexRead.then(() => store.getSearchCache(CACHE_ROWS_TAIL)).catch(() => undefined);
        st.tailLoaded = false;
        st.tailReady = tailRead.then((tail) => {
          // The tail of the same rows: same catalog, same snapshot (the rows' order and contents).
          const head = `${cache.json}\n`;
          const ok = tail !== undefined && tail.stamp === cache.stamp && tail.json.startsWith(head);
          supplyTail(rows, ok ? tail.json.slice(head.length) : undefined);
          st.tailLoaded = true;
          // Without it, the rows' lists read empty: rebuild them from the database (not awaited here: the
          // rebuild waits for whatever runs now, which may be waiting for this).
          if (!ok) this.scheduler.setTimeout(() => void this.resync().catch(() => undefined), 0);
        });
        const ranks = await ranksRead;
        if (ranks && ranks.stamp === cache.stamp) st.ranks = restoreRanks(ranks.data, rows.length);
        const facets = await facetsRead;
        if (facets && facets.stamp === cache.stamp && !this.licenseCheck)
          st.facets = restoreFacetIndex(facets.data, rows.length);
        return st;
      }
    }
    this.indexRead = undefined;
    const st = await this.rebuildFromDb();
    this.schedulePersist();
    return st;
  }

  /**
   * Starts loading the catalog state now (the worker calls this as it starts), so the rows are read and
   * decoded while the window boots, not from its first request on. Errors surface on that request.
   */
  preload(): void {
    this.ensureHeadState().catch(() => undefined);
  }

  /** The state, its rows' lists and descriptions readable (see `State.tailReady`). */
  private async ensureState(): Promise<State> {
    const st = await this.ensureHeadState();
    await st.tailReady;
    return st;
  }

  /** The state as soon as its rows' head fields are readable (queries that need no lists). */
  private async ensureHeadState(): Promise<State> {
    if (this.state) return this.state;
    this.loading ??= this.loadState().then(
      (s) => {
        this.state = s;
        this.loading = undefined;
        // Load the full-text index right after the queries already waiting for the rows have been answered
        // (loading it blocks the worker); a text query asks for it at once.
        this.scheduler.setTimeout(() => {
          if (this.state !== s) return;
          // The default view's first query needs the facet index anyway: build it before the index blocks.
          s.facets ??= buildFacetIndex(s.rows, this.licenseCheck);
          void this.ensureIndex(s);
        }, 0);
        return s;
      },
      (e: unknown) => {
        // A failed start (e.g. the database blocked) is retried by the next request.
        this.loading = undefined;
        throw e;
      },
    );
    return this.loading;
  }

  /** A persisted search index restored for the state's rows (documents stored by row resolve against them). */
  private restoreIndexFor(st: State, data: unknown): MiniSearch<SearchDoc> | undefined {
    return restoreSearchIndex(data, { keys: st.rows.map((r) => r.key), keyToIndex: st.keyToIndex });
  }

  private ensureIndex(st: State): Promise<MiniSearch<SearchDoc>> {
    if (st.index) return Promise.resolve(st.index);
    st.indexLoading ??= (async () => {
      let idx: MiniSearch<SearchDoc> | undefined;
      if (!st.mutated && st.cacheStamp) {
        const read = this.indexRead ?? this.store.getSearchCache(CACHE_INDEX);
        this.indexRead = undefined;
        const cache = await read;
        if (cache && cache.stamp === st.cacheStamp && !st.mutated) {
          idx = this.restoreIndexFor(st, cache.data);
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
        this.schedulePersist();
      }
      st.index = idx;
      this.scheduleWarm();
      return idx;
    })();
    return st.indexLoading;
  }

  // -------------------------------------------------------------------------------------------------
  // Warm-up

  /**
   * In idle time after the index loads or the catalog changes: the most used sort order, the facet index
   * and the search structures per snapshot (so the first query of each kind does not pay for them).
   */
  private scheduleWarm(delay = 1500): void {
    if (this.warmTimer !== undefined) this.scheduler.clearTimeout(this.warmTimer);
    this.warmTimer = this.scheduler.setTimeout(() => {
      this.warmTimer = undefined;
      this.warmIfQuiet();
    }, delay);
  }

  /**
   * Warms now when nothing else is going on, else later. `afterPersist`: right after persisting, which
   * has just held the worker for longer than warming takes, so the wait for a quiet moment is skipped.
   * Otherwise the steps yield to the event loop in between: a query that arrives meanwhile is answered
   * first, and the rest waits for the next quiet moment.
   */
  private warmIfQuiet(afterPersist = false): void {
    const st = this.state;
    if (!st?.index) return;
    if (!st.tailLoaded) {
      void st.tailReady.then(() => this.scheduleWarm());
      return;
    }
    // Warming blocks the worker for a few hundred ms at 100k: not during imports, not while the user queries.
    const busy = (): boolean =>
      this.bulkWriting() || (!afterPersist && this.scheduler.now() - this.lastQueryAt < WARM_QUIET_MS);
    const steps: (() => boolean)[] = [
      // Rows from the cache parse their lists now, a column per step (not on the first field query); a
      // broken cache is rebuilt.
      ...rowsIntactSteps(st.rows).map((step) => () => {
        if (step()) return true;
        void this.resync();
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
        st.facets ??= buildFacetIndex(st.rows, this.licenseCheck);
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
      if (this.state !== st || k >= steps.length) return;
      if (busy()) {
        this.scheduleWarm(WARM_QUIET_MS);
        return;
      }
      if (!steps[k]?.()) return;
      // After persisting, finish before the next query; otherwise let queries in between steps.
      if (afterPersist) run(k + 1);
      else this.scheduler.setTimeout(() => run(k + 1), 0);
    };
    run(0);
  }

  private invalidateDerived(st: State, reorder: boolean): void {
    this.resultCache.clear();
    st.facets = undefined;
    st.ranks = new Map();
    st.displayJson = undefined;
    st.snapshotId = this.newSnapshotId();
    st.mutated = true;
    st.persistedStamp = undefined;
    if (reorder) st.ordered = false;
  }

  // -------------------------------------------------------------------------------------------------
  // Licence check facet

  /**
   * Sets (or clears) the licence verdicts behind the "License check" facet. Only that facet's column is
   * rebuilt (now, not in the next query); the search structures for it are warmed when the worker is idle.
   */
  setLicenseVerdicts(args: { key: string; verdicts: Record<string, string> | null }): { key: string | null } {
    this.licenseCheck = args.verdicts
      ? { key: args.key, byKey: new Map(Object.entries(args.verdicts)) }
      : undefined;
    const st = this.state;
    if (st?.facets && st.facets.size === st.rows.length)
      st.facets = withFacetColumn(st.facets, st.rows, 'check', checkValues(this.licenseCheck));
    else if (st) st.facets = undefined;
    this.resultCache.clear();
    if (st?.index) this.scheduleWarm();
    return { key: this.licenseCheck?.key ?? null };
  }

  // -------------------------------------------------------------------------------------------------
  // Persistence

  schedulePersist(delay = 800): void {
    if (this.persistTimer !== undefined) this.scheduler.clearTimeout(this.persistTimer);
    this.persistTimer = this.scheduler.setTimeout(() => {
      this.persistTimer = undefined;
      void this.exclusive(() => this.persistNow());
    }, delay);
  }

  private async persistNow(): Promise<void> {
    const st = this.state;
    if (!st || this.bulkWriting()) {
      if (this.bulkWriting()) this.schedulePersist();
      return;
    }
    const idx = await this.ensureIndex(st);
    await st.tailReady;
    const stamp = await this.store.catalogStamp();
    if (stamp !== st.stamp) {
      // Someone changed the catalog without telling us: resync first.
      await this.resyncLocked();
      return;
    }
    if (st.persistedStamp === versioned(stamp)) return;
    if (!rowsIntact(st.rows)) {
      // The cached rows' lists did not decode: never persist them, rebuild from the database.
      await this.resyncLocked();
      return;
    }
    if (!st.ordered) {
      // Persist in default order so a cold start can show the first rows without sorting.
      putInDefaultOrder(st);
      this.invalidateDerived(st, false);
      st.ordered = true;
    }
    const v = versioned(stamp);
    const { records, storedIndex } = persistRecords(st, idx, this.licenseCheck, v);
    const p = this.store.putSearchCache(records);
    this.persisting = p;
    await p;
    this.persisting = undefined;
    st.persistedStamp = v;
    st.cacheStamp = v;
    // From now on, the index as a cold start restores it: postings and documents packed in typed arrays,
    // a fraction of the memory of MiniSearch's maps (which it fills again on the next change).
    if (this.state === st && st.index === idx) {
      const packed = this.restoreIndexFor(st, storedIndex);
      if (packed) {
        st.index = packed;
        // The loading promise would keep the maps alive.
        st.indexLoading = Promise.resolve(packed);
      }
    }
    // Persisting put the rows in their final order: the search structures built for the old order are
    // stale. Rebuild them now, in the same background moment, rather than on the next query.
    if (this.state === st) {
      if (this.warmTimer !== undefined) this.scheduler.clearTimeout(this.warmTimer);
      this.warmTimer = undefined;
      this.warmIfQuiet(true);
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Updates

  private async resyncLocked(): Promise<void> {
    const prev = this.state;
    const next = await this.rebuildFromDb();
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
    this.state = next;
    this.resultCache.clear();
    if (!next.index) void this.ensureIndex(next);
    this.schedulePersist();
    this.scheduleWarm(1000);
    this.emit();
  }

  /** Full rebuild from the database (after a clear, or when the stamp shows an unannounced change). */
  resync(): Promise<void> {
    return this.exclusive(async () => {
      if (!this.state && this.loading) await this.loading;
      await this.resyncLocked();
    });
  }

  /**
   * Called just before an export is restored: builds rows and index documents for its new assets while
   * the database writes run (the index is built in chunks, yielding to the restore). `applyChange` then
   * confirms them (or removes them when the restore failed).
   */
  prepareExport(env: { assets: readonly StoredAsset[]; relations: readonly RelationRow[] }): void {
    void this.exclusive(async () => {
      const st = await this.ensureState();
      const idx = await this.ensureIndex(st);
      const rows = appendExportRows(st, env);
      if (rows.length === 0) return;
      this.provisional = new Set(rows.map((r) => r.key));
      this.invalidateDerived(st, true);
      await idx.addAllAsync(rows.map(toSearchDoc), { chunkSize: 400 });
      this.resultCache.clear();
    });
  }

  /** Applies stored changes (from the import pipeline or other writers) to rows and index. */
  applyChange(change: StoredChange): Promise<void> {
    return this.exclusive(async () => {
      const t0 = this.scheduler.now();
      try {
        await this.applyChangeLocked(change);
      } finally {
        this.engineTimings.applyMs += this.scheduler.now() - t0;
        this.engineTimings.applies++;
      }
    });
  }

  private async applyChangeLocked(change: StoredChange): Promise<void> {
    const st = await this.ensureState();
    const idx = await this.ensureIndex(st);
    const ahead = this.provisional;
    this.provisional = undefined;
    if (ahead) {
      // Rows prepared before the restore: keep those the restore stored exactly as prepared.
      const confirmed = new Set((change.created?.assets ?? []).map((a) => a.key));
      const stale = [...ahead].filter((k) => !confirmed.has(k));
      if (stale.length > 0) removeRows(st, idx, stale);
    }
    const created = change.created?.assets.filter((a) => !a.placeholder && !ahead?.has(a.key)) ?? [];
    if (ahead && ahead.size > 0) this.invalidateDerived(st, true);
    if (created.length > 0 && change.created) addCreatedRows(st, idx, created, change.created.relations);
    const keys = Array.from(new Set(change.keys.map(assetKey)));
    // Reading back most of the catalog costs more than a rebuild; records handed over cost neither.
    if (!change.stored && keys.length > 5000 && keys.length > st.rows.length / 4) {
      await this.resyncLocked();
      return;
    }
    if (keys.length > 0) {
      const [assets, outgoing] = change.stored
        ? storedRecords(change.stored, keys)
        : await Promise.all([this.store.getAssetsByKeys(keys), this.store.relationsFromChildren(keys)]);
      putStoredRows(st, idx, keys, assets, outgoing);
    }
    if (created.length === 0 && keys.length === 0 && !(ahead && ahead.size > 0)) return;
    this.invalidateDerived(st, true);
    st.stamp = await this.store.catalogStamp();
    this.schedulePersist();
    this.scheduleWarm(1000);
    const changed = new Set(keys);
    for (const a of created) changed.add(a.key);
    for (const k of ahead ?? []) changed.add(k);
    this.emit(Array.from(changed));
  }

  /** Brackets an import: the stamp check and persistence wait until it ends. */
  async duringImport<T>(fn: () => Promise<T>): Promise<T> {
    this.importing++;
    const t0 = this.scheduler.now();
    this.engineTimings.applyMs = 0;
    this.engineTimings.applies = 0;
    try {
      return await fn();
    } finally {
      this.importing--;
      this.engineTimings.lastImportMs = this.scheduler.now() - t0;
    }
  }

  /** After a clear: an empty catalog. */
  resetEmpty(): Promise<void> {
    return this.exclusive(async () => {
      const stamp = await this.store.catalogStamp();
      const st = makeState([], stamp, this.newSnapshotId(), true);
      st.mutated = true;
      st.index = createSearchIndex();
      this.state = st;
      this.schedulePersist();
      this.emit();
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Reads

  /**
   * The current snapshot's display rows (column-wise JSON, see displayCodec), or only its id when the caller
   * already has it. Resyncs first if the catalog changed behind the engine's back.
   */
  async catalogRows(args: { known?: string }): Promise<RowsSnapshot> {
    const st = await this.settle();
    const base = { snapshotId: st.snapshotId, total: st.rows.length, stamp: st.stamp };
    if (args.known === st.snapshotId) return base;
    // An empty catalog's snapshot does not count: the first rows are served at once.
    this.lastSnapshotAt = st.rows.length > 0 ? this.scheduler.now() : -Infinity;
    // Display rows show lists (base model, languages, format).
    await st.tailReady;
    return { ...base, json: displayJson(st) };
  }

  /**
   * Waits until the engine reflects the database: pending updates applied (during an import, the
   * per-file update follows each write closely), or a resync when the catalog changed behind our back.
   */
  private async settle(): Promise<State> {
    // During an import, snapshots are served at most every few seconds (each one is a full copy of the
    // display rows for the window); the first at once (the first rows), the import's end always brings a
    // fresh one.
    const importWaitUntil = this.lastSnapshotAt + IMPORT_SNAPSHOT_INTERVAL_MS;
    while (this.bulkWriting() && this.scheduler.now() < importWaitUntil) await this.sleep(100);
    for (let i = 0; i < 60; i++) {
      await this.chain;
      const st = await this.ensureHeadState();
      if (this.bulkWriting()) return st;
      const stamp = await this.store.catalogStamp();
      if (stamp === st.stamp) return st;
      await this.exclusive(async () => {
        const s = this.state;
        if (s && !this.bulkWriting() && (await this.store.catalogStamp()) !== s.stamp)
          await this.resyncLocked();
      });
      return this.ensureHeadState();
    }
    return this.ensureHeadState();
  }

  async queryCatalog(args: CatalogQuery): Promise<CatalogQueryResult> {
    this.lastQueryAt = this.scheduler.now();
    const st = await this.ensureHeadState();
    if (queryNeedsTail(st, args)) await st.tailReady;
    const t0 = this.scheduler.now();
    st.facets ??= buildFacetIndex(st.rows, this.licenseCheck);
    const cacheKey = resultCacheKey(args);
    const hit = this.resultCache.get(cacheKey, st);
    if (hit) return { ...hit, ms: this.scheduler.now() - t0 };
    const result = await this.runQuery(st, args);
    if (this.state === st && st.facets && result.snapshotId === st.snapshotId)
      this.resultCache.set(cacheKey, st, st.facets, result);
    return { ...result, ms: this.scheduler.now() - t0 };
  }

  private async runQuery(st: State, args: CatalogQuery): Promise<Omit<CatalogQueryResult, 'ms'>> {
    const parsed = parseQuery(args.q);
    const idx = queryNeedsIndex(parsed) ? await this.ensureIndex(st) : undefined;
    st.facets ??= buildFacetIndex(st.rows, this.licenseCheck);
    return answerQuery(st, st.facets, idx, parsed, args);
  }

  /** Suggestions for the search box: field names, field values, or completions from the index. */
  async suggest(args: { q: string; limit?: number }): Promise<{ suggestions: string[] }> {
    const limit = args.limit ?? 8;
    const st = await this.ensureState();
    const cw = currentWord(args.q);
    const neg = cw.word.startsWith('-') ? '-' : '';
    if (cw.word === '') return { suggestions: [] };
    if (cw.fieldName !== undefined) {
      if (!cw.field) return { suggestions: [] };
      st.facets ??= buildFacetIndex(st.rows, this.licenseCheck);
      return { suggestions: valueSuggestions(st, cw, cw.field, neg, limit) };
    }
    const fieldHits = fieldNameSuggestions(cw, neg);
    if (neg) return { suggestions: fieldHits.slice(0, limit) };
    const idx = st.index ?? (await this.ensureIndex(st));
    const texts = suggestText(idx, args.q, limit);
    return {
      suggestions: [...fieldHits, ...texts.filter((t) => t !== args.q.trim().toLowerCase())].slice(0, limit),
    };
  }

  /** Engine status (tests and the benchmark wait on it). */
  async searchStatus(args: { waitIndex?: boolean; waitPersist?: boolean }): Promise<SearchStatus> {
    const st = await this.ensureHeadState();
    if (args.waitIndex) await this.ensureIndex(st);
    if (args.waitPersist) {
      for (
        let i = 0;
        i < 600 &&
        (this.persistTimer !== undefined ||
          this.persisting !== undefined ||
          st.persistedStamp !== versioned(st.stamp));
        i++
      ) {
        if (this.persistTimer !== undefined) {
          this.scheduler.clearTimeout(this.persistTimer);
          this.persistTimer = undefined;
          await this.exclusive(() => this.persistNow());
        } else await this.sleep(50);
        if (this.state !== st) break;
      }
    }
    const cur = this.state ?? st;
    return {
      rows: cur.rows.length,
      indexReady: cur.index !== undefined,
      persisted: cur.persistedStamp === versioned(cur.stamp),
      snapshotId: cur.snapshotId,
      stamp: cur.stamp,
      warm: cur.index !== undefined && cur.facets !== undefined && cur.warmedFacets === cur.facets,
      bulkWriting: this.bulkWriting(),
      timings: { ...this.engineTimings },
    };
  }
}
