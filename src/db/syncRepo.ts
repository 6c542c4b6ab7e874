/**
 * Rows for team sync: reads the replicated tables (by id, or what a catalog change touched) and writes rows
 * that arrived from the team exactly as they came. Only the catalog worker's writer calls the write.
 */
import type { AuditRow } from '@/core/catalog/rows';
import type { SyncRowOf, SyncTable } from '@/core/sync/docs';
import { getDb } from './db';
import { touchCatalog } from './searchIndexRepo';
import type { CatalogDb } from './schema';

type AnyRow = SyncRowOf[SyncTable];

/** The rows of `table` with these primary keys (undefined where absent). */
export async function getSyncRows(
  table: SyncTable,
  ids: readonly string[],
  db: CatalogDb = getDb(),
): Promise<(AnyRow | undefined)[]> {
  return (await db.table(table).bulkGet([...ids])) as (AnyRow | undefined)[];
}

/**
 * The rows a change to `table` may have touched: every row when `assetKeys` is undefined or the table is
 * not per asset (collections, saved views, edge decisions); else the rows of those assets (relations by
 * their child). Returns the ids asked for too, so a row that is gone can be told apart.
 */
export async function readSyncScope(
  table: SyncTable,
  assetKeys: readonly string[] | undefined,
  db: CatalogDb = getDb(),
): Promise<{ rows: AnyRow[]; askedIds?: string[] }> {
  if (assetKeys === undefined || table === 'collections' || table === 'savedViews') {
    return { rows: (await db.table(table).toArray()) as AnyRow[] };
  }
  if (table === 'relations') {
    const rows = await db.relations
      .where('childKey')
      .anyOf([...assetKeys])
      .toArray();
    return { rows };
  }
  if (table === 'edgeDecisions') {
    const prefixes = assetKeys.map((k) => `${k}|`);
    const rows = await db.edgeDecisions.filter((d) => prefixes.some((p) => d.id.startsWith(p))).toArray();
    return { rows };
  }
  const rows = await getSyncRows(table, assetKeys, db);
  return { rows: rows.filter((r): r is AnyRow => r !== undefined), askedIds: [...assetKeys] };
}

/** Rows to write and ids to delete, per table. */
export type SyncBatch = {
  puts: { table: SyncTable; row: AnyRow }[];
  deletes: { table: SyncTable; id: string }[];
};

/**
 * Writes rows that arrived from the team in one transaction, with an audit row per asset whose curation
 * changed. Marks the catalog changed when assets or relations did (the search caches check that stamp).
 */
export async function applySyncBatch(batch: SyncBatch, db: CatalogDb = getDb()): Promise<void> {
  const at = new Date().toISOString();
  const tables = new Set<SyncTable>([
    ...batch.puts.map((p) => p.table),
    ...batch.deletes.map((d) => d.table),
  ]);
  const audit: AuditRow[] = batch.puts
    .filter((p) => p.table === 'curation')
    .map((p) => ({
      at,
      assetKey: (p.row as SyncRowOf['curation']).key,
      action: 'sync',
      detail: 'curation from the team (CouchDB)',
    }));
  await db.transaction('rw', [...[...tables].map((t) => db.table(t)), db.audit, db.settings], async () => {
    for (const t of tables) {
      const rows = batch.puts.filter((p) => p.table === t).map((p) => p.row);
      if (rows.length > 0) await db.table(t).bulkPut(rows);
      const ids = batch.deletes.filter((d) => d.table === t).map((d) => d.id);
      if (ids.length > 0) await db.table(t).bulkDelete(ids);
    }
    if (audit.length > 0) await db.audit.bulkAdd(audit);
    if (tables.has('assets') || tables.has('relations')) await touchCatalog(db);
  });
}
