/**
 * Writing imports. One file's assets + versions + relations are written in ONE transaction, so an asset
 * is never half-written and a failure leaves the catalog as it was.
 */
import { assetKey, type Asset, type Issue, type ParseResult, type Relation } from '@/core/model';
import {
  kindFromRelation,
  makePlaceholder,
  mergeAsset,
  contentFingerprint,
  viaTag,
} from '@/core/catalog/merge';
import {
  relationId,
  type AuditRow,
  type FileReport,
  type RelationRow,
  type StoredAsset,
  type VersionRow,
} from '@/core/catalog/rows';
import type { CatalogExport } from '@/core/export/envelope';
import { readPlan } from '@/core/licenses/plan';
import { Dexie, type Table } from 'dexie';
import { getDb } from './db';
import { catalogMarker, touchCatalog } from './searchIndexRepo';
import type { CatalogDb } from './schema';

/** `metadataOnly`: the version row keeps the hash, not the text (the "Keep metadata only" setting). */
export type ImportSource = {
  name: string;
  text: string;
  sha256: string;
  bytes: number;
  metadataOnly?: boolean;
};

function toRelationRow(r: Relation, via: string): RelationRow {
  const childKey = assetKey(r.child);
  const parentKey = assetKey(r.parent);
  return { ...r, id: relationId(childKey, r.type, parentKey), childKey, parentKey, vias: [via] };
}

function emptyReport(source: ImportSource, result: ParseResult): FileReport {
  return {
    name: source.name,
    bytes: source.bytes,
    format: result.format,
    status: 'imported',
    created: 0,
    updated: 0,
    unchanged: 0,
    relationsAdded: 0,
    assetIds: [],
    issues: [...result.issues],
  };
}

/** A file that yields no asset is failed (with an error issue) and writes nothing. */
function failIfEmpty(report: FileReport, result: ParseResult): boolean {
  if (result.assets.length > 0) return false;
  if (!report.issues.some((i) => i.severity === 'error')) {
    report.issues.push({
      severity: 'error',
      code: 'NO_ASSETS',
      message: 'No asset could be read from this file.',
    });
  }
  report.status = 'failed';
  return true;
}

function writeTables(db: CatalogDb) {
  return [db.assets, db.versions, db.relations, db.audit, db.settings];
}

/**
 * What a batch of files works on: the stored rows it can touch, read in bulk up front, then changed in
 * memory file by file (a later file sees what an earlier one wrote) and written in bulk at the end.
 */
type BatchState = {
  /**
   * Stored assets by key (absent keys: undefined). Holds every asset key of the batch's files and every
   * relation end that does not exist (or is written by the batch); relation ends that exist and that no
   * file of the batch describes are in `endsStored` instead (their records are never needed).
   */
  assets: Map<string, StoredAsset | undefined>;
  /** Relation ends stored (checked by key only) that no file of the batch describes. */
  endsStored: Set<string>;
  /** Relations by id: every relation whose child is an asset key or relation child of the batch. */
  relations: Map<string, RelationRow>;
  /** Child key → ids of its relations in `relations`. */
  byChild: Map<string, Set<string>>;
  dirtyAssets: Set<string>;
  /** Relation ids put or deleted (deleted: no longer in `relations`). */
  dirtyRelations: Set<string>;
  versions: VersionRow[];
  audit: AuditRow[];
  /** Keys not read because they were known not to exist: their new rows are added (not put). */
  absent: Set<string>;
};

/**
 * The asset keys an import may find stored: every key stored when it started, plus what it wrote since.
 * A key outside the set is taken as new: it is not read, and its row is added, so a key another tab
 * stored meanwhile fails the batch's transaction (nothing is overwritten) and the batch is stored again
 * with reads.
 *
 * `marker`: the catalog's change marker (see touchCatalog) while the set is exact. Every write that adds
 * or deletes an asset moves the marker in its transaction, so a batch that finds it unchanged knows the
 * set is every stored key: a relation end in it exists and is not checked (checking each one, a
 * request per key, was a tenth of a 30k-card import). A batch that finds another value (another tab, or
 * another write of this one) checks every key, and so do the rest of the import's batches.
 */
