/** The catalog engine: rows, facet index, search index, sort ranks, result cache, persistence, warm-up. */
export { CatalogEngine, type CatalogEngineOptions } from './catalogEngine';
export { timerScheduler } from './scheduler';
export { buildRows } from './state';
export type {
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
