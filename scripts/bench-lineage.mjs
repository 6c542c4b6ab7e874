// `npm run bench:lineage`: lineage graph at scale. Generates a synthetic 2,000-node lineage catalog
// as a Tarn export (bench/data/lineage-<n>.json), builds the app, serves it with `vite preview` on its
// own port, imports the file through the "Import files" input in Chromium (Playwright), opens
// /lineage with all assets (no fan-out grouping; the catalog is one family) and reads the app's own timings:
//   performance.measure('lineage:layout')  request → positions (worker round trip included)
//   performance.measure('lineage:render')  positions → nodes and edges (or the overview drawing) painted
// plus the time to paint everything after "fit view" (every node, or the overview drawing of every node)
// and the frame times of a pan (drag) and zoom (wheel) on the fitted graph. Prints a table, writes
// bench/lineage-results.json.
// Flags: --no-build, --runs=3, --nodes=2000, --elk (also time ELK forced on the full graph, slow).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : fallback;
};
const RUNS = Number(arg('runs', 3));
const NODES = Number(arg('nodes', 2000));
const WITH_ELK = args.includes('--elk');
const PORT = Number(process.env.BENCH_LINEAGE_PORT ?? 4191);
const DIST = process.env.BENCH_LINEAGE_DIST ?? 'dist-bench-lineage';
const BASE = `http://127.0.0.1:${PORT}`;
const TARGETS = { layoutMs: 1000, renderMs: 1000 };

const log = (...a) => console.error('[bench:lineage]', ...a);

/**
 * A lineage-shaped catalog of exactly `n` assets: bases with fine-tunes, fine-tunes of fine-tunes,
 * LoRA adapters, AWQ quantizations (inferred relations: dashed edges), merges across families and
 * datasets with trained_on edges. Deterministic.
 */
export function generateLineageCatalog(n) {
  const at = '2026-11-01T00:00:00.000Z';
  const assets = [];
  const relations = [];
  const licenses = ['Apache-2.0', 'MIT', 'CC-BY-4.0', 'LicenseRef-Llama-3.1-Community', 'CC-BY-NC-4.0'];
  const add = (id, kind) => {
    if (assets.length >= n) return false;
    const key = id.toLowerCase();
    const license = licenses[assets.length % licenses.length];
    const asset = {
      id,
      kind,
      name: id.split('/')[1],
      license: { raw: license.toLowerCase(), normalized: license },
    };
    assets.push({
      ...asset,
      key,
      sourceFormat: 'hf-model-card',
      createdAt: at,
      updatedAt: at,
      contributions: [
        {
          format: 'hf-model-card',
          sourceName: `bench/${key}`,
          sha256: key.padEnd(64, '0').slice(0, 64),
          importedAt: at,
          asset,
        },
      ],
      fieldSources: {},
    });
    return true;
  };
  const rel = (child, type, parent, origin = 'declared') => {
    const childKey = child.toLowerCase();
    const parentKey = parent.toLowerCase();
    relations.push({
      id: `${childKey}|${type}|${parentKey}`,
      child,
      type,
      parent,
      origin,
      evidence:
        origin === 'declared'
          ? 'base_model_relation in bench card'
          : 'base_model in bench card; name marker awq',
      childKey,
      parentKey,
      vias: ['hf-model-card'],
    });
  };
  const bases = Math.max(1, Math.round(n / 50));
  const datasets = Math.max(1, Math.round(n / 12.5));
  const ft1 = [];
  for (let d = 0; d < datasets; d++) add(`bench-data/set-${d}`, 'dataset');
  let ds = 0;
  for (let b = 0; b < bases && assets.length < n; b++) {
    const base = `bench-base/base-${b}`;
    add(base, 'model');
    for (let i = 0; i < 6; i++) {
      const id = `bench-ft/base-${b}-ft${i}`;
      if (!add(id, 'model')) break;
      ft1.push(id);
      rel(id, 'finetune_of', base);
      rel(id, 'trained_on', `bench-data/set-${ds++ % datasets}`);
      if (i % 2 === 1) rel(id, 'trained_on', `bench-data/set-${ds++ % datasets}`);
    }
  }
  for (const f of ft1) {
    const lora = `${f}-lora`;
    if (add(lora, 'model')) rel(lora, 'adapter_of', f);
    for (let j = 0; j < 2; j++) {
      const id = `${f}-ft${j}`;
      if (!add(id, 'model')) break;
      rel(id, 'finetune_of', f);
      const q = `${id}-AWQ`;
      if (add(q, 'model')) rel(q, 'quantized_from', id, 'inferred');
    }
  }
  for (let m = 0; assets.length < n; m++) {
    const id = `bench-merge/merge-${m}`;
    add(id, 'model');
    if (ft1.length > 0) {
      rel(id, 'merge_of', ft1[m % ft1.length]);
      const other = ft1[(m * 7 + 13) % ft1.length];
      if (other !== ft1[m % ft1.length]) rel(id, 'merge_of', other);
    }
  }
  const env = {
    format: 'tarn-catalog',
    version: 1,
    exportedAt: at,
    app: { name: 'tarn-bench-lineage', version: '1' },
    scope: { kind: 'synthetic', description: `${n}-node synthetic lineage catalog` },
    assets,
    versions: [],
    relations,
  };
  return { env, stats: { assets: assets.length, relations: relations.length } };
}

