/**
 * TEST ORACLE: frozen copy of the pre-optimisation licence evaluation engine (commit b5cd7a6), used by
 * equivalence tests only. Never import it from app code and do not "fix" it: it defines the reference
 * behaviour the optimised engine must reproduce.
 */
/**
 * Evaluation engine: walks the whole ancestry of a target along typed relations (cycle-safe, BFS), applies the
 * KB rules per upstream contribution, picks the best OR-branch per upstream asset, adds merge / consistency /
 * alias checks and folds everything into a verdict (worst finding wins; obligations never change it).
 */
import type { LicenseAtom, LicenseNode } from '../expression';
import { andAll, expressionAtoms, formatExpression, orBranches } from '../expression';
import type { GraphAsset, GraphEdge, GraphInputAsset, GraphInputEdge, LicenseGraph } from './graph';
import { assetExpression, buildGraph, graphKey } from './graph';
import { KB, kbFactsId, kbLicense } from '../kb';
import type { LicenseInput, NormalizedLicense } from '../normalize';
import { normalizeLicense, parseCanonical } from '../normalize';
import type { Contribution, ContributionMode, RuleSink, TargetFacts } from './rules';
import { VERDICT_RANK, applyRules, worse } from './rules';
import type {
  CatalogLicenseAsset,
  IntendedUse,
  LicenseContext,
  LicenseEvaluation,
  LicenseFinding,
  LicenseObligation,
  LicenseVerdict,
  Profile,
} from '../types';
import { DEFAULT_INTENDED_USE, DEFAULT_PROFILE } from '../types';

/** Upper bound on visited (asset, mode) pairs per target. */
const MAX_VISITS = 20_000;

type WalkItem = {
  key: string;
  mode: ContributionMode;
  rel: string;
  path: string[];
  sameParty: boolean;
  attrs: Record<string, unknown>;
};

function step(
  from: WalkItem | null,
  edge: GraphEdge,
  childPathLen: number,
): Omit<WalkItem, 'key' | 'path'> | null {
  const mode = from?.mode ?? 'start';
  switch (mode) {
    case 'start':
      if (edge.kind === 'deriv')
        return { mode: 'derivative', rel: edge.type, sameParty: true, attrs: edge.attrs };
      if (edge.kind === 'train')
        return { mode: 'training', rel: 'trained_on', sameParty: true, attrs: edge.attrs };
      if (edge.kind === 'gen')
        return {
          mode: 'outputs',
          rel: 'generated_by',
          sameParty: edge.attrs.same_party === true,
          attrs: edge.attrs,
        };
      if (edge.kind === 'outputs')
        return {
          mode: 'outputs',
          rel: edge.type,
          sameParty: edge.attrs.same_party !== false,
          attrs: edge.attrs,
        };
      if (edge.kind === 'library')
        return { mode: 'library', rel: 'code_uses_library', sameParty: true, attrs: edge.attrs };
      return null;
    case 'derivative':
      if (edge.kind === 'deriv')
        return { mode: 'derivative', rel: from?.rel ?? edge.type, sameParty: true, attrs: from?.attrs ?? {} };
      if (edge.kind === 'train')
        return { mode: 'training', rel: 'trained_on', sameParty: false, attrs: edge.attrs };
      if (edge.kind === 'gen')
        return { mode: 'outputs', rel: 'generated_by', sameParty: false, attrs: edge.attrs };
      if (edge.kind === 'outputs')
        return { mode: 'outputs', rel: edge.type, sameParty: false, attrs: edge.attrs };
      return null;
    case 'training':
      if (edge.kind === 'deriv')
        return { mode: 'training', rel: 'trained_on', sameParty: false, attrs: from?.attrs ?? {} };
      if (edge.kind === 'gen') {
        const direct = childPathLen === 2 && from?.sameParty === true;
        return {
          mode: 'outputs',
          rel: 'trained_on->generated_by',
          sameParty: direct && edge.attrs.same_party === true,
          attrs: edge.attrs,
        };
      }
      return null;
    case 'outputs':
      if (edge.kind === 'deriv')
        return {
          mode: 'outputs',
          rel: from?.rel ?? edge.type,
          sameParty: from?.sameParty ?? false,
          attrs: from?.attrs ?? {},
        };
      return null;
    case 'library':
      if (edge.kind === 'library')
        return {
          mode: 'library',
          rel: 'code_uses_library',
          sameParty: true,
          attrs: from?.attrs ?? edge.attrs,
        };
      return null;
    default:
      return null;
  }
}

