// Raw ceiling for the "real card files" benchmark, bundled into an IIFE and injected into the page
// (window.TarnRawCards): the same zip unzipped (fflate), its files parsed by N workers (bench/raw-parse-worker.mjs:
// decode, hash, parseFile), then ONE transaction of bulkPuts of the results (assets, versions, relations).
// No merge, no report, no search index: what an import of these files cannot beat.
import { Dexie } from 'dexie';
import { unzipSync } from 'fflate';
import { skipReason } from '@/workers/catalog/intake';

const CHUNK = 64;

async function importZip(file, workerCode, nWorkers) {
  const t0 = performance.now();
  const url = URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' }));
  const workers = Array.from({ length: nWorkers }, () => new Worker(url));
  const entries = Object.entries(
    unzipSync(new Uint8Array(await file.arrayBuffer()), {
      filter: (info) => !info.name.endsWith('/') && !skipReason(info.name),
    }),
  );
  const tUnzip = performance.now();
  const parsed = [];
  let next = 0;
  let id = 0;
  await Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve) => {
          const send = () => {
            if (next >= entries.length) {
              resolve();
              return;
            }
            const files = entries.slice(next, next + CHUNK).map(([name, bytes]) => ({ name, bytes }));
            next += CHUNK;
            w.postMessage(
              { id: id++, files },
              files.map((f) => f.bytes.buffer),
            );
          };
          w.onmessage = (e) => {
            parsed.push(...e.data.out);
            send();
          };
          send();
        }),
    ),
  );
  for (const w of workers) w.terminate();
  URL.revokeObjectURL(url);
  const tParse = performance.now();
  const assets = new Map();
  const versions = [];
  const relations = new Map();
  for (const p of parsed) {
    for (const a of p.result.assets) {
      const key = a.id.trim().toLowerCase();
      assets.set(key, { ...a, key });
      versions.push({
        assetKey: key,
        sha256: p.sha256,
        sourceName: p.name,
        format: p.result.format,
        text: p.text,
      });
    }
    for (const r of p.result.relations) {
      const childKey = r.child.trim().toLowerCase();
      const parentKey = r.parent.trim().toLowerCase();
      const rid = `${childKey}|${r.type}|${parentKey}`;
      relations.set(rid, { ...r, id: rid, childKey, parentKey });
    }
  }
  const db = new Dexie(`tarn-raw-cards-${Date.now()}`);
  db.version(1).stores({
    assets: 'key, kind, updatedAt',
    versions: '++seq, assetKey, [assetKey+sha256]',
    relations: 'id, childKey, parentKey',
  });
  await db.open();
  await db.transaction('rw', [db.assets, db.versions, db.relations], async () => {
    await db.assets.bulkPut(Array.from(assets.values()));
    await db.versions.bulkAdd(versions);
    await db.relations.bulkPut(Array.from(relations.values()));
  });
  const ms = performance.now() - t0;
  db.close();
  await Dexie.delete(db.name);
  return {
    ms,
    unzipMs: tUnzip - t0,
    parseMs: tParse - tUnzip,
    writeMs: t0 + ms - tParse,
    files: parsed.length,
    assets: assets.size,
  };
}

window.TarnRawCards = { importZip };
