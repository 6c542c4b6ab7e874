/**
 * Evaluation engine: walks the whole ancestry of a target along typed relations (cycle-safe, BFS), applies the
 * KB rules per upstream contribution, picks the best OR-branch per upstream asset, adds merge / consistency /
 * alias checks and folds everything into a verdict (worst finding wins; obligations never change it).
 *
 * Performance: everything derived from one asset's own licence (OR-branches, report expression, lineage ids,
 * declared-branch answers, self-consistency against its parents, merge analysis, effective ids) is computed once
 * per asset and kept on the graph (`GraphAsset.memo`), so a catalog sweep pays it once per asset rather than
 * once per (target, ancestor). The per-target walk uses dense indexes and epoch-stamped scratch arrays, keeps
 * paths only when findings need them, and the lean sweep builds no messages, obligations or report maps.
 */
import type { LicenseAtom, LicenseNode } from './expression';
import { andAll, expressionAtoms, formatExpression, orBranches } from './expression';
import type {
  AssetMemo,
  GraphAsset,
  GraphEdge,
  GraphInputAsset,
  GraphInputEdge,
  LicenseGraph,
} from './graph';
import { assetExpression, buildGraph, graphKey } from './graph';
import { KB, kbFactsId, kbLicense } from './kb';
import type { LicenseInput, NormalizedLicense } from './normalize';
import { normalizeLicense, parseCanonical } from './normalize';
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
} from './types';
import { DEFAULT_INTENDED_USE, DEFAULT_PROFILE } from './types';

/** Upper bound on visited (asset, mode) pairs per target. */
const MAX_VISITS = 20_000;

/** Shared empty path of lean contributions (never mutated). */
const NO_PATH: string[] = [];

const NONE_BRANCHES: LicenseAtom[][] = [[{ type: 'license', id: 'NONE' }]];

function isNothing(node: LicenseNode | null): boolean {
  if (!node) return true;
  return expressionAtoms(node).every((a) => a.id === 'NOASSERTION' || a.id === 'NONE');
}

function factsIdsOf(atoms: Iterable<LicenseAtom>): string[] {
  const ids = new Set<string>();
  for (const a of atoms) ids.add(kbFactsId(a.id) ?? a.id);
  return [...ids];
}

/** Facts derived from an asset's own licence (computed once per asset and graph). */
function memoOf(asset: GraphAsset): AssetMemo {
  let m = asset.memo;
  if (m) return m;
  const node = asset.check ?? asset.node;
  const declared = asset.check ? orBranches(asset.check) : [];
  const flags = asset.norm.flags ?? [];
  m = {
    expr: assetExpression(asset),
    branches: node ? orBranches(node) : NONE_BRANCHES,
    declared,
    declaresNothing: isNothing(asset.check),
    declaredIds: factsIdsOf(declared.flat()),
    atomIds: node ? factsIdsOf(expressionAtoms(node)) : [],
    ambiguous: flags.includes('ambiguous') || flags.includes('multiple'),
  };
  asset.memo = m;
  return m;
}

/** Next contribution mode through an edge (null: the edge does not transmit terms from that mode). */
function nextMode(mode: ContributionMode | null, kind: GraphEdge['kind']): ContributionMode | null {
  switch (mode) {
    case null:
      if (kind === 'deriv') return 'derivative';
      if (kind === 'train') return 'training';
      if (kind === 'gen' || kind === 'outputs') return 'outputs';
      if (kind === 'library') return 'library';
      return null;
    case 'derivative':
      if (kind === 'deriv') return 'derivative';
      if (kind === 'train') return 'training';
      if (kind === 'gen' || kind === 'outputs') return 'outputs';
      return null;
    case 'training':
      return kind === 'deriv' ? 'training' : kind === 'gen' ? 'outputs' : null;
    case 'outputs':
      return kind === 'deriv' ? 'outputs' : null;
    case 'library':
      return kind === 'library' ? 'library' : null;
    default:
      return null;
  }
}

