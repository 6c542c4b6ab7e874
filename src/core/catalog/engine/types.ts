/**
 * The catalog engine's contracts: what it reads and writes (a store, implemented over IndexedDB in
 * src/db), how it waits (a scheduler), and the shapes of its requests and answers.
 */
import type { RelationRow, StoredAsset } from '../rows';
import type { FacetCounts, FacetSelection } from '../facetTypes';
import type { CatalogSort } from '../../search/display';

/** One persisted cache record (rows, index, ranks, facets, display rows), stamped with the catalog it reflects. */
export type SearchCacheRecord = {
  id: string;
  stamp: string;
  json: string;
  builtAt: string;
  /** Structured data (typed arrays) stored as is, for caches that are not JSON. */
  data?: unknown;
};

/** The engine's I/O: the catalog's data and the engine's own caches. */
export type CatalogStore = {
  /** A cheap fingerprint of the catalog: changes with every write that changes what search shows. */
  catalogStamp(): Promise<string>;
  getSearchCache(id: string): Promise<SearchCacheRecord | undefined>;
  putSearchCache(records: SearchCacheRecord[]): Promise<void>;
  listAssets(): Promise<StoredAsset[]>;
  listRelations(): Promise<RelationRow[]>;
  /** Assets by key (missing keys → undefined), in order. */
  getAssetsByKeys(keys: string[]): Promise<(StoredAsset | undefined)[]>;
  /** Relations whose child is one of the keys. */
  relationsFromChildren(keys: string[]): Promise<RelationRow[]>;
};

/** Timers and a monotonic clock (ms), injected so the engine runs under test clocks. */
export type Scheduler = {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
};

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

/** Emitted after every applied change, resync or reset. */
export type EngineChange = {
  snapshotId: string;
  /** The catalog stamp the engine now reflects. */
  stamp: string;
  /** Asset keys concerned, when known (absent: possibly any). */
  keys?: string[];
};

export type EngineChangeListener = (e: EngineChange) => void;

export type RowsSnapshot = {
  snapshotId: string;
  total: number;
  /** The catalog stamp the snapshot reflects. */
  stamp: string;
  json?: string;
};

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

/** Where engine time goes (benchmark and diagnostics). */
export type EngineTimings = { applyMs: number; applies: number; lastImportMs: number };

export type SearchStatus = {
  rows: number;
  indexReady: boolean;
  persisted: boolean;
  snapshotId: string;
  stamp: string;
  /** The query paths are warm for the current rows and facets (nothing left for idle time). */
  warm: boolean;
  /**
   * An import or a long run of writes (a subscription storing its shards, in this tab or another) goes on:
   * whole-catalog passes (a licence sweep) are better left until it ends.
   */
  bulkWriting: boolean;
  timings: EngineTimings;
};