const MODE_BIT: Record<ContributionMode, number> = {
  self: 1,
  derivative: 2,
  training: 4,
  outputs: 8,
  library: 16,
};

/** BFS over the ancestry; every (asset, mode) pair once, shortest path first; the target itself is never re-entered. */
function walk(
  graph: LicenseGraph,
  target: GraphAsset,
): { contributions: Contribution[]; codeParents: GraphAsset[] } {
  const contributions: Contribution[] = [];
  const codeParents: GraphAsset[] = [];
  const seen = new Map<string, number>();
  const visit = (from: WalkItem | null, edge: GraphEdge, pathLen: number, path: string[]): void => {
    if (edge.parent === target.key) return;
    const s = step(from, edge, pathLen);
    if (!s) return;
    const bit = MODE_BIT[s.mode];
    const mask = seen.get(edge.parent) ?? 0;
    if (mask & bit) return;
    seen.set(edge.parent, mask | bit);
    const asset = graph.assets.get(edge.parent);
    if (!asset) return;
    const p = path.slice();
    p.push(asset.id);
    contributions.push({ asset, mode: s.mode, rel: s.rel, path: p, sameParty: s.sameParty, attrs: s.attrs });
  };
  const root = [target.id];
  for (const edge of graph.parents.get(target.key) ?? []) {
    if (edge.kind === 'code') {
      const p = graph.assets.get(edge.parent);
      if (p) codeParents.push(p);
      continue;
    }
    visit(null, edge, 1, root);
  }
  for (let i = 0; i < contributions.length && i < MAX_VISITS; i++) {
    const c = contributions[i] as Contribution;
    const edges = graph.parents.get(c.asset.key);
    if (!edges) continue;
    const item: WalkItem = {
      key: c.asset.key,
      mode: c.mode,
      rel: c.rel,
      path: c.path,
      sameParty: c.sameParty,
      attrs: c.attrs,
    };
    for (const edge of edges) visit(item, edge, c.path.length, c.path);
  }
  return { contributions, codeParents };
}

function branchesOf(asset: GraphAsset): LicenseAtom[][] {
  const node = asset.check ?? asset.node;
  if (!node) return [[{ type: 'license', id: 'NONE' }]];
  return orBranches(node);
}

function isNothing(node: LicenseNode | null): boolean {
  if (!node) return true;
  return expressionAtoms(node).every((a) => a.id === 'NOASSERTION' || a.id === 'NONE');
}

function worstOf(findings: readonly LicenseFinding[]): LicenseVerdict {
  let v: LicenseVerdict = 'ok';
  for (const f of findings) v = worse(v, f.severity);
  return v;
}

