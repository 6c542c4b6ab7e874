/** The catalog engine: rows, facet index, search index, sort ranks, result cache, persistence, warm-up. */
export { CatalogEngine } from './catalogEngine';
export { timerScheduler } from './scheduler';
export { buildRows } from './state';
export type { CatalogQuery, CatalogStore, EngineChange, StoredChange } from './types';
