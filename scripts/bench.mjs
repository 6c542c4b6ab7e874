// `npm run bench` (10k + 100k) / `npm run bench:smoke` (10k): catalog discovery at scale.
// Generates corpus-shaped synthetic catalogs (bench/generate.mjs → bench/data/*.json, Tarn exports),
// builds the app, serves it with `vite preview`, and measures in Chromium (Playwright) each metric next to
// a raw baseline from the same run on the same data (bench/raw.mjs: Dexie bulkPut + MiniSearch addAll,
// plain JS search/filter/sort). Prints a table and writes bench/results.json with machine info.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { chromium } from '@playwright/test';
import { zipSync } from 'fflate';
import { build, preview } from 'vite';
import { generateCatalog, mulberry32 } from '../bench/generate.mjs';
import { benchQueries } from '../bench/queries.mjs';
import { cardBody, generateCards } from '../bench/cards.mjs';
import { runPublishBench } from '../bench/publish.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = join(root, 'bench', 'data');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const noBuild = args.includes('--no-build');
const sizesArg = args.find((a) => a.startsWith('--sizes='));
const cardsOnly = args.includes('--cards');
const publishOnly = args.includes('--publish');
const exportOnly = args.includes('--export');
const sourceKbArg = args.find((a) => a.startsWith('--source-kb='));
/** KB of raw source text per version in the `--export` catalog (the 30k generated cards average ~4.5 KB). */
const SOURCE_KB = sourceKbArg ? Number(sourceKbArg.slice(12)) : 3;
const publishNArg = args.find((a) => a.startsWith('--publish-n='));
/** `--publish-n=20000`: a smaller published catalog (the full 100k run is slow on a loaded machine). */
const PUBLISH_N = publishNArg ? Number(publishNArg.slice(12)) : 100_000;
const cardsNArg = args.find((a) => a.startsWith('--cards-n='));
const CARDS_N = cardsNArg ? Number(cardsNArg.slice(10)) : smoke ? 5_000 : 30_000;
const CORPUS_DIR = join(root, '..', 'shared', 'corpus');
const SIZES = sizesArg ? sizesArg.slice(8).split(',').map(Number) : smoke ? [10_000] : [10_000, 100_000];
const PORT = Number(process.env.BENCH_PORT ?? 4190);
const DIST = process.env.BENCH_DIST ?? 'dist-bench';
const BASE = `http://127.0.0.1:${PORT}`;
const SEED = 42;

const TARGETS_100K = {
  importRatio: 0.75,
  firstRowsMs: 500,
  searchReadyMs: 1500,
  searchP95Ms: 15,
  firstPaintMs: 150,
  sortMs: 300,
  heapMB: 400,
};

const LAUNCH = {
  ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
  chromiumSandbox: false,
  args: [
    '--disable-gpu',
    '--no-first-run',
    '--disable-dev-shm-usage',
    '--enable-precise-memory-info',
    '--js-flags=--expose-gc',
  ],
};

/**
 * A browser profile on disk, as a user's: IndexedDB in a fresh context (incognito) lives in memory, which
 * neither the app nor the raw baseline is used with, and whose large values behave differently (a reload
 * after heavy reads could stall IndexedDB for seconds there). Removed on close.
 */
async function diskContext(options = {}) {
  const dir = mkdtempSync(join(os.tmpdir(), 'tarn-bench-'));
  const ctx = await chromium.launchPersistentContext(dir, { ...LAUNCH, ...options });
  const close = ctx.close.bind(ctx);
  ctx.close = async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  };
  return ctx;
}

function log(...a) {
  console.error('[bench]', ...a);
}

function pct(values, p) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

function ensureData(n) {
  mkdirSync(dataDir, { recursive: true });
  const prefix = `synthetic-${n}-s${SEED}`;
  let files = readdirSync(dataDir)
    .filter((f) => f.startsWith(`${prefix}-part`))
    .sort();
  if (files.length === 0) {
    log(`generating ${n} assets…`);
    const gen = generateCatalog({ n, seed: SEED, prefix });
    for (const f of gen.files) writeFileSync(join(dataDir, f.name), JSON.stringify(f.env));
    writeFileSync(join(dataDir, `${prefix}.stats.json`), JSON.stringify(gen.stats));
    files = gen.files.map((f) => f.name);
  }
  return files.map((f) => join(dataDir, f));
}

/**
 * The `n` catalog with raw sources: every version of the synthetic export files gets a card's text (YAML front
 * matter with the licence, then ~SOURCE_KB KB of body), as an import of real cards keeps. Each part is split so
 * every file stays under the 20 MB a pasted export may be read whole (relations travel with their child,
 * placeholders with the first file).
 */
function ensureSourceData(n) {
  const base = ensureData(n);
  const prefix = `synthetic-${n}-s${SEED}-src${SOURCE_KB}`;
  const have = readdirSync(dataDir)
    .filter((f) => f.startsWith(`${prefix}-part`))
    .sort();
  if (have.length > 0) return have.map((f) => join(dataDir, f));
  log(`${n}: adding ~${SOURCE_KB} KB raw sources per version…`);
  const rand = mulberry32(SEED);
  const out = [];
  for (const f of base) {
    const env = JSON.parse(readFileSync(f, 'utf8'));
    const byKey = new Map(env.assets.map((a) => [a.key, a]));
    for (const v of env.versions) {
      const a = byKey.get(v.assetKey);
      v.text = `---\nlicense: ${a?.license?.raw ?? 'other'}\n---\n\n${cardBody(rand, v.assetId, SOURCE_KB)}`;
    }
    const real = env.assets.filter((a) => !a.placeholder);
    // Files of at most ~15 MB (the limit for an export not in Tarn's line layout is 20 MiB).
    const pieces = Math.ceil(JSON.stringify(env).length / 15e6);
    const per = Math.ceil(real.length / pieces);
    for (let p = 0; p < pieces; p++) {
      const chunk = real.slice(p * per, (p + 1) * per);
      const keys = new Set(chunk.map((a) => a.key));
      const part = {
        ...env,
        assets: p === 0 ? [...chunk, ...env.assets.filter((a) => a.placeholder)] : chunk,
        versions: env.versions.filter((v) => keys.has(v.assetKey)),
        relations: env.relations.filter((r) => keys.has(r.childKey)),
      };
      const name = `${prefix}-part${String(out.length + 1).padStart(3, '0')}.json`;
      writeFileSync(join(dataDir, name), JSON.stringify(part));
      out.push(join(dataDir, name));
    }
  }
  return out;
}

