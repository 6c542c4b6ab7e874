import { describe, expect, it } from 'vitest';
import type { CatalogLicenseAsset, CatalogLicenseRelation, LicenseContext } from './index';
import { buildNotice, evaluateAsset, evaluateCatalog, evaluateLicenses } from './index';

function asset(id: string, raw: unknown, extra: Partial<CatalogLicenseAsset> = {}): CatalogLicenseAsset {
  return { id, kind: 'model', name: id, license: { raw }, ...extra };
}
function rel(
  child: string,
  type: string,
  parent: string,
  attrs?: Record<string, unknown>,
): CatalogLicenseRelation {
  return { child, type, parent, origin: 'declared', ...(attrs ? { attrs } : {}) };
}
function codes(r: { findings: { code: string }[] }): string[] {
  return r.findings.map((f) => f.code);
}

describe('evaluateAsset on small catalogs', () => {
  const llama = asset('meta-llama/Llama-3.1-8B', 'llama3.1');
  it('flags a Llama fine-tune relabelled Apache-2.0', () => {
    const ctx: LicenseContext = {
      assets: [llama, asset('acme/Chat-8B', 'apache-2.0')],
      relations: [rel('acme/Chat-8B', 'finetune_of', 'meta-llama/Llama-3.1-8B')],
    };
    const r = evaluateAsset('acme/Chat-8B', ctx);
    expect(r.verdict).toBe('conflict');
    expect(codes(r)).toEqual(expect.arrayContaining(['CUSTOM_TERMS_DROPPED', 'LLAMA_NAMING']));
    expect(r.normalized['meta-llama/Llama-3.1-8B']).toBe('LicenseRef-Llama-3.1-Community');
    expect(r.obligations).toContainEqual({
      type: 'display-attribution',
      source: 'meta-llama/Llama-3.1-8B',
      value: 'Built with Llama',
    });
  });

  it('accepts a correctly labelled and named fine-tune, ids matched case-insensitively', () => {
    const ctx: LicenseContext = {
      assets: [llama, asset('acme/Llama-3.1-Chat', 'llama3.1')],
      relations: [rel('ACME/llama-3.1-chat', 'finetune_of', 'META-LLAMA/llama-3.1-8b')],
      intendedUse: {
        commercial: true,
        redistribute: true,
        hosted_service: true,
        licensee_mau_at_release: 1000,
      },
    };
    const r = evaluateAsset('acme/Llama-3.1-Chat', ctx);
    expect(r.verdict).toBe('ok');
    expect(codes(r)).toContain('LLAMA_ATTRIBUTION');
  });

  it('walks transitively: quantized copy of a fine-tune still carries the base agreement', () => {
    const ctx: LicenseContext = {
      assets: [llama, asset('a/Llama-3.1-ft', 'llama3.1'), asset('b/Llama-3.1-ft-GGUF', 'mit')],
      relations: [
        rel('a/Llama-3.1-ft', 'finetune_of', llama.id),
        rel('b/Llama-3.1-ft-GGUF', 'quantized_of', 'a/Llama-3.1-ft'),
      ],
    };
    const r = evaluateAsset('b/Llama-3.1-ft-GGUF', ctx);
    expect(r.verdict).toBe('conflict');
    expect(r.findings.filter((f) => f.code === 'CUSTOM_TERMS_DROPPED').map((f) => f.asset)).toEqual(
      expect.arrayContaining(['a/Llama-3.1-ft', llama.id]),
    );
    const viaBase = r.findings.find((f) => f.code === 'CUSTOM_TERMS_DROPPED' && f.asset === llama.id);
    expect(viaBase?.path).toEqual(['b/Llama-3.1-ft-GGUF', 'a/Llama-3.1-ft', llama.id]);
  });

  it('reports a mislabelled ancestor as UPSTREAM_INCONSISTENT when the target is right', () => {
    const ctx: LicenseContext = {
      assets: [llama, asset('a/ft', 'apache-2.0'), asset('b/Llama-3.1-ft2', 'llama3.1')],
      relations: [rel('a/ft', 'finetune_of', llama.id), rel('b/Llama-3.1-ft2', 'finetune_of', 'a/ft')],
    };
    const r = evaluateAsset('b/Llama-3.1-ft2', ctx);
    expect(r.verdict).toBe('warning');
    expect(codes(r)).toContain('UPSTREAM_INCONSISTENT');
  });

  it('is cycle-safe', () => {
    const ctx: LicenseContext = {
      assets: [asset('x', 'mit'), asset('y', 'apache-2.0'), asset('z', 'mit')],
      relations: [
        rel('x', 'finetune_of', 'y'),
        rel('y', 'finetune_of', 'z'),
        rel('z', 'finetune_of', 'x'),
        rel('x', 'finetune_of', 'x'),
      ],
    };
    const r = evaluateAsset('x', ctx);
    expect(Object.keys(r.normalized).sort()).toEqual(['x', 'y', 'z']);
    expect(['ok', 'warning']).toContain(r.verdict);
    expect(Object.keys(evaluateCatalog(ctx))).toHaveLength(3);
  });

  it('flags merges of incompatible share-alike parents and stacked vendor agreements', () => {
    const sa = evaluateAsset('m', {
      assets: [asset('p1', 'cc-by-sa-4.0'), asset('p2', 'cc-by-nc-sa-4.0'), asset('m', 'cc-by-sa-4.0')],
      relations: [rel('m', 'merge_of', 'p1'), rel('m', 'merge_of', 'p2')],
      intendedUse: { commercial: false },
    });
    expect(codes(sa)).toContain('MERGE_INCOMPATIBLE');
    expect(sa.verdict).toBe('conflict');
    const stacked = evaluateAsset('Llama-merge', {
      assets: [
        llama,
        asset('google/gemma-2-9b', 'gemma'),
        asset('Llama-merge', 'LicenseRef-Llama-3.1-Community AND LicenseRef-Gemma-Terms-of-Use'),
      ],
      relations: [
        rel('Llama-merge', 'merge_of', llama.id),
        rel('Llama-merge', 'merge_of', 'google/gemma-2-9b'),
      ],
    });
    expect(codes(stacked)).toContain('MERGE_STACKED_AGREEMENTS');
    expect(stacked.verdict).toBe('review');
  });

  it('treats unknown upstream data as review and unknown parents as placeholders', () => {
    const r = evaluateAsset('m', {
      assets: [asset('m', 'mit'), asset('d', 'unknown', { kind: 'dataset' })],
      relations: [rel('m', 'trained_on', 'd'), rel('m', 'trained_on', 'not-in-catalog')],
    });
    expect(r.verdict).toBe('review');
    expect(r.normalized.d).toBe('NOASSERTION');
    expect(r.normalized['not-in-catalog']).toBe('NONE');
  });

  it('checks code libraries (GPL combined, AGPL hosted, LGPL dynamic) and ignores code used to train', () => {
    const base = { kind: 'software' as const };
    const gpl = evaluateAsset('app', {
      assets: [asset('app', 'MIT', base), asset('lib', 'GPL-3.0-only', base)],
      relations: [rel('app', 'code_uses_library', 'lib', { link_mode: 'static' })],
    });
    expect(codes(gpl)).toContain('COPYLEFT_CODE_COMBINED');
    const agpl = evaluateAsset('svc', {
      assets: [asset('svc', 'MIT', base), asset('lib', 'AGPL-3.0-only', base)],
      relations: [
        rel('svc', 'code_uses_library', 'lib', {
          link_mode: 'network-api',
          modified: true,
          source_offered: false,
        }),
      ],
      intendedUse: { commercial: true, redistribute: false, hosted_service: true },
    });
    expect(codes(agpl)).toEqual(['NETWORK_COPYLEFT_SAAS']);
    const lgpl = evaluateAsset('app', {
      assets: [asset('app', 'MIT', base), asset('lib', 'LGPL-3.0-only', base)],
      relations: [rel('app', 'code_uses_library', 'lib', { link_mode: 'dynamic', modified: false })],
    });
    expect(lgpl.verdict).toBe('ok');
    expect(codes(lgpl)).toContain('WEAK_COPYLEFT_LINK');
    const code = evaluateAsset('m', {
      assets: [asset('m', 'apache-2.0'), asset('trainer', 'GPL-3.0-only', base)],
      relations: [rel('m', 'trained_with_code', 'trainer')],
    });
    expect(code.verdict).toBe('ok');
    expect(codes(code)).toContain('CODE_NOT_INHERITED');
  });

  it('applies thresholds and the EU carve-out from the intended use', () => {
    const vision = asset('meta-llama/Llama-3.2-11B-Vision', 'llama3.2');
    const ft = asset('acme/Llama-3.2-Vision-ft', 'llama3.2');
    const ctx = (use: LicenseContext['intendedUse']): LicenseContext => ({
      assets: [vision, ft],
      relations: [rel(ft.id, 'finetune_of', vision.id)],
      intendedUse: use,
    });
    expect(evaluateAsset(ft.id, ctx({ licensee_region: 'DE', licensee_is_end_user: false })).verdict).toBe(
      'conflict',
    );
    expect(evaluateAsset(ft.id, ctx({ licensee_region: 'DE', licensee_is_end_user: true })).verdict).toBe(
      'ok',
    );
    expect(codes(evaluateAsset(ft.id, ctx({ licensee_mau_at_release: 800_000_000 })))).toContain(
      'MAU_THRESHOLD',
    );
  });

  it('uses a stored normalized value and exposes profile differences', () => {
    const ctx = (profile: LicenseContext['profile']): LicenseContext => ({
      assets: [
        asset('lm', { weird: true }, { license: { raw: 'Apache 2.0', normalized: 'Apache-2.0' } }),
        asset('wiki', 'cc-by-sa-4.0', { kind: 'dataset' }),
      ],
      relations: [rel('lm', 'trained_on', 'wiki')],
      profile,
    });
    expect(evaluateAsset('lm', ctx('balanced')).verdict).toBe('review');
    expect(evaluateAsset('lm', ctx('conservative')).verdict).toBe('conflict');
    expect(evaluateAsset('lm', ctx('permissive')).verdict).toBe('ok');
  });

  it('never throws on bad input', () => {
    expect(evaluateAsset('missing', { assets: [], relations: [] }).verdict).toBe('review');
    const bad = evaluateLicenses({
      assets: [{ id: 'a', license_input: { format: 'hf', license: 42 } }],
      relations: [{ child: 'a', type: 'nonsense', parent: 'b' }],
      target: 'a',
    });
    expect(['ok', 'warning', 'review', 'conflict']).toContain(bad.verdict);
  });

  it('builds a NOTICE with upstream notice texts and obligations', () => {
    const ctx: LicenseContext = {
      assets: [llama, asset('acme/Llama-3.1-Chat', 'llama3.1')],
      relations: [rel('acme/Llama-3.1-Chat', 'finetune_of', llama.id)],
    };
    const text = buildNotice('acme/Llama-3.1-Chat', ctx);
    expect(text).toContain('NOTICE for acme/Llama-3.1-Chat');
    expect(text).toContain('Llama 3.1 is licensed under the Llama 3.1 Community License');
    expect(text).toContain('Built with Llama');
    expect(text).toContain('include-license-agreement');
  });
});

