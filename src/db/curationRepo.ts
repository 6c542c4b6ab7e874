/**
 * The curation overlay: tags, notes, status and owner per asset, collections, and the append-only audit
 * log. Stored apart from imported data (curation/collections tables), so re-import never overwrites it.
 * Every edit writes its audit row in the same transaction as the change.
 */
import { assetKey } from '@/core/model';
import { makePlaceholder } from '@/core/catalog/merge';
import type {
  AuditRow,
  CollectionRow,
  CurationRow,
  CurationStatus,
  EdgeDecisionRow,
  RelationRow,
  StoredAsset,
  VersionRow,
} from '@/core/catalog/rows';
import { getDb } from './db';
import { touchCatalog } from './searchIndexRepo';
import type { CatalogDb } from './schema';

export const CURATION_STATUSES: readonly CurationStatus[] = ['draft', 'approved', 'deprecated'];

const MAX_TAG = 100;
const MAX_NOTES = 100_000;

function nowIso(): string {
  return new Date().toISOString();
}

function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const s = t.trim().slice(0, MAX_TAG);
    if (s !== '' && !out.includes(s)) out.push(s);
  }
  return out;
}

function emptyCuration(key: string, at: string): CurationRow {
  return { key, tags: [], notes: '', updatedAt: at };
}

export async function getCuration(key: string, db: CatalogDb = getDb()): Promise<CurationRow | undefined> {
  return db.curation.get(assetKey(key));
}

export async function listCuration(db: CatalogDb = getDb()): Promise<CurationRow[]> {
  return db.curation.toArray();
}

/** Changes to a curation row; `null` clears status/owner. */
export type CurationPatch = {
  tags?: string[];
  notes?: string;
  status?: CurationStatus | null;
  owner?: string | null;
};

function applyPatch(
  prev: CurationRow,
  patch: CurationPatch,
  at: string,
): { row: CurationRow; audit: AuditRow[] } {
  const row: CurationRow = { ...prev, tags: [...prev.tags] };
  const audit: AuditRow[] = [];
  const log = (action: string, detail: string) => audit.push({ at, assetKey: prev.key, action, detail });
  if (patch.tags !== undefined) {
    const tags = cleanTags(patch.tags);
    const added = tags.filter((t) => !prev.tags.includes(t));
    const removed = prev.tags.filter((t) => !tags.includes(t));
    if (added.length > 0 || removed.length > 0) {
      row.tags = tags;
      log('curation:tags', [...added.map((t) => `+${t}`), ...removed.map((t) => `-${t}`)].join(' '));
    }
  }
  if (patch.notes !== undefined && patch.notes !== prev.notes) {
    row.notes = patch.notes.slice(0, MAX_NOTES);
    log(
      'curation:notes',
      row.notes === '' ? 'notes cleared' : `notes edited (${row.notes.length} characters)`,
    );
  }
  if (patch.status !== undefined && (patch.status ?? undefined) !== prev.status) {
    if (patch.status === null) delete row.status;
    else row.status = patch.status;
    log('curation:status', `${prev.status ?? 'none'} → ${patch.status ?? 'none'}`);
  }
  if (patch.owner !== undefined) {
    const owner = patch.owner?.trim() ?? '';
    if (owner !== (prev.owner ?? '')) {
      if (owner === '') delete row.owner;
      else row.owner = owner.slice(0, 200);
      log('curation:owner', `${prev.owner ?? 'none'} → ${owner === '' ? 'none' : owner}`);
    }
  }
  if (audit.length > 0) row.updatedAt = at;
  return { row, audit };
}

/** Applies the same patch to one or more assets; returns how many rows changed. */
async function patchMany(
  keys: readonly string[],
  makePatch: (prev: CurationRow) => CurationPatch,
  db: CatalogDb,
): Promise<number> {
  const at = nowIso();
  let changed = 0;
  await db.transaction('rw', [db.curation, db.audit], async () => {
    for (const raw of new Set(keys.map(assetKey))) {
      const prev = (await db.curation.get(raw)) ?? emptyCuration(raw, at);
      const { row, audit } = applyPatch(prev, makePatch(prev), at);
      if (audit.length === 0) continue;
      changed++;
      await db.curation.put(row);
      await db.audit.bulkAdd(audit);
    }
  });
  return changed;
}

/** Edits one asset's curation (only the fields given). */
export async function updateCuration(
  key: string,
  patch: CurationPatch,
  db: CatalogDb = getDb(),
): Promise<void> {
  await patchMany([key], () => patch, db);
}

export async function addTags(
  keys: readonly string[],
  tags: readonly string[],
  db: CatalogDb = getDb(),
): Promise<number> {
  return patchMany(keys, (prev) => ({ tags: [...prev.tags, ...tags] }), db);
}

export async function removeTags(
  keys: readonly string[],
  tags: readonly string[],
  db: CatalogDb = getDb(),
): Promise<number> {
  return patchMany(keys, (prev) => ({ tags: prev.tags.filter((t) => !tags.includes(t)) }), db);
}

