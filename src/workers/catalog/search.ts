/**
 * The catalog worker's search engine (or the main-thread fallback's): one `CatalogEngine` (core) over
 * the app's database, with the platform's timers. The functions below are what the handlers call.
 */
import {
  CatalogEngine,
  timerScheduler,
  type CatalogQuery,
  type CatalogQueryResult,
  type EngineChangeListener,
  type RowsSnapshot,
  type SearchStatus,
  type StoredChange,
} from '@/core/catalog/engine';
import type { RelationRow, StoredAsset } from '@/core/catalog/rows';
import { createEngineStore } from '@/db';

export type {
  CatalogQuery,
  CatalogQueryResult,
  EngineChange,
  RowsSnapshot,
  SearchStatus,
  StoredChange,
} from '@/core/catalog/engine';

const engine = new CatalogEngine({ store: createEngineStore(), scheduler: timerScheduler() });

/** Where engine time goes (benchmark and diagnostics). */
export const engineTimings = engine.engineTimings;

/** Starts loading the catalog state now (the worker calls this as it starts). */
export function preload(): void {
  engine.preload();
}

/** Applies stored changes (from the import pipeline or other writers) to rows and index. */
export function applyChange(change: StoredChange): Promise<void> {
  return engine.applyChange(change);
}

/** Brackets an import: the stamp check and persistence wait until it ends. */
export function duringImport<T>(fn: () => Promise<T>): Promise<T> {
  return engine.duringImport(fn);
}

/** After a clear: an empty catalog. */
export function resetEmpty(): Promise<void> {
  return engine.resetEmpty();
}

/** Full rebuild from the database (after a clear, or when the stamp shows an unannounced change). */
export function resync(): Promise<void> {
  return engine.resync();
}

/** Builds rows and index documents for an export's new assets while the restore writes them. */
export function prepareExport(env: {
  assets: readonly StoredAsset[];
  relations: readonly RelationRow[];
}): void {
  engine.prepareExport(env);
}

export function catalogRows(args: { known?: string }): Promise<RowsSnapshot> {
  return engine.catalogRows(args);
}

export function queryCatalog(args: CatalogQuery): Promise<CatalogQueryResult> {
  return engine.queryCatalog(args);
}

export function suggest(args: { q: string; limit?: number }): Promise<{ suggestions: string[] }> {
  return engine.suggest(args);
}

export function searchStatus(args: { waitIndex?: boolean; waitPersist?: boolean }): Promise<SearchStatus> {
  return engine.searchStatus(args);
}

export function setLicenseVerdicts(args: { key: string; verdicts: Record<string, string> | null }): {
  key: string | null;
} {
  return engine.setLicenseVerdicts(args);
}

export function schedulePersist(delay?: number): void {
  engine.schedulePersist(delay);
}

/** Rows from complete data (every asset + every relation), newest first. */
export function buildRows(
  assets: readonly StoredAsset[],
  relations: readonly RelationRow[],
): ReturnType<CatalogEngine['buildRows']> {
  return engine.buildRows(assets, relations);
}

/** Subscribes to the engine's applied changes, resyncs and resets (to tell windows and other tabs). */
export function onEngineChange(listener: EngineChangeListener): () => void {
  return engine.onChange(listener);
}