export type KnownKeys = { keys: Set<string>; marker: string | undefined };

/** Every stored asset key (keys only: no row is read), with the catalog's change marker. */
export async function storedAssetKeys(db: CatalogDb = getDb()): Promise<KnownKeys> {
  return db.transaction('r', [db.assets, db.settings], async () => {
    const [keys, marker] = await Promise.all([db.assets.toCollection().primaryKeys(), catalogMarker(db)]);
    return { keys: new Set(keys), marker };
  });
}

/** One file, ready to plan: its assets by key and its relations as rows tagged with its provenance. */
type PlannedFile = {
  source: ImportSource;
  result: ParseResult;
  via: string;
  byKey: Map<string, Asset>;
  incoming: RelationRow[];
};

function planInput(source: ImportSource, result: ParseResult): PlannedFile {
  const via = viaTag({ format: result.format, sourceName: source.name });
  const byKey = new Map<string, Asset>();
  for (const a of result.assets) byKey.set(assetKey(a.id), a);
  return { source, result, via, byKey, incoming: result.relations.map((r) => toRelationRow(r, via)) };
}

/**
 * Reads, in bulk, every stored row the files can touch (with `known`, only rows whose key may exist).
 * Runs inside the transaction.
 */
async function readBatchState(
  db: CatalogDb,
  files: readonly PlannedFile[],
  known: KnownKeys | undefined,
  /** `known` is exact (its marker is the stored one): its relation ends exist. */
  exact: boolean,
): Promise<BatchState> {
  /** Keys whose record a file merges into. */
  const own = new Set<string>();
  /** Relation ends no file of the batch describes: only whether they exist matters (placeholder or not). */
  const ends = new Set<string>();
  const children = new Set<string>();
  for (const f of files) {
    for (const key of f.byKey.keys()) {
      own.add(key);
      children.add(key);
    }
    for (const r of f.incoming) {
      ends.add(r.parentKey);
      ends.add(r.childKey);
      children.add(r.childKey);
    }
  }
  for (const key of own) ends.delete(key);
  const absent = new Set<string>();
  const mayExist = (key: string) => {
    if (!known || known.keys.has(key)) return true;
    absent.add(key);
    return false;
  };
  const keys = Array.from(own).filter(mayExist);
  const endsKnown = new Set<string>();
  const endKeys = Array.from(ends)
    .filter(mayExist)
    .filter((key) => {
      if (!exact) return true;
      endsKnown.add(key);
      return false;
    });
  // Records only for the files' own keys; relation ends by key only (a card's base model or dataset is
  // usually stored, often with a whole card inside: reading it back cost more than writing the batch).
  // One count per key, all issued at once: an `anyOf` cursor would make a round trip per key.
  const [stored, endCounts] = await Promise.all([
    keys.length > 0 ? db.assets.bulkGet(keys) : [],
    Promise.all(endKeys.map((k) => db.assets.where(':id').equals(k).count())),
  ]);
  const assets = new Map<string, StoredAsset | undefined>();
  for (const key of absent) assets.set(key, undefined);
  keys.forEach((key, i) => assets.set(key, stored[i]));
  const endsStored = endsKnown;
  endKeys.forEach((key, i) => {
    if ((endCounts[i] ?? 0) > 0) endsStored.add(key);
    else assets.set(key, undefined);
  });
  // Relations of the children that exist: every stored relation's child is an asset (real or placeholder:
  // writers add one, deletions keep one while it is referenced), so a new asset has none to read. One index
  // lookup per child, all issued at once: an `anyOf` cursor would make a round trip per key.
  const rels = (
    await Promise.all(
      Array.from(children)
        .filter((k) => assets.get(k) !== undefined || endsStored.has(k))
        .map((k) => db.relations.where('childKey').equals(k).toArray()),
    )
  ).flat();
  const relations = new Map<string, RelationRow>();
  const byChild = new Map<string, Set<string>>();
  for (const r of rels) {
    relations.set(r.id, r);
    addToChild(byChild, r);
  }
  return {
    assets,
    endsStored,
    relations,
    byChild,
    dirtyAssets: new Set(),
    dirtyRelations: new Set(),
    versions: [],
    audit: [],
    absent,
  };
}

