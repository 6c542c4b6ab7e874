// Builds a published catalog folder from the synthetic 100k catalog with the app's own core code (the same
// buildPublication the catalog worker runs), then a republication after 1% of the assets changed, into
// <out>/v1 and <out>/v2 (v2 holds v1's kept shards too, as a static host would).
// Usage: npx tsx bench/publish-build.ts <out> [n]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RelationRow, StoredAsset } from '../src/core/catalog/rows';
import { buildPublication, type Publication } from '../src/core/publish/build';
import { MANIFEST_FILE, shardPath } from '../src/core/publish/format';
import { generateCatalog } from './generate.mjs';

const out = process.argv[2] ?? 'bench/data/published';
const n = Number(process.argv[3] ?? 100_000);

function write(dir: string, pub: Publication, bytesOf: Map<string, Uint8Array>): number {
  mkdirSync(join(dir, 'shards'), { recursive: true });
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(pub.manifest, null, 1));
  let total = 0;
  for (const s of pub.shards) {
    const bytes = s.bytes ?? bytesOf.get(s.ref.hash);
    if (!bytes) throw new Error(`missing shard ${s.ref.hash}`);
    bytesOf.set(s.ref.hash, bytes);
    writeFileSync(join(dir, shardPath(s.ref.hash)), bytes);
    total += bytes.length;
  }
  return total;
}

const t0 = Date.now();
const { files } = generateCatalog({ n });
const assets = files.flatMap((f) => f.env.assets) as unknown as StoredAsset[];
const relations = files.flatMap((f) => f.env.relations) as RelationRow[];
const curation = assets
  .filter((_, i) => i % 50 === 0)
  .map((a) => ({ key: a.key, tags: ['reviewed'], notes: '', updatedAt: a.updatedAt }));
const t1 = Date.now();
const v1 = await buildPublication({ name: `Synthetic ${n}`, assets, relations, curation }, []);
const bytesOf = new Map<string, Uint8Array>();
const b1 = write(join(out, 'v1'), v1, bytesOf);
const t2 = Date.now();
// 1% of the assets change (every 100th: spread over the whole key space).
const changed = assets.map((a, i) =>
  i % 100 === 3 ? { ...a, description: `${a.description ?? ''} Updated.` } : a,
);
const v2 = await buildPublication(
  { name: `Synthetic ${n}`, assets: changed, relations, curation },
  v1.shards,
);
const b2 = write(join(out, 'v2'), v2, new Map(bytesOf));
console.log(
  JSON.stringify({
    assets: assets.length,
    relations: relations.length,
    generateMs: t1 - t0,
    publishMs: t2 - t1,
    v1: { shards: v1.shards.length, bytes: b1 },
    v2: { shards: v2.shards.length, fresh: v2.fresh, bytes: b2 },
  }),
);