/** Fixed query set: free text, typos, prefixes, field clauses, combinations (50). */
function querySet(popularBase, popularDataset) {
  return benchQueries(popularBase, popularDataset).map(({ q, facets }) => ({ q, facets }));
}

function freeTextOf(q) {
  return q
    .split(/\s+/)
    .filter((w) => w && !w.includes(':') && !w.startsWith('-'))
    .join(' ')
    .replace(/"/g, '');
}

async function startServer() {
  process.env.TARN_DIST = DIST;
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir: DIST },
    preview: { host: '127.0.0.1', port: PORT, strictPort: true, open: false },
  });
  return { kill: () => void server.close() };
}

async function buildRaw() {
  const out = join(dataDir, 'raw');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: out,
      emptyOutDir: true,
      lib: {
        entry: join(root, 'bench', 'raw.mjs'),
        formats: ['iife'],
        name: 'TarnRawBundle',
        fileName: () => 'raw.js',
      },
    },
  });
  return join(out, 'raw.js');
}

/**
 * The page's workers over CDP (auto-attach; messages go through the page's session): their session ids and
 * `call(sessionId, method, params)`, which resolves with the result (undefined after 10 s or on failure).
 */
async function attachWorkers(cdp) {
  const sessions = [];
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') sessions.push(e.sessionId);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await new Promise((r) => setTimeout(r, 300));
  let next = 1;
  const call = (sessionId, method, params = {}) =>
    new Promise((resolve) => {
      const id = next++;
      const timer = setTimeout(() => resolve(undefined), 10_000);
      const onMessage = (e) => {
        if (e.sessionId !== sessionId) return;
        const m = JSON.parse(e.message);
        if (m.id !== id) return;
        clearTimeout(timer);
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        resolve(m.result);
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(() => resolve(undefined));
    });
  return { sessions, call };
}

async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const main = await cdp.send('Runtime.getHeapUsage');
  // Workers have no performance.memory: attach to each, collect garbage there and read its heap.
  const { sessions, call } = await attachWorkers(cdp);
  let worker = 0;
  let workerBuffers = 0;
  for (const sessionId of sessions) {
    await call(sessionId, 'HeapProfiler.collectGarbage');
    const used = await call(sessionId, 'Runtime.getHeapUsage');
    worker += used?.usedSize ?? 0;
    workerBuffers += used?.backingStorageSize ?? 0;
  }
  await cdp.detach();
  return {
    main: main.usedSize / 1048576,
    worker: worker / 1048576,
    // Typed-array memory outside the workers' JS heaps (search index, facet columns).
    workerBuffers: workerBuffers / 1048576,
  };
}

/**
 * Samples the JS heap of the page and its workers (no forced GC) every `everyMs` until `stop()`, which resolves
 * with the peak of their sum and its parts (MB).
 */
async function sampleHeap(page, everyMs = 500) {
  const cdp = await page.context().newCDPSession(page);
  const { sessions, call } = await attachWorkers(cdp);
  let peak = { total: 0, main: 0, worker: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const main = (await cdp.send('Runtime.getHeapUsage').catch(() => undefined))?.usedSize ?? 0;
      let worker = 0;
      for (const sessionId of sessions)
        worker += (await call(sessionId, 'Runtime.getHeapUsage'))?.usedSize ?? 0;
      if (main + worker > peak.total * 1048576)
        peak = { total: (main + worker) / 1048576, main: main / 1048576, worker: worker / 1048576 };
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await cdp.detach().catch(() => undefined);
      return peak;
    },
  };
}

async function engineCall(page, name, a) {
  return page.evaluate(
    async ([n, x]) => {
      const t0 = performance.now();
      const r = await window.__tarnCatalog.call(n, x);
      return {
        rt: performance.now() - t0,
        ms: r.ms,
        n: r.order ? r.order.length : undefined,
        total: r.total,
      };
    },
    [name, a],
  );
}

async function waitRow0(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const tick = () => {
          if (document.querySelector('table[aria-label="Catalog"] tbody tr[data-index="0"]'))
            resolve(performance.now());
          else requestAnimationFrame(tick);
        };
        tick();
      }),
  );
}

/** Waits until small IndexedDB reads answer at once (three in a row under 25 ms), at most 60 s. */
async function waitIdbIdle(page) {
  await page.evaluate(async () => {
    const probe = () =>
      new Promise((resolve) => {
        const t0 = performance.now();
        const req = indexedDB.open('tarn');
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('settings').objectStore('settings').get('catalogVersion');
          get.onsuccess = get.onerror = () => {
            db.close();
            resolve(performance.now() - t0);
          };
        };
        req.onerror = () => resolve(Infinity);
      });
    const until = performance.now() + 60_000;
    let quiet = 0;
    while (quiet < 3 && performance.now() < until) {
      quiet = (await probe()) < 25 ? quiet + 1 : 0;
      await new Promise((r) => setTimeout(r, 250));
    }
  });
}

