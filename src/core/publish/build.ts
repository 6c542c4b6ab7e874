/**
 * Builds a publication from the catalog's records and the last publication's state: the manifest, the new
 * shard files, and the state to remember for the next one (see plan.ts for which shards change).
 */
import type { CurationRow, RelationRow, StoredAsset } from '../catalog/rows';
import {
  encodeShard,
  PUBLISHED_FORMAT,
  PUBLISHED_VERSION,
  SHARD_KINDS,
  type PublishedManifest,
  type ShardItems,
  type ShardKind,
} from './format';
import { itemHash, planKind, SHARD_ITEMS, type PublishedShardState } from './plan';

export type PublicationInput = {
  name: string;
  assets: readonly StoredAsset[];
  relations: readonly RelationRow[];
  curation: readonly CurationRow[];
};

export type Publication = {
  manifest: PublishedManifest;
  /** Every shard of the manifest, in order; `bytes` only for the new ones (kept ones: the caller has them). */
  shards: (PublishedShardState & { bytes?: Uint8Array })[];
  /** How many shards are new in this publication. */
  fresh: number;
};

/** What is published of an asset: the record without its source copies and without a subscription mark. */
export function publishedAsset(a: StoredAsset): ShardItems['assets'] {
  const { subscription: _s, contributions: _c, ...rest } = a;
  return { ...rest, contributions: [] };
}

function publishedRelation(r: RelationRow): ShardItems['relations'] {
  const { subscription: _s, ...rest } = r;
  return rest;
}

/**
 * The local part of a catalog (assets that did not come from a subscription, their relations and
 * curation) as published items, keyed by id.
 */
export function publicationItems(input: PublicationInput): { [K in ShardKind]: Map<string, ShardItems[K]> } {
  const assets = new Map<string, ShardItems['assets']>();
  for (const a of input.assets) if (!a.subscription) assets.set(a.key, publishedAsset(a));
  const relations = new Map<string, ShardItems['relations']>();
  for (const r of input.relations)
    if (!r.subscription && assets.has(r.childKey)) relations.set(r.id, publishedRelation(r));
  const curation = new Map<string, CurationRow>();
  for (const c of input.curation) if (assets.has(c.key)) curation.set(c.key, c);
  return { assets, relations, curation };
}

/** Plans and encodes a publication. `prev`: the last publication's shards in order (empty: first one). */
export async function buildPublication(
  input: PublicationInput,
  prev: readonly PublishedShardState[],
  opts: { now?: string; shardItems?: number; onShard?: () => void } = {},
): Promise<Publication> {
  const items = publicationItems(input);
  const shards: Publication['shards'] = [];
  const fresh: Publication['shards'] = [];
  const counts = { assets: 0, relations: 0, curation: 0 };
  for (const kind of SHARD_KINDS) {
    const byId = items[kind] as Map<string, ShardItems[ShardKind]>;
    counts[kind] = byId.size;
    const hashes = new Map<string, string>();
    for (const [id, item] of byId) hashes.set(id, itemHash(JSON.stringify(item)));
    const plan = planKind(
      hashes,
      prev.filter((s) => s.ref.kind === kind),
      opts.shardItems ?? SHARD_ITEMS,
    );
    shards.push(...plan.keep);
    const groups = plan.fresh.length > 0 ? plan.fresh : plan.tombstones.length > 0 ? [[]] : [];
    for (const [g, ids] of groups.entries()) {
      const deleted = g === groups.length - 1 ? plan.tombstones : [];
      const { ref, bytes } = await encodeShard(
        kind,
        ids.map((id) => byId.get(id) as ShardItems[ShardKind]),
        deleted,
      );
      fresh.push({ ref, ids, itemHashes: ids.map((id) => hashes.get(id) ?? ''), deleted, bytes });
      opts.onShard?.();
    }
  }
  // New shards come after every kept one: a subscriber holding an earlier publication fetches a suffix.
  shards.push(...fresh);
  const manifest: PublishedManifest = {
    format: PUBLISHED_FORMAT,
    version: PUBLISHED_VERSION,
    name: input.name,
    created: opts.now ?? new Date().toISOString(),
    counts,
    shards: shards.map((s) => s.ref),
  };
  return { manifest, shards, fresh: fresh.length };
}
