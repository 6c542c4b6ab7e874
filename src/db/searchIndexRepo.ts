/**
 * Persisted search state (catalog rows projection and MiniSearch JSON) plus the reads the catalog
 * search engine needs: a cheap catalog stamp and targeted reads for incremental updates.
 */
import { getDb } from './db';
import type { CatalogDb } from './schema';
import type { RelationRow, SearchIndexRow, StoredAsset } from './rows';

/** Settings row holding the catalog's change marker (see `touchCatalog`). */
export const CATALOG_VERSION_KEY = 'catalogVersion';

let touchCounter = 0;

/**
 * Marks the catalog as changed. Every write that changes what search shows (import, merge, restore,
 * deletion, undo, clear) calls it inside its transaction (which must include the settings table).
 */
export async function touchCatalog(db: CatalogDb = getDb()): Promise<string> {
  touchCounter++;
  const value = `${Date.now().toString(36)}.${touchCounter}.${Math.random().toString(36).slice(2, 8)}`;
  await db.settings.put({ key: CATALOG_VERSION_KEY, value });
  return value;
}

/** The catalog's change marker as stored ('' before the first write). */
export async function catalogMarker(db: CatalogDb = getDb()): Promise<string> {
  const row = await db.settings.get(CATALOG_VERSION_KEY);
  return typeof row?.value === 'string' ? row.value : '';
}

/**
 * A cheap fingerprint of the catalog: its change marker and the newest asset update. Two key lookups
 * (counting 100k rows would take most of a second at start-up).
 */
export async function catalogStamp(db: CatalogDb = getDb()): Promise<string> {
  const [version, last] = await Promise.all([
    db.settings.get(CATALOG_VERSION_KEY),
    db.assets.orderBy('updatedAt').last(),
  ]);
  const v = typeof version?.value === 'string' ? version.value : '0';
  return `${v}|${last?.updatedAt ?? ''}|${last?.key ?? ''}`;
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