/** Contribution reached from `from` (null: the target) through `edge`, in mode `mode` (from `nextMode`). */
function step(
  from: Contribution | null,
  edge: GraphEdge,
  mode: ContributionMode,
  asset: GraphAsset,
  path: string[],
  depth: number,
): Contribution {
  const c = (rel: string, sameParty: boolean, attrs: Record<string, unknown>): Contribution => ({
    asset,
    mode,
    rel,
    path,
    depth,
    sameParty,
    attrs,
  });
  if (!from) {
    switch (edge.kind) {
      case 'deriv':
        return c(edge.type, true, edge.attrs);
      case 'train':
        return c('trained_on', true, edge.attrs);
      case 'gen':
        return c('generated_by', edge.attrs.same_party === true, edge.attrs);
      case 'outputs':
        return c(edge.type, edge.attrs.same_party !== false, edge.attrs);
      default:
        return c('code_uses_library', true, edge.attrs);
    }
  }
  switch (from.mode) {
    case 'derivative':
      if (edge.kind === 'deriv') return c(from.rel, true, from.attrs);
      if (edge.kind === 'train') return c('trained_on', false, edge.attrs);
      if (edge.kind === 'gen') return c('generated_by', false, edge.attrs);
      return c(edge.type, false, edge.attrs);
    case 'training':
      if (edge.kind === 'deriv') return c('trained_on', false, from.attrs);
      // generated_by: same party only for outputs of the target's own direct training data.
      return c(
        'trained_on->generated_by',
        from.depth === 2 && from.sameParty && edge.attrs.same_party === true,
        edge.attrs,
      );
    case 'outputs':
      return c(from.rel, from.sameParty, from.attrs);
    default:
      return c('code_uses_library', true, from.attrs);
  }
}

const MODE_BIT: Record<ContributionMode, number> = {
  self: 1,
  derivative: 2,
  training: 4,
  outputs: 8,
  library: 16,
};

/**
 * BFS over the ancestry; every (asset, mode) pair once, shortest path first; the target itself is never
 * re-entered. `keepPaths` false: contributions carry `depth` only.
 */
function walk(
  graph: LicenseGraph,
  target: GraphAsset,
  keepPaths: boolean,
): { contributions: Contribution[]; codeParents: GraphAsset[] } {
  const contributions: Contribution[] = [];
  const codeParents: GraphAsset[] = [];
  const sc = graph.scratch;
  const epoch = (sc.epoch = (sc.epoch + 1) >>> 0);
  if (epoch === 0) {
    sc.stamp.fill(0);
    sc.epoch = 1;
  }
  const stamp = sc.stamp;
  const mark = sc.mark;
  const e = sc.epoch;
  const visit = (from: Contribution | null, edge: GraphEdge): void => {
    const asset = edge.to;
    if (asset === target) return;
    const mode = nextMode(from ? from.mode : null, edge.kind);
    if (!mode) return;
    const bit = MODE_BIT[mode];
    const i = asset.idx;
    const mask = stamp[i] === e ? (mark[i] ?? 0) : 0;
    if (mask & bit) return;
    stamp[i] = e;
    mark[i] = mask | bit;
    let path = NO_PATH;
    if (keepPaths) {
      path = (from ? from.path : [target.id]).slice();
      path.push(asset.id);
    }
    contributions.push(step(from, edge, mode, asset, path, from ? from.depth + 1 : 2));
  };
  for (const edge of target.edges) {
    if (edge.kind === 'code') {
      codeParents.push(edge.to);
      continue;
    }
    visit(null, edge);
  }
  for (let i = 0; i < contributions.length && i < MAX_VISITS; i++) {
    const c = contributions[i] as Contribution;
    for (const edge of c.asset.edges) visit(c, edge);
  }
  return { contributions, codeParents };
}

function worstOf(findings: readonly LicenseFinding[]): LicenseVerdict {
  let v: LicenseVerdict = 'ok';
  for (const f of findings) v = worse(v, f.severity);
  return v;
}