function addToChild(byChild: Map<string, Set<string>>, r: RelationRow): void {
  let ids = byChild.get(r.childKey);
  if (!ids) byChild.set(r.childKey, (ids = new Set()));
  ids.add(r.id);
}

function putRelation(st: BatchState, r: RelationRow): void {
  st.relations.set(r.id, r);
  addToChild(st.byChild, r);
  st.dirtyRelations.add(r.id);
}

function deleteRelation(st: BatchState, r: RelationRow): void {
  st.relations.delete(r.id);
  st.byChild.get(r.childKey)?.delete(r.id);
  st.dirtyRelations.add(r.id);
}

function putAsset(st: BatchState, a: StoredAsset): void {
  st.assets.set(a.key, a);
  st.dirtyAssets.add(a.key);
}

/**
 * Merges one parsed file into the batch state (no I/O): assets merged with what is stored, a version and
 * an audit row per changed asset, the file's relations replacing its earlier ones for the changed
 * children, placeholders for absent relation ends. Fills `report`; returns whether anything changed.
 */
function planFile(
  st: BatchState,
  file: PlannedFile,
  report: FileReport,
  importedAt: string,
  importId: number | undefined,
): boolean {
  const { source, result, via, byKey, incoming } = file;
  const format = result.format;
  const changedKeys = new Set<string>();
  /** Per changed child: the provenance tags whose relations this import replaces. */
  const replacedVias = new Map<string, Set<string>>();
  for (const [key, asset] of byKey) {
    const outcome = mergeAsset(st.assets.get(key), asset, {
      format,
      sourceName: source.name,
      sha256: source.sha256,
      importedAt,
    });
    report.assetIds.push(outcome.record.id);
    if (outcome.status === 'unchanged') {
      report.unchanged++;
      continue;
    }
    if (outcome.status === 'new') report.created++;
    else report.updated++;
    changedKeys.add(key);
    replacedVias.set(key, new Set([via, ...(outcome.replaced ? [viaTag(outcome.replaced)] : [])]));
    putAsset(st, outcome.record);
    st.versions.push({
      assetKey: key,
      assetId: outcome.record.id,
      sha256: source.sha256,
      sourceName: source.name,
      format,
      importedAt,
      ...(source.metadataOnly ? {} : { text: source.text }),
      ...(importId !== undefined ? { importId } : {}),
    });
    st.audit.push({
      at: importedAt,
      assetKey: key,
      action: outcome.status === 'new' ? 'import:new' : 'import:update',
      detail: `${source.name} (${format})`,
    });
  }
  // Relations declared by this source for the changed children replace that source's earlier ones.
  const children = new Set(incoming.map((r) => r.childKey));
  for (const key of changedKeys) children.add(key);
  for (const childKey of children) {
    if (byKey.has(childKey) && !changedKeys.has(childKey)) continue;
    const drop = replacedVias.get(childKey) ?? new Set([via]);
    for (const id of Array.from(st.byChild.get(childKey) ?? [])) {
      const r = st.relations.get(id);
      if (!r || !r.vias.some((v) => drop.has(v))) continue;
      const vias = r.vias.filter((v) => !drop.has(v));
      if (vias.length === 0) deleteRelation(st, r);
      else putRelation(st, { ...r, vias });
    }
  }
  for (const row of incoming) {
    if (byKey.has(row.childKey) && !changedKeys.has(row.childKey)) continue;
    const prev = st.relations.get(row.id);
    if (prev) {
      putRelation(st, { ...prev, vias: Array.from(new Set([...prev.vias, via])) });
    } else {
      putRelation(st, row);
      report.relationsAdded++;
    }
    for (const end of [row.parentKey, row.childKey]) {
      if (st.assets.get(end) || st.endsStored.has(end)) continue;
      const id = end === row.parentKey ? row.parent : row.child;
      const kind = end === row.parentKey ? kindFromRelation(row.type) : 'unknown';
      putAsset(st, makePlaceholder(id, kind, importedAt));
    }
  }
  if (report.created === 0 && report.updated === 0) report.status = 'unchanged';
  return report.created + report.updated + report.relationsAdded > 0;
}

