// `npx tsx scripts/bench-licenses-worker.ts [--n=100000] [--runs=20]`: licence engine timings.
//  1. one asset with 50 ancestors (a derivative chain, a training dataset at every third level): evaluateAsset,
//     cold (graph build included) and warm (median / p95 over changing intended uses), plus buildNotice;
//  2. the whole-catalog sweep (evaluateCatalog) over the synthetic 100k catalog (bench/generate.mjs) run in a
//     worker thread, as the app does in its catalog worker: transfer, cold sweep, warm sweep after an
//     intended-use change. Prints a table and writes bench/licenses-worker-results.json.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  buildNotice,
  evaluateAsset,
  evaluateCatalog,
  type CatalogLicenseAsset,
  type CatalogLicenseRelation,
  type IntendedUse,
  type LicenseContext,
  type LicenseVerdict,
} from '../src/core/licenses/index.ts';

type SweepRequest = { assets: CatalogLicenseAsset[]; relations: CatalogLicenseRelation[] };
type SweepReply = {
  coldMs: number;
  warmMs: number;
  nonCommercialMs: number;
  counts: Record<LicenseVerdict, number>;
};

const USES: IntendedUse[] = [
  {
    commercial: true,
    redistribute: true,
    hosted_service: false,
    licensee_mau_at_release: null,
    annual_revenue_usd: null,
    licensee_region: null,
    licensee_is_end_user: false,
  },
  {
    commercial: false,
    redistribute: true,
    hosted_service: false,
    licensee_mau_at_release: null,
    annual_revenue_usd: null,
    licensee_region: null,
    licensee_is_end_user: false,
  },
  {
    commercial: true,
    redistribute: false,
    hosted_service: true,
    licensee_mau_at_release: 800_000_000,
    annual_revenue_usd: 5_000_000,
    licensee_region: 'EU',
    licensee_is_end_user: false,
  },
];

function countVerdicts(sweep: Record<string, { verdict: LicenseVerdict }>): Record<LicenseVerdict, number> {
  const counts: Record<LicenseVerdict, number> = { ok: 0, warning: 0, review: 0, conflict: 0 };
  for (const e of Object.values(sweep)) counts[e.verdict]++;
  return counts;
}

if (!isMainThread) {
  // Worker: receives the catalog once, sweeps it for two intended uses.
  const req = workerData as SweepRequest;
  const ctx: LicenseContext = {
    assets: req.assets,
    relations: req.relations,
    intendedUse: USES[0],
    profile: 'balanced',
  };
  let t = performance.now();
  const first = evaluateCatalog(ctx);
  const coldMs = performance.now() - t;
  t = performance.now();
  evaluateCatalog({ ...ctx, intendedUse: USES[2] });
  const warmMs = performance.now() - t;
  t = performance.now();
  evaluateCatalog({ ...ctx, intendedUse: USES[1], profile: 'conservative' });
  const nonCommercialMs = performance.now() - t;
  parentPort?.postMessage({
    coldMs,
    warmMs,
    nonCommercialMs,
    counts: countVerdicts(first),
  } satisfies SweepReply);
} else {
  await main();
}

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

/**
 * A target with exactly `ancestors` ancestors: a chain of finetunes / adapters / quantizations of a Llama base,
 * every third step also trained on a dataset.
 */