/** Rules a declaration breaks against the asset's own direct parents (memoised per asset). */
function selfIssues(graph: LicenseGraph, asset: GraphAsset): string[] {
  const cached = graph.selfIssues.get(asset.key);
  if (cached) return cached;
  graph.selfIssues.set(asset.key, []);
  const declared = asset.check ? orBranches(asset.check) : [];
  const facts: TargetFacts = {
    target: asset,
    declared,
    declaresNothing: isNothing(asset.check),
    use: { ...DEFAULT_INTENDED_USE, commercial: false, redistribute: true },
    profile: 'balanced',
    lineageIds: new Set(),
    hasDerivativeUpstream: true,
  };
  const codes = new Set<string>();
  const relevant = new Set([
    'CUSTOM_TERMS_DROPPED',
    'SA_RELICENSE',
    'SA_COLLECTION',
    'NC_RELICENSE',
    'USE_RESTRICTIONS_DROPPED',
    'CDLA_SHARING_ENHANCED',
    'ODBL_DERIVATIVE_DB',
  ]);
  if (!facts.declaresNothing) {
    for (const edge of graph.parents.get(asset.key) ?? []) {
      if (edge.kind !== 'deriv') continue;
      const parent = graph.assets.get(edge.parent);
      if (!parent) continue;
      const c: Contribution = {
        asset: parent,
        mode: 'derivative',
        rel: edge.type,
        path: [asset.id, parent.id],
        sameParty: true,
        attrs: edge.attrs,
      };
      let best: string[] | null = null;
      for (const branch of branchesOf(parent)) {
        const sink: RuleSink = { findings: [], obligations: [] };
        applyRules(c, branch, facts, sink);
        const hit = sink.findings
          .filter((f) => relevant.has(f.code) && f.severity === 'conflict')
          .map((f) => f.code);
        if (best === null || hit.length < best.length) best = hit;
        if (hit.length === 0) break;
      }
      for (const code of best ?? []) codes.add(code);
    }
  }
  const out = [...codes];
  graph.selfIssues.set(asset.key, out);
  return out;
}

/** KB ids in force on an asset: its own licence plus those of its derivative ancestors (bounded BFS). */
function effectiveIds(graph: LicenseGraph, start: GraphAsset): Set<string> {
  const ids = new Set<string>();
  const seen = new Set<string>([start.key]);
  const queue: GraphAsset[] = [start];
  for (let i = 0; i < queue.length && i < 2000; i++) {
    const a = queue[i] as GraphAsset;
    const node = a.check ?? a.node;
    if (node) for (const at of expressionAtoms(node)) ids.add(kbFactsId(at.id) ?? at.id);
    for (const e of graph.parents.get(a.key) ?? []) {
      if (e.kind !== 'deriv' || seen.has(e.parent)) continue;
      seen.add(e.parent);
      const p = graph.assets.get(e.parent);
      if (p) queue.push(p);
    }
  }
  return ids;
}

function sameLicenseIncompatible(x: string, y: string): boolean {
  const lx = kbLicense(x);
  const ly = kbLicense(y);
  const sx = lx && ['share-alike', 'strong', 'network'].includes(lx.copyleft);
  const sy = ly && ['share-alike', 'strong', 'network'].includes(ly.copyleft);
  const cells = KB.osadl?.cells;
  if (sx && cells?.[x]?.[y] === 'No') return true;
  if (sy && cells?.[y]?.[x] === 'No') return true;
  if (!sx || !sy || !lx || !ly) return false;
  const cx = new Set([x, ...lx.compatibleOutbound]);
  const cy = new Set([y, ...ly.compatibleOutbound]);
  if (cx.has(y) || cy.has(x)) return false;
  for (const z of cx) if (cy.has(z)) return false;
  return true;
}