const SELF_RELEVANT = new Set([
  'CUSTOM_TERMS_DROPPED',
  'SA_RELICENSE',
  'SA_COLLECTION',
  'NC_RELICENSE',
  'USE_RESTRICTIONS_DROPPED',
  'CDLA_SHARING_ENHANCED',
  'ODBL_DERIVATIVE_DB',
]);
const SELF_USE: IntendedUse = { ...DEFAULT_INTENDED_USE, commercial: false, redistribute: true };

/** Rules a declaration breaks against the asset's own direct parents (memoised per asset). */
function selfIssues(asset: GraphAsset): string[] {
  const memo = memoOf(asset);
  if (memo.selfIssues) return memo.selfIssues;
  memo.selfIssues = [];
  const facts: TargetFacts = {
    target: asset,
    declared: memo.declared,
    declaresNothing: memo.declaresNothing,
    use: SELF_USE,
    profile: 'balanced',
    lineageIds: new Set(),
    hasDerivativeUpstream: true,
    // Only codes and severities are read: no messages or obligations.
    lean: true,
    memo,
  };
  const codes = new Set<string>();
  if (!facts.declaresNothing) {
    for (const edge of asset.edges) {
      if (edge.kind !== 'deriv') continue;
      const parent = edge.to;
      const c: Contribution = {
        asset: parent,
        mode: 'derivative',
        rel: edge.type,
        path: [asset.id, parent.id],
        depth: 2,
        sameParty: true,
        attrs: edge.attrs,
      };
      let best: string[] | null = null;
      for (const branch of memoOf(parent).branches) {
        const sink: RuleSink = { findings: [], obligations: [] };
        applyRules(c, branch, facts, sink);
        const hit = sink.findings
          .filter((f) => SELF_RELEVANT.has(f.code) && f.severity === 'conflict')
          .map((f) => f.code);
        if (best === null || hit.length < best.length) best = hit;
        if (hit.length === 0) break;
      }
      for (const code of best ?? []) codes.add(code);
    }
  }
  const out = [...codes];
  memo.selfIssues = out;
  return out;
}

