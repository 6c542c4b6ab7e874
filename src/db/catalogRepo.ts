/** Read/clear access to the catalog tables. The only module besides importRepo that reads assets. */
import { assetKey } from '@/core/model';
import type { CatalogExport } from '@/core/export/envelope';
import { serializeCatalog } from '@/core/export/envelope';
import { lineageClosure } from '@/core/export/closure';
import { makePlaceholder } from '@/core/catalog/merge';
import { getDb } from './db';
import { touchCatalog } from './searchIndexRepo';
import type { CatalogDb } from './schema';
import type { ImportRun, RelationRow, StoredAsset, VersionRow } from './rows';

export async function getAsset(id: string, db: CatalogDb = getDb()): Promise<StoredAsset | undefined> {
  return db.assets.get(assetKey(id));
}

/** Keys of the given ids that exist as real (non-placeholder) assets. Reads only those rows. */
export async function existingKeys(ids: readonly string[], db: CatalogDb = getDb()): Promise<Set<string>> {
  const keys = Array.from(new Set(ids.map(assetKey)));
  const rows = await db.assets.bulkGet(keys);
  return new Set(rows.filter((a): a is StoredAsset => a !== undefined && !a.placeholder).map((a) => a.key));
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
export async function relationsOf(
  id: string,
  db: CatalogDb = getDb(),
): Promise<{ parents: RelationRow[]; children: RelationRow[] }> {
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

/**
 * Settings row naming the newest import run and whether it finished: a small row that readers watch
 * (a run record holds every file's report: 30k of them after a big import).
 */
const LATEST_IMPORT_KEY = 'importLatest';

export type LatestImport = { id: number; startedAt: string; finishedAt?: string };

function latestOf(id: number, run: ImportRun): LatestImport {
  return { id, startedAt: run.startedAt, ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}) };
}

export async function addImportRun(run: ImportRun, db: CatalogDb = getDb()): Promise<number> {
  return db.transaction('rw', [db.imports, db.settings], async () => {
    const id = (await db.imports.add(run)) as number;
    await db.settings.put({ key: LATEST_IMPORT_KEY, value: latestOf(id, run) });
    return id;
  });
}

export async function updateImportRun(id: number, run: ImportRun, db: CatalogDb = getDb()): Promise<void> {
  await db.transaction('rw', [db.imports, db.settings], async () => {
    await db.imports.put({ ...run, id });
    const latest = (await db.settings.get(LATEST_IMPORT_KEY))?.value as LatestImport | undefined;
    if (!latest || latest.id <= id)
      await db.settings.put({ key: LATEST_IMPORT_KEY, value: latestOf(id, run) });
  });
}

/** The newest import run's id and times (one small row; undefined before the first import). */
export async function latestImport(db: CatalogDb = getDb()): Promise<LatestImport | undefined> {
  return (await db.settings.get(LATEST_IMPORT_KEY))?.value as LatestImport | undefined;
}

/** Empties every catalog table (assets, versions, relations, curation, ...); settings are kept. */
export async function clearCatalog(db: CatalogDb = getDb()): Promise<void> {
  const tables = db.tables.filter((t) => t.name !== 'settings');
  await db.transaction('rw', [...tables, db.settings], async () => {
    for (const t of tables) await t.clear();
    await touchCatalog(db);
  });
}

export type ExportSelection = {
  /** Asset keys to export; undefined = whole catalog. */
  keys?: string[];
  /** Also export every ancestor of the chosen assets (transitively, via relations). */
  lineageClosure?: boolean;
  includeSources?: boolean;
  /** Curation, collections, audit log and edge decisions. */
  includeCuration?: boolean;
  /** Saved views (defaults to includeCuration). */
  includeSavedViews?: boolean;
  /** Product plans (defaults to includeCuration; with `keys`, the plans whose components are all exported). */
  includePlans?: boolean;
  scope?: CatalogExport['scope'];
};

/**
 * Reads the rows of an export (whole catalog or a set of asset keys). A parent outside the exported set
 * travels as a placeholder (so relations have both ends) unless lineage closure brings the real record.
 */
export async function readExport(sel: ExportSelection = {}, db: CatalogDb = getDb()): Promise<CatalogExport> {
  const rows = await readExportRows(sel, db);
  rows.env.versions = (await db.versions.toArray()).filter(rows.keep).map(rows.shape);
  return rows.env;
}

