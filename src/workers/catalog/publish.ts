/**
 * Published catalogs in the catalog worker: publish (build the folder from the catalog and the last
 * publication, remember it), subscribe/refresh (fetch the manifest, then only the shards not held, store
 * them through the writer in batches so the first rows show while the rest arrives), unsubscribe.
 *
 * Requests go only to the manifest's origin (shards are paths beside it, redirects are refused), only when
 * the person asks (Subscribe, Refresh), without credentials.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { buildPublication } from '@/core/publish/build';
import {
  decodeShard,
  itemId,
  manifestUrl,
  MANIFEST_FILE,
  shardPath,
  validateManifest,
  type Result,
  type ShardBody,
  type ShardItems,
  type ShardRef,
} from '@/core/publish/format';
import { diffShards, removedIds, type PublishedShardState } from '@/core/publish/plan';
import {
  applySubscriptionBatch,
  getPublishedShards,
  getSubscription,
  putSubscription,
  readPublicationInput,
  removeSubscription,
  savePublication,
  type SubscriptionBatch,
  type SubscriptionRow,
} from '@/db';
import type { CatalogTable } from '../catalogEvents';
import type { CallContext } from '../rpc';
import type { CatalogWriter } from './writer';

export type PublishProgress = { phase: 'reading' | 'shards' | 'packing'; done: number; total: number };

export type PublishResult =
  | {
      ok: true;
      /** The folder as one zip (manifest at the root, shards under shards/). */
      zip?: Uint8Array;
      /** The folder's files, for saving into a directory. */
      files?: { path: string; bytes: Uint8Array }[];
      shards: number;
      fresh: number;
      bytes: number;
      assets: number;
    }
  | { ok: false; error: string };

export type SubscribeProgress = {
  phase: 'manifest' | 'shards' | 'finishing';
  shardsDone: number;
  shardsTotal: number;
  bytes: number;
  /** Items stored so far, of `itemsTotal` (the fetched shards' counts). */
  itemsStored?: number;
  itemsTotal?: number;
};

export type SubscribeResult =
  | {
      ok: true;
      id: string;
      name: string;
      /** Shards fetched (the rest were held already). */
      fetched: number;
      shards: number;
      bytes: number;
      assets: number;
      skipped: number;
      removed: number;
    }
  | { ok: false; error: string };

const SUBSCRIBED_TABLES: readonly CatalogTable[] = ['assets', 'relations', 'curation'];
/** Parallel shard requests (a browser opens about six connections per host). */
const CONCURRENCY = 6;
/** Items per stored batch, at most. */
const BATCH_ITEMS = 10_000;
/** Items of the first batch: a part of the first asset shard, so the first rows show at once. */
const FIRST_BATCH_ITEMS = 200;
/**
 * Items of the second batch, at least; each next batch holds about as many items as are stored already,
 * up to BATCH_ITEMS. Small early batches keep other tabs' first reads short: IndexedDB makes a read wait
 * for a write transaction on the same tables that started before it.
 */
const SECOND_BATCH_ITEMS = 1000;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

type Writes = Pick<CatalogWriter, 'write' | 'idle' | 'endRun'>;

/** Publishes the catalog's local assets, relations and curation; remembers the shards for the next time. */
export async function publishCatalog(
  args: { name: string; as: 'zip' | 'files' },
  ctx: CallContext<PublishProgress>,
  writer: Writes,
): Promise<PublishResult> {
  try {
    ctx.progress({ phase: 'reading', done: 0, total: 1 });
    const [input, prevRows] = await Promise.all([readPublicationInput(), getPublishedShards()]);
    const prev: PublishedShardState[] = prevRows.map((r) => ({
      ref: { hash: r.hash, kind: r.kind as ShardRef['kind'], count: r.count, bytes: r.bytes.length },
      ids: r.ids,
      itemHashes: r.itemHashes,
      deleted: r.deleted,
    }));
    const bytesOf = new Map(prevRows.map((r) => [r.hash, r.bytes]));
    let done = 0;
    const pub = await buildPublication({ name: args.name.trim() || 'Tarn catalog', ...input }, prev, {
      onShard: () => ctx.progress({ phase: 'shards', done: ++done, total: 0 }),
    });
    if (ctx.isCancelled()) return { ok: false, error: 'Cancelled.' };
    ctx.progress({ phase: 'packing', done: 0, total: pub.shards.length });
    const files: { path: string; bytes: Uint8Array }[] = [
      { path: MANIFEST_FILE, bytes: strToU8(JSON.stringify(pub.manifest, null, 1)) },
    ];
    for (const s of pub.shards) {
      const bytes = s.bytes ?? bytesOf.get(s.ref.hash);
      if (!bytes) return { ok: false, error: `Shard ${s.ref.hash} of the last publication is missing.` };
      files.push({ path: shardPath(s.ref.hash), bytes });
    }
    await writer.write(
      () =>
        savePublication(
          pub.shards.map((s, order) => ({
            hash: s.ref.hash,
            kind: s.ref.kind,
            order,
            count: s.ref.count,
            ids: s.ids,
            itemHashes: s.itemHashes,
            deleted: s.deleted,
            bytes: s.bytes ?? bytesOf.get(s.ref.hash) ?? new Uint8Array(),
          })),
        ),
      () => undefined,
    );
    const total = files.reduce((n, f) => n + f.bytes.length, 0);
    const summary = {
      ok: true as const,
      shards: pub.shards.length,
      fresh: pub.fresh,
      bytes: total,
      assets: pub.manifest.counts.assets,
    };
    if (args.as === 'files') return { ...summary, files };
    const zippable: Zippable = {};
    // Shards are gzip already: stored as they are.
    for (const f of files) zippable[f.path] = [f.bytes, { level: f.path === MANIFEST_FILE ? 6 : 0 }];
    return { ...summary, zip: zipSync(zippable) };
  } catch (e) {
    return { ok: false, error: `Publishing failed: ${message(e)}` };
  }
}

