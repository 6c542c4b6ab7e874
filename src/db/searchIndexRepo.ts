/**
 * Persisted search state (catalog rows projection and MiniSearch JSON) plus the reads the catalog
 * search engine needs: a cheap catalog stamp and targeted reads for incremental updates.
 */
import { getDb } from './db';
import type { CatalogDb } from './schema';
import type { RelationRow, SearchIndexRow, StoredAsset } from './rows';

/**
 * A cheap fingerprint of the catalog: asset count, newest update and relation count. Changes whenever
 * an import, merge, deletion or clear changes what search shows.
 */
export async function catalogStamp(db: CatalogDb = getDb()): Promise<string> {
  const [assets, relations, last] = await Promise.all([
    db.assets.count(),
    db.relations.count(),
    db.assets.orderBy('updatedAt').last(),
  ]);
  return `${assets}|${last?.updatedAt ?? ''}|${relations}`;
}

export async function getSearchCache(
  id: string,
  db: CatalogDb = getDb(),
): Promise<SearchIndexRow | undefined> {
  return db.searchIndex.get(id);
}

export async function putSearchCache(rows: SearchIndexRow[], db: CatalogDb = getDb()): Promise<void> {
  await db.searchIndex.bulkPut(rows);
}

/** Assets by key (missing keys → undefined), in order. */
export async function getAssetsByKeys(
  keys: string[],
  db: CatalogDb = getDb(),
): Promise<(StoredAsset | undefined)[]> {
  return db.assets.bulkGet(keys);
}

/** Relations whose child is one of the keys. */
export async function relationsFromChildren(keys: string[], db: CatalogDb = getDb()): Promise<RelationRow[]> {
  if (keys.length === 0) return [];
  return db.relations.where('childKey').anyOf(keys).toArray();
}

/** Relations whose parent is one of the keys. */
export async function relationsToParents(keys: string[], db: CatalogDb = getDb()): Promise<RelationRow[]> {
  if (keys.length === 0) return [];
  return db.relations.where('parentKey').anyOf(keys).toArray();
}