function mergeFindings(
  graph: LicenseGraph,
  merged: GraphAsset,
  path: string[],
  profile: Profile,
  out: LicenseFinding[],
): void {
  const edges = graph.parents.get(merged.key);
  if (!edges || edges.length < 2) return;
  const parents = edges.filter((e) => e.type === 'merge_of');
  if (parents.length < 2) return;
  const sets = parents.map((e) => {
    const p = graph.assets.get(e.parent);
    return { asset: p, ids: p ? effectiveIds(graph, p) : new Set<string>() };
  });
  const incompatible: string[] = [];
  const agreements = new Set<string>();
  for (let i = 0; i < sets.length; i++) {
    const si = sets[i];
    if (!si) continue;
    for (const x of si.ids) {
      const lx = kbLicense(x);
      if (lx?.copyleft === 'agreement-travels' && lx.workTypes.includes('model')) agreements.add(x);
      for (let j = i + 1; j < sets.length; j++) {
        for (const y of sets[j]?.ids ?? []) {
          if (x !== y && sameLicenseIncompatible(x, y)) incompatible.push(`${x} + ${y}`);
        }
      }
    }
  }
  const rule = (code: string): { severity: LicenseVerdict; message: string; unsettled: boolean } => {
    const r = KB.rules[code];
    const sev = (r?.unsettled && r.overrides?.[profile]) || r?.verdict || 'review';
    return { severity: sev, message: r?.message ?? code, unsettled: Boolean(r?.unsettled) };
  };
  if (incompatible.length) {
    const r = rule('MERGE_INCOMPATIBLE');
    out.push({
      code: 'MERGE_INCOMPATIBLE',
      severity: r.severity,
      message: `${merged.name}: ${incompatible.join(', ')}. ${r.message}`,
      asset: merged.id,
      path,
      relation: 'merge_of',
    });
  }
  if (agreements.size >= 2) {
    const r = rule('MERGE_STACKED_AGREEMENTS');
    const f: LicenseFinding = {
      code: 'MERGE_STACKED_AGREEMENTS',
      severity: r.severity,
      message: `${merged.name}: ${[...agreements].join(' + ')}. ${r.message}`,
      asset: merged.id,
      path,
      relation: 'merge_of',
    };
    if (r.unsettled) f.unsettled = true;
    out.push(f);
  }
}

function ruleFinding(code: string, detail: string, extra: Partial<LicenseFinding>): LicenseFinding {
  const r = KB.rules[code];
  return {
    code,
    severity: r?.verdict ?? 'warning',
    message: `${detail} ${r?.message ?? ''}`.trim(),
    ...extra,
  };
}