/** Starts recording the page's main-thread long tasks (over 50 ms) into `window.__longTasks`. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

/** The longest main-thread task recorded since `watchLongTasks`, and how many went over the 100 ms bar. */
async function longTasksOf(page) {
  const tasks = await page.evaluate(() => window.__longTasks);
  return { maxLongTaskMs: Math.max(0, ...tasks), longTasksOver100: tasks.filter((d) => d > 100).length };
}

/**
 * Imports files through "Import files" and waits for the import report. The wait is a CSS query: a role
 * query runs in the page and computes the accessibility roles of the whole document on every poll, which
 * the long-task observer counted as the app's.
 */
async function importThroughUi(page, files) {
  await watchLongTasks(page);
  const t0 = Date.now();
  await page.getByLabel('Import files').setInputFiles(files);
  await page.locator('section.import-report').waitFor({ timeout: 30 * 60_000 });
  const importMs = Date.now() - t0;
  return { importMs, ...(await longTasksOf(page)) };
}

/**
 * `--export`: the `n` catalog with raw sources imported through the UI, then "Export JSON" → Download timed to
 * the completed download (with the peak JS heap of page + workers while it ran, and the window's long tasks),
 * then "Clear catalog" and the exported file imported again, timed, and the count checked.
 */
async function runExport(n) {
  const files = ensureSourceData(n);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const res = { n, files: files.length, sourceKb: SOURCE_KB, inputMB: bytes / 1e6 };
  const ctx = await diskContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.on('pageerror', (e) => log('pageerror', e.message));
  try {
    await page.goto(BASE);
    await page.getByText('Showing 0 of 0 assets').waitFor({ timeout: 60_000 });
    log(`${n}: importing ${files.length} files with raw sources (${res.inputMB.toFixed(0)} MB)…`);
    const imported = await importThroughUi(page, files);
    res.importMs = imported.importMs;
    await expectNoFailures(page);
    await page.getByText(`Showing ${n} of ${n} assets`).waitFor({ timeout: 600_000 });
    await page.evaluate(() =>
      window.__tarnCatalog.call('searchStatus', { waitIndex: true, waitPersist: true }),
    );
    // As a person exports a while after importing: the background work after the import (licence sweep,
    // warm-up, and the catalog's refresh when the sweep's verdicts arrive) is not the export's.
    res.settledAfterMs = await waitSettled(page);
    await waitIdbIdle(page);
    log(`${n}: import ${res.importMs} ms; exporting…`);
    res.heapBeforeExport = await heapMB(page);

    // Export JSON: whole catalog, metadata and raw sources (the dialog's defaults).
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export JSON' });
    await dialog.getByRole('button', { name: 'Download' }).waitFor();
    // Control: the window's long tasks over 10 s with the dialog open and nothing running.
    await watchLongTasks(page);
    await new Promise((r) => setTimeout(r, 10_000));
    const idle = await longTasksOf(page);
    res.idleMaxLongTaskMs = idle.maxLongTaskMs;
    res.idleLongTasksOver100 = idle.longTasksOver100;
    await watchLongTasks(page);
    const heap = await sampleHeap(page);
    const downloaded = page.waitForEvent('download', { timeout: 30 * 60_000 });
    const t0 = Date.now();
    await dialog.getByRole('button', { name: 'Download' }).click();
    const download = await downloaded;
    const path = await download.path();
    res.exportMs = Date.now() - t0;
    res.exportPeakHeap = await heap.stop();
    Object.assign(
      res,
      Object.fromEntries(
        Object.entries(await longTasksOf(page)).map(([k, v]) => [
          `export${k[0].toUpperCase()}${k.slice(1)}`,
          v,
        ]),
      ),
    );
    res.exportMB = statSync(path).size / 1e6;
    res.exportFileName = download.suggestedFilename();
    log(
      `${n}: export ${res.exportMs} ms, ${res.exportMB.toFixed(0)} MB, peak heap ${res.exportPeakHeap.total.toFixed(0)} MB (page ${res.exportPeakHeap.main.toFixed(0)}, workers ${res.exportPeakHeap.worker.toFixed(0)}), max long task ${res.exportMaxLongTaskMs} ms (${res.exportLongTasksOver100} over 100 ms)`,
    );

    // Clear, then import the exported file.
    await page.getByRole('button', { name: 'Clear catalog' }).click();
    await page.getByRole('button', { name: 'Yes, clear everything' }).click();
    await page.getByText('Showing 0 of 0 assets').waitFor({ timeout: 600_000 });
    await waitIdbIdle(page);
    log(`${n}: re-importing the export…`);
    const again = await importThroughUi(page, [path]);
    res.reimportMs = again.importMs;
    res.reimportMaxLongTaskMs = again.maxLongTaskMs;
    res.reimportLongTasksOver100 = again.longTasksOver100;
    await expectNoFailures(page);
    res.reimportReport = (await page.locator('section.import-report').innerText())
      .split('\n')
      .slice(0, 4)
      .join(' | ');
    await page.getByText(`Showing ${n} of ${n} assets`).waitFor({ timeout: 600_000 });
    res.reimportCount = n;
    log(`${n}: re-import ${res.reimportMs} ms; ${res.reimportReport}`);
  } finally {
    await ctx.close();
  }
  return res;
}

/**
 * Waits for the app's work after an import (the licence check facet's sweep of the catalog, warming the query
 * paths in idle time), at most 180 s; returns how long that took.
 */