describe('evaluateLicenses scenario shape', () => {
  it('picks the best OR branch of upstream data and reports it', () => {
    const r = evaluateLicenses({
      assets: [
        {
          id: 'd',
          kind: 'dataset',
          name: 'd',
          license_input: { format: 'spdx', value: 'CC-BY-NC-4.0 OR CC0-1.0' },
        },
        { id: 'm', kind: 'model', name: 'm', license_input: { format: 'text', value: 'MIT License' } },
      ],
      relations: [{ child: 'm', type: 'trained_on', parent: 'd' }],
      target: 'm',
      intended_use: { commercial: true },
    });
    expect(r.verdict).toBe('ok');
    expect(r.orChoice).toEqual({ d: 'CC0-1.0' });
    expect(r.normalized).toEqual({ d: 'CC-BY-NC-4.0 OR CC0-1.0', m: 'MIT' });
  });

  it('downgrades output-training conflicts to review when the outputs came from another party', () => {
    const scenario = (sameParty: boolean) => ({
      assets: [
        {
          id: 't',
          kind: 'model',
          name: 'meta-llama/Llama-2-7b',
          license_input: { format: 'hf', license: 'llama2' },
        },
        { id: 's', kind: 'dataset', name: 'x/synth', license_input: { format: 'hf', license: 'mit' } },
        { id: 'm', kind: 'model', name: 'x/student', license_input: { format: 'hf', license: 'mit' } },
      ],
      relations: [
        { child: 's', type: 'generated_by', parent: 't', attrs: { same_party: sameParty } },
        { child: 'm', type: 'trained_on', parent: 's' },
      ],
      target: 'm',
    });
    expect(evaluateLicenses(scenario(true)).verdict).toBe('conflict');
    expect(evaluateLicenses(scenario(false)).verdict).toBe('review');
  });
});

