/**
 * Published catalogs: this catalog's last publication (its shards, kept for the next one) and the
 * subscriptions to other people's (their assets, relations and curation seeds, marked with the
 * subscription's id). Subscribed rows are written only here; a subscription never overwrites a local asset
 * or relation, and removing one removes its own rows and nothing else.
 */
import { makePlaceholder } from '@/core/catalog/merge';
import type { ShardItems } from '@/core/publish/format';
import { getDb } from './db';
import { touchCatalog } from './searchIndexRepo';
import type { CatalogDb } from './schema';
import type { CurationRow, PublishedShardRow, RelationRow, StoredAsset, SubscriptionRow } from './rows';

/** Everything a publication reads: the catalog's assets, relations and curation. */
export async function readPublicationInput(db: CatalogDb = getDb()): Promise<{
  assets: StoredAsset[];
  relations: RelationRow[];
  curation: CurationRow[];
}> {
  return db.transaction('r', [db.assets, db.relations, db.curation], async () => ({
    assets: await db.assets.toArray(),
    relations: await db.relations.toArray(),
    curation: await db.curation.toArray(),
  }));
}

/** The last publication's shards, in manifest order. */
export async function getPublishedShards(db: CatalogDb = getDb()): Promise<PublishedShardRow[]> {
  const rows = await db.publishedShards.toArray();
  return rows.sort((a, b) => a.order - b.order);
}

/** Replaces the remembered publication with this one's shards. */
export async function savePublication(rows: PublishedShardRow[], db: CatalogDb = getDb()): Promise<void> {
  await db.transaction('rw', db.publishedShards, async () => {
    await db.publishedShards.clear();
    await db.publishedShards.bulkPut(rows);
  });
}

export async function listSubscriptions(db: CatalogDb = getDb()): Promise<SubscriptionRow[]> {
  const rows = await db.subscriptions.toArray();
  return rows.sort((a, b) => a.subscribedAt.localeCompare(b.subscribedAt));
}

export async function getSubscription(
  id: string,
  db: CatalogDb = getDb(),
): Promise<SubscriptionRow | undefined> {
  return db.subscriptions.get(id);
}

export async function putSubscription(row: SubscriptionRow, db: CatalogDb = getDb()): Promise<void> {
  await db.subscriptions.put(row);
}

/** A batch of a subscription's items to store, and ids to remove. */
export type SubscriptionBatch = {
  assets: ShardItems['assets'][];
  relations: ShardItems['relations'][];
  curation: CurationRow[];
  removeAssets?: string[];
  removeRelations?: string[];
};

/**
 * What a batch changed: asset keys whose rows (or outgoing relations) changed, and items left alone.
 * `stored`: the current records of `keys` with every relation whose child is one of them, as the batch
 * left them (the search engine takes them without reading them back); absent when the batch removed items.
 */
export type SubscriptionWrite = {
  keys: string[];
  skipped: number;
  stored?: { assets: StoredAsset[]; relations: RelationRow[] };
};

const TABLES_OF = (db: CatalogDb) => [db.assets, db.relations, db.curation, db.settings];

/**
 * Removes the subscription's own assets among `keys` and their relations. An asset a local relation still
 * points to stays as a placeholder (as a deletion leaves it). Runs inside the caller's transaction.
 */
async function removeOwned(subId: string, keys: readonly string[], db: CatalogDb): Promise<string[]> {
  const rows = await db.assets.bulkGet([...keys]);
  const owned = rows.filter((a): a is StoredAsset => a?.subscription === subId);
  if (owned.length === 0) return [];
  const ownedKeys = new Set(owned.map((a) => a.key));
  const ownRelations = await db.relations.where('subscription').equals(subId).toArray();
  await db.relations.bulkDelete(ownRelations.filter((r) => ownedKeys.has(r.childKey)).map((r) => r.id));
  // Local relations pointing at a removed asset keep it as a placeholder.
  const referencing =
    ownedKeys.size > 2000
      ? (await db.relations.toArray()).filter((r) => ownedKeys.has(r.parentKey))
      : await db.relations
          .where('parentKey')
          .anyOf([...ownedKeys])
          .toArray();
  const referenced = new Set(referencing.filter((r) => r.subscription !== subId).map((r) => r.parentKey));
  const at = new Date().toISOString();
  await db.assets.bulkPut(
    owned.filter((a) => referenced.has(a.key)).map((a) => makePlaceholder(a.id, a.kind, at)),
  );
  await db.assets.bulkDelete(owned.filter((a) => !referenced.has(a.key)).map((a) => a.key));
  return [...ownedKeys];
}