async function waitSettled(page) {
  return page.evaluate(async () => {
    const t0 = performance.now();
    const until = t0 + 180_000;
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    while (performance.now() < until) {
      const r = await window.__tarnCatalog.call('queryCatalog', { q: '', facets: {} });
      if (r.counts.check.values.length > 0) break;
      await sleep(500);
    }
    while (performance.now() < until && !(await window.__tarnCatalog.call('searchStatus', {})).warm)
      await sleep(250);
    return performance.now() - t0;
  });
}

/** Stops the run when the import report lists failed files (rather than waiting for a count that never comes). */
async function expectNoFailures(page) {
  const text = await page.locator('section.import-report').innerText();
  const failed = /(\d+) failed/.exec(text);
  if (!failed || failed[1] !== '0') throw new Error(`import failed: ${text.slice(0, 500)}`);
}

async function runSize(browser, n, rawJs) {
  const files = ensureData(n);
  const { readFileSync } = await import('node:fs');
  // Most referenced base and dataset (for base:/trained-on: queries).
  const refs = new Map();
  const dsRefs = new Map();
  for (const f of files) {
    const env = JSON.parse(readFileSync(f, 'utf8'));
    for (const r of env.relations) {
      const m = r.type === 'trained_on' ? dsRefs : refs;
      m.set(r.parent, (m.get(r.parent) ?? 0) + 1);
    }
  }
  const top = (m) => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'x';
  const queries = querySet(top(refs), top(dsRefs));
  const res = { n, files: files.length };

  // --- App -------------------------------------------------------------------------------------
  const ctx = await diskContext({ viewport: { width: 1400, height: 900 } });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.on('pageerror', (e) => log('pageerror', e.message));
  await page.goto(BASE);
  await page.getByText('Showing 0 of 0 assets').waitFor({ timeout: 60_000 });
  log(`${n}: importing ${files.length} files…`);
  const t0 = Date.now();
  const imported = await importThroughUi(page, files);
  res.importMs = imported.importMs;
  res.importMaxLongTaskMs = imported.maxLongTaskMs;
  res.importLongTasksOver100 = imported.longTasksOver100;
  await page.getByText(`Showing ${n} of ${n} assets`).waitFor({ timeout: 120_000 });
  res.importToRowsMs = Date.now() - t0;
  const status = await page.evaluate(() =>
    window.__tarnCatalog.call('searchStatus', { waitIndex: true, waitPersist: true }),
  );
  res.persistedAfterMs = Date.now() - t0;
  res.engineImport = status.timings;
  log(`${n}: engine`, JSON.stringify(status.timings), `persisted after ${res.persistedAfterMs} ms`);
  log(
    `${n}: import ${res.importMs} ms, max long task ${res.importMaxLongTaskMs} ms (${res.importLongTasksOver100} over 100 ms)`,
  );
  if (args.includes('--import-only')) {
    await ctx.close();
    return res;
  }
  if (args.includes('--import-only-with-raw')) {
    // Quick iteration: the app import and the raw full import only (same data, same run).
    await ctx.close();
    const qctx = await diskContext({ bypassCSP: true });
    const qpage = qctx.pages()[0] ?? (await qctx.newPage());
    await qpage.goto(`${BASE}/imports`);
    await qpage.addScriptTag({ path: rawJs });
    await qpage.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = true;
      input.id = 'raw-input';
      document.body.appendChild(input);
    });
    await qpage.locator('#raw-input').setInputFiles(files);
    const qT0 = Date.now();
    await qpage.evaluate(() => window.TarnRaw.importFiles(document.getElementById('raw-input').files, true));
    res.rawImportMs = Date.now() - qT0;
    await qctx.close();
    res.importRatio = res.rawImportMs / res.importMs;
    log(`${n}: raw ${res.rawImportMs} ms, ratio ${res.importRatio.toFixed(2)}`);
    return res;
  }

  // Query passes start once the app's work after an import is done, as for a user who searches a moment
  // later: persisting (above), the licence check facet's sweep of the catalog, and warming the query paths
  // in idle time. Otherwise the passes would race that background work for the two cores.
  res.settledAfterMs = await waitSettled(page);
  log(`${n}: background work done ${res.settledAfterMs.toFixed(0)} ms after persisting`);

  // Search (engine through the worker RPC; round trip includes postMessage + clone).
  const rts = [];
  const engine = [];
  // First pass (not in p50/p95): the engine's result cache cannot answer these.
  const cold = [];
  const firstRuns = [];
  for (let rep = 0; rep < 3; rep++) {
    for (const q of queries) {
      const r = await engineCall(page, 'queryCatalog', { q: q.q, facets: q.facets });
      if (rep > 0) {
        rts.push(r.rt);
        engine.push(r.ms);
      } else {
        cold.push(r.ms);
        firstRuns.push({ q: q.q, facets: q.facets, ms: r.ms });
      }
    }
  }
  res.slowestFirstRuns = [...firstRuns].sort((a, b) => b.ms - a.ms).slice(0, 5);
  log(`${n}: slowest first runs`, JSON.stringify(res.slowestFirstRuns));
  res.searchP50 = pct(engine, 50);
  res.searchP95 = pct(engine, 95);
  res.searchRtP50 = pct(rts, 50);
  res.searchRtP95 = pct(rts, 95);
  res.searchColdP50 = pct(cold, 50);
  res.searchColdP95 = pct(cold, 95);
  if (args.includes('--search-only')) {
    // Quick iteration on query latency: the app's import and query passes only.
    log(`${n}: first-run p50 ${res.searchColdP50.toFixed(1)} p95 ${res.searchColdP95.toFixed(1)} ms`);
    await ctx.close();
    return res;
  }

  // Facet recount: facet-only queries (no text).
  const facetSels = [
    { kind: ['model'] },
    { family: ['permissive'] },
    { kind: ['model'], lang: ['en'] },
    { license: ['Apache-2.0'], kind: ['dataset'] },
    { derivative: ['finetune'], lineage: ['yes'] },
  ];
  const facetMs = [];
  for (let rep = 0; rep < 4; rep++)
    for (const f of facetSels)
      facetMs.push((await engineCall(page, 'queryCatalog', { q: '', facets: f })).ms);
  res.facetP50 = pct(facetMs, 50);
  res.facetP95 = pct(facetMs, 95);

  // Licence check in the licence worker: whole-catalog sweep for intended uses not swept yet (graph cached after
  // the first), round trip with the verdicts cloned back; then one asset with its lineage, NOTICE included.
  res.licenses = await page.evaluate(async () => {
    while (!window.__tarnLicenses) await new Promise((r) => setTimeout(r, 20));
    const use = {
      commercial: true,
      redistribute: true,
      hosted_service: false,
      licensee_mau_at_release: null,
      annual_revenue_usd: null,
      licensee_region: null,
      licensee_is_end_user: false,
    };
    const t = (f) => {
      const t0 = performance.now();
      return f().then((v) => ({ ms: performance.now() - t0, v }));
    };
    const a = await t(() =>
      window.__tarnLicenses.call('licenseSweep', {
        intendedUse: { ...use, annual_revenue_usd: 1 },
        profile: 'conservative',
      }),
    );
    const b = await t(() =>
      window.__tarnLicenses.call('licenseSweep', {
        intendedUse: { ...use, commercial: false },
        profile: 'permissive',
      }),
    );
    const counts = Object.values(b.v.verdicts).reduce((m, v) => ((m[v] = (m[v] ?? 0) + 1), m), {});
    const one = await t(() =>
      window.__tarnLicenses.call('licenseAsset', {
        intendedUse: use,
        profile: 'balanced',
        id: Object.keys(b.v.verdicts)[0],
      }),
    );
    return {
      sweepRtMs: a.ms,
      sweepEngineMs: a.v.ms,
      sweep2RtMs: b.ms,
      sweep2EngineMs: b.v.ms,
      assets: b.v.assets,
      verdicts: counts,
      assetRtMs: one.ms,
    };
  });
  log(`${n}: licences`, JSON.stringify(res.licenses));

  res.heap = await heapMB(page);

  // Sort in the UI: click "Name", wait for the first row to change.
  await page.goto(BASE);
  await waitRow0(page);
  // Steady state (index loaded): this measures sorting, not the cold start.
  await page.evaluate(async () => {
    while (!window.__tarnCatalog) await new Promise((r) => setTimeout(r, 5));
    await window.__tarnCatalog.call('searchStatus', { waitIndex: true });
  });
  const before = await page.locator('tbody tr[data-index="0"]').textContent();
  const sortStart = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Name' }).click();
  const sortEnd = await page.evaluate(
    (prev) =>
      new Promise((resolve) => {
        const tick = () => {
          const row = document.querySelector('tbody tr[data-index="0"]');
          if (row && row.textContent !== prev) resolve(performance.now());
          else requestAnimationFrame(tick);
        };
        tick();
      }),
    before,
  );
  res.sortMs = sortEnd - sortStart;
  res.sortEngineMs = (
    await engineCall(page, 'queryCatalog', { q: '', facets: {}, sort: { id: 'owner', desc: false } })
  ).ms;

  // Table first paint: SPA navigation back to the catalog (data already loaded).
  await page.goto(BASE);
  await waitRow0(page);
  await page.getByRole('link', { name: 'Imports' }).click();
  await page.waitForURL(/\/imports/);
  // From the click as the page receives it (Playwright's own checks before clicking are not the app's time).
  const navStart = await page.evaluate(() => {
    document.addEventListener('click', () => (window.__benchClickAt = performance.now()), {
      capture: true,
      once: true,
    });
    return performance.now();
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
  const painted = await waitRow0(page);
  const clickAt = await page.evaluate(() => window.__benchClickAt);
  res.firstPaintMs = painted - clickAt;
  res.firstPaintFromHarnessMs = painted - navStart;

  // Cold reload: first rows, then search-ready. Each reload starts from an idle app: background work of
  // the page before (the licence sweep reads the whole catalog) would otherwise hold IndexedDB.
  const reloads = [];
  for (let i = 0; i < 2; i++) {
    await waitIdbIdle(page);
    await page.reload({ waitUntil: 'commit' });
    const firstRows = await waitRow0(page);
    const ready = await page.evaluate(async () => {
      while (!window.__tarnCatalog) await new Promise((r) => setTimeout(r, 5));
      await window.__tarnCatalog.call('searchStatus', { waitIndex: true });
      const r = await window.__tarnCatalog.call('queryCatalog', { q: 'llama chat', facets: {} });
      return { at: performance.now(), n: r.order.length };
    });
    reloads.push({ firstRows, searchReady: ready.at });
  }
  res.firstRowsMs = reloads[0].firstRows;
  res.searchReadyMs = reloads[0].searchReady;
  res.firstRowsWarmMs = reloads[1].firstRows;
  res.searchReadyWarmMs = reloads[1].searchReady;
  res.heapAfterReload = await heapMB(page);
  await ctx.close();

  // --- Raw baseline ------------------------------------------------------------------------------
  const rctx = await diskContext({ bypassCSP: true });
  const rpage = rctx.pages()[0] ?? (await rctx.newPage());
  await rpage.goto(`${BASE}/imports`);
  await rpage.addScriptTag({ path: rawJs });
  await rpage.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.id = 'raw-input';
    document.body.appendChild(input);
  });
  await rpage.locator('#raw-input').setInputFiles(files);
  // Assets only (bulkPut assets + addAll), then the same rows the export holds (assets, versions, relations).
  res.rawAssetsOnlyMs = (
    await rpage.evaluate(() => window.TarnRaw.importFiles(document.getElementById('raw-input').files, false))
  ).ms;
  const rawT0 = Date.now();
  const raw = await rpage.evaluate(() =>
    window.TarnRaw.importFiles(document.getElementById('raw-input').files, true),
  );
  res.rawImportMs = Date.now() - rawT0;
  res.rawImportInPageMs = raw.ms;
  const rawSearch = [];
  for (let rep = 0; rep < 3; rep++) {
    for (const q of queries) {
      const text = freeTextOf(q.q);
      if (!text) continue;
      const r = await rpage.evaluate((t) => window.TarnRaw.search(t), text);
      if (rep > 0) rawSearch.push(r.ms);
    }
  }
  res.rawSearchP50 = pct(rawSearch, 50);
  res.rawSearchP95 = pct(rawSearch, 95);
  const rawFacet = [];
  for (let rep = 0; rep < 4; rep++) {
    for (const f of [{ kind: ['model'] }, { license: ['Apache-2.0'], kind: ['dataset'] }])
      rawFacet.push((await rpage.evaluate((s) => window.TarnRaw.facetCount(s), f)).ms);
  }
  res.rawFacetP50 = pct(rawFacet, 50);
  res.rawSortMs = (await rpage.evaluate(() => window.TarnRaw.sortByName())).ms;
  res.rawHeap = await heapMB(rpage);
  await rctx.close();
  res.importRatio = res.rawImportMs / res.importMs;
  return res;
}