/**
 * Writes what the batch changed, in bulk. Runs inside the transaction. Returns the catalog's new change
 * marker when it moved it.
 */
async function writeBatchState(db: CatalogDb, st: BatchState, touched: boolean): Promise<string | undefined> {
  const assetPuts: StoredAsset[] = [];
  const assetAdds: StoredAsset[] = [];
  for (const key of st.dirtyAssets) {
    const a = st.assets.get(key);
    if (a) (st.absent.has(key) ? assetAdds : assetPuts).push(a);
  }
  const relationPuts: RelationRow[] = [];
  const relationDeletes: string[] = [];
  for (const id of st.dirtyRelations) {
    const r = st.relations.get(id);
    if (r) relationPuts.push(r);
    else relationDeletes.push(id);
  }
  if (assetPuts.length > 0) await db.assets.bulkPut(assetPuts);
  // Keys taken as new are added: one stored meanwhile (another tab) fails the transaction.
  if (assetAdds.length > 0) await db.assets.bulkAdd(assetAdds);
  if (relationDeletes.length > 0) await db.relations.bulkDelete(relationDeletes);
  if (relationPuts.length > 0) await db.relations.bulkPut(relationPuts);
  if (st.versions.length > 0) await db.versions.bulkAdd(st.versions);
  if (st.audit.length > 0) await db.audit.bulkAdd(st.audit);
  return touched ? touchCatalog(db) : undefined;
}

/**
 * What a batch stored, for the search engine (no read-back): the current record of every asset key of
 * the batch's files that exists, and every relation whose child is one of those keys.
 */
export type BatchWritten = { assets: StoredAsset[]; relations: RelationRow[] };

function writtenOf(st: BatchState, files: readonly PlannedFile[]): BatchWritten {
  const keys = new Set<string>();
  for (const f of files) for (const key of f.byKey.keys()) keys.add(key);
  const assets: StoredAsset[] = [];
  const relations: RelationRow[] = [];
  for (const key of keys) {
    const a = st.assets.get(key);
    if (a) assets.push(a);
    for (const id of st.byChild.get(key) ?? []) {
      const r = st.relations.get(id);
      if (r) relations.push(r);
    }
  }
  return { assets, relations };
}

/** Stores one parsed file in its own transaction. Returns the per-file report. */
export async function importParsedFile(
  source: ImportSource,
  result: ParseResult,
  importedAt: string,
  importId?: number,
  db: CatalogDb = getDb(),
): Promise<FileReport> {
  const report = emptyReport(source, result);
  if (failIfEmpty(report, result)) return report;
  try {
    await writeBatch(db, [planInput(source, result)], [report], importedAt, importId);
  } catch (e) {
    return {
      ...emptyReport(source, result),
      status: 'failed',
      issues: [
        ...result.issues,
        {
          severity: 'error',
          code: 'STORE_FAILED',
          message: `Could not store this file; nothing from it was saved: ${e instanceof Error ? e.message : String(e)}`,
        },
      ],
    };
  }
  return report;
}

/** One transaction: bulk reads, merge in memory in file order, bulk writes. */
async function writeBatch(
  db: CatalogDb,
  files: readonly PlannedFile[],
  reports: readonly FileReport[],
  importedAt: string,
  importId: number | undefined,
  known?: KnownKeys,
  /** Read every key (`known` is still told what was stored). */
  readAll = false,
): Promise<BatchWritten> {
  const t0 = performance.now();
  let tWritten = t0;
  let dirty: Iterable<string> = [];
  /** The change marker after this batch when `known` is still exact then. */
  let marker: string | undefined;
  const written = await db.transaction('rw', writeTables(db), async () => {
    performance.measure('tarn:store:wait', { start: t0, end: performance.now() });
    const hint = readAll ? undefined : known;
    const exact = hint?.marker !== undefined && (await catalogMarker(db)) === hint.marker;
    const st = await readBatchState(db, files, hint, exact);
    dirty = st.dirtyAssets;
    const tRead = performance.now();
    let touched = false;
    files.forEach((f, i) => {
      const report = reports[i];
      if (report && planFile(st, f, report, importedAt, importId)) touched = true;
    });
    const tPlanned = performance.now();
    const moved = await writeBatchState(db, st, touched);
    if (exact) marker = moved ?? hint?.marker;
    tWritten = performance.now();
    // From the start of the transaction call: its wait is also in `tarn:store:wait`.
    performance.measure('tarn:store:read', { start: t0, end: tRead });
    performance.measure('tarn:store:merge', { start: tRead, end: tPlanned });
    performance.measure('tarn:store:write', { start: tPlanned, end: tWritten });
    return writtenOf(st, files);
  });
  performance.measure('tarn:store:commit', { start: tWritten, end: performance.now() });
  if (known) {
    for (const key of dirty) known.keys.add(key);
    known.marker = marker;
  }
  return written;
}