async function fetchBytes(url: URL): Promise<Result<Uint8Array>> {
  let res: Response;
  try {
    // Shards are immutable (named by their hash): the HTTP cache may serve them; the manifest is revalidated.
    res = await fetch(url, {
      credentials: 'omit',
      redirect: 'error',
      cache: url.pathname.endsWith(MANIFEST_FILE) ? 'no-cache' : 'default',
    });
  } catch (e) {
    return {
      ok: false,
      error: `Could not fetch ${url.href} (${message(e)}). Is the host reachable, and does it send Access-Control-Allow-Origin?`,
    };
  }
  if (!res.ok) return { ok: false, error: `${url.href} answered HTTP ${res.status}.` };
  return { ok: true, value: new Uint8Array(await res.arrayBuffer()) };
}

/** The ids a shard holds. */
function idsOf(body: ShardBody): string[] {
  const ids: string[] = [];
  for (const item of body.items) {
    const id = itemId(body.kind, item);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/**
 * Subscribes to a published catalog, or refreshes a subscription: fetches the manifest, then the shards not
 * held yet, stores them kind by kind in manifest order (a later shard's item wins; `storeOrder`), removes
 * what the manifest no longer holds, and records the shards now held.
 *
 * The first batch is a part of the first asset shard (the first rows show at once); the rest is stored in
 * growing batches (up to BATCH_ITEMS) while the next shards are fetched, each batch handed to the search engine as
 * stored (no read-back), as one run of writes (engines defer their whole-catalog passes to its end).
 */
export async function subscribeCatalog(
  args: { url: string },
  ctx: CallContext<SubscribeProgress>,
  writer: Writes,
): Promise<SubscribeResult> {
  const where = manifestUrl(args.url);
  if (!where.ok) return where;
  const url = where.value;
  const id = url.href;
  const progress: SubscribeProgress = { phase: 'manifest', shardsDone: 0, shardsTotal: 0, bytes: 0 };
  ctx.progress({ ...progress });
  const got = await fetchBytes(url);
  if (!got.ok) return got;
  progress.bytes += got.value.length;
  const manifest = validateManifest(new TextDecoder().decode(got.value));
  if (!manifest.ok) return { ok: false, error: `${url.href}: ${manifest.error}` };
  const m = manifest.value;
  try {
    const prev = await getSubscription(id);
    const held = new Map((prev?.shards ?? []).map((s) => [s.hash, s]));
    const diff = diffShards(m.shards, held.keys());
    progress.phase = 'shards';
    progress.shardsTotal = diff.fetch.length;
    progress.itemsStored = 0;
    progress.itemsTotal = diff.fetch.reduce((n, s) => n + s.count, 0);
    ctx.progress({ ...progress });
    if (!prev)
      await writer.write(
        () =>
          putSubscription({ id, url: id, name: m.name, subscribedAt: new Date().toISOString(), shards: [] }),
        () => ({ tables: ['subscriptions'] }),
      );

    const fetched = new Map<string, { ids: string[]; deleted: string[] }>();
    let skipped = 0;
    let batch: SubscriptionBatch = { assets: [], relations: [], curation: [] };
    let inBatch = 0;
    let flushed = 0;
    const store = async (b: SubscriptionBatch, items: number) => {
      flushed++;
      const w = await writer.write(
        () => applySubscriptionBatch(id, b),
        (r) =>
          r.keys.length > 0
            ? {
                tables: SUBSCRIBED_TABLES,
                keys: r.keys,
                search: { keys: r.keys, ...(r.stored ? { stored: r.stored } : {}) },
              }
            : undefined,
        // The engine applies this batch while the next one is fetched and stored.
        { background: true, partOfRun: true },
      );
      skipped += w.skipped;
      progress.itemsStored = (progress.itemsStored ?? 0) + items;
    };
    const flush = async () => {
      if (inBatch === 0) return;
      const b = batch;
      const items = inBatch;
      batch = { assets: [], relations: [], curation: [] };
      inBatch = 0;
      await store(b, items);
    };
    /** Stores the first few assets alone (the first rows), keeps the rest for the next batch. */
    const storeFirst = async () => {
      const first = batch.assets.splice(0, FIRST_BATCH_ITEMS);
      inBatch -= first.length;
      await store({ assets: first, relations: [], curation: [] }, first.length);
      await writer.idle();
    };
    const stop = async (error: string): Promise<SubscribeResult> => {
      await flush();
      await writer.idle();
      return { ok: false, error };
    };

    const fetchShard = async (ref: ShardRef): Promise<Result<ShardBody>> => {
      const bytes = await fetchBytes(new URL(shardPath(ref.hash), url));
      if (!bytes.ok) return bytes;
      progress.bytes += bytes.value.length;
      return decodeShard(ref, bytes.value);
    };
    // Up to CONCURRENCY requests in flight; shards are stored in manifest order.
    const pending: Promise<Result<ShardBody>>[] = [];
    const start = () => {
      const ref = diff.fetch[pending.length];
      if (ref) pending.push(fetchShard(ref));
    };
    for (let i = 0; i < CONCURRENCY; i++) start();
    for (let i = 0; i < diff.fetch.length; i++) {
      const ref = diff.fetch[i] as ShardRef;
      const body = await (pending[i] as Promise<Result<ShardBody>>);
      start();
      if (!body.ok) return await stop(body.error);
      if (ctx.isCancelled()) return await stop('Cancelled.');
      const b = body.value;
      fetched.set(ref.hash, { ids: idsOf(b), deleted: b.deleted });
      if (b.kind === 'assets') batch.assets.push(...(b.items as ShardItems['assets'][]));
      else if (b.kind === 'relations') batch.relations.push(...(b.items as ShardItems['relations'][]));
      else batch.curation.push(...(b.items as ShardItems['curation'][]));
      inBatch += b.items.length;
      if (flushed === 0 && batch.assets.length > 0) await storeFirst();
      const stored = progress.itemsStored ?? 0;
      if (inBatch >= Math.min(BATCH_ITEMS, Math.max(SECOND_BATCH_ITEMS, stored))) await flush();
      progress.shardsDone = i + 1;
      ctx.progress({ ...progress });
    }

    progress.phase = 'finishing';
    ctx.progress({ ...progress });
    const shards = m.shards.map((ref) => {
      const s = fetched.get(ref.hash) ?? held.get(ref.hash);
      return { hash: ref.hash, kind: ref.kind, ids: s?.ids ?? [], deleted: s?.deleted ?? [] };
    });
    const dropped = diff.drop.map((h) => held.get(h)).filter((s) => s !== undefined);
    const removed = (kind: string) =>
      removedIds(
        dropped.filter((s) => s.kind === kind),
        shards.filter((s) => s.kind === kind),
      );
    const removeAssets = removed('assets');
    const removeRelations = removed('relations');
    batch.removeAssets = removeAssets;
    batch.removeRelations = removeRelations;
    inBatch += removeAssets.length + removeRelations.length;
    await flush();
    await writer.idle();
    progress.itemsStored = progress.itemsTotal;
    const row: SubscriptionRow = {
      id,
      url: id,
      name: m.name,
      subscribedAt: prev?.subscribedAt ?? new Date().toISOString(),
      refreshedAt: new Date().toISOString(),
      shards,
      counts: m.counts,
    };
    await writer.write(
      () => putSubscription(row),
      () => ({ tables: ['subscriptions'] }),
    );
    return {
      ok: true,
      id,
      name: m.name,
      fetched: diff.fetch.length,
      shards: m.shards.length,
      bytes: progress.bytes,
      assets: m.counts.assets,
      skipped,
      removed: removeAssets.length,
    };
  } catch (e) {
    await writer.idle();
    return { ok: false, error: `Subscribing to ${url.href} failed: ${message(e)}` };
  } finally {
    writer.endRun();
  }
}

/** Removes a subscription and the assets and relations it brought; nothing else. */
export async function unsubscribeCatalog(args: { id: string }, writer: Writes): Promise<{ removed: number }> {
  const keys = await writer.write(
    () => removeSubscription(args.id),
    (ks) => ({ tables: [...SUBSCRIBED_TABLES, 'subscriptions'], keys: ks, search: { keys: ks } }),
  );
  return { removed: keys.length };
}