// --- Real card files --------------------------------------------------------------------------------

/** The raw ceiling's page script and parse worker (the worker is started from a blob URL). */
async function buildRawCards() {
  const out = join(dataDir, 'raw-cards');
  const common = { configFile: false, logLevel: 'warn', resolve: { alias: { '@': join(root, 'src') } } };
  const lib = (entry, name, fileName, emptyOutDir) =>
    build({
      ...common,
      build: { outDir: out, emptyOutDir, lib: { entry, formats: ['iife'], name, fileName: () => fileName } },
    });
  await lib(join(root, 'bench', 'raw-cards.mjs'), 'TarnRawCardsBundle', 'raw-cards.js', true);
  await lib(join(root, 'bench', 'raw-parse-worker.mjs'), 'TarnRawParseWorker', 'raw-parse-worker.js', false);
  return { page: join(out, 'raw-cards.js'), worker: join(out, 'raw-parse-worker.js') };
}

function listFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/** The card sets: the shared corpus zipped as it is (when present), and `CARDS_N` generated cards zipped. */
function ensureCardSets() {
  mkdirSync(dataDir, { recursive: true });
  const sets = [];
  if (args.includes('--no-corpus')) log('cards: corpus set skipped (--no-corpus)');
  else if (existsSync(CORPUS_DIR)) {
    const zipPath = join(dataDir, 'corpus.zip');
    const files = listFiles(CORPUS_DIR);
    if (!existsSync(zipPath)) {
      const entries = {};
      for (const f of files) entries[`corpus/${relative(CORPUS_DIR, f)}`] = new Uint8Array(readFileSync(f));
      writeFileSync(zipPath, zipSync(entries, { level: 6 }));
    }
    sets.push({ name: `corpus ${files.length} files`, id: 'corpus', files: files.length, zipPath });
  } else log('cards: ../shared/corpus not found, corpus set skipped');
  if (CARDS_N === 0) return sets;
  // `-v2`: the card generator's tables are the export generator's (bench/generate.mjs) since this name.
  const zipPath = join(dataDir, `cards-${CARDS_N}-s7-v2.zip`);
  if (!existsSync(zipPath)) {
    log(`generating ${CARDS_N} cards…`);
    const entries = {};
    for (const f of generateCards({ n: CARDS_N, seed: 7 }))
      entries[`cards/${f.name}`] = new TextEncoder().encode(f.text);
    writeFileSync(zipPath, zipSync(entries, { level: 6 }));
  }
  sets.push({ name: `generated ${CARDS_N} cards`, id: `cards${CARDS_N}`, files: CARDS_N, zipPath });
  return sets;
}