function median(values) {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function waitReady(page, timeout = 120_000) {
  await page.locator('[data-lineage-canvas][data-ready="true"]').waitFor({ timeout });
  return page.evaluate(() => {
    const el = document.querySelector('[data-lineage-canvas]');
    const last = (name) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN;
    return {
      layoutMs: last('lineage:layout'),
      renderMs: last('lineage:render'),
      engine: el?.dataset.layoutEngine,
      layoutWorkerMs: Number(el?.dataset.layoutWorkerMs),
      nodes: Number(el?.dataset.nodeCount),
      edges: Number(el?.dataset.edgeCount),
      domNodes: document.querySelectorAll('.react-flow__node').length,
      overviewNodes: Number(
        document.querySelector('[data-lineage-overview]')?.getAttribute('data-node-count') ?? 0,
      ),
      sinceNavigationMs: performance.now(),
    };
  });
}

/**
 * Fit view, then time until every node is painted (as a node in the DOM, or as a box of the overview
 * drawing a big family zoomed out is shown as) and one more frame.
 */
async function fitAll(page, expected) {
  return page.evaluate(
    (n) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        document
          .querySelector('.react-flow__controls-fitview')
          ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        const tick = () => {
          const drawn = Number(
            document.querySelector('[data-lineage-overview]')?.getAttribute('data-node-count') ?? 0,
          );
          const count = Math.max(document.querySelectorAll('.react-flow__node').length, drawn);
          if (count >= n || performance.now() - t0 > 30_000)
            requestAnimationFrame(() => resolve({ fitMs: performance.now() - t0, domNodes: count }));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    expected,
  );
}

/** Frame times (rAF intervals) while dragging the fitted graph 300 px and wheel-zooming in and out. */
async function panZoomFrames(page) {
  const box = await page.locator('.react-flow__pane').boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(() => {
    const w = window;
    w.__benchFrames = [];
    w.__benchStop = false;
    let last = performance.now();
    const tick = (t) => {
      w.__benchFrames.push(t - last);
      last = t;
      if (!w.__benchStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 300, cy + 100, { steps: 40 });
  await page.mouse.up();
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, -60);
    await page.waitForTimeout(16);
  }
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, 60);
    await page.waitForTimeout(16);
  }
  const frames = await page.evaluate(() => {
    window.__benchStop = true;
    return window.__benchFrames.slice(1);
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const mean = frames.reduce((s, f) => s + f, 0) / Math.max(1, frames.length);
  return {
    frames: frames.length,
    frameMeanMs: mean,
    frameP95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
    frameMaxMs: sorted.at(-1) ?? NaN,
    fps: 1000 / mean,
  };
}

async function main() {
  const dataDir = join(root, 'bench', 'data');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `lineage-${NODES}.json`);
  const { env, stats } = generateLineageCatalog(NODES);
  writeFileSync(file, JSON.stringify(env));
  log(`catalog: ${stats.assets} assets, ${stats.relations} relations → ${file}`);

  if (!args.includes('--no-build') || !existsSync(join(root, DIST, 'index.html'))) {
    log(`building into ${DIST}…`);
    process.env.TARN_DIST = DIST;
    await build({ root, logLevel: 'warn', build: { outDir: DIST } });
  }
  process.env.TARN_DIST = DIST;
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir: DIST },
    preview: { host: '127.0.0.1', port: PORT, strictPort: true, open: false },
  });
  const browser = await chromium.launch({
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    chromiumSandbox: false,
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  const runs = [];
  let elk;
  try {
    for (let r = 0; r < RUNS; r++) {
      const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await ctx.newPage();
      page.on('pageerror', (e) => log('pageerror', e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') log('console error', m.text());
      });
      await page.goto(BASE);
      const t0 = Date.now();
      await page.getByLabel('Import files').setInputFiles(file);
      await page.getByRole('status', { name: 'Import report' }).waitFor({ timeout: 300_000 });
      const importMs = Date.now() - t0;
      await page.goto(`${BASE}/lineage?scope=all&group=0`);
      const ready = await waitReady(page);
      const fit = await fitAll(page, ready.nodes);
      const motion = await panZoomFrames(page);
      const run = {
        run: r + 1,
        importMs,
        ...ready,
        fitAllMs: fit.fitMs,
        domNodesAfterFit: fit.domNodes,
        ...motion,
      };
      log(JSON.stringify(run));
      runs.push(run);
      if (WITH_ELK && r === RUNS - 1) {
        log('ELK forced on the full graph (slow)…');
        await page.goto(`${BASE}/lineage?scope=all&group=0&engine=elk`);
        elk = await waitReady(page, 120_000).catch(() => ({ layoutMs: NaN, timedOut: '> 120 s' }));
        log(JSON.stringify({ elk }));
      }
      await ctx.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const summary = {
    nodes: median(runs.map((r) => r.nodes)),
    edges: median(runs.map((r) => r.edges)),
    engine: runs[0]?.engine,
    layoutMs: median(runs.map((r) => r.layoutMs)),
    layoutWorkerMs: median(runs.map((r) => r.layoutWorkerMs)),
    renderMs: median(runs.map((r) => r.renderMs)),
    domNodesInitial: median(runs.map((r) => r.domNodes)),
    overviewNodesInitial: median(runs.map((r) => r.overviewNodes)),
    fitAllMs: median(runs.map((r) => r.fitAllMs)),
    panZoomFps: median(runs.map((r) => r.fps)),
    panZoomFrameP95Ms: median(runs.map((r) => r.frameP95Ms)),
    panZoomFrameMaxMs: median(runs.map((r) => r.frameMaxMs)),
    importMs: median(runs.map((r) => r.importMs)),
  };
  const pass = { layout: summary.layoutMs <= TARGETS.layoutMs, render: summary.renderMs <= TARGETS.renderMs };
  const rows = [
    ['metric', 'median', 'target', ''],
    ['nodes / edges', `${summary.nodes} / ${summary.edges}`, '2000', ''],
    [
      `layout (${summary.engine}, request → positions)`,
      `${summary.layoutMs.toFixed(0)} ms`,
      `≤ ${TARGETS.layoutMs} ms`,
      pass.layout ? 'ok' : 'MISS',
    ],
    ['  of which inside the worker', `${summary.layoutWorkerMs.toFixed(0)} ms`, '', ''],
    [
      'render (positions → painted)',
      `${summary.renderMs.toFixed(0)} ms`,
      `≤ ${TARGETS.renderMs} ms`,
      pass.render ? 'ok' : 'MISS',
    ],
    ['  nodes in the DOM at first paint', String(summary.domNodesInitial), '', ''],
    ['  nodes drawn in the overview at first paint', String(summary.overviewNodesInitial), '', ''],
    ['fit view: all nodes painted', `${summary.fitAllMs.toFixed(0)} ms`, '', ''],
    [
      'pan/zoom on the fitted graph',
      `${summary.panZoomFps.toFixed(0)} fps (p95 ${summary.panZoomFrameP95Ms.toFixed(0)} ms, max ${summary.panZoomFrameMaxMs.toFixed(0)} ms)`,
      '60 fps',
      '',
    ],
    ['import of the export file', `${summary.importMs.toFixed(0)} ms`, '', ''],
  ];
  if (elk)
    rows.push([
      'ELK forced (request → positions)',
      elk.timedOut ?? `${elk.layoutMs.toFixed(0)} ms`,
      '',
      'info',
    ]);
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i])).join('  '));
  const out = {
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memGB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
    },
    catalog: stats,
    targets: TARGETS,
    summary,
    pass,
    runs,
    ...(elk ? { elkForced: elk } : {}),
  };
  writeFileSync(join(root, 'bench', 'lineage-results.json'), `${JSON.stringify(out, null, 2)}\n`);
  log('wrote bench/lineage-results.json');
}

await main();
