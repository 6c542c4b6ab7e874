/** Read/clear access to the catalog tables. The only module besides importRepo that reads assets. */
import { assetKey } from '@/core/model';
import type { CatalogExport } from '@/core/export/envelope';
import { serializeCatalog } from '@/core/export/envelope';
import { getDb } from './db';
import type { CatalogDb } from './schema';
import type { ImportRun, RelationRow, StoredAsset, VersionRow } from './rows';

export async function getAsset(id: string, db: CatalogDb = getDb()): Promise<StoredAsset | undefined> {
  return db.assets.get(assetKey(id));
}

export async function listAssets(db: CatalogDb = getDb()): Promise<StoredAsset[]> {
  return db.assets.toArray();
}

export async function countAssets(db: CatalogDb = getDb()): Promise<number> {
  return db.assets.count();
}

export async function listRelations(db: CatalogDb = getDb()): Promise<RelationRow[]> {
  return db.relations.toArray();
}

/** Relations where the asset is child or parent. */
export async function relationsOf(id: string, db: CatalogDb = getDb()): Promise<{ parents: RelationRow[]; children: RelationRow[] }> {
  const key = assetKey(id);
  const [parents, children] = await Promise.all([
    db.relations.where('childKey').equals(key).toArray(),
    db.relations.where('parentKey').equals(key).toArray(),
  ]);
  return { parents, children };
}

export async function versionsOf(id: string, db: CatalogDb = getDb()): Promise<VersionRow[]> {
  const rows = await db.versions.where('assetKey').equals(assetKey(id)).toArray();
  return rows.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

export async function listImportRuns(db: CatalogDb = getDb()): Promise<ImportRun[]> {
  const runs = await db.imports.toArray();
  return runs.sort((a, b) => (b.id ?? 0) - (a.id ?? 0));
}

export async function addImportRun(run: ImportRun, db: CatalogDb = getDb()): Promise<number> {
  return (await db.imports.add(run)) as number;
}

export async function updateImportRun(id: number, run: ImportRun, db: CatalogDb = getDb()): Promise<void> {
  await db.imports.put({ ...run, id });
}

/** Empties every catalog table (assets, versions, relations, curation, ...); settings are kept. */
export async function clearCatalog(db: CatalogDb = getDb()): Promise<void> {
  const tables = db.tables.filter((t) => t.name !== 'settings');
  await db.transaction('rw', tables, async () => {
    for (const t of tables) await t.clear();
  });
}

export type ExportSelection = {
  /** Asset keys to export; undefined = whole catalog. */
  keys?: string[];
  includeSources?: boolean;
  includeCuration?: boolean;
  scope?: CatalogExport['scope'];
};

/** Reads the rows of an export (whole catalog or a set of asset keys). */
export async function readExport(sel: ExportSelection = {}, db: CatalogDb = getDb()): Promise<CatalogExport> {
  const includeSources = sel.includeSources ?? true;
  const includeCuration = sel.includeCuration ?? true;
  const keySet = sel.keys ? new Set(sel.keys) : undefined;
  const allAssets = await db.assets.toArray();
  const assets = keySet ? allAssets.filter((a) => keySet.has(a.key)) : allAssets;
  const relations = (await db.relations.toArray()).filter((r) => !keySet || (keySet.has(r.childKey) && keySet.has(r.parentKey)) || keySet.has(r.childKey));
  const inSet = new Set(assets.map((a) => a.key));
  // Placeholders referenced by exported relations travel along so the graph is complete.
  for (const r of relations) {
    if (!inSet.has(r.parentKey)) {
      const p = allAssets.find((a) => a.key === r.parentKey);
      if (p) {
        assets.push(p.placeholder ? p : { ...p });
        inSet.add(p.key);
      }
    }
  }
  const versions = (await db.versions.toArray())
    .filter((v) => inSet.has(v.assetKey))
    .map((v) => {
      if (includeSources) return v;
      const { text: _t, ...rest } = v;
      return rest;
    });
  const env = serializeCatalog({
    ...(sel.scope ? { scope: sel.scope } : {}),
    assets,
    versions,
    relations,
  });
  if (includeCuration) {
    env.curation = (await db.curation.toArray()).filter((c) => inSet.has(c.key));
    env.collections = (await db.collections.toArray()).map((c) => (keySet ? { ...c, assetKeys: c.assetKeys.filter((k) => inSet.has(k)) } : c));
    env.audit = (await db.audit.toArray()).filter((x) => x.assetKey === '*' || inSet.has(x.assetKey));
    env.savedViews = await db.savedViews.toArray();
    env.edgeDecisions = (await db.edgeDecisions.toArray()).filter((d) => inSet.has(d.id.split('|')[0] ?? ''));
  }
  return env;
}