/**
 * Sums of the `tarn:*` performance measures in the page's workers (the import's phases in the catalog
 * worker, chunk parsing in the parse workers), read over CDP: `{ name: { ms, n } }`.
 */
async function workerMeasures(page) {
  const cdp = await page.context().newCDPSession(page);
  const { sessions, call } = await attachWorkers(cdp);
  const evaluate = async (sessionId, expression) =>
    (await call(sessionId, 'Runtime.evaluate', { expression, returnByValue: true }))?.result?.value;
  const sums = {};
  for (const sessionId of sessions) {
    const entries = await evaluate(
      sessionId,
      `performance.getEntriesByType('measure').filter((m) => m.name.startsWith('tarn:')).map((m) => [m.name, m.duration])`,
    );
    for (const [name, ms] of entries ?? []) {
      sums[name] ??= { ms: 0, n: 0 };
      sums[name].ms += ms;
      sums[name].n++;
    }
  }
  await cdp.detach();
  return sums;
}

/** Imports one zip through "Import files" in a fresh on-disk profile; times upload → import report. */
async function runCardsApp(set) {
  const ctx = await diskContext({ viewport: { width: 1400, height: 900 } });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.on('pageerror', (e) => log('pageerror', e.message));
  await page.goto(BASE);
  await page.getByText('Showing 0 of 0 assets').waitFor({ timeout: 60_000 });
  log(`${set.name}: importing through the UI…`);
  const { importMs, maxLongTaskMs, longTasksOver100 } = await importThroughUi(page, set.zipPath);
  const summary = (await page.locator('.import-report .import-summary').textContent()) ?? '';
  const status = await page.evaluate(() => window.__tarnCatalog.call('searchStatus', {}));
  const workers = await page.evaluate(() => Math.max(1, (navigator.hardwareConcurrency || 2) - 1));
  const phases = await workerMeasures(page);
  await ctx.close();
  return {
    importMs,
    summary,
    filesPerSec: set.files / (importMs / 1000),
    maxLongTaskMs,
    longTasksOver100,
    engine: status.timings,
    workers,
    phases,
  };
}

