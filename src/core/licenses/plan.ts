/**
 * Product plans: a work the person is about to build from catalog assets (its name, its own licence, its intended
 * use and its components, each with how the product uses it). A plan is evaluated as a licence scenario with the
 * product as `target` and each component's catalog ancestry: the same `evaluateLicenses` that answers the
 * public cases answers the plan (no second evaluator). Pure.
 */
import { evaluateLicenses, normalizeCatalogLicense } from './evaluate';
import type { LicenseCaseAsset, LicenseCaseInput, LicenseCaseRelation, LicenseScenario } from './evaluate';
import { graphKey } from './graph';
import { noticeText } from './notice';
import { remedyFor } from './remedy';
import type {
  CatalogLicenseAsset,
  CatalogLicenseRelation,
  IntendedUse,
  LicenseEvaluation,
  LicenseFinding,
  LicenseObligation,
  LicenseVerdict,
} from './types';
import { DEFAULT_INTENDED_USE } from './types';

/** How the product uses a component. */
export const COMPONENT_USES = [
  'fine-tune',
  'merge',
  'distill',
  'quantize',
  'train-on',
  'evaluate-on',
  'static-link',
  'dynamic-link',
  'network-api',
] as const;
export type ComponentUse = (typeof COMPONENT_USES)[number];

export const COMPONENT_USE_LABELS: Readonly<Record<ComponentUse, string>> = {
  'fine-tune': 'Fine-tunes it',
  merge: 'Merges it',
  distill: 'Distills from it',
  quantize: 'Quantizes it',
  'train-on': 'Trains on it',
  'evaluate-on': 'Evaluates on it',
  'static-link': 'Library, static linking',
  'dynamic-link': 'Library, dynamic linking',
  'network-api': 'Calls it over a network API',
};

/** Relation (product -> component) and attributes of each use. */
const USE_RELATION: Readonly<Record<ComponentUse, { type: string; attrs?: Record<string, unknown> }>> = {
  'fine-tune': { type: 'finetune_of' },
  merge: { type: 'merge_of' },
  // The product's maker generates the teacher's outputs itself (and so accepts the teacher's terms).
  distill: { type: 'distilled_from', attrs: { same_party: true } },
  quantize: { type: 'quantized_of' },
  'train-on': { type: 'trained_on' },
  'evaluate-on': { type: 'evaluated_on' },
  'static-link': { type: 'code_uses_library', attrs: { link_mode: 'static' } },
  'dynamic-link': { type: 'code_uses_library', attrs: { link_mode: 'dynamic' } },
  'network-api': { type: 'code_uses_library', attrs: { link_mode: 'network-api' } },
};

/** Uses whose result is a model (the product is then a model for the rules on outputs and naming). */
const MODEL_USES: ReadonlySet<ComponentUse> = new Set([
  'fine-tune',
  'merge',
  'distill',
  'quantize',
  'train-on',
]);

export type PlanComponent = {
  /** Catalog asset id. */
  assetId: string;
  use: ComponentUse;
  modified: boolean;
  sourceOffered: boolean;
};

/** Profiles a plan offers (the engine's `permissive` is left to the catalog settings). */
export const PLAN_PROFILES = ['balanced', 'conservative'] as const;
export type PlanProfile = (typeof PLAN_PROFILES)[number];

export type ProductPlan = {
  id: string;
  name: string;
  /** The product's own licence: an SPDX expression or its own terms (`LicenseRef-Proprietary`). */
  license: string;
  intendedUse: IntendedUse;
  profile: PlanProfile;
  components: PlanComponent[];
  createdAt: string;
  updatedAt: string;
};

/** What a plan reads from the catalog (the licence worker's catalog view has this shape). */
export type PlanCatalog = {
  assets: readonly CatalogLicenseAsset[];
  relations: readonly CatalogLicenseRelation[];
};

/** Default use of a component by its kind. */
export function defaultUse(kind: string): ComponentUse {
  if (kind === 'dataset') return 'train-on';
  if (kind === 'model') return 'fine-tune';
  return 'dynamic-link';
}

/** A new plan: a proprietary, commercial, redistributed product (the most demanding common case). */
export function newPlan(init: {
  id: string;
  now: string;
  name?: string;
  components?: PlanComponent[];
}): ProductPlan {
  return {
    id: init.id,
    name: init.name?.trim() || 'Untitled product',
    license: 'LicenseRef-Proprietary',
    intendedUse: { ...DEFAULT_INTENDED_USE },
    profile: 'balanced',
    components: init.components ?? [],
    createdAt: init.now,
    updatedAt: init.now,
  };
}