/**
 * Stores several parsed files in ONE transaction (much faster than one per file): every row the batch
 * can touch is read in bulk, the files are merged in memory in order (a later file sees what an earlier
 * one wrote), and the results are written in bulk. Each file is still all-or-nothing: if the batch fails,
 * every file is retried in its own transaction. `written` is what the batch stored when it was stored as
 * one batch (absent after a retry file by file). With `known` (see KnownKeys), keys outside it are not
 * read; if one was stored meanwhile, the batch is stored again with reads.
 */
export async function storeParsedBatch(
  items: { source: ImportSource; result: ParseResult }[],
  importedAt: string,
  importId?: number,
  db: CatalogDb = getDb(),
  known?: KnownKeys,
): Promise<{ reports: FileReport[]; written?: BatchWritten }> {
  const fresh = () => items.map(({ source, result }) => emptyReport(source, result));
  let reports = fresh();
  const writable = items.filter((it, i) => !failIfEmpty(reports[i] as FileReport, it.result));
  if (writable.length === 0) return { reports };
  const attempt = async (readAll: boolean) => {
    const files = writable.map((it) => planInput(it.source, it.result));
    const fileReports = reports.filter((r) => r.status !== 'failed');
    const written = await writeBatch(db, files, fileReports, importedAt, importId, known, readAll);
    return { reports, written };
  };
  try {
    if (known) {
      try {
        return await attempt(false);
      } catch {
        // A key taken as new was stored meanwhile: the same batch, reading every key.
        reports = fresh();
        items.forEach((it, i) => failIfEmpty(reports[i] as FileReport, it.result));
      }
    }
    return await attempt(true);
  } catch {
    const out: FileReport[] = [];
    for (const it of items) out.push(await importParsedFile(it.source, it.result, importedAt, importId, db));
    return { reports: out };
  }
}

/** `storeParsedBatch`, reports only. */
export async function importParsedFiles(
  items: { source: ImportSource; result: ParseResult }[],
  importedAt: string,
  importId?: number,
  db: CatalogDb = getDb(),
): Promise<FileReport[]> {
  return (await storeParsedBatch(items, importedAt, importId, db)).reports;
}

export type RestoreReport = FileReport;

/** What a restore needs to know about the export file itself. */
export type ExportSource = Pick<ImportSource, 'name' | 'bytes'>;

/**
 * Adds the rows whose key is not stored yet and leaves the others untouched. Returns the positions of the
 * rows that were not added because their key exists. Adding first means a new export (the common case)
 * is written without reading anything back; only the rows that collide are read afterwards.
 */
async function addAbsent<T, I>(table: Table<T, string, I>, rows: readonly I[]): Promise<Set<number>> {
  const taken = new Set<number>();
  if (rows.length === 0) return taken;
  try {
    await table.bulkAdd(rows);
  } catch (e) {
    // Only "key exists" failures are expected; anything else aborts the transaction.
    if (!(e instanceof Dexie.BulkError)) throw e;
    for (const [pos, err] of Object.entries(e.failuresByPos)) {
      if (err.name !== 'ConstraintError') throw e;
      taken.add(Number(pos));
    }
  }
  return taken;
}

/** Versions per bulk write when restoring an export. */
const RESTORE_CHUNK = 2000;

/**
 * Restores a Tarn export into the catalog: lossless into an empty catalog; merging without duplicates
 * into a non-empty one (differences are reported as conflicts, the newer contribution per source wins).
 */