/** The raw ceiling for the same zip in the same kind of profile: N parse workers + one bulkPut. */
async function runCardsRaw(set, rawCards, nWorkers) {
  const ctx = await diskContext({ bypassCSP: true });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(`${BASE}/imports`);
  await page.addScriptTag({ path: rawCards.page });
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'raw-input';
    document.body.appendChild(input);
  });
  await page.locator('#raw-input').setInputFiles(set.zipPath);
  const code = readFileSync(rawCards.worker, 'utf8');
  const t0 = Date.now();
  const r = await page.evaluate(
    ([c, n]) => window.TarnRawCards.importZip(document.getElementById('raw-input').files[0], c, n),
    [code, nWorkers],
  );
  const ms = Date.now() - t0;
  await ctx.close();
  return { ...r, ms, inPageMs: r.ms };
}

async function runCards(rawCards) {
  const out = [];
  for (const set of ensureCardSets()) {
    const app = await runCardsApp(set);
    log(
      `${set.name}: app ${app.importMs} ms (${app.summary}), max long task ${app.maxLongTaskMs} ms (${app.longTasksOver100} over 100 ms)`,
    );
    log(`${set.name}: engine`, JSON.stringify(app.engine));
    log(
      `${set.name}: phases`,
      Object.entries(app.phases)
        .map(([k, v]) => `${k} ${v.ms.toFixed(0)} ms (${v.n})`)
        .join(', '),
    );
    const raw = await runCardsRaw(set, rawCards, app.workers);
    log(
      `${set.name}: raw ${raw.ms} ms (unzip ${raw.unzipMs.toFixed(0)}, parse ${raw.parseMs.toFixed(0)}, write ${raw.writeMs.toFixed(0)})`,
    );
    out.push({ set: set.name, id: set.id, files: set.files, app, raw, ratio: raw.ms / app.importMs });
  }
  return out;
}

const CARD_TARGETS = { ratio: 0.75, corpusMs: 5_000, cards30kMs: 45_000 };

function cardsTable(rows) {
  const lines = [];
  const row = (...c) =>
    lines.push(
      c
        .map((x, i) => (i === 0 ? String(x).padEnd(26) : i === 6 ? `  ${x}` : String(x).padStart(12)))
        .join(''),
    );
  row('real card files', 'app (ms)', 'files/s', 'raw (ms)', 'raw/app', 'long task', 'target');
  row('-'.repeat(24), ...Array.from({ length: 5 }, () => '-'.repeat(10)), '-'.repeat(20));
  for (const r of rows) {
    const target = r.id === 'corpus' ? `< ${CARD_TARGETS.corpusMs}` : `< ${CARD_TARGETS.cards30kMs}`;
    row(
      r.set,
      fmt(r.app.importMs),
      fmt(r.app.filesPerSec),
      fmt(r.raw.ms),
      fmt(r.ratio, 2),
      fmt(r.app.maxLongTaskMs),
      `${target}, ≥ ${CARD_TARGETS.ratio}x`,
    );
  }
  return lines.join('\n');
}

function fmt(x, d = 0) {
  return typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : String(x);
}

