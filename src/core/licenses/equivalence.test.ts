/**
 * The memoised engine must be consistent: results on cached arrays equal results on fresh copies (no cache
 * leaks between intended uses / profiles), and the catalog sweep agrees with the per-asset evaluation, on random synthetic catalogs with chains, merges,
 * datasets, trained_on / generated_by / distilled_from, code libraries, cycles, placeholders and varied licences.
 */
import { describe, expect, it } from 'vitest';
import type {
  CatalogLicenseAsset,
  CatalogLicenseRelation,
  IntendedUse,
  LicenseContext,
  Profile,
} from './index';
import { buildNotice, evaluateAsset, evaluateCatalog } from './index';
import { generateLicenseCatalog } from './bench';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LICENSES: (CatalogLicenseAsset['license'] | null)[] = [
  { raw: 'llama3.1' },
  { raw: 'llama3' },
  { raw: 'llama2' },
  { raw: 'llama3.2' },
  { raw: 'gemma' },
  { raw: 'cc-by-nc-4.0' },
  { raw: 'cc-by-nc-sa-4.0' },
  { raw: 'cc-by-nd-4.0' },
  { raw: 'cc-by-sa-4.0' },
  { raw: 'cc-by-4.0' },
  { raw: 'cc0-1.0' },
  { raw: 'openrail' },
  { raw: 'creativeml-openrail-m' },
  { raw: 'bigscience-openrail-m' },
  { raw: 'gpl-3.0' },
  { raw: 'GPL-2.0' },
  { raw: 'agpl-3.0' },
  { raw: 'lgpl-3.0' },
  { raw: 'mpl-2.0' },
  { raw: 'apache-2.0' },
  { raw: 'Apache License 2.0' },
  { raw: 'mit' },
  { raw: 'bsd-3-clause' },
  { raw: 'unknown' },
  { raw: undefined },
  null,
  { raw: 'other', name: 'llama3.1' },
  { raw: 'other', name: 'my-custom-terms' },
  { raw: 'odbl' },
  { raw: 'odc-by' },
  { raw: 'cdla-sharing-1.0' },
  { raw: 'deepseek' },
  { raw: 'MIT OR Apache-2.0' },
  { raw: 'CC-BY-NC-4.0 OR CC0-1.0' },
  { raw: 'LicenseRef-Llama-3.1-Community AND LicenseRef-Gemma-Terms-of-Use' },
  { raw: 'GPL-2.0-only WITH Classpath-exception-2.0' },
  { raw: ['mit', 'cc-by-4.0'] },
  { raw: 'apache-2.0', normalized: 'Apache-2.0' },
  { raw: 'weird', normalized: 'MIT' },
  { raw: 'cc-by', normalized: 'not a ( valid' },
];
const REL_TYPES = [
  'finetune_of',
  'finetune_of',
  'adapter_of',
  'quantized_of',
  'quantized_from',
  'merge_of',
  'merge_of',
  'derived_from',
  'variant_of',
  'collection_of',
  'base_model',
  'trained_on',
  'trained_on',
  'generated_by',
  'distilled_from',
  'trained_on_outputs_of',
  'evaluated_on',
  'uses_code',
  'code_uses_library',
  'depends_on',
  'trained_with_code',
  'nonsense',
];
const NAMES = [
  'Llama-3.1-x',
  'llama_3_chat',
  'gemma-ft',
  'Meta-Llama-3-8B',
  'vision-model',
  'plain',
  'Llama 2 ft',
];

function randomCatalog(seed: number, n: number): LicenseContext {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const assets: CatalogLicenseAsset[] = [];
  const relations: CatalogLicenseRelation[] = [];
  for (let i = 0; i < n; i++) {
    const kind = pick(['model', 'model', 'model', 'dataset', 'dataset', 'software', 'code', 'unknown']);
    const id = `o${i % 7}/${pick(NAMES)}-${i}`;
    const lic = pick(LICENSES);
    const a: CatalogLicenseAsset = {
      id,
      kind,
      name: rand() < 0.8 ? id : '',
      license: lic ?? { raw: undefined },
    };
    if (rand() < 0.15) a.tags = [pick(['vision', 'chat', 'multimodal', 'text'])];
    if (rand() < 0.1) a.pipelineTag = pick(['image-text-to-text', 'text-generation']);
    if (rand() < 0.1) a.meta = { multimodal: rand() < 0.5 };
    assets.push(a);
    if (i === 0) continue;
    // Mostly edges to earlier assets (DAG with chains and merges), sometimes to later ones (cycles).
    const k = rand() < 0.25 ? 0 : rand() < 0.7 ? 1 : 1 + Math.floor(rand() * 3);
    for (let j = 0; j < k; j++) {
      const back = rand() < 0.6 ? 1 + Math.floor(rand() * 3) : 1 + Math.floor(rand() * i);
      let parentIdx = Math.max(0, i - back);
      if (rand() < 0.03) parentIdx = Math.min(n - 1, i + 1 + Math.floor(rand() * 5));
      const parentId =
        rand() < 0.03 ? `missing/${Math.floor(rand() * 5)}` : `o${parentIdx % 7}/?-${parentIdx}`;
      const type = pick(REL_TYPES);
      const attrs: Record<string, unknown> = {};
      if (rand() < 0.3) attrs.same_party = rand() < 0.5;
      if (rand() < 0.3) attrs.link_mode = pick(['static', 'dynamic', 'process', 'network-api', 'bundled-js']);
      if (rand() < 0.2) attrs.modified = rand() < 0.5;
      if (rand() < 0.1) attrs.source_offered = rand() < 0.5;
      relations.push({
        child: rand() < 0.1 ? id.toUpperCase() : id,
        type: rand() < 0.05 ? ` ${type.toUpperCase()} ` : type,
        parent: parentId,
        ...(Object.keys(attrs).length ? { attrs } : {}),
      });
    }
  }
  // Resolve the `?` placeholders to the real names of the referenced assets.
  for (const r of relations) {
    const m = /^o\d+\/\?-(\d+)$/.exec(r.parent);
    if (m) r.parent = assets[Number(m[1])]?.id ?? r.parent;
  }
  if (assets[3]) relations.push({ child: assets[3].id, type: 'finetune_of', parent: assets[3].id });
  return { assets, relations };
}

