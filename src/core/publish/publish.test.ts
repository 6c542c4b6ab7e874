import { describe, expect, it } from 'vitest';
import { gzipSync, strToU8 } from 'fflate';
import type { CurationRow, RelationRow, StoredAsset } from '../catalog/rows';
import { buildPublication, publicationItems } from './build';
import { decodeShard, encodeShard, manifestUrl, validateManifest, type ShardRef } from './format';
import { diffShards, planKind, removedIds, storeOrder, type PublishedShardState } from './plan';

function asset(i: number, extra: Partial<StoredAsset> = {}): StoredAsset {
  const id = `org${i % 37}/model-${i}`;
  return {
    id,
    key: id.toLowerCase(),
    kind: 'model',
    name: `model-${i}`,
    license: { raw: 'mit', normalized: 'MIT' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    contributions: [],
    fieldSources: {},
    ...extra,
  };
}

function relation(child: StoredAsset, parent: StoredAsset): RelationRow {
  return {
    id: `${child.key}|finetune_of|${parent.key}`,
    child: child.id,
    parent: parent.id,
    type: 'finetune_of',
    origin: 'declared',
    childKey: child.key,
    parentKey: parent.key,
    vias: ['hf-model-card'],
  };
}

function catalog(n: number) {
  const assets = Array.from({ length: n }, (_, i) => asset(i));
  const relations = assets.slice(1).map((a, i) => relation(a, assets[i] as StoredAsset));
  const curation: CurationRow[] = [
    { key: assets[0]?.key ?? '', tags: ['gold'], notes: 'n', updatedAt: '2026-01-01T00:00:00.000Z' },
  ];
  return { name: 'Team', assets, relations, curation };
}

const NOW = '2026-12-02T00:00:00.000Z';

describe('published catalog: shards', () => {
  it('names each shard by the SHA-256 of its bytes, the same for the same content', async () => {
    const a = await buildPublication(catalog(50), [], { now: NOW, shardItems: 20 });
    const b = await buildPublication(catalog(50), [], { now: NOW, shardItems: 20 });
    expect(a.manifest).toEqual(b.manifest);
    expect(a.manifest.shards.map((s) => s.kind)).toEqual([
      'assets',
      'assets',
      'assets',
      'relations',
      'relations',
      'relations',
      'curation',
    ]);
    for (const s of a.manifest.shards) expect(s.hash).toMatch(/^[0-9a-f]{64}$/u);
    expect(a.manifest.counts).toEqual({ assets: 50, relations: 49, curation: 1 });
  });

  it('changing 1% of assets adds one shard and changes no other', async () => {
    const cat = catalog(2000);
    const first = await buildPublication(cat, [], { now: NOW, shardItems: 200 });
    const changed = {
      ...cat,
      assets: cat.assets.map((a, i) => (i % 100 === 7 ? { ...a, description: 'changed' } : a)),
    };
    const second = await buildPublication(changed, first.shards, { now: NOW, shardItems: 200 });
    const before = new Set(first.manifest.shards.map((s) => s.hash));
    const diff = diffShards(second.manifest.shards, before);
    expect(diff.fetch).toHaveLength(1);
    expect(diff.fetch[0]?.kind).toBe('assets');
    expect(diff.fetch[0]?.count).toBe(20);
    expect(diff.drop).toEqual([]);
    expect(second.fresh).toBe(1);
  });

  it('republishing an unchanged catalog changes nothing', async () => {
    const cat = catalog(300);
    const first = await buildPublication(cat, [], { now: NOW, shardItems: 100 });
    const again = await buildPublication(cat, first.shards, { now: NOW, shardItems: 100 });
    expect(again.manifest.shards).toEqual(first.manifest.shards);
    expect(again.fresh).toBe(0);
  });

  it('compacts a shard once most of it is outdated, and deletes with tombstones', () => {
    const ids = new Map<string, string>(Array.from({ length: 10 }, (_, i) => [`a${i}`, 'h1']));
    const s1: PublishedShardState = {
      ref: { hash: 'x'.repeat(64), kind: 'assets', count: 10, bytes: 1 },
      ids: [...ids.keys()],
      itemHashes: [...ids.values()],
      deleted: [],
    };
    // 3 of 10 changed, 1 deleted: kept; the changed go to a new shard, the deleted one is a tombstone.
    const now = new Map(ids);
    for (const id of ['a1', 'a2', 'a3']) now.set(id, 'h2');
    now.delete('a9');
    const p = planKind(now, [s1], 100);
    expect(p.keep).toEqual([s1]);
    expect(p.fresh).toEqual([['a1', 'a2', 'a3']]);
    expect(p.tombstones).toEqual(['a9']);
    // 6 of 10 changed: the shard goes and every item is written anew.
    for (const id of ['a4', 'a5', 'a6']) now.set(id, 'h2');
    const q = planKind(now, [s1], 100);
    expect(q.keep).toEqual([]);
    expect(q.fresh.flat()).toHaveLength(9);
    expect(q.tombstones).toEqual([]);
  });

  it('publishes only local assets, their relations and curation', () => {
    const cat = catalog(3);
    const sub = asset(99, { subscription: 'https://x/tarn-catalog.json' });
    const items = publicationItems({ ...cat, assets: [...cat.assets, sub] });
    expect([...items.assets.keys()]).not.toContain(sub.key);
    expect(items.assets.get(cat.assets[0]?.key ?? '')?.contributions).toEqual([]);
  });
});

describe('published catalog: subscriber side', () => {
  it('removes ids only dropped shards held, and ids deleted by a later shard', () => {
    expect(
      removedIds(
        [{ ids: ['a', 'b', 'c'] }],
        [
          { ids: ['b'], deleted: [] },
          { ids: ['d'], deleted: ['e'] },
        ],
      ),
    ).toEqual(['a', 'c', 'e']);
  });

  it('fetches what is not held and drops what is no longer listed', () => {
    const ref = (h: string): ShardRef => ({ hash: h.repeat(64), kind: 'assets', count: 1, bytes: 1 });
    const d = diffShards([ref('a'), ref('b'), ref('c')], ['a'.repeat(64), 'z'.repeat(64)]);
    expect(d.fetch.map((s) => s.hash[0])).toEqual(['b', 'c']);
    expect(d.drop).toEqual(['z'.repeat(64)]);
  });

  it('fetches asset shards first, each kind in manifest order, so a relation finds its child stored', () => {
    const ref = (h: string, kind: ShardRef['kind']): ShardRef => ({
      hash: h.repeat(64),
      kind,
      count: 1,
      bytes: 1,
    });
    const manifest = [
      ref('a', 'assets'),
      ref('r', 'relations'),
      ref('c', 'curation'),
      ref('b', 'assets'),
      ref('s', 'relations'),
    ];
    expect(storeOrder(manifest).map((s) => s.hash[0])).toEqual(['a', 'b', 'r', 's', 'c']);
    expect(diffShards(manifest, ['a'.repeat(64)]).fetch.map((s) => s.hash[0])).toEqual(['b', 'r', 's', 'c']);
  });
});

describe('published catalog: validation', () => {
  it('accepts a manifest it wrote and refuses others with clear messages', async () => {
    const pub = await buildPublication(catalog(5), [], { now: NOW });
    const ok = validateManifest(JSON.stringify(pub.manifest));
    expect(ok.ok && ok.value.shards).toEqual(pub.manifest.shards);
    const bad = (x: unknown) => {
      const r = validateManifest(typeof x === 'string' ? x : JSON.stringify(x));
      return r.ok ? '' : r.error;
    };
    expect(bad('{')).toMatch(/not valid JSON/u);
    expect(bad({ format: 'tarn-catalog' })).toMatch(/not a published Tarn catalog/u);
    expect(bad({ ...pub.manifest, version: 9 })).toMatch(/version 9 is not supported/u);
    expect(bad({ ...pub.manifest, shards: [{ hash: 'abc', kind: 'assets', count: 1, bytes: 1 }] })).toMatch(
      /SHA-256/u,
    );
    expect(bad({ ...pub.manifest, shards: [{ ...pub.manifest.shards[0], bytes: 1e9 }] })).toMatch(/at most/u);
  });

  it('verifies a shard’s hash, size, gzip, kind and items', async () => {
    const { ref, bytes } = await encodeShard('assets', [asset(1)]);
    const good = await decodeShard(ref, bytes);
    expect(good.ok && good.value.items).toHaveLength(1);
    const tampered = bytes.slice();
    tampered[20] = (tampered[20] ?? 0) ^ 1;
    const t = await decodeShard(ref, tampered);
    expect(!t.ok && t.error).toMatch(/does not match its hash/u);
    const short = await decodeShard({ ...ref, bytes: ref.bytes + 1 }, bytes);
    expect(!short.ok && short.error).toMatch(/the manifest says/u);
    const wrongKind = await decodeShard({ ...ref, kind: 'relations' }, bytes);
    expect(!wrongKind.ok && wrongKind.error).toMatch(/holds assets, the manifest says relations/u);
    const junk = gzipSync(
      strToU8(
        JSON.stringify({ format: 'tarn-catalog-shard', version: 1, kind: 'assets', items: [{ key: 'k' }] }),
      ),
    );
    const { ref: jref } = await encodeShard('assets', []);
    const hash = await import('./format').then((m) => m.sha256Bytes(junk));
    const j = await decodeShard({ ...jref, hash, bytes: junk.length }, junk);
    expect(!j.ok && j.error).toMatch(/asset 0 lacks id, name or kind/u);
  });

  it('turns a folder URL into its manifest URL and refuses other schemes', () => {
    const u = manifestUrl('http://127.0.0.1:4252/team');
    expect(u.ok && u.value.href).toBe('http://127.0.0.1:4252/team/tarn-catalog.json');
    const m = manifestUrl('https://cdn.example/c/tarn-catalog.json');
    expect(m.ok && m.value.href).toBe('https://cdn.example/c/tarn-catalog.json');
    expect(manifestUrl('file:///etc/passwd').ok).toBe(false);
    expect(manifestUrl('https://u:p@x.example/').ok).toBe(false);
    expect(manifestUrl('not a url').ok).toBe(false);
  });
});
