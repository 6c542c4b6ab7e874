/**
 * The catalog engine's store (core/catalog/engine `CatalogStore`) over one database: the catalog's
 * assets and relations, its stamp, and the engine's persisted caches (searchIndex table).
 */
import type { CatalogStore } from '@/core/catalog/engine';
import { getDb } from './db';
import type { CatalogDb } from './schema';
import { listAssets, listRelations } from './catalogRepo';
import {
  catalogStamp,
  getAssetsByKeys,
  getSearchCache,
  putSearchCache,
  relationsFromChildren,
} from './searchIndexRepo';

/**
 * A store bound to `db`, or, without one, to the app's database as `getDb()` gives it at each call (it
 * opens on first use, not when the store is made).
 */
export function createEngineStore(db?: CatalogDb): CatalogStore {
  const dbOf = (): CatalogDb => db ?? getDb();
  return {
    catalogStamp: () => catalogStamp(dbOf()),
    getSearchCache: (id) => getSearchCache(id, dbOf()),
    putSearchCache: (records) => putSearchCache(records, dbOf()),
    listAssets: () => listAssets(dbOf()),
    listRelations: () => listRelations(dbOf()),
    getAssetsByKeys: (keys) => getAssetsByKeys(keys, dbOf()),
    relationsFromChildren: (keys) => relationsFromChildren(keys, dbOf()),
  };
}