/**
 * Stores a batch of a subscription's items in one transaction. An asset or relation that exists locally
 * (or from another subscription) is left as it is and counted as skipped, except a local placeholder,
 * which the subscribed record fills. Curation is a seed: only written where this catalog has none.
 */
export async function applySubscriptionBatch(
  subId: string,
  batch: SubscriptionBatch,
  db: CatalogDb = getDb(),
): Promise<SubscriptionWrite> {
  return db.transaction('rw', TABLES_OF(db), async () => {
    const changed = new Set<string>();
    /** The current record of each changed key (a later put of the same key wins). */
    const current = new Map<string, StoredAsset>();
    let skipped = 0;
    const existing = await db.assets.bulkGet(batch.assets.map((a) => a.key));
    const puts: StoredAsset[] = [];
    batch.assets.forEach((a, i) => {
      const ex = existing[i];
      if (ex && ex.subscription !== subId && !(ex.placeholder && !ex.subscription)) {
        skipped++;
        return;
      }
      const row = { ...a, subscription: subId };
      puts.push(row);
      current.set(a.key, row);
      changed.add(a.key);
    });
    await db.assets.bulkPut(puts);
    if (batch.relations.length > 0) {
      const [rels, children] = await Promise.all([
        db.relations.bulkGet(batch.relations.map((r) => r.id)),
        db.assets.bulkGet(batch.relations.map((r) => r.childKey)),
      ]);
      const relPuts: RelationRow[] = [];
      batch.relations.forEach((r, i) => {
        const ex = rels[i];
        const child = children[i];
        if ((ex && ex.subscription !== subId) || child?.subscription !== subId) {
          skipped++;
          return;
        }
        relPuts.push({ ...r, subscription: subId });
        changed.add(r.childKey);
        current.set(r.childKey, child);
      });
      await db.relations.bulkPut(relPuts);
    }
    if (batch.curation.length > 0) {
      const cur = await db.curation.bulkGet(batch.curation.map((c) => c.key));
      await db.curation.bulkAdd(batch.curation.filter((_, i) => cur[i] === undefined));
    }
    if (batch.removeRelations && batch.removeRelations.length > 0) {
      const rels = await db.relations.bulkGet(batch.removeRelations);
      const own = rels.filter((r): r is RelationRow => r?.subscription === subId);
      await db.relations.bulkDelete(own.map((r) => r.id));
      for (const r of own) changed.add(r.childKey);
    }
    const removes = (batch.removeRelations?.length ?? 0) + (batch.removeAssets?.length ?? 0) > 0;
    if (batch.removeAssets && batch.removeAssets.length > 0)
      for (const k of await removeOwned(subId, batch.removeAssets, db)) changed.add(k);
    if (changed.size === 0) return { keys: [], skipped };
    await touchCatalog(db);
    const keys = [...changed];
    if (removes) return { keys, skipped };
    // Every relation of the changed children, as stored now (earlier batches' and local ones too).
    const relations = await db.relations.where('childKey').anyOf(keys).toArray();
    return { keys, skipped, stored: { assets: [...current.values()], relations } };
  });
}

/** Removes a subscription with its assets and relations; the subscriber's own curation stays. */
export async function removeSubscription(subId: string, db: CatalogDb = getDb()): Promise<string[]> {
  return db.transaction('rw', [...TABLES_OF(db), db.subscriptions], async () => {
    const keys = await db.assets.where('subscription').equals(subId).primaryKeys();
    const removed = await removeOwned(subId, keys, db);
    // Relations whose child was not the subscription's (none are written so) would stay orphaned: drop them.
    await db.relations.where('subscription').equals(subId).delete();
    await db.subscriptions.delete(subId);
    await touchCatalog(db);
    return removed;
  });
}
