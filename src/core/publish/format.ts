/**
 * The published-catalog format: a folder any static host can serve. At its root a small manifest
 * (`tarn-catalog.json`), beside it `shards/<sha256>.json.gz`: gzip-compressed JSON shards of assets,
 * relations or curation, each named by the SHA-256 of its file bytes (content-addressed: a shard that did
 * not change keeps its name, so a subscriber fetches only new names).
 *
 * Shards are applied in manifest order and a later shard's item wins over an earlier one's (see plan.ts:
 * republishing keeps unchanged shards and appends the changed items). Pure: validation returns errors as
 * values and never throws.
 */
import { gunzipSync, gzipSync, strToU8, strFromU8 } from 'fflate';
import type { CurationRow, RelationRow, StoredAsset } from '../catalog/rows';
import { isObject } from '../util/values';

export const MANIFEST_FILE = 'tarn-catalog.json';
export const PUBLISHED_FORMAT = 'tarn-published-catalog';
export const PUBLISHED_VERSION = 1;
export const SHARD_FORMAT = 'tarn-catalog-shard';

export const SHARD_KINDS = ['assets', 'relations', 'curation'] as const;
export type ShardKind = (typeof SHARD_KINDS)[number];

/** A manifest's entry for one shard. `bytes` is the size of the (compressed) file. */
export type ShardRef = { hash: string; kind: ShardKind; count: number; bytes: number };

export type PublishedManifest = {
  format: typeof PUBLISHED_FORMAT;
  version: typeof PUBLISHED_VERSION;
  name: string;
  created: string;
  /** Live items per kind (shards may also hold superseded copies). */
  counts: Record<ShardKind, number>;
  /** In application order: a later shard's item replaces an earlier one's. */
  shards: ShardRef[];
};

/** A published asset: the stored record without its contributions' source copies. */
export type PublishedAsset = Omit<StoredAsset, 'subscription'>;
export type PublishedRelation = Omit<RelationRow, 'subscription'>;

export type ShardItems = {
  assets: PublishedAsset;
  relations: PublishedRelation;
  curation: CurationRow;
};

/** One shard file's JSON. `deleted`: ids removed since an earlier shard held them. */
export type ShardBody<K extends ShardKind = ShardKind> = {
  format: typeof SHARD_FORMAT;
  version: typeof PUBLISHED_VERSION;
  kind: K;
  items: ShardItems[K][];
  deleted: string[];
};

/** Limits for what a subscriber accepts (a hostile or broken host cannot exhaust memory). */
export const LIMITS = {
  manifestBytes: 4_000_000,
  shards: 20_000,
  shardBytes: 16_000_000,
  shardJsonBytes: 96_000_000,
  itemsPerShard: 50_000,
} as const;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}

/** The id an item is known by: asset and curation key, relation id. */
export function itemId(kind: ShardKind, item: unknown): string | undefined {
  if (!isObject(item)) return undefined;
  const id = kind === 'relations' ? item.id : item.key;
  return typeof id === 'string' && id !== '' && id.length <= 2000 ? id : undefined;
}

/** The file path of a shard, relative to the manifest. */
export function shardPath(hash: string): string {
  return `shards/${hash}.json.gz`;
}

