import { describe, expect, it } from 'vitest';
import type { CatalogLicenseAsset, CatalogLicenseRelation, IntendedUse } from './index';
import {
  diffFindings,
  evaluateLicenses,
  evaluatePlan,
  newComponent,
  newPlan,
  planReport,
  planScenario,
  readPlan,
} from './index';
import type { ComponentUse, PlanCatalog, PlanComponent, ProductPlan } from './plan';

function asset(id: string, raw: unknown, kind = 'model'): CatalogLicenseAsset {
  return { id, kind, name: id, license: { raw } };
}
function rel(child: string, type: string, parent: string): CatalogLicenseRelation {
  return { child, type, parent, origin: 'declared' };
}

const CATALOG: PlanCatalog = {
  assets: [
    asset('acme/apache-model', 'apache-2.0'),
    asset('nc/captions', 'cc-by-nc-4.0', 'dataset'),
    asset('lib/gpl', 'GPL-3.0-only', 'code'),
    asset('lib/lgpl', 'LGPL-3.0-only', 'code'),
    asset('lib/agpl', 'AGPL-3.0-only', 'code'),
    asset('lib/mit', 'MIT', 'code'),
    asset('lib/apache', 'Apache-2.0', 'code'),
    asset('rail/diffusion', 'creativeml-openrail-m'),
    asset('meta-llama/Llama-3.1-8B', 'llama3.1'),
    asset('odd/custom', 'LicenseRef-Odd-Terms'),
  ],
  relations: [rel('acme/apache-model', 'trained_on', 'nc/captions')],
};

function plan(components: PlanComponent[], over: Partial<ProductPlan> = {}): ProductPlan {
  return {
    ...newPlan({ id: 'p1', now: '2026-12-02T00:00:00.000Z', name: 'Acme Assistant', components }),
    ...over,
  };
}
function comp(assetId: string, use: ComponentUse, modified = false, sourceOffered = false): PlanComponent {
  return { assetId, use, modified, sourceOffered };
}
function intended(over: Partial<IntendedUse>): IntendedUse {
  return { ...newPlan({ id: 'x', now: '' }).intendedUse, ...over };
}
function codes(p: ProductPlan): string[] {
  return evaluatePlan(p, CATALOG).findings.map((f) => f.code);
}
const HOSTED_ONLY = intended({ redistribute: false, hosted_service: true });

describe('planScenario', () => {
  it('makes the product the target, one relation per component, and brings each component’s ancestry', () => {
    const s = planScenario(plan([comp('acme/apache-model', 'fine-tune')]), CATALOG);
    expect(s.target).toBe('plan:p1');
    expect(s.assets.map((a) => a.id)).toEqual(['plan:p1', 'acme/apache-model', 'nc/captions']);
    expect(s.relations).toContainEqual({
      child: 'plan:p1',
      type: 'finetune_of',
      parent: 'acme/apache-model',
      attrs: { modified: false, source_offered: false },
    });
    expect(s.relations).toContainEqual({
      child: 'acme/apache-model',
      type: 'trained_on',
      parent: 'nc/captions',
    });
    // The same engine answers it: the scenario is a plain license-cases.json case.
    expect(evaluateLicenses(s).verdict).toBe(
      evaluatePlan(plan([comp('acme/apache-model', 'fine-tune')]), CATALOG).verdict,
    );
  });

  it('keeps a component missing from the catalog, reported as having no known licence', () => {
    const r = evaluatePlan(plan([comp('ghost/model', 'fine-tune')]), CATALOG);
    expect(r.missing).toEqual(['ghost/model']);
    expect(r.findings.map((f) => f.code)).toContain('UNKNOWN_LICENSE');
  });
});