function table(results) {
  const lines = [];
  const row = (...c) =>
    lines.push(c.map((x, i) => (i === 0 ? String(x).padEnd(34) : String(x).padStart(14))).join(''));
  row('metric', ...results.flatMap((r) => [`app ${r.n}`, `raw ${r.n}`]), 'target@100k');
  row('-'.repeat(30), ...results.flatMap(() => ['-'.repeat(10), '-'.repeat(10)]), '-'.repeat(10));
  row('import (ms)', ...results.flatMap((r) => [fmt(r.importMs), fmt(r.rawImportMs)]), '');
  row(
    'import throughput vs raw (x)',
    ...results.flatMap((r) => [fmt(r.importRatio, 2), '1.00']),
    `≥ ${TARGETS_100K.importRatio}`,
  );
  row(
    'import: longest main-thread task (ms)',
    ...results.flatMap((r) => [fmt(r.importMaxLongTaskMs), '']),
    '≤ 100',
  );
  row('  raw, assets table only (ms)', ...results.flatMap((r) => ['', fmt(r.rawAssetsOnlyMs)]), '');
  row('licence sweep, worker RT (ms)', ...results.flatMap((r) => [fmt(r.licenses?.sweepRtMs), '']), '');
  row('  engine only (ms)', ...results.flatMap((r) => [fmt(r.licenses?.sweepEngineMs), '']), '');
  row('licence check, one asset RT (ms)', ...results.flatMap((r) => [fmt(r.licenses?.assetRtMs, 1), '']), '');
  row(
    'cold reload → first rows (ms)',
    ...results.flatMap((r) => [fmt(r.firstRowsMs), '']),
    `≤ ${TARGETS_100K.firstRowsMs}`,
  );
  row(
    'cold reload → search-ready (ms)',
    ...results.flatMap((r) => [fmt(r.searchReadyMs), '']),
    `≤ ${TARGETS_100K.searchReadyMs}`,
  );
  row(
    'search p50, first run of a query (ms)',
    ...results.flatMap((r) => [fmt(r.searchColdP50, 1), fmt(r.rawSearchP50, 1)]),
    '',
  );
  row(
    'search p95, first run of a query (ms)',
    ...results.flatMap((r) => [fmt(r.searchColdP95, 1), fmt(r.rawSearchP95, 1)]),
    `≤ ${TARGETS_100K.searchP95Ms}`,
  );
  row('search p95, repeated (result cache)', ...results.flatMap((r) => [fmt(r.searchP95, 1), '']), '');
  row('search p95 round trip, repeated', ...results.flatMap((r) => [fmt(r.searchRtP95, 1), '']), '');
  row('facet recount p50 (ms)', ...results.flatMap((r) => [fmt(r.facetP50, 1), fmt(r.rawFacetP50, 1)]), '');
  row(
    'table first paint, click → rows (ms)',
    ...results.flatMap((r) => [fmt(r.firstPaintMs), '']),
    `≤ ${TARGETS_100K.firstPaintMs}`,
  );
  row(
    '  incl. harness click checks (ms)',
    ...results.flatMap((r) => [fmt(r.firstPaintFromHarnessMs), '']),
    '',
  );
  row(
    'sort by name, click → rows (ms)',
    ...results.flatMap((r) => [fmt(r.sortMs), fmt(r.rawSortMs)]),
    `≤ ${TARGETS_100K.sortMs}`,
  );
  row(
    'JS heap main+workers (MB)',
    ...results.flatMap((r) => [fmt(r.heap?.main + r.heap?.worker), fmt(r.rawHeap?.main + r.rawHeap?.worker)]),
    `≤ ${TARGETS_100K.heapMB}`,
  );
  row('  workers (MB)', ...results.flatMap((r) => [fmt(r.heap?.worker), fmt(r.rawHeap?.worker)]), '');
  row(
    '  after a cold reload (MB)',
    ...results.flatMap((r) => [fmt(r.heapAfterReload?.main + r.heapAfterReload?.worker), '']),
    '',
  );
  row(
    "  workers' typed arrays (MB)",
    ...results.flatMap((r) => [fmt(r.heap?.workerBuffers), fmt(r.rawHeap?.workerBuffers)]),
    '',
  );
  return lines.join('\n');
}

async function main() {
  if (!noBuild) {
    log(`building app into ${DIST}…`);
    process.env.TARN_DIST = DIST;
    await build({ root, logLevel: 'warn', build: { outDir: DIST } });
  }
  if (publishOnly) return runPublishOnly();
  if (exportOnly) return runExportOnly();
  const rawJs = cardsOnly ? undefined : await buildRaw();
  const rawCards = await buildRawCards();
  if (!cardsOnly) for (const n of SIZES) ensureData(n);
  const server = await startServer();
  const browser = await chromium.launch(LAUNCH);
  const results = [];
  const cards = [];
  try {
    if (!cardsOnly) for (const n of SIZES) results.push(await runSize(browser, n, rawJs));
    cards.push(...(await runCards(rawCards)));
  } finally {
    await browser.close();
    server.kill();
  }
  const machine = {
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    memGB: Math.round(os.totalmem() / 1073741824),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    chromium: browser.version(),
    date: new Date().toISOString(),
  };
  const resultsPath = join(root, 'bench', 'results.json');
  // `--cards` keeps the other sections' last figures and replaces the card files section only.
  const previous = cardsOnly && existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};
  writeFileSync(
    resultsPath,
    JSON.stringify(
      cardsOnly
        ? { ...previous, cardsMachine: machine, cardTargets: CARD_TARGETS, cards }
        : { machine, targets100k: TARGETS_100K, results, cardTargets: CARD_TARGETS, cards },
      null,
      2,
    ),
  );
  console.log(
    `\nMachine: ${machine.cpu} × ${machine.cores}, ${machine.memGB} GB, Chromium ${machine.chromium}\n`,
  );
  if (!cardsOnly) console.log(table(results));
  console.log(`\n${cardsTable(cards)}`);
  console.log('\nbench/results.json written.');
}

/** `--publish`: only the published-catalog section; its figures go to bench/results.json under `publish`. */
async function runPublishOnly() {
  const server = await startServer();
  const loadBefore = os.loadavg();
  let publish;
  try {
    publish = await runPublishBench({ root, diskContext, base: BASE, log, n: PUBLISH_N });
  } finally {
    server.kill();
  }
  const resultsPath = join(root, 'bench', 'results.json');
  const previous = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};
  publish.date = new Date().toISOString();
  // The machine's load average (1, 5, 15 min) before and after: times mean little on a loaded machine.
  publish.load = { before: loadBefore, after: os.loadavg() };
  writeFileSync(resultsPath, JSON.stringify({ ...previous, publish }, null, 2));
  console.log(JSON.stringify(publish, null, 2));
}

/** `--export`: only the export round trip (with raw sources); its figures go to bench/results.json under `export`. */
async function runExportOnly() {
  const server = await startServer();
  const runs = [];
  try {
    for (const n of SIZES) runs.push(await runExport(n));
  } finally {
    server.kill();
  }
  const resultsPath = join(root, 'bench', 'results.json');
  const previous = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};
  const exportSection = { date: new Date().toISOString(), load: os.loadavg(), runs };
  writeFileSync(resultsPath, JSON.stringify({ ...previous, export: exportSection }, null, 2));
  console.log(JSON.stringify(exportSection, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