export async function sha256Bytes(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Encodes a shard: deterministic gzip (no timestamp) of its JSON, and the file's hash. */
export async function encodeShard<K extends ShardKind>(
  kind: K,
  items: ShardItems[K][],
  deleted: string[] = [],
): Promise<{ ref: ShardRef; bytes: Uint8Array }> {
  const body: ShardBody<K> = { format: SHARD_FORMAT, version: PUBLISHED_VERSION, kind, items, deleted };
  const bytes = gzipSync(strToU8(JSON.stringify(body)), { level: 6, mtime: 0 });
  const hash = await sha256Bytes(bytes);
  return { ref: { hash, kind, count: items.length + deleted.length, bytes: bytes.length }, bytes };
}

const HASH_RE = /^[0-9a-f]{64}$/u;

/** Checks a fetched manifest's text (size, JSON, format, version, every shard entry). */
export function validateManifest(text: string): Result<PublishedManifest> {
  if (text.length > LIMITS.manifestBytes)
    return fail(`The manifest is ${text.length} bytes; at most ${LIMITS.manifestBytes} are accepted.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(`The manifest is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (!isObject(json)) return fail('The manifest is not a JSON object.');
  if (json.format !== PUBLISHED_FORMAT)
    return fail(`This is not a published Tarn catalog (format is not "${PUBLISHED_FORMAT}").`);
  if (json.version !== PUBLISHED_VERSION)
    return fail(
      `Published catalog version ${String(json.version)} is not supported (this Tarn reads version ${PUBLISHED_VERSION}).`,
    );
  if (typeof json.name !== 'string' || json.name.trim() === '' || json.name.length > 200)
    return fail('The manifest has no catalog name.');
  if (typeof json.created !== 'string') return fail('The manifest has no creation date.');
  if (!Array.isArray(json.shards)) return fail('The manifest has no shard list.');
  if (json.shards.length > LIMITS.shards)
    return fail(`The manifest lists ${json.shards.length} shards; at most ${LIMITS.shards} are accepted.`);
  const shards: ShardRef[] = [];
  const seen = new Set<string>();
  for (const [i, s] of json.shards.entries()) {
    if (!isObject(s)) return fail(`shards[${i}] is not an object.`);
    if (typeof s.hash !== 'string' || !HASH_RE.test(s.hash))
      return fail(`shards[${i}].hash is not a SHA-256 in hex.`);
    if (!SHARD_KINDS.includes(s.kind as ShardKind)) return fail(`shards[${i}].kind is not a shard kind.`);
    if (typeof s.count !== 'number' || !Number.isInteger(s.count) || s.count < 0)
      return fail(`shards[${i}].count is invalid.`);
    if (typeof s.bytes !== 'number' || !Number.isInteger(s.bytes) || s.bytes <= 0)
      return fail(`shards[${i}].bytes is invalid.`);
    if (s.bytes > LIMITS.shardBytes)
      return fail(`shards[${i}] is ${s.bytes} bytes; at most ${LIMITS.shardBytes} are accepted.`);
    if (seen.has(s.hash)) return fail(`shards[${i}] is listed twice.`);
    seen.add(s.hash);
    shards.push({ hash: s.hash, kind: s.kind as ShardKind, count: s.count, bytes: s.bytes });
  }
  const counts = { assets: 0, relations: 0, curation: 0 };
  if (isObject(json.counts))
    for (const k of SHARD_KINDS) {
      const c = json.counts[k];
      if (typeof c === 'number' && Number.isInteger(c) && c >= 0) counts[k] = c;
    }
  return {
    ok: true,
    value: {
      format: PUBLISHED_FORMAT,
      version: PUBLISHED_VERSION,
      name: json.name.trim(),
      created: json.created,
      counts,
      shards,
    },
  };
}

function checkItem(kind: ShardKind, item: unknown, i: number): string | undefined {
  if (itemId(kind, item) === undefined) return `item ${i} has no id`;
  const o = item as Record<string, unknown>;
  if (kind === 'assets') {
    if (typeof o.id !== 'string' || typeof o.name !== 'string' || typeof o.kind !== 'string')
      return `asset ${i} lacks id, name or kind`;
    if (!isObject(o.license)) return `asset ${i} has no license object`;
    if (!Array.isArray(o.contributions) || !isObject(o.fieldSources))
      return `asset ${i} lacks contributions or fieldSources`;
  } else if (kind === 'relations') {
    for (const f of ['child', 'parent', 'type', 'childKey', 'parentKey'])
      if (typeof o[f] !== 'string') return `relation ${i} lacks ${f}`;
    if (o.origin !== 'declared' && o.origin !== 'inferred') return `relation ${i} has an invalid origin`;
    if (!Array.isArray(o.vias)) return `relation ${i} lacks vias`;
  } else {
    if (!Array.isArray(o.tags) || typeof o.notes !== 'string') return `curation ${i} lacks tags or notes`;
  }
  return undefined;
}

/**
 * Checks a fetched shard file against its manifest entry: size, SHA-256 of the bytes, gzip, JSON, kind and
 * every item's shape. Returns the body or a message naming the shard.
 */
export async function decodeShard(ref: ShardRef, bytes: Uint8Array): Promise<Result<ShardBody>> {
  const name = `Shard ${ref.hash.slice(0, 12)}…`;
  if (bytes.length !== ref.bytes)
    return fail(`${name} is ${bytes.length} bytes; the manifest says ${ref.bytes}.`);
  const hash = await sha256Bytes(bytes);
  if (hash !== ref.hash) return fail(`${name} does not match its hash (got ${hash.slice(0, 12)}…).`);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return fail(`${name} is not gzip-compressed.`);
  // gzip's trailer holds the uncompressed size (mod 2^32): refuse a bomb before inflating it.
  const n = bytes.length;
  const size = ((bytes[n - 1] ?? 0) << 24) | ((bytes[n - 2] ?? 0) << 16) | ((bytes[n - 3] ?? 0) << 8);
  const isize = (size | (bytes[n - 4] ?? 0)) >>> 0;
  if (isize > LIMITS.shardJsonBytes) return fail(`${name} unpacks to ${isize} bytes; too large.`);
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(gunzipSync(bytes)));
  } catch (e) {
    return fail(`${name} could not be read (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (!isObject(json) || json.format !== SHARD_FORMAT || json.version !== PUBLISHED_VERSION)
    return fail(`${name} is not a Tarn catalog shard of version ${PUBLISHED_VERSION}.`);
  if (json.kind !== ref.kind)
    return fail(`${name} holds ${String(json.kind)}, the manifest says ${ref.kind}.`);
  const items = json.items;
  const deleted = json.deleted ?? [];
  if (!Array.isArray(items) || !Array.isArray(deleted)) return fail(`${name} has no item list.`);
  if (items.length + deleted.length > LIMITS.itemsPerShard) return fail(`${name} holds too many items.`);
  for (const [i, item] of items.entries()) {
    const problem = checkItem(ref.kind, item, i);
    if (problem) return fail(`${name}: ${problem}.`);
  }
  if (!deleted.every((d) => typeof d === 'string')) return fail(`${name}: its deleted list is invalid.`);
  return {
    ok: true,
    value: {
      format: SHARD_FORMAT,
      version: PUBLISHED_VERSION,
      kind: ref.kind,
      items: items as ShardItems[ShardKind][],
      deleted,
    },
  };
}

/** Resolves the manifest URL a person typed: a folder URL gets `tarn-catalog.json` appended. */
export function manifestUrl(input: string): Result<URL> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return fail('Enter the full URL of the published folder (https://…/catalog/).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('The URL must start with https://.');
  if (url.username || url.password) return fail('The URL must not contain credentials.');
  if (!url.pathname.endsWith('.json')) {
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    url.pathname += MANIFEST_FILE;
  }
  url.hash = '';
  return { ok: true, value: url };
}
