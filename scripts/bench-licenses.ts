// `npx tsx scripts/bench-licenses.ts [--n=100000] [--runs=50] [--repeat=1] [--seed=42]`: licence engine
// timings.
// Targets: one asset with 50 ancestors <= 5 ms; whole-catalog sweep (evaluateCatalog) of 100k assets <= 3 s in a worker.
//  1. licence-shaped synthetic catalog (src/core/licenses/bench.ts, also callable from the browser bench):
//     ~60 % models (two thirds derived, chains up to depth 5, merges), datasets with trained_on / derived_from /
//     generated_by, code libraries, plus a 50-ancestor chain; sweep timings and evaluateAsset on the chain tip
//     (median of --runs), in a worker thread;
//  2. the corpus-shaped discovery catalog of the app bench (bench/generate.mjs): sweep timings in a worker thread.
// Every repetition runs in fresh workers (cold JIT, cold caches). Prints a summary and writes
// bench/licenses-results.json.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { LicenseBenchResult, SweepTiming } from '../src/core/licenses/bench.ts';
import { runLicenseBench, timeSweep } from '../src/core/licenses/bench.ts';
import type { CatalogLicenseAsset, CatalogLicenseRelation } from '../src/core/licenses/index.ts';

type Job = { kind: 'licenses' | 'corpus'; n: number; seed: number; runs: number };
type Reply = { licenses?: LicenseBenchResult; corpus?: SweepTiming };

async function corpusCatalog(n: number, seed: number) {
  const { generateCatalog } = await import('../bench/generate.mjs');
  const gen = generateCatalog({ n, seed });
  const assets: CatalogLicenseAsset[] = [];
  const relations: CatalogLicenseRelation[] = [];
  for (const f of gen.files) {
    for (const a of f.env.assets) {
      assets.push({
        id: a.id,
        kind: a.kind,
        name: a.name,
        license: a.license as CatalogLicenseAsset['license'],
        ...(a.pipelineTag ? { pipelineTag: a.pipelineTag } : {}),
        ...(a.placeholder ? { meta: { placeholder: true } } : {}),
      });
    }
    for (const r of f.env.relations as { child: string; type: string; parent: string; origin: string }[])
      relations.push({ child: r.child, type: r.type, parent: r.parent, origin: r.origin });
  }
  return { assets, relations };
}

/** Process CPU time in ms (the main thread idles while the worker runs, so this is the worker plus GC threads). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function work(job: Job): Promise<Reply> {
  if (job.kind === 'licenses') return { licenses: runLicenseBench({ ...job, cpu: cpuMs }) };
  return { corpus: timeSweep(await corpusCatalog(job.n, job.seed), cpuMs) };
}

function inWorker(job: Job): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    // `--import tsx` in a worker's execArgv does not reach the worker's entry on node 20: register tsx in the worker.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`;
    const w = new Worker(boot, { eval: true, workerData: job });
    w.once('message', (m: Reply) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

function stat(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const med = s[Math.floor((s.length - 1) / 2)] ?? NaN;
  const f = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(2));
  return s.length > 1 ? `best ${f(s[0] ?? NaN)} ms, median ${f(med)} ms` : `${f(med)} ms`;
}

async function main(): Promise<void> {
  const arg = (name: string, def: number): number => {
    const a = process.argv.find((x) => x.startsWith(`--${name}=`));
    return a ? Number(a.slice(name.length + 3)) : def;
  };
  const n = arg('n', 100_000);
  const runs = arg('runs', 50);
  const repeat = arg('repeat', 1);
  const seed = arg('seed', 42);
  const lic: LicenseBenchResult[] = [];
  const corpus: SweepTiming[] = [];
  for (let i = 0; i < repeat; i++) {
    const a = (await inWorker({ kind: 'licenses', n, seed, runs })).licenses;
    const b = (await inWorker({ kind: 'corpus', n, seed, runs })).corpus;
    if (a) lic.push(a);
    if (b) corpus.push(b);
    console.log(
      `run ${i + 1}/${repeat}: licence catalog sweep ${a?.sweep.coldMs.toFixed(0)} ms cold / ${a?.sweep.warmMs.toFixed(0)} ms warm, ` +
        `50-ancestor evaluateAsset ${a?.chainInCatalog.medianMs.toFixed(2)} ms (alone ${a?.chainAlone.medianMs.toFixed(2)} ms); ` +
        `corpus catalog sweep ${b?.coldMs.toFixed(0)} ms cold / ${b?.warmMs.toFixed(0)} ms warm`,
    );
  }
  const first = lic[0];
  const c0 = corpus[0];
  const lines = [
    '',
    `licence-shaped catalog: ${first?.stats.assets} assets, ${first?.stats.relations} relations, ${first?.stats.models} models (${first?.stats.modelsWithBase} with bases, depth <= ${first?.stats.maxDepth}); verdicts ${JSON.stringify(first?.sweep.verdicts)}`,
    `  sweep cold (graph build incl.)      ${stat(lic.map((r) => r.sweep.coldMs))}   [target <= 3000 ms]`,
    `  sweep cold, process CPU time        ${stat(lic.map((r) => r.sweep.coldCpuMs ?? NaN))}`,
    `  sweep warm (other intended use)     ${stat(lic.map((r) => r.sweep.warmMs))}`,
    `  sweep warm (non-commercial, cons.)  ${stat(lic.map((r) => r.sweep.altMs))}`,
    `  evaluateAsset, 50 ancestors, median of ${runs} (in catalog)  ${stat(lic.map((r) => r.chainInCatalog.medianMs))}   [target <= 5 ms]`,
    `  evaluateAsset, 50 ancestors, median of ${runs} (alone)       ${stat(lic.map((r) => r.chainAlone.medianMs))}`,
    `  evaluateAsset, 50 ancestors, cold (graph build incl.)  ${stat(lic.map((r) => r.chainAlone.coldMs))}`,
    `corpus-shaped catalog (bench/generate.mjs): ${c0?.assets} assets, ${c0?.relations} relations; verdicts ${JSON.stringify(c0?.verdicts)}`,
    `  sweep cold (graph build incl.)      ${stat(corpus.map((r) => r.coldMs))}   [target <= 3000 ms]`,
    `  sweep cold, process CPU time        ${stat(corpus.map((r) => r.coldCpuMs ?? NaN))}`,
    `  sweep warm (other intended use)     ${stat(corpus.map((r) => r.warmMs))}`,
    `  sweep warm (non-commercial, cons.)  ${stat(corpus.map((r) => r.altMs))}`,
    `node ${process.version}, ${os.cpus().length} cpus (${os.cpus()[0]?.model ?? '?'}), load ${os.loadavg()[0]?.toFixed(2)}`,
  ];
  console.log(lines.join('\n'));
  const dir = fileURLToPath(new URL('../bench/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    `${dir}licenses-results.json`,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', node: process.version },
        n,
        runs,
        licenses: lic,
        corpus,
      },
      null,
      2,
    ),
  );
}

if (isMainThread) await main();
else parentPort?.postMessage(await work(workerData as Job));
