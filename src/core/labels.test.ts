import { describe, expect, it } from 'vitest';
import { facetValueLabel, familyLabel, formatLabel, licenseLabel, verdictLabel } from './labels';

describe('human labels', () => {
  it('names the licence sentinels and keeps real SPDX expressions', () => {
    expect(licenseLabel('NONE')).toBe('No license declared');
    expect(licenseLabel('LicenseRef-other-unresolved')).toBe('Other (terms not resolved)');
    expect(licenseLabel('NOASSERTION')).toBe('Not asserted');
    expect(licenseLabel('')).toBe('No license recorded');
    expect(licenseLabel('Apache-2.0 OR MIT')).toBe('Apache-2.0 OR MIT');
  });

  it('names verdicts, formats and families, and falls back on the id', () => {
    expect(verdictLabel('review')).toBe('Needs review');
    expect(verdictLabel('conflict')).toBe('Conflict');
    expect(formatLabel('hf-model-card')).toBe('Hugging Face model card');
    expect(formatLabel('some-new-format')).toBe('some-new-format');
    expect(familyLabel('non-commercial')).toBe('Non-commercial');
  });

  it('labels facet values by facet, leaving the others as they are', () => {
    expect(facetValueLabel('license', 'NONE')).toBe('No license declared');
    expect(facetValueLabel('check', 'ok')).toBe('OK');
    expect(facetValueLabel('format', 'spdx3')).toBe('SPDX 3');
    expect(facetValueLabel('kind', 'model')).toBe('model');
    expect(facetValueLabel('complete', '40-59')).toBe('40–59%');
    expect(facetValueLabel('depth', '0')).toBe('No parents');
    expect(facetValueLabel('depth', '1')).toBe('1 generation');
    expect(facetValueLabel('depth', '3')).toBe('3 generations');
    expect(facetValueLabel('depth', '5+')).toBe('5 or more generations');
    expect(facetValueLabel('imported', '2026-12-03')).toBe('2026-12-03');
  });
});