describe('evaluatePlan: the product and its components', () => {
  it('training data with NC terms: review (balanced) / conflict (conservative), with the dataset’s path', () => {
    const p = plan([comp('acme/apache-model', 'fine-tune')]);
    const r = evaluatePlan(p, CATALOG);
    const f = r.findings.find((x) => x.code === 'TRAINING_DATA_NC_UNSETTLED');
    expect(f?.severity).toBe('review');
    expect(f?.path).toEqual(['plan:p1', 'acme/apache-model', 'nc/captions']);
    expect(f?.remedy).toMatch(/nc\/captions/);
    expect(r.verdict).toBe('review');
    expect(evaluatePlan({ ...p, profile: 'conservative' }, CATALOG).verdict).toBe('conflict');
    // Non-commercial product under its own (non-commercial-neutral) terms: the finding goes.
    const nc = evaluatePlan({ ...p, intendedUse: intended({ commercial: false }) }, CATALOG);
    expect(nc.findings.map((x) => x.code)).not.toContain('TRAINING_DATA_NC_UNSETTLED');
    expect(nc.verdict).toBe('ok');
  });

  it('the product’s own LicenseRef terms are not an unresolved upstream term; a component’s are', () => {
    expect(codes(plan([comp('lib/mit', 'dynamic-link')]))).not.toContain('UNRESOLVED_LICENSE_REF');
    const r = evaluatePlan(plan([comp('odd/custom', 'fine-tune')]), CATALOG);
    const f = r.findings.find((x) => x.code === 'UNRESOLVED_LICENSE_REF');
    expect(f?.asset).toBe('odd/custom');
  });

  it('writes a NOTICE for the product and a compliance report', () => {
    const p = plan([comp('acme/apache-model', 'fine-tune')]);
    const r = evaluatePlan(p, CATALOG);
    expect(r.notice).toContain('NOTICE for Acme Assistant');
    expect(r.notice).toContain('acme/apache-model');
    const report = planReport(p, r, { generatedAt: 'now', kbVersion: 'kb' });
    expect(report).toMatchObject({ format: 'tarn-plan-report', verdict: 'review' });
    expect(JSON.stringify(report.findings)).toContain('Acme Assistant');
  });
});

// Relation attributes that change verdicts: one block per licence family.
describe('relation attributes across licence families', () => {
  it('permissive library: notices; modification adds "mark changes" (Apache), never a problem', () => {
    const plain = evaluatePlan(plan([comp('lib/apache', 'static-link')]), CATALOG);
    expect(plain.verdict).toBe('ok');
    expect(plain.obligations.map((o) => o.type)).not.toContain('mark-changes');
    const modified = evaluatePlan(plan([comp('lib/apache', 'static-link', true)]), CATALOG);
    expect(modified.verdict).toBe('ok');
    expect(modified.obligations.map((o) => o.type)).toContain('mark-changes');
  });

  it('weak copyleft (LGPL): static linking asks for relinking; modified without source is a warning', () => {
    const dyn = evaluatePlan(plan([comp('lib/lgpl', 'dynamic-link')]), CATALOG);
    expect(dyn.verdict).toBe('ok');
    expect(dyn.obligations.map((o) => o.type)).not.toContain('allow-relinking');
    const stat = evaluatePlan(plan([comp('lib/lgpl', 'static-link')]), CATALOG);
    expect(stat.obligations.map((o) => o.type)).toContain('allow-relinking');
    const mod = evaluatePlan(plan([comp('lib/lgpl', 'dynamic-link', true)]), CATALOG);
    expect(mod.verdict).toBe('warning');
    expect(mod.findings.find((f) => f.code === 'COPYLEFT_SOURCE_NOT_OFFERED')?.remedy).toMatch(
      /source of lib\/lgpl/,
    );
    expect(evaluatePlan(plan([comp('lib/lgpl', 'dynamic-link', true, true)]), CATALOG).verdict).toBe('ok');
    // Not distributed (hosted only): nothing to disclose.
    expect(
      evaluatePlan(plan([comp('lib/lgpl', 'dynamic-link', true)], { intendedUse: HOSTED_ONLY }), CATALOG)
        .verdict,
    ).toBe('ok');
  });

  it('strong copyleft (GPL): linked into a proprietary product is a conflict; a network API or hosting only is not', () => {
    for (const link of ['static-link', 'dynamic-link'] as const) {
      const r = evaluatePlan(plan([comp('lib/gpl', link)]), CATALOG);
      expect(r.verdict).toBe('conflict');
      expect(r.findings[0]?.code).toBe('COPYLEFT_CODE_COMBINED');
      expect(r.findings[0]?.remedy).toMatch(/network API/);
    }
    expect(evaluatePlan(plan([comp('lib/gpl', 'network-api')]), CATALOG).verdict).toBe('ok');
    expect(
      evaluatePlan(plan([comp('lib/gpl', 'static-link')], { intendedUse: HOSTED_ONLY }), CATALOG).verdict,
    ).toBe('ok');
    // A GPL product: no conflict, but the source must be offered.
    const gpl = plan([comp('lib/gpl', 'static-link')], { license: 'GPL-3.0-only' });
    expect(codes(gpl)).toEqual(expect.arrayContaining(['COPYLEFT_SOURCE_NOT_OFFERED']));
    expect(
      evaluatePlan({ ...gpl, components: [comp('lib/gpl', 'static-link', false, true)] }, CATALOG).verdict,
    ).toBe('ok');
  });

  it('network copyleft (AGPL): modified and hosted without source is a conflict; source offered or unmodified is not', () => {
    const hosted = intended({ hosted_service: true, redistribute: false });
    const modified = evaluatePlan(
      plan([comp('lib/agpl', 'network-api', true)], { intendedUse: hosted }),
      CATALOG,
    );
    expect(modified.verdict).toBe('conflict');
    expect(modified.findings[0]?.code).toBe('NETWORK_COPYLEFT_SAAS');
    expect(modified.findings[0]?.remedy).toMatch(/modified source/);
    expect(
      evaluatePlan(plan([comp('lib/agpl', 'network-api', true, true)], { intendedUse: hosted }), CATALOG)
        .verdict,
    ).toBe('ok');
    expect(
      evaluatePlan(plan([comp('lib/agpl', 'network-api')], { intendedUse: hosted }), CATALOG).verdict,
    ).toBe('ok');
    expect(codes(plan([comp('lib/agpl', 'static-link')]))).toContain('COPYLEFT_CODE_COMBINED');
  });

  it('RAIL: a redistributed proprietary fine-tune drops the use restrictions; hosted only, the service terms carry them', () => {
    const ft = plan([comp('rail/diffusion', 'fine-tune')]);
    expect(codes(ft)).toContain('USE_RESTRICTIONS_DROPPED');
    const hosted = evaluatePlan({ ...ft, intendedUse: HOSTED_ONLY }, CATALOG);
    expect(hosted.findings.map((f) => f.code)).not.toContain('USE_RESTRICTIONS_DROPPED');
    expect(hosted.findings.map((f) => f.code)).toContain('USE_RESTRICTIONS_FLOW');
    expect(hosted.obligations.map((o) => o.type)).toContain('pass-use-restrictions');
    // Run as it is behind a hosted service: restrictions flow to the service's users.
    const runtime = evaluatePlan(
      plan([comp('rail/diffusion', 'dynamic-link')], { intendedUse: HOSTED_ONLY }),
      CATALOG,
    );
    expect(runtime.verdict).toBe('ok');
    expect(runtime.obligations.map((o) => o.type)).toContain('pass-use-restrictions');
  });

  it('community licence (Llama): the agreement travels with a fine-tune; running it unmodified still counts MAU', () => {
    const llama = 'meta-llama/Llama-3.1-8B';
    expect(codes(plan([comp(llama, 'fine-tune')]))).toContain('CUSTOM_TERMS_DROPPED');
    const runtime = plan([comp(llama, 'dynamic-link')], { intendedUse: intended({ hosted_service: true }) });
    const r = evaluatePlan(runtime, CATALOG);
    expect(r.verdict).toBe('ok');
    expect(r.findings.map((f) => f.code)).toContain('LLAMA_ATTRIBUTION');
    expect(r.obligations).toContainEqual({
      type: 'display-attribution',
      source: llama,
      value: 'Built with Llama',
    });
    const big = evaluatePlan(
      { ...runtime, intendedUse: intended({ hosted_service: true, licensee_mau_at_release: 900_000_000 }) },
      CATALOG,
    );
    expect(big.findings.find((f) => f.code === 'MAU_THRESHOLD')?.severity).toBe('conflict');
  });

  it('non-commercial component run as it is: commercial use is a conflict', () => {
    expect(codes(plan([comp('nc/captions', 'dynamic-link')]))).toContain('NC_COMMERCIAL_USE');
    expect(
      codes(plan([comp('nc/captions', 'dynamic-link')], { intendedUse: intended({ commercial: false }) })),
    ).not.toContain('NC_COMMERCIAL_USE');
  });
});

