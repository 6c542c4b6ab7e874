/**
 * The licence worker's handler map (also run in-thread as the fallback): whole-catalog sweeps (catalog facet,
 * report), one asset's full check with its NOTICE, and verdicts for a set of ids (lineage colours).
 */
import {
  buildNotice,
  DEFAULT_INTENDED_USE,
  DEFAULT_PROFILE,
  evaluateAsset,
  evaluateCatalog,
  KB_VERSION,
  licenseFamily,
  normalizeCatalogLicense,
  type CatalogLicenseAsset,
  type LicenseCatalogEntry,
  type LicenseContext,
  type LicenseFamily,
  type LicenseVerdict,
  evaluatePlan,
  type PlanResult,
  type ProductPlan,
} from '@/core/licenses';
import type { CallContext } from '../rpc';
import { getSearchCache, putSearchCache } from '@/db';
import { SEARCH_CACHE_IDS } from '@/core/search/cacheIds';
import { restoreVerdicts, storeVerdicts } from '@/core/licenses/verdictStore';
import { licenseCatalog, licenseCatalogKey, type LicenseCatalog } from './context';
import type {
  AssetLicenseReport,
  LicenseDerivation,
  LicenseIssue,
  LicenseReport,
  LicenseSettings,
  LicenseSweepResult,
} from './types';

/** Kept per settings: switching the intended use back and forth does not sweep again. */
function verdictsCacheId(s: LicenseSettings): string {
  return `${SEARCH_CACHE_IDS.licenseVerdicts}|${settingsKey(s)}`;
}

/** What the kept verdicts were computed for: licence data, catalog fingerprint and settings. */
function verdictsStamp(sweepKey: string): string {
  return `${KB_VERSION}|${sweepKey}`;
}

const VERDICT_ORDER: readonly LicenseVerdict[] = ['conflict', 'review', 'warning', 'ok'];
/** Issues reported with full findings (messages, paths); the rest carry rule codes only. */
const DETAILED_ISSUES = 200;

function keyOf(id: string): string {
  return id.trim().toLowerCase();
}

/** Stable key of the settings (part of every cache key). */
export function settingsKey(s: LicenseSettings): string {
  const u = { ...DEFAULT_INTENDED_USE, ...s.intendedUse };
  return JSON.stringify([
    u.commercial,
    u.redistribute,
    u.hosted_service,
    u.licensee_mau_at_release,
    u.annual_revenue_usd,
    u.licensee_region,
    u.licensee_is_end_user,
    s.profile ?? DEFAULT_PROFILE,
  ]);
}

function contextOf(cat: LicenseCatalog, s: LicenseSettings): LicenseContext {
  return { assets: cat.assets, relations: cat.relations, intendedUse: s.intendedUse, profile: s.profile };
}

type Sweep = { key: string; cat: LicenseCatalog; entries: Record<string, LicenseCatalogEntry>; ms: number };
const sweeps: Sweep[] = [];
const SWEEPS_KEPT = 3;

/** Whole-catalog sweep, cached per (catalog, settings). */
async function sweepFor(s: LicenseSettings): Promise<Sweep> {
  const cat = await licenseCatalog();
  const key = `${cat.key}|${settingsKey(s)}`;
  const hit = sweeps.find((x) => x.key === key);
  if (hit) return hit;
  const t0 = performance.now();
  const entries = evaluateCatalog(contextOf(cat, s));
  const sweep: Sweep = { key, cat, entries, ms: performance.now() - t0 };
  sweeps.unshift(sweep);
  sweeps.length = Math.min(sweeps.length, SWEEPS_KEPT);
  return sweep;
}

function verdictCounts(): Record<LicenseVerdict, number> {
  return { ok: 0, warning: 0, review: 0, conflict: 0 };
}

function rawText(raw: unknown): string {
  if (raw === undefined || raw === null) return '';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  try {
    return JSON.stringify(raw) ?? '';
  } catch {
    return '';
  }
}

function derivation(cat: LicenseCatalog, id: string): LicenseDerivation {
  const at = cat.byKey.get(keyOf(id));
  const asset = at !== undefined ? cat.assets[at] : undefined;
  const norm = normalizeCatalogLicense(
    asset ?? { id, kind: 'unknown', name: id, license: { raw: undefined } },
  );
  const d: LicenseDerivation = {
    id: asset?.id ?? id,
    name: asset?.name ?? id,
    kind: String(asset?.kind ?? 'unknown'),
    inCatalog: asset !== undefined,
    placeholder: asset ? asset.meta?.placeholder === true : true,
    raw: rawText(asset?.license.raw),
    expression: norm.expression,
    confidence: norm.confidence,
    how: norm.how,
    flags: norm.flags ?? [],
    family: licenseFamily(norm.expression),
  };
  if (asset?.license.name) d.licenseName = asset.license.name;
  if (asset?.license.link) d.licenseLink = asset.license.link;
  return d;
}

