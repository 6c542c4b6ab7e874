/**
 * Which shards a publication holds, planned so that republishing after a small change changes few shard
 * files. A first publication packs every item, sorted by id, into shards of `SHARD_ITEMS`. A republication
 * keeps each earlier shard whose items are still mostly current (a later shard overrides its outdated
 * items), and appends new shards with only the items that changed, were added, or were the live items of
 * a shard dropped because most of it was outdated (compaction: at most half of what a subscriber fetches
 * is superseded). Deletions are tombstones (`deleted`) in the new shards. Changing 1% of 100k assets thus
 * adds one assets shard and changes no other. Pure and synchronous; hashing and bytes are format.ts's.
 */
import { SHARD_KINDS, type ShardRef } from './format';

/** Items per new shard (about 100 KB compressed for assets). */
export const SHARD_ITEMS = 1000;

/** What the publisher remembers of a shard it published: its entry, the ids and item hashes it holds. */
export type PublishedShardState = {
  ref: ShardRef;
  ids: string[];
  /** Hash of each item's JSON, by position in `ids`. */
  itemHashes: string[];
  deleted: string[];
};

export type KindPlan = {
  /** Earlier shards kept as they are, in their order. */
  keep: PublishedShardState[];
  /** Ids to write into new shards, sorted, chunked. */
  fresh: string[][];
  /** Ids deleted since a kept shard held them. */
  tombstones: string[];
};

/** A fast, stable 64-bit-ish hash of a string (two FNV-1a lanes), hex. Identifies an item's content. */
export function itemHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

type Latest = { shard: number; hash: string | null };

function latestOf(shards: readonly PublishedShardState[]): Map<string, Latest> {
  const latest = new Map<string, Latest>();
  shards.forEach((s, i) => {
    s.ids.forEach((id, k) => latest.set(id, { shard: i, hash: s.itemHashes[k] ?? null }));
    for (const id of s.deleted) latest.set(id, { shard: i, hash: null });
  });
  return latest;
}

function chunk(ids: string[], size: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/**
 * Plans one kind's shards. `current`: item id → item hash now; `prev`: the shards of this kind the last
 * publication held, in order (empty for a first publication).
 */
export function planKind(
  current: ReadonlyMap<string, string>,
  prev: readonly PublishedShardState[],
  shardItems: number = SHARD_ITEMS,
): KindPlan {
  const latest = latestOf(prev);
  // A shard stays when at least half of what it holds is still the current state of its items.
  const keep = prev.filter((s, i) => {
    const total = s.ids.length + s.deleted.length;
    if (total === 0) return false;
    let live = 0;
    for (const [id, l] of latest) {
      if (l.shard !== i) continue;
      if (l.hash === null ? !current.has(id) : current.get(id) === l.hash) live++;
    }
    return live * 2 >= total;
  });
  const kept = latestOf(keep);
  const fresh: string[] = [];
  for (const [id, hash] of current) if (kept.get(id)?.hash !== hash) fresh.push(id);
  const tombstones: string[] = [];
  for (const [id, l] of kept) if (l.hash !== null && !current.has(id)) tombstones.push(id);
  fresh.sort();
  tombstones.sort();
  return { keep, fresh: chunk(fresh, shardItems), tombstones };
}

/** A subscriber's view of a manifest: which shards to fetch and which held ones are gone. */
export type ShardDiff = { fetch: ShardRef[]; keep: string[]; drop: string[] };

/**
 * The order a subscriber stores shards in: kind by kind (assets, relations, curation), manifest order
 * within a kind. A later shard's item wins only over items of its own kind, so this keeps the manifest's
 * meaning; the first asset shard is stored (and shown) first, and a relation is stored after its child.
 */
export function storeOrder(shards: readonly ShardRef[]): ShardRef[] {
  return SHARD_KINDS.flatMap((kind) => shards.filter((s) => s.kind === kind));
}

/** Given a manifest's shards and the hashes a subscriber holds: what to fetch, in `storeOrder`. */
export function diffShards(shards: readonly ShardRef[], held: Iterable<string>): ShardDiff {
  const heldSet = new Set(held);
  const listed = new Set(shards.map((s) => s.hash));
  return {
    fetch: storeOrder(shards.filter((s) => !heldSet.has(s.hash))),
    keep: shards.filter((s) => heldSet.has(s.hash)).map((s) => s.hash),
    drop: [...heldSet].filter((h) => !listed.has(h)),
  };
}

/**
 * Ids a subscriber must remove after applying a manifest: those only dropped shards held, and those whose
 * last word in the manifest's shards is a deletion. `shards`: every shard of the manifest (held or fetched)
 * with the ids it holds and deletes, in manifest order.
 */
export function removedIds(
  dropped: readonly { ids: readonly string[] }[],
  shards: readonly { ids: readonly string[]; deleted: readonly string[] }[],
): string[] {
  const last = new Map<string, boolean>();
  for (const s of shards) {
    for (const id of s.ids) last.set(id, true);
    for (const id of s.deleted) last.set(id, false);
  }
  const out = new Set<string>();
  for (const d of dropped) for (const id of d.ids) if (last.get(id) !== true) out.add(id);
  for (const [id, live] of last) if (!live) out.add(id);
  return [...out].sort();
}
