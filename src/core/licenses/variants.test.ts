import { describe, expect, it } from 'vitest';
import type { LicenseScenario } from './index';
import { applyVariant, evaluateLicenses, expandVariants } from './index';

const base: LicenseScenario & { id: string; variants: { change: Record<string, unknown> }[] } = {
  id: 'X1',
  profile: 'balanced',
  assets: [
    { id: 'a', kind: 'model', name: 'org/A', license_input: { format: 'hf', license: 'apache-2.0' } },
    { id: 'b.v2', kind: 'model', name: 'org/B', license_input: { format: 'hf', license: 'mit' } },
  ],
  relations: [{ child: 'b.v2', type: 'quantized_of', parent: 'a' }],
  target: 'b.v2',
  intended_use: { commercial: true, redistribute: true },
  variants: [{ change: { 'assets.b.v2.license_input': { format: 'hf', license: 'apache-2.0' } } }],
};

describe('applyVariant', () => {
  it('sets dotted paths by asset id (ids may contain dots) without mutating the input', () => {
    const v = applyVariant(base, {
      'assets.b.v2.name': 'org/B2',
      'assets.a.meta.multimodal': true,
      'intended_use.commercial': false,
      profile: 'permissive',
    });
    expect(v.assets[1]?.name).toBe('org/B2');
    expect(v.assets[0]?.meta).toEqual({ multimodal: true });
    expect(v.intended_use?.commercial).toBe(false);
    expect(v.profile).toBe('permissive');
    expect(base.assets[1]?.name).toBe('org/B');
    expect(base.profile).toBe('balanced');
  });

  it('appends assets, replaces relations, sets relation attrs by index and the target', () => {
    const v = applyVariant(base, {
      'assets+': [{ id: 'c', kind: 'dataset', name: 'org/C', license_input: { format: 'none' } }],
      relations: [{ child: 'c', type: 'derived_from', parent: 'a' }],
      target: 'c',
    });
    expect(v.assets.map((a) => a.id)).toEqual(['a', 'b.v2', 'c']);
    expect(v.relations).toEqual([{ child: 'c', type: 'derived_from', parent: 'a' }]);
    expect(v.target).toBe('c');
    const w = applyVariant(base, { 'relations.0.attrs': { same_party: true } });
    expect(w.relations[0]?.attrs).toEqual({ same_party: true });
  });

  it('drives the engine: relabelled copy warns, same licence is ok', () => {
    const [orig, fixed] = expandVariants(base);
    expect(orig && evaluateLicenses(orig.scenario).verdict).toBe('warning');
    expect(fixed && evaluateLicenses(fixed.scenario).verdict).toBe('ok');
    expect(fixed?.label).toBe('X1 variant 1');
  });
});
