// Raw baseline for the benchmark, bundled into an IIFE and injected into the page (window.TarnRaw):
// plain Dexie bulkPut + MiniSearch addAll on the same export files, plain JS search/filter/sort.
import { Dexie } from 'dexie';
import MiniSearch from 'minisearch';
import { RAW_OPTIONS, rawDoc } from './raw-docs.mjs';

let index;
let assets = [];

/**
 * Raw import: parse each file, Dexie bulkPut its rows into tables declared like the app's (assets;
 * with `full`, also versions and relations), MiniSearch addAll of its assets. No app logic.
 */
async function importFiles(files, full = true) {
  const db = new Dexie(`tarn-raw-${Date.now()}-${full ? 'full' : 'assets'}`);
  db.version(1).stores(
    full
      ? {
          assets: 'key, kind, updatedAt',
          versions: '++seq, assetKey, [assetKey+sha256]',
          relations: 'id, childKey, parentKey',
        }
      : { assets: 'key, kind, updatedAt' },
  );
  await db.open();
  index = new MiniSearch(RAW_OPTIONS);
  assets = [];
  const t0 = performance.now();
  for (const f of files) {
    const env = JSON.parse(await f.text());
    const real = env.assets.filter((a) => !a.placeholder);
    if (full) {
      await db.transaction('rw', [db.assets, db.versions, db.relations], async () => {
        await db.assets.bulkPut(env.assets);
        await db.versions.bulkAdd(env.versions.map(({ seq: _s, ...v }) => v));
        await db.relations.bulkPut(env.relations);
      });
    } else {
      await db.assets.bulkPut(env.assets);
    }
    index.addAll(real.map(rawDoc));
    assets.push(...real);
  }
  const ms = performance.now() - t0;
  db.close();
  await Dexie.delete(db.name);
  return { ms, assets: assets.length };
}

function search(q) {
  const t0 = performance.now();
  const n =
    q.trim() === ''
      ? 0
      : index.search(q, { prefix: true, fuzzy: 0.2, boost: { name: 5, id: 3, tags: 2 }, combineWith: 'AND' })
          .length;
  return { ms: performance.now() - t0, n };
}

/** Naive filter + count over the raw objects (facet recount baseline). */
function facetCount(sel) {
  const t0 = performance.now();
  const counts = { kind: new Map(), license: new Map(), lang: new Map() };
  let n = 0;
  for (const a of assets) {
    const okKind = !sel.kind || sel.kind.includes(a.kind);
    const okLic = !sel.license || sel.license.includes(a.license?.normalized ?? 'none');
    if (okKind && okLic) n++;
    if (okLic) counts.kind.set(a.kind, (counts.kind.get(a.kind) ?? 0) + 1);
    if (okKind)
      counts.license.set(a.license?.normalized, (counts.license.get(a.license?.normalized) ?? 0) + 1);
    if (okKind && okLic) for (const l of a.languages ?? []) counts.lang.set(l, (counts.lang.get(l) ?? 0) + 1);
  }
  return { ms: performance.now() - t0, n };
}

function sortByName() {
  const t0 = performance.now();
  const copy = assets.slice();
  copy.sort((a, b) =>
    a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0,
  );
  return { ms: performance.now() - t0 };
}

window.TarnRaw = { importFiles, search, facetCount, sortByName };