describe('what-if and stored plans', () => {
  it('diffFindings names what appeared and what went', () => {
    const before = evaluatePlan(plan([comp('lib/gpl', 'static-link')]), CATALOG).findings;
    const after = evaluatePlan(plan([comp('lib/gpl', 'network-api')]), CATALOG).findings;
    const d = diffFindings(before, after);
    expect(d.disappeared.map((f) => f.code)).toContain('COPYLEFT_CODE_COMBINED');
    expect(d.appeared.map((f) => f.code)).not.toContain('COPYLEFT_CODE_COMBINED');
    expect(diffFindings(after, after)).toEqual({ appeared: [], disappeared: [] });
  });

  it('readPlan cleans untrusted input and refuses what is not a plan', () => {
    const p = plan([comp('lib/gpl', 'static-link'), newComponent('nc/captions', 'dataset')]);
    expect(readPlan(JSON.parse(JSON.stringify(p)))).toEqual({ ok: true, plan: p });
    expect(readPlan({ id: 'x' }).ok).toBe(false);
    expect(readPlan('nope').ok).toBe(false);
    const odd = readPlan({
      id: 'y',
      components: [{ assetId: 'a', use: 'teleport' }, 7],
      profile: 'permissive',
    });
    expect(odd.ok && odd.plan.components).toEqual([comp('a', 'fine-tune')]);
    expect(odd.ok && odd.plan.profile).toBe('balanced');
  });
});