describe('large catalogs', () => {
  // Timings live in the benchmark (scripts/bench-licenses.ts, `npm run bench`), not here.
  it('evaluates a target with 50 ancestors in a large catalog, the same each time, and sweeps every asset', () => {
    const assets: CatalogLicenseAsset[] = [];
    const relations: CatalogLicenseRelation[] = [];
    for (let i = 0; i < 50; i++) {
      assets.push(asset(`chain/m${i}`, i % 3 === 0 ? 'apache-2.0' : 'mit'));
      if (i > 0)
        relations.push(rel(`chain/m${i}`, i % 2 ? 'finetune_of' : 'quantized_of', `chain/m${i - 1}`));
      assets.push(asset(`chain/d${i}`, 'cc-by-4.0', { kind: 'dataset' }));
      relations.push(rel(`chain/m${i}`, 'trained_on', `chain/d${i}`));
    }
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      assets.push(asset(`org${i % 97}/model-${i}`, i % 5 === 0 ? 'llama3.1' : 'apache-2.0'));
      if (i >= 3)
        relations.push(rel(`org${i % 97}/model-${i}`, 'finetune_of', `org${(i - 3) % 97}/model-${i - 3}`));
      if (i % 7 === 0) relations.push(rel(`org${i % 97}/model-${i}`, 'trained_on', `chain/d${i % 50}`));
    }
    const ctx: LicenseContext = {
      assets,
      relations: relations.filter(
        (r) => !r.child.startsWith('org') || Number(r.child.split('-')[1]) % 200 !== 0,
      ),
    };
    const first = evaluateAsset('chain/m49', ctx);
    // The whole chain of 50 models and their datasets is in the ancestry.
    expect(JSON.stringify(first)).toContain('chain/m0');
    expect(JSON.stringify(first)).toContain('chain/d0');
    for (let i = 0; i < 5; i++) expect(evaluateAsset('chain/m49', ctx)).toEqual(first);
    const small: LicenseContext = {
      assets: assets.slice(0, 5000),
      relations: ctx.relations.filter((r) => !r.child.startsWith('org')),
    };
    const all = evaluateCatalog(small);
    expect(Object.keys(all).length).toBe(5000);
  });
});