/** KB ids in force on an asset: its own licence plus those of its derivative ancestors (bounded BFS, memoised). */
function effectiveIds(start: GraphAsset): Set<string> {
  const memo = memoOf(start);
  if (memo.effectiveIds) return memo.effectiveIds;
  const ids = new Set<string>();
  const seen = new Set<GraphAsset>([start]);
  const queue: GraphAsset[] = [start];
  for (let i = 0; i < queue.length && i < 2000; i++) {
    const a = queue[i] as GraphAsset;
    for (const id of memoOf(a).atomIds) ids.add(id);
    for (const e of a.edges) {
      if (e.kind !== 'deriv' || seen.has(e.to)) continue;
      seen.add(e.to);
      queue.push(e.to);
    }
  }
  memo.effectiveIds = ids;
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

/** Merge analysis of an asset with two or more merge parents (memoised; profile-independent). */
function mergeAnalysis(merged: GraphAsset): { incompatible: string[]; agreements: string[] } | null {
  const edges = merged.edges;
  if (edges.length < 2) return null;
  const memo = memoOf(merged);
  if (memo.merge) return memo.merge;
  const parents = edges.filter((e) => e.type === 'merge_of');
  if (parents.length < 2) return null;
  const sets = parents.map((e) => effectiveIds(e.to));
  const incompatible: string[] = [];
  const agreements = new Set<string>();
  for (let i = 0; i < sets.length; i++) {
    const si = sets[i];
    if (!si) continue;
    for (const x of si) {
      const lx = kbLicense(x);
      if (lx?.copyleft === 'agreement-travels' && lx.workTypes.includes('model')) agreements.add(x);
      for (let j = i + 1; j < sets.length; j++) {
        for (const y of sets[j] ?? []) {
          if (x !== y && sameLicenseIncompatible(x, y)) incompatible.push(`${x} + ${y}`);
        }
      }
    }
  }
  memo.merge = { incompatible, agreements: [...agreements] };
  return memo.merge;
}

function mergeFindings(
  merged: GraphAsset,
  path: string[],
  profile: Profile,
  lean: boolean,
  out: LicenseFinding[],
): void {
  const m = mergeAnalysis(merged);
  if (!m) return;
  const rule = (code: string): { severity: LicenseVerdict; message: string; unsettled: boolean } => {
    const r = KB.rules[code];
    const sev = (r?.unsettled && r.overrides?.[profile]) || r?.verdict || 'review';
    return { severity: sev, message: r?.message ?? code, unsettled: Boolean(r?.unsettled) };
  };
  if (m.incompatible.length) {
    const r = rule('MERGE_INCOMPATIBLE');
    out.push({
      code: 'MERGE_INCOMPATIBLE',
      severity: r.severity,
      message: lean ? '' : `${merged.name}: ${m.incompatible.join(', ')}. ${r.message}`,
      asset: merged.id,
      path,
      relation: 'merge_of',
    });
  }
  if (m.agreements.length >= 2) {
    const r = rule('MERGE_STACKED_AGREEMENTS');
    const f: LicenseFinding = {
      code: 'MERGE_STACKED_AGREEMENTS',
      severity: r.severity,
      message: lean ? '' : `${merged.name}: ${m.agreements.join(' + ')}. ${r.message}`,
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

function notInCatalog(targetId: string): LicenseEvaluation {
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
  if (!target) return notInCatalog(targetId);
  const r = evaluateTarget(graph, target, use, profile, lean);
  if (lean) {
    // The lean core skips the report map; lean callers of this function still get the target and code parents.
    r.normalized[target.id] = memoOf(target).expr;
    for (const e of target.edges) if (e.kind === 'code') r.normalized[e.to.id] = memoOf(e.to).expr;
  }
  return r;
}

/**
 * Findings deduplicated by code + asset + relation: first occurrence order, the first finding of the worst
 * severity kept. Same result as a map keyed by `${code}|${asset}|${relation}` (relations never contain `|`).
 */
function dedupFindings(findings: readonly LicenseFinding[]): LicenseFinding[] {
  if (findings.length > 48) {
    const dedupF = new Map<string, LicenseFinding>();
    for (const f of findings) {
      const k = `${f.code}|${f.asset ?? ''}|${f.relation ?? ''}`;
      const prev = dedupF.get(k);
      if (!prev || VERDICT_RANK[f.severity] > VERDICT_RANK[prev.severity]) dedupF.set(k, f);
    }
    return [...dedupF.values()];
  }
  const out: LicenseFinding[] = [];
  for (const f of findings) {
    const asset = f.asset ?? '';
    const relation = f.relation ?? '';
    let j = 0;
    for (; j < out.length; j++) {
      const p = out[j] as LicenseFinding;
      if (p.code === f.code && (p.asset ?? '') === asset && (p.relation ?? '') === relation) break;
    }
    if (j === out.length) out.push(f);
    else if (VERDICT_RANK[f.severity] > VERDICT_RANK[(out[j] as LicenseFinding).severity]) out[j] = f;
  }
  return out;
}

const NO_IDS = new Set<string>();

/**
 * Evaluates a target asset of the graph (`use` complete). `lean`: codes and severities only (no messages,
 * obligations, OR choices, effective expression; `normalized` left empty).
 */
function evaluateTarget(
  graph: LicenseGraph,
  target: GraphAsset,
  use: IntendedUse,
  profile: Profile,
  lean: boolean,
): LicenseEvaluation {
  const { contributions, codeParents } = walk(graph, target, !lean);
  const tm = memoOf(target);
  let hasDerivativeUpstream = false;
  let hasOutputs = false;
  for (const c of contributions) {
    if (c.mode === 'derivative') hasDerivativeUpstream = true;
    else if (c.mode === 'outputs') hasOutputs = true;
  }
  // Lineage ids are only read by the rules on outputs contributions.
  let lineageIds = NO_IDS;
  if (hasOutputs) {
    lineageIds = new Set(tm.declaredIds);
    for (const c of contributions) {
      if (c.mode !== 'derivative') continue;
      for (const id of memoOf(c.asset).atomIds) lineageIds.add(id);
    }
  }
  const facts: TargetFacts = {
    target,
    declared: tm.declared,
    declaresNothing: tm.declaresNothing,
    use,
    profile,
    lineageIds,
    hasDerivativeUpstream,
    lean,
    memo: tm,
  };

  const findings: LicenseFinding[] = [];
  const obligations: LicenseObligation[] = [];
  const orChoice: Record<string, string> = {};
  // Report maps only outside the sweep (100k distinct keys would each add an object shape).
  const normalized: Record<string, string> = {};
  if (!lean) normalized[target.id] = tm.expr;
  const effectiveNodes: LicenseNode[] = [];
  if (target.node && !facts.declaresNothing) effectiveNodes.push(target.node);

  // Group contributions per asset (the OR choice is per upstream asset); the target itself comes first, then
  // assets in order of first appearance. `mark` (scratch) holds group index + 1 for the current epoch.
  const groups: Contribution[][] = [
    [{ asset: target, mode: 'self', rel: 'self', path: [target.id], depth: 1, sameParty: true, attrs: {} }],
  ];
  const sc = graph.scratch;
  const epoch = (sc.epoch = (sc.epoch + 1) >>> 0);
  if (epoch === 0) {
    sc.stamp.fill(0);
    sc.epoch = 1;
  }
  const e = sc.epoch;
  for (const c of contributions) {
    const i = c.asset.idx;
    if (sc.stamp[i] === e) (groups[(sc.mark[i] ?? 0) - 1] as Contribution[]).push(c);
    else {
      sc.stamp[i] = e;
      sc.mark[i] = groups.length + 1;
      groups.push([c]);
      if (!lean) normalized[c.asset.id] = memoOf(c.asset).expr;
    }
  }
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g] as Contribution[];
    const asset = (group[0] as Contribution).asset;
    const branches = memoOf(asset).branches;
    let best: { sink: RuleSink; verdict: LicenseVerdict; branch: LicenseAtom[] } | null = null;
    for (let b = 0; b < branches.length; b++) {
      const branch = branches[b] as LicenseAtom[];
      const sink: RuleSink = { findings: [], obligations: [] };
      for (let k = 0; k < group.length; k++) applyRules(group[k] as Contribution, branch, facts, sink);
      const v = worstOf(sink.findings);
      if (!best || VERDICT_RANK[v] < VERDICT_RANK[best.verdict]) best = { sink, verdict: v, branch };
      if (v === 'ok') break;
    }
    if (!best) continue;
    for (const f of best.sink.findings) findings.push(f);
    for (const o of best.sink.obligations) obligations.push(o);
    if (branches.length > 1 && !lean)
      orChoice[asset.id] = formatExpression(andAll(best.branch) ?? { type: 'license', id: 'NONE' });
    if (!lean && g > 0 && group.some((c) => c.mode === 'derivative')) {
      const chosen = andAll(best.branch);
      if (chosen) effectiveNodes.push(chosen);
    }
  }

  // Licence-value quality and lineage consistency.
  for (const group of groups) {
    const a = (group[0] as Contribution).asset;
    if (!memoOf(a).ambiguous) continue;
    findings.push(
      ruleFinding('AMBIGUOUS_ALIAS', lean ? '' : `${a.name}: '${a.norm.expression}' (${a.norm.how}).`, {
        asset: a.id,
      }),
    );
  }
  let inconsistent: Set<GraphAsset> | null = null;
  for (const c of contributions) {
    if (c.mode === 'library' || inconsistent?.has(c.asset)) continue;
    const issues = selfIssues(c.asset);
    if (issues.length) {
      (inconsistent ??= new Set()).add(c.asset);
      findings.push(
        ruleFinding(
          'UPSTREAM_INCONSISTENT',
          lean
            ? ''
            : `${c.asset.name} declares ${memoOf(c.asset).expr} but breaks ${issues.join(', ')} against its own parents.`,
          { asset: c.asset.id, path: c.path, relation: c.rel },
        ),
      );
    }
  }
  mergeFindings(target, [target.id], profile, lean, findings);
  for (const c of contributions)
    if (c.mode === 'derivative') mergeFindings(c.asset, c.path, profile, lean, findings);
  for (const p of codeParents) {
    const expr = memoOf(p).expr;
    findings.push(
      ruleFinding('CODE_NOT_INHERITED', lean ? '' : `${p.name} (${expr}):`, {
        asset: p.id,
        path: [target.id, p.id],
        relation: 'trained_with_code',
      }),
    );
    if (!lean) normalized[p.id] = expr;
  }

  const finalFindings = dedupFindings(findings).sort(
    (a, b) => VERDICT_RANK[b.severity] - VERDICT_RANK[a.severity],
  );
  let finalObligations = obligations;
  if (!lean) {
    const dedupO = new Map<string, LicenseObligation>();
    for (const o of obligations) dedupO.set(`${o.type}|${o.source}|${o.value ?? ''}`, o);
    finalObligations = [...dedupO.values()];
  }
  const effective = lean ? null : andAll(effectiveNodes);
  return {
    verdict: worstOf(finalFindings),
    normalized,
    findings: finalFindings,
    obligations: finalObligations,
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

type CacheEntry = {
  relations: LicenseContext['relations'];
  graph: LicenseGraph;
  /** Graph asset of each `ctx.assets[i]` (filled by the first sweep). */
  byIndex?: (GraphAsset | undefined)[];
};
const graphCache = new WeakMap<object, CacheEntry>();

/** Graph for a catalog context; cached per (assets, relations) array identity. */
export function catalogGraph(ctx: LicenseContext): LicenseGraph {
  return catalogEntry(ctx).graph;
}

function catalogEntry(ctx: LicenseContext): CacheEntry {
  const cached = graphCache.get(ctx.assets);
  if (cached && cached.relations === ctx.relations) return cached;
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
  const entry: CacheEntry = { relations: ctx.relations, graph };
  graphCache.set(ctx.assets, entry);
  return entry;
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
 * Sweeps every asset of the catalog: shared graph, memoised normalisation and per-asset derived facts, no
 * messages, obligations or report maps (use `evaluateAsset` for the detail of one asset). Keyed by asset id.
 */
export function evaluateCatalog(ctx: LicenseContext): Record<string, LicenseCatalogEntry> {
  const out: Record<string, LicenseCatalogEntry> = {};
  let graph: LicenseGraph;
  let byIndex: (GraphAsset | undefined)[];
  try {
    const entry = catalogEntry(ctx);
    graph = entry.graph;
    byIndex = entry.byIndex ??= ctx.assets.map((a) => graph.assets.get(graphKey(a.id)));
  } catch {
    return out;
  }
  const intendedUse = ctx.intendedUse ?? {};
  const use: IntendedUse = { ...DEFAULT_INTENDED_USE, ...intendedUse };
  const profile = ctx.profile ?? DEFAULT_PROFILE;
  for (let i = 0; i < ctx.assets.length; i++) {
    const a = ctx.assets[i] as CatalogLicenseAsset;
    try {
      const g = byIndex[i];
      const r = g ? evaluateTarget(graph, g, use, profile, true) : notInCatalog(a.id);
      const codes: string[] = [];
      const worst: string[] = [];
      for (const f of r.findings) {
        if (!codes.includes(f.code)) codes.push(f.code);
        if (f.severity === r.verdict && !worst.includes(f.code)) worst.push(f.code);
      }
      out[a.id] = { verdict: r.verdict, expression: g ? memoOf(g).expr : 'NONE', codes, worst };
    } catch {
      out[a.id] = { verdict: 'review', expression: 'NONE', codes: [], worst: [] };
    }
  }
  return out;
}