const USES: Partial<IntendedUse>[] = [
  {},
  { commercial: false },
  { commercial: false, redistribute: false },
  {
    commercial: true,
    redistribute: false,
    hosted_service: true,
    licensee_mau_at_release: 800_000_000,
    annual_revenue_usd: 50_000_000,
    licensee_region: 'DE',
  },
  { redistribute: true, hosted_service: true, licensee_region: 'EU', licensee_is_end_user: true },
];
const PROFILES: Profile[] = ['balanced', 'conservative', 'permissive'];

function distinctCodes(findings: readonly { code: string; severity: string }[], verdict: string) {
  const codes: string[] = [];
  const worst: string[] = [];
  for (const f of findings) {
    if (!codes.includes(f.code)) codes.push(f.code);
    if (f.severity === verdict && !worst.includes(f.code)) worst.push(f.code);
  }
  return { codes, worst };
}

describe('memoised engine: cached = fresh, sweep = per-asset', () => {
  for (let seed = 1; seed <= 12; seed++) {
    it(`random catalog ${seed}: evaluateCatalog and evaluateAsset for every asset`, () => {
      const base = randomCatalog(seed, 40 + seed * 12);
      const use = USES[seed % USES.length] ?? {};
      const profile = PROFILES[seed % PROFILES.length] ?? 'balanced';
      const ctx: LicenseContext = { ...base, intendedUse: use, profile };
      const octx: LicenseContext = {
        assets: [...base.assets],
        relations: [...base.relations],
        intendedUse: use,
        profile,
      };
      const sweep = evaluateCatalog(ctx);
      expect(sweep).toEqual(evaluateCatalog(octx));
      for (const a of ctx.assets) {
        const r = evaluateAsset(a.id, ctx);
        expect(r).toEqual(evaluateAsset(a.id, octx));
        const entry = sweep[a.id];
        expect(entry?.verdict).toBe(r.verdict);
        expect({ codes: entry?.codes, worst: entry?.worst }).toEqual(distinctCodes(r.findings, r.verdict));
      }
      // Same arrays, other intended uses / profiles: caches must not leak results between them.
      for (const [i, u] of USES.entries()) {
        const p = PROFILES[(seed + i) % PROFILES.length] ?? 'balanced';
        expect(evaluateCatalog({ ...base, intendedUse: u, profile: p })).toEqual(
          evaluateCatalog({ ...octx, intendedUse: u, profile: p }),
        );
      }
      const tip = ctx.assets[ctx.assets.length - 1]?.id ?? '';
      expect(buildNotice(tip, ctx)).toBe(buildNotice(tip, octx));
      expect(evaluateAsset('nope', ctx)).toEqual(evaluateAsset('nope', octx));
    });
  }

  it('bench catalog (chains, merges, datasets, 50-ancestor chain): sweep and chain target', () => {
    const { ctx, chainTip } = generateLicenseCatalog(3000, 7);
    const octx: LicenseContext = { assets: [...ctx.assets], relations: [...ctx.relations] };
    expect(evaluateCatalog(ctx)).toEqual(evaluateCatalog(octx));
    expect(evaluateAsset(chainTip, ctx)).toEqual(evaluateAsset(chainTip, octx));
    const nc: LicenseContext = { ...ctx, intendedUse: { commercial: false }, profile: 'conservative' };
    expect(evaluateCatalog(nc)).toEqual(
      evaluateCatalog({ ...octx, intendedUse: nc.intendedUse, profile: 'conservative' }),
    );
  });
});