/** Version rows read per page by `readExportPaged`. */
const VERSION_PAGE = 2_000;

/**
 * `readExport` with the versions (which hold the raw sources, most of a catalog's bytes) left out of `env`
 * and read page by page instead, in primary-key order, so a writer never holds them all. Each page is its
 * own read: a write committed between pages shows in the later ones.
 */
export async function readExportPaged(
  sel: ExportSelection = {},
  db: CatalogDb = getDb(),
  pageSize = VERSION_PAGE,
): Promise<{ env: CatalogExport; versionCount: number; versionPages: () => AsyncGenerator<VersionRow[]> }> {
  const rows = await readExportRows(sel, db);
  const versionCount = rows.keySet
    ? await db.versions
        .where('assetKey')
        .anyOf([...rows.full])
        .count()
    : await db.versions.count();
  async function* versionPages(): AsyncGenerator<VersionRow[]> {
    let after = -Infinity;
    for (;;) {
      const page = await db.versions.where(':id').above(after).limit(pageSize).toArray();
      const last = page.at(-1);
      if (!last) return;
      after = last.seq ?? Infinity;
      yield page.filter(rows.keep).map(rows.shape);
    }
  }
  return { env: rows.env, versionCount, versionPages };
}

/** An export's rows but its versions, and which versions it takes and in what shape. */
async function readExportRows(
  sel: ExportSelection,
  db: CatalogDb,
): Promise<{
  env: CatalogExport;
  keySet: Set<string> | undefined;
  full: Set<string>;
  keep: (v: VersionRow) => boolean;
  shape: (v: VersionRow) => VersionRow;
}> {
  const includeSources = sel.includeSources ?? true;
  const includeCuration = sel.includeCuration ?? true;
  const includeSavedViews = sel.includeSavedViews ?? includeCuration;
  const allAssets = await db.assets.toArray();
  const allRelations = await db.relations.toArray();
  const chosen = sel.keys ? sel.keys.map(assetKey) : undefined;
  const keySet = chosen
    ? new Set(sel.lineageClosure ? lineageClosure(chosen, allRelations) : chosen)
    : undefined;
  const assets = keySet ? allAssets.filter((a) => keySet.has(a.key)) : allAssets;
  const relations = keySet ? allRelations.filter((r) => keySet.has(r.childKey)) : allRelations;
  const inSet = new Set(assets.map((a) => a.key));
  const byKey = new Map(allAssets.map((a) => [a.key, a]));
  // Parents outside the set travel as placeholders so the exported graph is complete.
  for (const r of relations) {
    if (inSet.has(r.parentKey)) continue;
    const p = byKey.get(r.parentKey);
    if (!p) continue;
    assets.push(p.placeholder ? p : makePlaceholder(p.id, p.kind, p.createdAt));
    inSet.add(p.key);
  }
  const full = new Set(assets.filter((a) => !a.placeholder).map((a) => a.key));
  const keep = (v: VersionRow) => !keySet || full.has(v.assetKey);
  const shape = (v: VersionRow): VersionRow => {
    if (includeSources) return v;
    const { text: _t, ...rest } = v;
    return rest;
  };
  const env = serializeCatalog({
    ...(sel.scope ? { scope: sel.scope } : {}),
    assets,
    versions: [],
    relations,
  });
  if (includeCuration) {
    env.curation = (await db.curation.toArray()).filter((c) => !keySet || full.has(c.key));
    env.collections = (await db.collections.toArray())
      .map((c) => (keySet ? { ...c, assetKeys: c.assetKeys.filter((k) => full.has(k)) } : c))
      .filter((c) => !keySet || c.assetKeys.length > 0);
    env.audit = (await db.audit.toArray()).filter(
      (x) => !keySet || x.assetKey === '*' || full.has(x.assetKey),
    );
    env.edgeDecisions = (await db.edgeDecisions.toArray()).filter(
      (d) => !keySet || full.has(d.id.split('|')[0] ?? ''),
    );
  }
  if (includeSavedViews) env.savedViews = await db.savedViews.toArray();
  if (sel.includePlans ?? includeCuration) {
    env.plans = (await db.plans.toArray()).filter(
      (p) => !keySet || p.components.every((c) => full.has(assetKey(c.assetId))),
    );
  }
  return { env, keySet, full, keep, shape };
}