function nameOf(cat: LicenseCatalog, id: string): string {
  const at = cat.byKey.get(keyOf(id));
  return (at !== undefined ? cat.assets[at]?.name : undefined) ?? id;
}

/** Most assets coloured around one asset. */
const LINEAGE_MAX = 5000;
const adjacency = new WeakMap<LicenseCatalog, { up: Map<string, string[]>; down: Map<string, string[]> }>();

function push(m: Map<string, string[]>, k: string, v: string): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Keys of the asset, all its ancestors and all its descendants (breadth first, capped). */
function lineageKeys(cat: LicenseCatalog, start: string): string[] {
  let adj = adjacency.get(cat);
  if (!adj) {
    adj = { up: new Map(), down: new Map() };
    for (const r of cat.relations) {
      const c = keyOf(r.child);
      const p = keyOf(r.parent);
      if (c === p) continue;
      push(adj.up, c, p);
      push(adj.down, p, c);
    }
    adjacency.set(cat, adj);
  }
  const seen = new Set<string>([start]);
  for (const dir of [adj.up, adj.down]) {
    const queue = [start];
    for (let i = 0; i < queue.length && seen.size < LINEAGE_MAX; i++) {
      for (const next of dir.get(queue[i] ?? '') ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...seen];
}

/** Most asset suggestions a plan's "Add component" box shows. */
const CANDIDATES_MAX = 20;

export const licenseHandlers = {
  /** A product plan's check: the plan as a scenario over the catalog (each component's ancestry), with NOTICE. */
  licensePlan: async (
    args: { plan: ProductPlan },
    _ctx: CallContext,
  ): Promise<PlanResult & { ms: number }> => {
    const cat = await licenseCatalog();
    const t0 = performance.now();
    const result = evaluatePlan(args.plan, cat);
    return { ...result, ms: performance.now() - t0 };
  },

  /** Catalog assets whose id or name contains `q` (ids first), for a plan's "Add component" suggestions. */
  licensePlanCandidates: async (
    args: { q: string; limit?: number },
    _ctx: CallContext,
  ): Promise<{ id: string; name: string; kind: string; license: string }[]> => {
    const q = args.q.trim().toLowerCase();
    if (q === '') return [];
    const cat = await licenseCatalog();
    const limit = Math.min(args.limit ?? 8, CANDIDATES_MAX);
    const byId: CatalogLicenseAsset[] = [];
    const byName: CatalogLicenseAsset[] = [];
    for (const a of cat.assets) {
      if (a.meta?.placeholder === true) continue;
      if (a.id.toLowerCase().includes(q)) byId.push(a);
      else if (a.name.toLowerCase().includes(q)) byName.push(a);
      if (byId.length >= limit) break;
    }
    return [...byId, ...byName].slice(0, limit).map((a) => ({
      id: a.id,
      name: a.name,
      kind: String(a.kind),
      license: normalizeCatalogLicense(a).expression,
    }));
  },

  /** Verdict per asset key for the whole catalog (drives the catalog's "License check" facet). */
  licenseSweep: async (args: LicenseSettings, _ctx: CallContext): Promise<LicenseSweepResult> => {
    // The last sweep's verdicts are kept in the database: a page load on the same catalog and settings
    // (and licence data) reads them instead of reading and evaluating every asset again.
    const key = `${await licenseCatalogKey()}|${settingsKey(args)}`;
    const inMemory = sweeps.some((x) => x.key === key);
    if (!inMemory) {
      const stored = await getSearchCache(verdictsCacheId(args)).catch(() => undefined);
      const back = stored?.stamp === verdictsStamp(key) ? restoreVerdicts(stored.data) : undefined;
      if (back) return { key, verdicts: back.verdicts, assets: back.assets, ms: 0 };
    }
    const sweep = await sweepFor(args);
    const verdicts = Object.create(null) as Record<string, LicenseVerdict>;
    for (const [id, e] of Object.entries(sweep.entries)) verdicts[keyOf(id)] = e.verdict;
    const assets = sweep.cat.assets.length;
    // A sweep answered from memory was kept when it was computed.
    if (inMemory && sweep.key === key) return { key: sweep.key, verdicts, assets, ms: sweep.ms };
    const row = {
      id: verdictsCacheId(args),
      stamp: verdictsStamp(sweep.key),
      json: '',
      data: storeVerdicts(verdicts, assets),
      builtAt: new Date().toISOString(),
    };
    await putSearchCache([row]).catch((e: unknown) => console.warn('licence verdicts not kept', e));
    return { key: sweep.key, verdicts, assets, ms: sweep.ms };
  },

  /**
   * Verdicts of an asset's whole lineage (every ancestor and descendant, up to `LINEAGE_MAX` assets), keyed by
   * asset key: lineage colours on the asset page. From the cached sweep when there is one, else one by one.
   */
  licenseLineageVerdicts: async (
    args: LicenseSettings & { id: string },
    _ctx: CallContext,
  ): Promise<Record<string, LicenseVerdict>> => {
    const cat = await licenseCatalog();
    const sweep = sweeps.find((x) => x.key === `${cat.key}|${settingsKey(args)}`);
    const ctx = contextOf(cat, args);
    const out: Record<string, LicenseVerdict> = {};
    for (const key of lineageKeys(cat, keyOf(args.id))) {
      const at = cat.byKey.get(key);
      const asset = at !== undefined ? cat.assets[at] : undefined;
      if (!asset) continue;
      const e = sweep?.entries[asset.id];
      out[key] = e ? e.verdict : evaluateAsset(asset.id, ctx).verdict;
    }
    return out;
  },

  /** One asset's full check: findings, obligations, how each licence was read, and its NOTICE. */
  licenseAsset: async (
    args: LicenseSettings & { id: string },
    _ctx: CallContext,
  ): Promise<AssetLicenseReport | null> => {
    const cat = await licenseCatalog();
    const at = cat.byKey.get(keyOf(args.id));
    const asset = at !== undefined ? cat.assets[at] : undefined;
    if (!asset) return null;
    const t0 = performance.now();
    const ctx = contextOf(cat, args);
    const evaluation = evaluateAsset(asset.id, ctx);
    const notice = buildNotice(asset.id, ctx);
    const ids = new Set<string>([asset.id, ...Object.keys(evaluation.normalized)]);
    const derivations = [...ids].map((id) => derivation(cat, id));
    const names: Record<string, string> = {};
    for (const f of evaluation.findings)
      for (const p of [...(f.path ?? []), ...(f.asset ? [f.asset] : [])]) names[p] = nameOf(cat, p);
    for (const o of evaluation.obligations) names[o.source] = nameOf(cat, o.source);
    for (const d of derivations) names[d.id] = d.name;
    return {
      id: asset.id,
      name: asset.name,
      key: cat.key,
      evaluation,
      derivations,
      names,
      notice,
      ms: performance.now() - t0,
    };
  },

  /** The catalog report: counts per verdict and per licence family, conflicts and reviews with reasons. */
  licenseReport: async (args: LicenseSettings, _ctx: CallContext): Promise<LicenseReport> => {
    const t0 = performance.now();
    const sweep = await sweepFor(args);
    const { cat } = sweep;
    const byVerdict = verdictCounts();
    const families = new Map<LicenseFamily, { count: number; byVerdict: Record<LicenseVerdict, number> }>();
    const issues: LicenseIssue[] = [];
    for (const a of cat.assets) {
      if (a.meta?.placeholder === true) continue;
      const e = sweep.entries[a.id];
      if (!e) continue;
      byVerdict[e.verdict]++;
      const family = licenseFamily(e.expression);
      let f = families.get(family);
      if (!f) families.set(family, (f = { count: 0, byVerdict: verdictCounts() }));
      f.count++;
      f.byVerdict[e.verdict]++;
      if (e.verdict === 'conflict' || e.verdict === 'review') {
        issues.push({
          id: a.id,
          name: a.name,
          kind: String(a.kind),
          verdict: e.verdict,
          expression: e.expression,
          family,
          codes: e.codes,
          worst: e.worst,
        });
      }
    }
    issues.sort(
      (x, y) =>
        VERDICT_ORDER.indexOf(x.verdict) - VERDICT_ORDER.indexOf(y.verdict) ||
        x.name.localeCompare(y.name) ||
        x.id.localeCompare(y.id),
    );
    const ctx = contextOf(cat, args);
    const names: Record<string, string> = {};
    for (const issue of issues.slice(0, DETAILED_ISSUES)) {
      const r = evaluateAsset(issue.id, ctx);
      issue.reasons = r.findings
        .filter((f) => f.severity !== 'ok')
        .sort((x, y) => VERDICT_ORDER.indexOf(x.severity) - VERDICT_ORDER.indexOf(y.severity))
        .map((f) => ({
          code: f.code,
          severity: f.severity,
          message: f.message,
          path: f.path ?? (f.asset ? [issue.id, f.asset] : [issue.id]),
        }));
      for (const reason of issue.reasons) for (const p of reason.path) names[p] = nameOf(cat, p);
    }
    const byFamily = [...families.entries()]
      .map(([family, v]) => ({ family, ...v }))
      .sort((x, y) => y.count - x.count || x.family.localeCompare(y.family));
    return {
      key: sweep.key,
      generatedAt: new Date().toISOString(),
      settings: args,
      total: cat.real,
      byVerdict,
      byFamily,
      issues,
      names,
      ms: performance.now() - t0,
    };
  },
};

export type LicenseHandlers = typeof licenseHandlers;