/** A component for a catalog asset, with the default use for its kind. */
export function newComponent(assetId: string, kind: string): PlanComponent {
  return { assetId, use: defaultUse(kind), modified: false, sourceOffered: false };
}

/** Id of the product in the scenario (kept apart from catalog ids). */
export function productId(plan: Pick<ProductPlan, 'id'>): string {
  return `plan:${plan.id}`;
}

/** A catalog asset's licence as a case input (the stored normalised value when it is what the engine reads). */
function caseInput(a: CatalogLicenseAsset): LicenseCaseInput | null {
  const norm = normalizeCatalogLicense(a);
  if (norm.how === 'stored normalised value') return { format: 'spdx', value: norm.expression };
  const lic = a.license ?? { raw: undefined };
  if (lic.raw === undefined && !lic.name && !lic.link) return null;
  const out: LicenseCaseInput = { format: 'auto', value: lic.raw };
  if (lic.name) out.license_name = lic.name;
  if (lic.link) out.license_link = lic.link;
  return out;
}

function caseAsset(a: CatalogLicenseAsset): LicenseCaseAsset {
  const meta: Record<string, unknown> = { ...(a.meta ?? {}) };
  return { id: a.id, kind: String(a.kind), name: a.name || a.id, license_input: caseInput(a), meta };
}

/**
 * The plan as a licence scenario: the product (target, own terms), one relation per component, and every
 * component's ancestry from the catalog (assets and relations reached from the components). Components missing
 * from the catalog stay in as assets without a licence, so the engine reports them.
 */
export function planScenario(plan: ProductPlan, catalog: PlanCatalog): LicenseScenario {
  const target = productId(plan);
  const byKey = new Map<string, CatalogLicenseAsset>();
  for (const a of catalog.assets) byKey.set(graphKey(a.id), a);
  const parents = new Map<string, CatalogLicenseRelation[]>();
  for (const r of catalog.relations) {
    const k = graphKey(r.child);
    const list = parents.get(k);
    if (list) list.push(r);
    else parents.set(k, [r]);
  }
  const assets: LicenseCaseAsset[] = [
    {
      id: target,
      kind: plan.components.some((c) => MODEL_USES.has(c.use)) ? 'model' : 'software',
      name: plan.name,
      license_input: plan.license.trim() ? { format: 'spdx', value: plan.license.trim() } : null,
      meta: { own_terms: true },
    },
  ];
  const relations: LicenseCaseRelation[] = [];
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const c of plan.components) {
    const rel = USE_RELATION[c.use];
    relations.push({
      child: target,
      type: rel.type,
      parent: c.assetId,
      attrs: { ...rel.attrs, modified: c.modified, source_offered: c.sourceOffered },
    });
    queue.push(graphKey(c.assetId));
  }
  for (let i = 0; i < queue.length; i++) {
    const key = queue[i] as string;
    if (seen.has(key)) continue;
    seen.add(key);
    const a = byKey.get(key);
    if (a) assets.push(caseAsset(a));
    else if (i < plan.components.length) {
      const id = plan.components[i]?.assetId ?? key;
      assets.push({ id, kind: 'unknown', name: id, license_input: null });
    }
    for (const r of parents.get(key) ?? []) {
      relations.push({
        child: r.child,
        type: r.type,
        parent: r.parent,
        ...(r.attrs ? { attrs: r.attrs } : {}),
      });
      queue.push(graphKey(r.parent));
    }
  }
  return {
    id: target,
    title: plan.name,
    profile: plan.profile,
    assets,
    relations,
    target,
    intended_use: plan.intendedUse,
  };
}

export type PlanFinding = LicenseFinding & { remedy?: string };

export type PlanResult = {
  productId: string;
  verdict: LicenseVerdict;
  findings: PlanFinding[];
  obligations: LicenseObligation[];
  /** asset id (and the product's id) -> canonical expression. */
  normalized: Record<string, string>;
  effective: string;
  /** asset id (and the product's id) -> display name. */
  names: Record<string, string>;
  /** Component ids that are not in the catalog. */
  missing: string[];
  notice: string;
};

/** Evaluates a plan against the catalog: verdict, findings with their paths and remedies, obligations, NOTICE. */
export function evaluatePlan(plan: ProductPlan, catalog: PlanCatalog): PlanResult {
  const scenario = planScenario(plan, catalog);
  const evaluation: LicenseEvaluation = evaluateLicenses(scenario);
  const names: Record<string, string> = {};
  for (const a of scenario.assets) names[a.id] = a.name ?? a.id;
  const known = new Set(catalog.assets.map((a) => graphKey(a.id)));
  const missing = plan.components.filter((c) => !known.has(graphKey(c.assetId))).map((c) => c.assetId);
  const findings = evaluation.findings.map((f): PlanFinding => {
    const remedy = remedyFor(f, names, evaluation.normalized);
    return remedy ? { ...f, remedy } : f;
  });
  const target = { id: scenario.target, name: plan.name };
  return {
    productId: scenario.target,
    verdict: evaluation.verdict,
    findings,
    obligations: evaluation.obligations,
    normalized: evaluation.normalized,
    effective: evaluation.effective,
    names,
    missing,
    notice: noticeText(target, evaluation, (id) => names[id]),
  };
}