export async function setStatus(
  keys: readonly string[],
  status: CurationStatus | null,
  db: CatalogDb = getDb(),
): Promise<number> {
  return patchMany(keys, () => ({ status }), db);
}

// ---------------------------------------------------------------------------------------------------
// Collections

export async function listCollections(db: CatalogDb = getDb()): Promise<CollectionRow[]> {
  const rows = await db.collections.toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getCollection(id: string, db: CatalogDb = getDb()): Promise<CollectionRow | undefined> {
  return db.collections.get(id);
}

function newCollectionId(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${slug || 'collection'}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Creates a named collection (optionally with members). Names need not be unique; ids are. */
export async function createCollection(
  name: string,
  keys: readonly string[] = [],
  db: CatalogDb = getDb(),
): Promise<CollectionRow> {
  const at = nowIso();
  const clean = name.trim().slice(0, 200) || 'Untitled collection';
  const row: CollectionRow = {
    id: newCollectionId(clean),
    name: clean,
    assetKeys: Array.from(new Set(keys.map(assetKey))),
    createdAt: at,
    updatedAt: at,
  };
  await db.transaction('rw', [db.collections, db.audit], async () => {
    await db.collections.add(row);
    await db.audit.add({ at, assetKey: '*', action: 'collection:create', detail: clean });
    await db.audit.bulkAdd(
      row.assetKeys.map((k) => ({ at, assetKey: k, action: 'collection:add', detail: clean })),
    );
  });
  return row;
}

/** Adds assets to a collection; returns how many were not in it yet. */
export async function addToCollection(
  id: string,
  keys: readonly string[],
  db: CatalogDb = getDb(),
): Promise<number> {
  const at = nowIso();
  let added = 0;
  await db.transaction('rw', [db.collections, db.audit], async () => {
    const c = await db.collections.get(id);
    if (!c) return;
    const fresh = Array.from(new Set(keys.map(assetKey))).filter((k) => !c.assetKeys.includes(k));
    if (fresh.length === 0) return;
    added = fresh.length;
    await db.collections.put({ ...c, assetKeys: [...c.assetKeys, ...fresh], updatedAt: at });
    await db.audit.bulkAdd(fresh.map((k) => ({ at, assetKey: k, action: 'collection:add', detail: c.name })));
  });
  return added;
}

export async function removeFromCollection(
  id: string,
  keys: readonly string[],
  db: CatalogDb = getDb(),
): Promise<void> {
  const at = nowIso();
  const drop = new Set(keys.map(assetKey));
  await db.transaction('rw', [db.collections, db.audit], async () => {
    const c = await db.collections.get(id);
    if (!c) return;
    const gone = c.assetKeys.filter((k) => drop.has(k));
    if (gone.length === 0) return;
    await db.collections.put({ ...c, assetKeys: c.assetKeys.filter((k) => !drop.has(k)), updatedAt: at });
    await db.audit.bulkAdd(
      gone.map((k) => ({ at, assetKey: k, action: 'collection:remove', detail: c.name })),
    );
  });
}

export async function renameCollection(id: string, name: string, db: CatalogDb = getDb()): Promise<void> {
  const at = nowIso();
  const clean = name.trim().slice(0, 200);
  if (clean === '') return;
  await db.transaction('rw', [db.collections, db.audit], async () => {
    const c = await db.collections.get(id);
    if (!c || c.name === clean) return;
    await db.collections.put({ ...c, name: clean, updatedAt: at });
    await db.audit.add({ at, assetKey: '*', action: 'collection:rename', detail: `${c.name} → ${clean}` });
  });
}

export async function deleteCollection(id: string, db: CatalogDb = getDb()): Promise<void> {
  const at = nowIso();
  await db.transaction('rw', [db.collections, db.audit], async () => {
    const c = await db.collections.get(id);
    if (!c) return;
    await db.collections.delete(id);
    await db.audit.add({
      at,
      assetKey: '*',
      action: 'collection:delete',
      detail: `${c.name} (${c.assetKeys.length} assets)`,
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Audit log

/** Audit rows, newest first: of one asset, or catalog-wide (every row). */
export async function listAudit(
  opts: { assetKey?: string; limit?: number } = {},
  db: CatalogDb = getDb(),
): Promise<AuditRow[]> {
  const limit = opts.limit ?? 1000;
  if (opts.assetKey !== undefined) {
    const rows = await db.audit.where('assetKey').equals(assetKey(opts.assetKey)).toArray();
    return rows.sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0)).slice(0, limit);
  }
  return db.audit.orderBy('seq').reverse().limit(limit).toArray();
}

export async function countAudit(db: CatalogDb = getDb()): Promise<number> {
  return db.audit.count();
}

// ---------------------------------------------------------------------------------------------------
// Delete with undo

/** Everything a delete removed or replaced, so it can be put back exactly. */
export type DeletedSnapshot = {
  at: string;
  keys: string[];
  /** Records as they were (deleted, or replaced by a placeholder because others still reference them). */
  assets: StoredAsset[];
  versions: VersionRow[];
  relations: RelationRow[];
  curation: CurationRow[];
  /** Collections as they were before the deleted assets were taken out. */
  collections: CollectionRow[];
  edgeDecisions: EdgeDecisionRow[];
};

/**
 * Deletes assets with their versions, own relations, curation and collection memberships. An asset
 * that other assets still reference stays as a placeholder; placeholders left without any edge go too.
 * Returns a snapshot for {@link undoDelete}.
 */
export async function deleteAssets(
  keys: readonly string[],
  db: CatalogDb = getDb(),
): Promise<DeletedSnapshot> {
  const at = nowIso();
  const keySet = new Set(keys.map(assetKey));
  const snap: DeletedSnapshot = {
    at,
    keys: [...keySet],
    assets: [],
    versions: [],
    relations: [],
    curation: [],
    collections: [],
    edgeDecisions: [],
  };
  const tables = [
    db.assets,
    db.versions,
    db.relations,
    db.curation,
    db.collections,
    db.edgeDecisions,
    db.audit,
    db.settings,
  ];
  await db.transaction('rw', tables, async () => {
    const touchedParents = new Set<string>();
    const found: StoredAsset[] = [];
    for (const key of keySet) {
      const a = await db.assets.get(key);
      // Subscribed assets are read-only here: Unsubscribe removes them.
      if (!a || a.subscription) continue;
      found.push(a);
      snap.assets.push(a);
      const versions = await db.versions.where('assetKey').equals(key).toArray();
      snap.versions.push(...versions);
      await db.versions.bulkDelete(versions.map((v) => v.seq ?? -1));
      const own = await db.relations.where('childKey').equals(key).toArray();
      snap.relations.push(...own);
      await db.relations.bulkDelete(own.map((r) => r.id));
      for (const r of own) touchedParents.add(r.parentKey);
      const cur = await db.curation.get(key);
      if (cur) {
        snap.curation.push(cur);
        await db.curation.delete(key);
      }
      const decisions = await db.edgeDecisions.filter((d) => d.id.startsWith(`${key}|`)).toArray();
      snap.edgeDecisions.push(...decisions);
      await db.edgeDecisions.bulkDelete(decisions.map((d) => d.id));
    }
    for (const a of found) {
      const referenced = (await db.relations.where('parentKey').equals(a.key).count()) > 0;
      if (referenced) await db.assets.put(makePlaceholder(a.id, a.kind, at));
      else await db.assets.delete(a.key);
    }
    for (const p of touchedParents) {
      if (keySet.has(p)) continue;
      const parent = await db.assets.get(p);
      if (!parent?.placeholder) continue;
      const edges =
        (await db.relations.where('parentKey').equals(p).count()) +
        (await db.relations.where('childKey').equals(p).count());
      if (edges > 0) continue;
      snap.assets.push(parent);
      await db.assets.delete(p);
    }
    const collections = await db.collections.toArray();
    for (const c of collections) {
      if (!c.assetKeys.some((k) => keySet.has(k))) continue;
      snap.collections.push(c);
      await db.collections.put({ ...c, assetKeys: c.assetKeys.filter((k) => !keySet.has(k)), updatedAt: at });
    }
    await db.audit.bulkAdd(
      found.map((a) => ({
        at,
        assetKey: a.key,
        action: 'delete',
        detail: `${a.id} deleted (${a.contributions.length} sources)`,
      })),
    );
    await touchCatalog(db);
  });
  return snap;
}

/** Puts back what {@link deleteAssets} removed (collections get their members back, other edits kept). */
export async function undoDelete(snap: DeletedSnapshot, db: CatalogDb = getDb()): Promise<void> {
  const at = nowIso();
  const tables = [
    db.assets,
    db.versions,
    db.relations,
    db.curation,
    db.collections,
    db.edgeDecisions,
    db.audit,
    db.settings,
  ];
  await db.transaction('rw', tables, async () => {
    await db.assets.bulkPut(snap.assets);
    for (const v of snap.versions) {
      const dup = await db.versions.where('[assetKey+sha256]').equals([v.assetKey, v.sha256]).first();
      if (!dup) await db.versions.put(v);
    }
    await db.relations.bulkPut(snap.relations);
    await db.curation.bulkPut(snap.curation);
    await db.edgeDecisions.bulkPut(snap.edgeDecisions);
    for (const before of snap.collections) {
      const now = await db.collections.get(before.id);
      if (!now || now.updatedAt === snap.at) {
        // Untouched since the delete: exactly as it was.
        await db.collections.put(before);
        continue;
      }
      const back = before.assetKeys.filter((k) => snap.keys.includes(k) && !now.assetKeys.includes(k));
      await db.collections.put({ ...now, assetKeys: [...now.assetKeys, ...back] });
    }
    const restored = snap.assets.filter((a) => snap.keys.includes(a.key));
    await db.audit.bulkAdd(
      restored.map((a) => ({ at, assetKey: a.key, action: 'undo-delete', detail: `${a.id} restored` })),
    );
    await touchCatalog(db);
  });
}
