/**
 * The catalog worker's search engine (or the main-thread fallback's): one `CatalogEngine` (core) over the
 * app's database, with the platform's timers. The handlers call it; the writer applies writes to it.
 */
import { CatalogEngine, timerScheduler } from '@/core/catalog/engine';
import { createEngineStore } from '@/db';

export type { CatalogQuery, StoredChange } from '@/core/catalog/engine';

export const catalogEngine = new CatalogEngine({
  store: createEngineStore(),
  scheduler: timerScheduler(),
});