/** Identity of a finding across two evaluations (rule, asset, relation, severity). */
export function findingKey(f: LicenseFinding): string {
  return `${f.code}|${f.asset ?? ''}|${f.relation ?? ''}|${f.severity}`;
}

/** Findings that appeared and disappeared between two evaluations (what-if). */
export function diffFindings(
  before: readonly LicenseFinding[],
  after: readonly LicenseFinding[],
): { appeared: LicenseFinding[]; disappeared: LicenseFinding[] } {
  const b = new Set(before.map(findingKey));
  const a = new Set(after.map(findingKey));
  return {
    appeared: after.filter((f) => !b.has(findingKey(f))),
    disappeared: before.filter((f) => !a.has(findingKey(f))),
  };
}

export const PLAN_REPORT_FORMAT = 'tarn-plan-report';

/** The compliance report of a plan (JSON download). */
export function planReport(
  plan: ProductPlan,
  result: PlanResult,
  meta: { generatedAt: string; kbVersion: string },
): Record<string, unknown> {
  return {
    format: PLAN_REPORT_FORMAT,
    version: 1,
    generatedAt: meta.generatedAt,
    kbVersion: meta.kbVersion,
    product: { name: plan.name, license: plan.license, intendedUse: plan.intendedUse, profile: plan.profile },
    components: plan.components.map((c) => ({
      ...c,
      name: result.names[c.assetId] ?? c.assetId,
      license: result.normalized[c.assetId] ?? 'NONE',
      inCatalog: !result.missing.includes(c.assetId),
    })),
    verdict: result.verdict,
    findings: result.findings.map((f) => ({
      ...f,
      path: (f.path ?? []).map((id) => result.names[id] ?? id),
    })),
    obligations: result.obligations.map((o) => ({ ...o, source: result.names[o.source] ?? o.source })),
    notice: result.notice,
    disclaimer: 'Generated by Tarn; not legal advice.',
  };
}

function str(v: unknown, fallback: string, max = 1000): string {
  return typeof v === 'string' ? v.slice(0, max) : fallback;
}

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** Reads a plan from untrusted JSON (an import): a clean plan, or a reason. Never throws. */
export function readPlan(x: unknown): { ok: true; plan: ProductPlan } | { ok: false; error: string } {
  const o = record(x);
  if (!o) return { ok: false, error: 'a plan is not an object' };
  if (typeof o.id !== 'string' || o.id.trim() === '' || o.id.length > 200)
    return { ok: false, error: 'a plan has no valid id' };
  if (!Array.isArray(o.components)) return { ok: false, error: `plan ${o.id} has no component list` };
  const u = record(o.intendedUse) ?? {};
  const d = DEFAULT_INTENDED_USE;
  const components: PlanComponent[] = [];
  for (const c of o.components.slice(0, 500)) {
    const r = record(c);
    if (!r || typeof r.assetId !== 'string' || r.assetId.trim() === '') continue;
    const use = COMPONENT_USES.find((x) => x === r.use) ?? 'fine-tune';
    components.push({
      assetId: r.assetId.slice(0, 1000),
      use,
      modified: bool(r.modified, false),
      sourceOffered: bool(r.sourceOffered, false),
    });
  }
  const now = new Date(0).toISOString();
  return {
    ok: true,
    plan: {
      id: o.id,
      name: str(o.name, 'Untitled product', 300),
      license: str(o.license, ''),
      intendedUse: {
        commercial: bool(u.commercial, d.commercial),
        redistribute: bool(u.redistribute, d.redistribute),
        hosted_service: bool(u.hosted_service, d.hosted_service),
        licensee_mau_at_release: num(u.licensee_mau_at_release),
        annual_revenue_usd: num(u.annual_revenue_usd),
        licensee_region: typeof u.licensee_region === 'string' ? u.licensee_region.slice(0, 20) : null,
        licensee_is_end_user: bool(u.licensee_is_end_user, d.licensee_is_end_user),
      },
      profile: o.profile === 'conservative' ? 'conservative' : 'balanced',
      components,
      createdAt: str(o.createdAt, now, 40),
      updatedAt: str(o.updatedAt, now, 40),
    },
  };
}