/** Evaluates one target in a prepared graph. */
export function evaluateInGraph(
  graph: LicenseGraph,
  targetId: string,
  intendedUse: Partial<IntendedUse> = {},
  profile: Profile = DEFAULT_PROFILE,
  lean = false,
): LicenseEvaluation {
  const use: IntendedUse = { ...DEFAULT_INTENDED_USE, ...intendedUse };
  const target = graph.assets.get(graphKey(targetId));
  if (!target) {
    return {
      verdict: 'review',
      normalized: {},
      findings: [
        {
          code: 'UNKNOWN_LICENSE',
          severity: 'review',
          message: `Asset '${targetId}' is not in the catalog.`,
        },
      ],
      obligations: [],
      orChoice: {},
      effective: 'NONE',
    };
  }
  const { contributions, codeParents } = walk(graph, target);
  const declared = target.check ? orBranches(target.check) : [];
  const lineageIds = new Set<string>();
  for (const b of declared) for (const a of b) lineageIds.add(kbFactsId(a.id) ?? a.id);
  for (const c of contributions) {
    if (c.mode !== 'derivative') continue;
    const node = c.asset.check ?? c.asset.node;
    if (node) for (const a of expressionAtoms(node)) lineageIds.add(kbFactsId(a.id) ?? a.id);
  }
  const facts: TargetFacts = {
    target,
    declared,
    declaresNothing: isNothing(target.check),
    use,
    profile,
    lineageIds,
    hasDerivativeUpstream: contributions.some((c) => c.mode === 'derivative'),
    lean,
  };

  const findings: LicenseFinding[] = [];
  const obligations: LicenseObligation[] = [];
  const orChoice: Record<string, string> = {};
  const normalized: Record<string, string> = { [target.id]: assetExpression(target) };
  const effectiveNodes: LicenseNode[] = [];
  if (target.node && !facts.declaresNothing) effectiveNodes.push(target.node);

  // Group contributions per asset (the OR choice is per upstream asset); the target itself comes first.
  const groups = new Map<string, Contribution[]>();
  groups.set(target.key, [
    { asset: target, mode: 'self', rel: 'self', path: [target.id], sameParty: true, attrs: {} },
  ]);
  for (const c of contributions) {
    if (!lean) normalized[c.asset.id] = assetExpression(c.asset);
    const list = groups.get(c.asset.key);
    if (list) list.push(c);
    else groups.set(c.asset.key, [c]);
  }
  for (const [key, group] of groups) {
    const asset = group[0]?.asset;
    if (!asset) continue;
    const branches = branchesOf(asset);
    let best: { sink: RuleSink; verdict: LicenseVerdict; branch: LicenseAtom[] } | null = null;
    for (const branch of branches) {
      const sink: RuleSink = { findings: [], obligations: [] };
      for (const c of group) applyRules(c, branch, facts, sink);
      const v = worstOf(sink.findings);
      if (!best || VERDICT_RANK[v] < VERDICT_RANK[best.verdict]) best = { sink, verdict: v, branch };
      if (v === 'ok') break;
    }
    if (!best) continue;
    findings.push(...best.sink.findings);
    obligations.push(...best.sink.obligations);
    if (branches.length > 1 && !lean)
      orChoice[asset.id] = formatExpression(andAll(best.branch) ?? { type: 'license', id: 'NONE' });
    if (!lean && key !== target.key && group.some((c) => c.mode === 'derivative')) {
      const chosen = andAll(best.branch);
      if (chosen) effectiveNodes.push(chosen);
    }
  }

  // Licence-value quality and lineage consistency.
  const seenAssets = new Set<string>();
  for (const a of [target, ...contributions.map((c) => c.asset)]) {
    if (seenAssets.has(a.key)) continue;
    seenAssets.add(a.key);
    const flags = a.norm.flags ?? [];
    if (flags.includes('ambiguous') || flags.includes('multiple')) {
      findings.push(
        ruleFinding('AMBIGUOUS_ALIAS', `${a.name}: '${a.norm.expression}' (${a.norm.how}).`, { asset: a.id }),
      );
    }
  }
  const inconsistent = new Set<string>();
  for (const c of contributions) {
    if (c.mode === 'library' || inconsistent.has(c.asset.key)) continue;
    const issues = selfIssues(graph, c.asset);
    if (issues.length) {
      inconsistent.add(c.asset.key);
      findings.push(
        ruleFinding(
          'UPSTREAM_INCONSISTENT',
          `${c.asset.name} declares ${assetExpression(c.asset)} but breaks ${issues.join(', ')} against its own parents.`,
          { asset: c.asset.id, path: c.path, relation: c.rel },
        ),
      );
    }
  }
  mergeFindings(graph, target, [target.id], profile, findings);
  for (const c of contributions)
    if (c.mode === 'derivative') mergeFindings(graph, c.asset, c.path, profile, findings);
  for (const p of codeParents) {
    findings.push(
      ruleFinding('CODE_NOT_INHERITED', `${p.name} (${assetExpression(p)}):`, {
        asset: p.id,
        path: [target.id, p.id],
        relation: 'trained_with_code',
      }),
    );
    normalized[p.id] = assetExpression(p);
  }

  const dedupF = new Map<string, LicenseFinding>();
  for (const f of findings) {
    const k = `${f.code}|${f.asset ?? ''}|${f.relation ?? ''}`;
    const prev = dedupF.get(k);
    if (!prev || VERDICT_RANK[f.severity] > VERDICT_RANK[prev.severity]) dedupF.set(k, f);
  }
  const dedupO = new Map<string, LicenseObligation>();
  for (const o of obligations) dedupO.set(`${o.type}|${o.source}|${o.value ?? ''}`, o);
  const finalFindings = [...dedupF.values()].sort(
    (a, b) => VERDICT_RANK[b.severity] - VERDICT_RANK[a.severity],
  );
  const effective = lean ? null : andAll(effectiveNodes);
  return {
    verdict: worstOf(finalFindings),
    normalized,
    findings: finalFindings,
    obligations: [...dedupO.values()],
    orChoice,
    effective: effective ? formatExpression(effective) : 'NONE',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Scenario (license-cases.json shape)

/** Licence input of a case asset (`format`: hf | spdx | text | croissant | cyclonedx | none). */
export type LicenseCaseInput = {
  format?: string;
  license?: unknown;
  license_name?: string;
  license_link?: string;
  value?: unknown;
} & Record<string, unknown>;

export type LicenseCaseAsset = {
  id: string;
  kind?: string;
  name?: string;
  license_input?: LicenseCaseInput | null;
  meta?: Record<string, unknown>;
};
export type LicenseCaseRelation = {
  child: string;
  type: string;
  parent: string;
  attrs?: Record<string, unknown>;
};

/** One case of license-cases.json (variants already applied). */
export type LicenseScenario = {
  id?: string;
  title?: string;
  /** `balanced` unless stated; unknown values fall back to balanced. */
  profile?: string;
  assets: LicenseCaseAsset[];
  relations: LicenseCaseRelation[];
  target: string;
  intended_use?: Partial<IntendedUse>;
};

/** Converts a case `license_input` into a normaliser input. */
export function licenseInputFromCase(li: LicenseCaseInput | null | undefined): LicenseInput {
  if (!li || typeof li !== 'object') return { raw: undefined };
  const fmt = String(li.format ?? 'auto');
  const out: LicenseInput = { raw: undefined };
  if (typeof li.license_name === 'string') out.name = li.license_name;
  if (typeof li.license_link === 'string') out.link = li.license_link;
  switch (fmt) {
    case 'none':
      return { raw: undefined };
    case 'hf':
      return { ...out, raw: li.license, format: 'hf' };
    case 'spdx':
    case 'text':
    case 'croissant':
    case 'cyclonedx':
      return { ...out, raw: li.value ?? li.license, format: fmt };
    default:
      return { ...out, raw: li.value ?? li.license, format: 'auto' };
  }
}

function asProfile(p: unknown): Profile {
  return p === 'conservative' || p === 'permissive' ? p : 'balanced';
}

/** Evaluates one scenario in the license-cases.json shape. Never throws. */
export function evaluateLicenses(scenario: LicenseScenario): LicenseEvaluation {
  try {
    const assets: GraphInputAsset[] = (scenario.assets ?? []).map((a) => ({
      id: a.id,
      kind: a.kind ?? 'unknown',
      name: a.name ?? a.id,
      norm: normalizeLicense(licenseInputFromCase(a.license_input)),
      meta: a.meta ?? {},
    }));
    const relations: GraphInputEdge[] = (scenario.relations ?? []).map((r) => ({
      child: r.child,
      type: r.type,
      parent: r.parent,
      attrs: r.attrs ?? {},
    }));
    const graph = buildGraph(assets, relations);
    const result = evaluateInGraph(
      graph,
      scenario.target,
      scenario.intended_use ?? {},
      asProfile(scenario.profile),
    );
    const normalized: Record<string, string> = {};
    for (const a of assets) normalized[a.id] = a.norm.expression;
    return { ...result, normalized: { ...normalized, ...result.normalized } };
  } catch (err) {
    return {
      verdict: 'review',
      normalized: {},
      findings: [
        {
          code: 'UNKNOWN_LICENSE',
          severity: 'review',
          message: `Scenario could not be evaluated: ${String(err)}`,
        },
      ],
      obligations: [],
      orChoice: {},
      effective: 'NONE',
    };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Catalog

/** Normalises a catalog asset's licence, preferring a stored `normalized` value when it parses. */
export function normalizeCatalogLicense(asset: CatalogLicenseAsset): NormalizedLicense {
  const lic = asset.license ?? { raw: undefined };
  const hasRaw = lic.raw !== undefined || Boolean(lic.name) || Boolean(lic.link);
  const fromRaw = hasRaw
    ? normalizeLicense({ raw: lic.raw, name: lic.name, link: lic.link, format: 'auto' })
    : null;
  if (lic.normalized && lic.normalized.trim()) {
    const node = parseCanonical(lic.normalized);
    if (node) {
      const expression = formatExpression(node);
      if (fromRaw && fromRaw.expression === expression) return fromRaw;
      return { expression, confidence: 'exact', how: 'stored normalised value' };
    }
  }
  return fromRaw ?? normalizeLicense({ raw: undefined });
}

type CacheEntry = { relations: LicenseContext['relations']; graph: LicenseGraph };
const graphCache = new WeakMap<object, CacheEntry>();

/** Graph for a catalog context; cached per (assets, relations) array identity. */
export function catalogGraph(ctx: LicenseContext): LicenseGraph {
  const cached = graphCache.get(ctx.assets);
  if (cached && cached.relations === ctx.relations) return cached.graph;
  const memo = new Map<string, NormalizedLicense>();
  const normalizeMemo = (a: CatalogLicenseAsset): NormalizedLicense => {
    const l = a.license ?? { raw: undefined };
    if (l.raw !== undefined && l.raw !== null && typeof l.raw === 'object') return normalizeCatalogLicense(a);
    const key = `${typeof l.raw}\u0000${String(l.raw)}\u0000${l.name ?? ''}\u0000${l.link ?? ''}\u0000${l.normalized ?? ''}`;
    let n = memo.get(key);
    if (!n) {
      n = normalizeCatalogLicense(a);
      memo.set(key, n);
    }
    return n;
  };
  const assets: GraphInputAsset[] = ctx.assets.map((a) => {
    const g: GraphInputAsset = {
      id: a.id,
      kind: a.kind,
      name: a.name || a.id,
      norm: normalizeMemo(a),
      meta: a.meta ?? {},
      tags: a.tags ?? [],
    };
    if (a.pipelineTag) g.pipelineTag = a.pipelineTag;
    return g;
  });
  const graph = buildGraph(assets, ctx.relations);
  graphCache.set(ctx.assets, { relations: ctx.relations, graph });
  return graph;
}

/**
 * Evaluates one catalog asset (by id, case-insensitive) against its whole ancestry for the context's intended use
 * and profile. Graph and per-asset work are cached between calls with the same arrays.
 */
export function evaluateAsset(targetId: string, ctx: LicenseContext): LicenseEvaluation {
  try {
    return evaluateInGraph(
      catalogGraph(ctx),
      targetId,
      ctx.intendedUse ?? {},
      ctx.profile ?? DEFAULT_PROFILE,
    );
  } catch (err) {
    return {
      verdict: 'review',
      normalized: {},
      findings: [
        {
          code: 'UNKNOWN_LICENSE',
          severity: 'review',
          message: `Asset could not be evaluated: ${String(err)}`,
        },
      ],
      obligations: [],
      orChoice: {},
      effective: 'NONE',
    };
  }
}

/** Compact per-asset result of a catalog sweep. */
export type LicenseCatalogEntry = {
  verdict: LicenseVerdict;
  /** The asset's own canonical expression. */
  expression: string;
  /** Distinct rule codes found, worst first. */
  codes: string[];
  /** Codes of the findings that set the verdict. */
  worst: string[];
};

/**
 * Sweeps every asset of the catalog: shared graph, memoised normalisation and upstream self-checks, no messages
 * or obligations (use `evaluateAsset` for the detail of one asset). Keyed by asset id.
 */
export function evaluateCatalog(ctx: LicenseContext): Record<string, LicenseCatalogEntry> {
  const out: Record<string, LicenseCatalogEntry> = {};
  let graph: LicenseGraph;
  try {
    graph = catalogGraph(ctx);
  } catch {
    return out;
  }
  const use = ctx.intendedUse ?? {};
  const profile = ctx.profile ?? DEFAULT_PROFILE;
  for (const a of ctx.assets) {
    try {
      const r = evaluateInGraph(graph, a.id, use, profile, true);
      const codes: string[] = [];
      const worst: string[] = [];
      for (const f of r.findings) {
        if (!codes.includes(f.code)) codes.push(f.code);
        if (f.severity === r.verdict && !worst.includes(f.code)) worst.push(f.code);
      }
      const g = graph.assets.get(graphKey(a.id));
      out[a.id] = { verdict: r.verdict, expression: g ? assetExpression(g) : 'NONE', codes, worst };
    } catch {
      out[a.id] = { verdict: 'review', expression: 'NONE', codes: [], worst: [] };
    }
  }
  return out;
}
