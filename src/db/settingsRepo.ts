import { getDb } from './db';
import type { CatalogDb } from './schema';

export async function getSetting<T>(key: string, fallback: T, db: CatalogDb = getDb()): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function setSetting(key: string, value: unknown, db: CatalogDb = getDb()): Promise<void> {
  await db.settings.put({ key, value });
}

/** Stores several settings in one transaction. */
export async function setSettings(values: Record<string, unknown>, db: CatalogDb = getDb()): Promise<void> {
  await db.settings.bulkPut(Object.entries(values).map(([key, value]) => ({ key, value })));
}