function chain(ancestors: number): {
  assets: CatalogLicenseAsset[];
  relations: CatalogLicenseRelation[];
  target: string;
} {
  const assets: CatalogLicenseAsset[] = [];
  const relations: CatalogLicenseRelation[] = [];
  const licenses = ['llama3.1', 'other', 'apache-2.0', 'mit', 'cc-by-4.0', 'llama3.1'];
  const dataLicenses = ['cc-by-4.0', 'odc-by', 'cc-by-sa-4.0', 'mit', 'cc-by-nc-4.0', 'apache-2.0'];
  assets.push({
    id: 'meta-llama/Llama-3.1-8B',
    kind: 'model',
    name: 'Llama-3.1-8B',
    license: { raw: 'llama3.1' },
  });
  let parent = 'meta-llama/Llama-3.1-8B';
  for (let i = 1; assets.length < ancestors; i++) {
    const id = `bench/Llama-step-${i}`;
    const raw = licenses[i % licenses.length];
    assets.push({
      id,
      kind: 'model',
      name: `Llama-step-${i}`,
      license:
        raw === 'other'
          ? { raw, name: 'llama3.1', link: 'https://llama.meta.com/llama3_1/license/' }
          : { raw },
    });
    relations.push({
      child: id,
      type: i % 7 === 0 ? 'adapter_of' : i % 11 === 0 ? 'quantized_from' : 'finetune_of',
      parent,
    });
    if (i % 3 === 0 && assets.length < ancestors) {
      const ds = `bench/data-${i}`;
      assets.push({
        id: ds,
        kind: 'dataset',
        name: `data-${i}`,
        license: { raw: dataLicenses[i % dataLicenses.length] },
      });
      relations.push({ child: id, type: 'trained_on', parent: ds });
    }
    parent = id;
  }
  const target = 'bench/Llama-target';
  assets.push({ id: target, kind: 'model', name: 'Llama-target', license: { raw: 'apache-2.0' } });
  relations.push({ child: target, type: 'finetune_of', parent });
  return { assets, relations, target };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const n = Number(args.find((a) => a.startsWith('--n='))?.slice(4) ?? 100_000);
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 20);
  const out: Record<string, unknown> = {
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? '',
      node: process.version,
      totalMemGB: Math.round(os.totalmem() / 2 ** 30),
    },
  };

  // 1. One asset, 50 ancestors.
  const c = chain(50);
  const ancestors = c.assets.length - 1;
  let t = performance.now();
  const coldCtx: LicenseContext = {
    assets: c.assets,
    relations: c.relations,
    intendedUse: USES[0],
    profile: 'balanced',
  };
  const cold = evaluateAsset(c.target, coldCtx);
  const coldMs = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ctx: LicenseContext = {
      ...coldCtx,
      intendedUse: { ...(USES[i % USES.length] ?? USES[0]), annual_revenue_usd: i },
    };
    t = performance.now();
    evaluateAsset(c.target, ctx);
    warm.push(performance.now() - t);
  }
  t = performance.now();
  const notice = buildNotice(c.target, coldCtx);
  const noticeMs = performance.now() - t;
  // A fresh array identity each time = graph rebuilt (what a changed catalog costs).
  const rebuilt: number[] = [];
  for (let i = 0; i < Math.min(runs, 10); i++) {
    const ctx: LicenseContext = {
      assets: [...c.assets],
      relations: [...c.relations],
      intendedUse: USES[0],
      profile: 'balanced',
    };
    t = performance.now();
    evaluateAsset(c.target, ctx);
    rebuilt.push(performance.now() - t);
  }
  out.chain = {
    ancestors,
    verdict: cold.verdict,
    findings: cold.findings.length,
    coldMs,
    warmMedianMs: pct(warm, 50),
    warmP95Ms: pct(warm, 95),
    newArraysMedianMs: pct(rebuilt, 50),
    noticeMs,
    noticeLines: notice.split('\n').length,
  };

  // 2. Whole catalog in a worker thread.
  const { generateCatalog } = await import('../bench/generate.mjs');
  t = performance.now();
  const gen = generateCatalog({ n, seed: 42 });
  const genMs = performance.now() - t;
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
    for (const r of f.env.relations as { child: string; type: string; parent: string; origin: string }[]) {
      relations.push({ child: r.child, type: r.type, parent: r.parent, origin: r.origin });
    }
  }
  t = performance.now();
  const reply = await new Promise<SweepReply>((resolve, reject) => {
    // An eval worker that registers tsx, then loads this file (worker branch above).
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const w = new Worker(boot, { eval: true, workerData: { assets, relations } satisfies SweepRequest });
    w.once('message', (m: SweepReply) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
  const totalMs = performance.now() - t;
  out.sweep = {
    assets: assets.length,
    relations: relations.length,
    generateMs: genMs,
    coldSweepMs: reply.coldMs,
    warmSweepMs: reply.warmMs,
    conservativeNonCommercialMs: reply.nonCommercialMs,
    workerTotalMs: totalMs, // worker boot + structured clone of the catalog + the three sweeps
    usPerAssetCold: (reply.coldMs * 1000) / assets.length,
    verdicts: reply.counts,
  };

  console.log(JSON.stringify(out, null, 2));
  const dir = fileURLToPath(new URL('../bench/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}licenses-worker-results.json`, JSON.stringify(out, null, 2));
}
