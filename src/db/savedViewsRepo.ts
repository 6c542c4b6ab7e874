/** Saved catalog views (name + URL search string). */
import { getDb } from './db';
import type { CatalogDb } from './schema';
import type { SavedViewRow } from './rows';

export async function listSavedViews(db: CatalogDb = getDb()): Promise<SavedViewRow[]> {
  const rows = await db.savedViews.toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name) || a.createdAt.localeCompare(b.createdAt));
}

/** Saves (or replaces, by name) a view. Returns the stored row. */
export async function saveView(name: string, search: string, db: CatalogDb = getDb()): Promise<SavedViewRow> {
  const trimmed = name.trim();
  const existing = (await db.savedViews.toArray()).find((v) => v.name === trimmed);
  const row: SavedViewRow = {
    id: existing?.id ?? `view-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    name: trimmed,
    search,
    createdAt: existing?.createdAt ?? new Date().toISOString(),
  };
  await db.savedViews.put(row);
  return row;
}

export async function deleteSavedView(id: string, db: CatalogDb = getDb()): Promise<void> {
  await db.savedViews.delete(id);
}