export async function restoreExport(
  source: ExportSource,
  env: CatalogExport,
  importedAt: string,
  db: CatalogDb = getDb(),
  /** Optional out-param: assets created as stored (absent before) and keys otherwise changed. */
  written?: { created: StoredAsset[]; changed: string[] },
): Promise<FileReport> {
  const issues: Issue[] = [];
  const report: FileReport = {
    name: source.name,
    bytes: source.bytes,
    format: 'tarn-catalog',
    status: 'imported',
    created: 0,
    updated: 0,
    unchanged: 0,
    relationsAdded: 0,
    assetIds: [],
    issues,
  };
  const tables = [
    db.assets,
    db.versions,
    db.relations,
    db.audit,
    db.curation,
    db.collections,
    db.savedViews,
    db.edgeDecisions,
    db.imports,
    db.settings,
    db.plans,
  ];
  await db.transaction('rw', tables, async () => {
    // Bulk path: rows are added first; only those whose key was taken are read back and merged.
    /** Keys present before this restore: only their versions can be duplicates. */
    const existed = new Set<string>();
    const taken = await addAbsent(db.assets, env.assets);
    const takenKeys = Array.from(new Set(Array.from(taken, (i) => (env.assets[i] as StoredAsset).key)));
    const stored = new Map<string, StoredAsset>();
    if (takenKeys.length > 0) {
      const rows = await db.assets.bulkGet(takenKeys);
      rows.forEach((row, i) => {
        const key = takenKeys[i];
        if (row && key !== undefined) stored.set(key, row);
      });
    }
    const puts: StoredAsset[] = [];
    env.assets.forEach((a, i) => {
      if (a.placeholder) {
        if (taken.has(i)) existed.add(a.key);
        return;
      }
      report.assetIds.push(a.id);
      const existing = taken.has(i) ? stored.get(a.key) : undefined;
      if (!existing) {
        // Added just now.
        written?.created.push(a);
        report.created++;
        return;
      }
      existed.add(a.key);
      if (existing.placeholder) {
        puts.push(a);
        written?.changed.push(a.key);
        report.created++;
      } else if (contentFingerprint(existing) === contentFingerprint(a)) {
        report.unchanged++;
      } else {
        let merged: StoredAsset = existing;
        for (const c of a.contributions) {
          const mine = merged.contributions.find((m) => m.format === c.format);
          if (mine && mine.importedAt >= c.importedAt) continue;
          merged = mergeAsset(merged, c.asset, c).record;
        }
        merged = {
          ...merged,
          createdAt: existing.createdAt < a.createdAt ? existing.createdAt : a.createdAt,
        };
        puts.push(merged);
        written?.changed.push(a.key);
        report.updated++;
        issues.push({
          severity: 'warning',
          code: 'EXPORT_CONFLICT',
          message: `${a.id}: the catalog and the export differ; merged (newer source per format wins).`,
        });
      }
    });
    if (puts.length > 0) await db.assets.bulkPut(puts);
    const noVersions = existed.size === 0 || (await db.versions.count()) === 0;
    const seenVersions = new Set<string>();
    for (let s = 0; s < env.versions.length; s += RESTORE_CHUNK) {
      const chunk = env.versions.slice(s, s + RESTORE_CHUNK);
      const have = new Set<string>();
      const check = noVersions
        ? []
        : Array.from(new Set(chunk.filter((v) => existed.has(v.assetKey)).map((v) => v.assetKey)));
      if (check.length > 0) {
        const found = await db.versions.where('assetKey').anyOf(check).toArray();
        for (const v of found) have.add(`${v.assetKey}|${v.sha256}`);
      }
      const adds: VersionRow[] = [];
      for (const v of chunk) {
        const k = `${v.assetKey}|${v.sha256}`;
        if (have.has(k) || seenVersions.has(k)) continue;
        seenVersions.add(k);
        const { seq: _seq, ...rest } = v;
        adds.push(rest);
      }
      if (adds.length > 0) await db.versions.bulkAdd(adds);
    }
    const takenRelations = await addAbsent(db.relations, env.relations);
    report.relationsAdded += env.relations.length - takenRelations.size;
    if (takenRelations.size > 0) {
      // Relations already stored gain this export's provenance tags.
      const ids = Array.from(
        new Set(Array.from(takenRelations, (i) => (env.relations[i] as RelationRow).id)),
      );
      const prev = new Map<string, RelationRow>();
      (await db.relations.bulkGet(ids)).forEach((r) => {
        if (r) prev.set(r.id, r);
      });
      const relationPuts = new Map<string, RelationRow>();
      for (const i of takenRelations) {
        const r = env.relations[i] as RelationRow;
        const before = relationPuts.get(r.id) ?? prev.get(r.id);
        if (!before) continue;
        const vias = Array.from(new Set([...before.vias, ...r.vias]));
        if (vias.length !== before.vias.length) relationPuts.set(r.id, { ...before, vias });
      }
      if (relationPuts.size > 0) await db.relations.bulkPut(Array.from(relationPuts.values()));
    }
    for (const c of env.curation ?? []) {
      const prev = await db.curation.get(c.key);
      if (!prev || prev.updatedAt < c.updatedAt) await db.curation.put(c);
      if (prev && prev.updatedAt !== c.updatedAt) {
        issues.push({
          severity: 'warning',
          code: 'CURATION_CONFLICT',
          message: `Curation of ${c.key} differed; kept the newer.`,
        });
      }
    }
    for (const c of env.collections ?? []) {
      const prev = await db.collections.get(c.id);
      if (prev && (prev.name !== c.name || prev.assetKeys.join('\n') !== c.assetKeys.join('\n'))) {
        issues.push({
          severity: 'warning',
          code: 'COLLECTION_CONFLICT',
          message: `Collection "${prev.name}" differed; members were combined.`,
        });
      }
      await db.collections.put(
        prev ? { ...prev, assetKeys: Array.from(new Set([...prev.assetKeys, ...c.assetKeys])) } : c,
      );
    }
    for (const s of env.savedViews ?? []) if (!(await db.savedViews.get(s.id))) await db.savedViews.put(s);
    for (const x of env.plans ?? []) {
      const read = readPlan(x);
      if (!read.ok) {
        issues.push({
          severity: 'warning',
          code: 'PLAN_SKIPPED',
          message: `Product plan skipped: ${read.error}.`,
        });
        continue;
      }
      const prev = await db.plans.get(read.plan.id);
      if (!prev || prev.updatedAt < read.plan.updatedAt) await db.plans.put(read.plan);
    }
    for (const d of env.edgeDecisions ?? []) {
      const prev = await db.edgeDecisions.get(d.id);
      if (!prev || prev.at < d.at) await db.edgeDecisions.put(d);
    }
    const auditAdds: AuditRow[] = [];
    const envAudit = env.audit ?? [];
    const auditKey = (x: AuditRow) => `${x.at}|${x.assetKey}|${x.action}|${x.detail ?? ''}`;
    // Only rows with the same timestamps can be duplicates (the audit log grows with every import).
    const existingAudit = new Set(
      envAudit.length === 0
        ? []
        : (
            await db.audit
              .where('at')
              .anyOf(Array.from(new Set(envAudit.map((x) => x.at))))
              .toArray()
          ).map(auditKey),
    );
    for (const x of envAudit) {
      const k = auditKey(x);
      if (existingAudit.has(k)) continue;
      existingAudit.add(k);
      const { seq: _s, ...rest } = x;
      auditAdds.push(rest);
    }
    if (auditAdds.length > 0) await db.audit.bulkAdd(auditAdds);
    const envRuns = env.imports ?? [];
    const runStarts = new Set(
      envRuns.length === 0 ? [] : (await db.imports.toArray()).map((r) => r.startedAt),
    );
    for (const run of envRuns) {
      const { id: _id, ...rest } = run;
      if (runStarts.has(run.startedAt)) continue;
      runStarts.add(run.startedAt);
      await db.imports.add(rest);
    }
    await db.audit.add({
      at: importedAt,
      assetKey: '*',
      action: 'import:export',
      detail: `${source.name}: ${env.assets.length} assets`,
    });
    if (report.created + report.updated + report.relationsAdded > 0) await touchCatalog(db);
  });
  if (report.created === 0 && report.updated === 0) report.status = 'unchanged';
  return report;
}
