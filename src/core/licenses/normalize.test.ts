import { describe, expect, it } from 'vitest';
import type { LicenseInput } from './index';
import { licenseFamily, licenseInfo, normalizeLicense } from './index';

function expr(input: LicenseInput): string {
  return normalizeLicense(input).expression;
}

describe('normalizeLicense: HF ids', () => {
  it.each([
    ['apache-2.0', 'Apache-2.0'],
    ['mit', 'MIT'],
    ['llama3.1', 'LicenseRef-Llama-3.1-Community'],
    ['llama2', 'LicenseRef-Llama-2-Community'],
    ['gemma', 'LicenseRef-Gemma-Terms-of-Use'],
    ['creativeml-openrail-m', 'LicenseRef-CreativeML-OpenRAIL-M'],
    ['cc-by-nc-sa-4.0', 'CC-BY-NC-SA-4.0'],
    ['odc-by', 'ODC-By-1.0'],
    ['odbl', 'ODbL-1.0'],
    ['c-uda', 'C-UDA-1.0'],
    ['cdla-permissive-2.0', 'CDLA-Permissive-2.0'],
    ['lgpl-lr', 'LGPLLR'],
    ['bsd-3-clause-clear', 'BSD-3-Clause-Clear'],
    ['etalab-2.0', 'etalab-2.0'],
    ['openrail++', 'LicenseRef-OpenRAIL-PlusPlus-M'],
    ['unknown', 'NOASSERTION'],
  ])('%s -> %s', (raw, expected) => {
    expect(expr({ raw, format: 'hf' })).toBe(expected);
  });

  it('flags version-less and family ids as ambiguous and checks families as their most restrictive member', () => {
    const gpl = normalizeLicense({ raw: 'gpl-3.0', format: 'hf' });
    expect(gpl.expression).toBe('GPL-3.0-only');
    expect(gpl.flags).toContain('ambiguous');
    const cc = normalizeLicense({ raw: 'cc', format: 'hf' });
    expect(cc.expression).toBe('LicenseRef-ambiguous-family');
    expect(cc.checkAs).toMatch(/^CC-BY-NC/);
  });

  it('lets the card licence win over a link that points elsewhere', () => {
    expect(expr({ raw: 'apache-2.0', link: 'https://ai.google.dev/gemma/terms', format: 'hf' })).toBe(
      'Apache-2.0',
    );
  });

  it('resolves license: other through license_name, then license_link, else a custom reference', () => {
    expect(expr({ raw: 'other', name: 'tongyi-qianwen', format: 'hf' })).toBe('LicenseRef-Qwen-License');
    expect(expr({ raw: 'other', name: 'stabilityai-ai-community', link: 'LICENSE.md', format: 'hf' })).toBe(
      'LicenseRef-Stability-AI-Community',
    );
    expect(
      expr({ raw: 'other', name: 'some-name', link: 'https://mistral.ai/licenses/MRL-0.1.md', format: 'hf' }),
    ).toBe('LicenseRef-Mistral-Research-License-0.1');
    const custom = normalizeLicense({
      raw: 'other',
      name: 'acme-model-license',
      link: 'LICENSE',
      format: 'hf',
    });
    expect(custom.expression).toBe('LicenseRef-hf-other-acme-model-license');
    expect(custom.flags).toContain('unresolved');
    expect(custom.how).toContain('relative link');
    expect(expr({ raw: 'other', format: 'hf' })).toBe('LicenseRef-other-unresolved');
  });

  it('combines HF licence lists with AND and flags them', () => {
    const r = normalizeLicense({ raw: ['mit', 'cc-by-4.0'], format: 'hf' });
    expect(r.expression).toBe('MIT AND CC-BY-4.0');
    expect(r.flags).toContain('multiple');
  });
});

describe('normalizeLicense: free text and SPDX expressions', () => {
  it.each([
    ['Apache 2.0', 'Apache-2.0'],
    ['Apache License, Version 2.0', 'Apache-2.0'],
    ['MIT License', 'MIT'],
    ['the mit license', 'MIT'],
    ['CC BY-NC 4.0', 'CC-BY-NC-4.0'],
    ['CC BY-SA 4.0', 'CC-BY-SA-4.0'],
    ['cc-by-nc-nd-4.0', 'CC-BY-NC-ND-4.0'],
    ['Creative Commons Attribution 4.0 International', 'CC-BY-4.0'],
    ['Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International', 'CC-BY-NC-SA-4.0'],
    ['CC BY-NC-SA 3.0', 'CC-BY-NC-SA-3.0'],
    ['CreativeML OpenRAIL-M', 'LicenseRef-CreativeML-OpenRAIL-M'],
    ['ODbL', 'ODbL-1.0'],
    ['GPLv3', 'GPL-3.0-only'],
    ['GNU GPL v3 or later', 'GPL-3.0-or-later'],
    ['Llama 3.1 Community License', 'LicenseRef-Llama-3.1-Community'],
    ['all rights reserved', 'NONE'],
    ['apache-2.0', 'Apache-2.0'],
  ])('%s -> %s', (raw, expected) => {
    expect(expr({ raw, format: 'text' })).toBe(expected);
  });

  it.each([
    ['MIT OR CC-BY-NC-4.0', 'MIT OR CC-BY-NC-4.0'],
    ['mit or apache-2.0', 'MIT OR Apache-2.0'],
    ['CC-BY-4.0 AND CC-BY-NC-4.0', 'CC-BY-4.0 AND CC-BY-NC-4.0'],
    ['Apache-2.0 AND LicenseRef-CreativeML-OpenRAIL-M', 'Apache-2.0 AND LicenseRef-CreativeML-OpenRAIL-M'],
    ['(MIT OR Apache-2.0) AND CC-BY-4.0', '(MIT OR Apache-2.0) AND CC-BY-4.0'],
    ['GPL-2.0-only WITH Classpath-exception-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0'],
    ['GPL-2.0+', 'GPL-2.0-or-later'],
    ['GPL-3.0', 'GPL-3.0-only'],
    ['licenseref-llama-3.1-community', 'LicenseRef-Llama-3.1-Community'],
    ['LicenseRef-My-Terms', 'LicenseRef-My-Terms'],
    ['Apache 2.0 or MIT', 'Apache-2.0 OR MIT'],
  ])('SPDX %s -> %s', (raw, expected) => {
    expect(expr({ raw, format: 'spdx' })).toBe(expected);
  });

  it('keeps unrecognised text as an explicit unresolved reference', () => {
    const r = normalizeLicense({ raw: 'Do whatever, but ask first', format: 'text' });
    expect(r.expression).toMatch(/^LicenseRef-unresolved-/);
    expect(r.confidence).toBe('unknown');
    expect(r.flags).toContain('unresolved');
  });

  it('assumes CC 4.0 only with an ambiguity flag', () => {
    const r = normalizeLicense({ raw: 'CC-BY', format: 'text' });
    expect(r.expression).toBe('CC-BY-4.0');
    expect(r.flags).toContain('ambiguous');
  });
});

describe('normalizeLicense: URLs, objects, lists, unknown', () => {
  it.each([
    ['https://creativecommons.org/licenses/by-sa/4.0/', 'CC-BY-SA-4.0'],
    ['https://creativecommons.org/licenses/by-nc/4.0/deed.en', 'CC-BY-NC-4.0'],
    ['https://creativecommons.org/publicdomain/zero/1.0/', 'CC0-1.0'],
    ['https://choosealicense.com/licenses/mit/', 'MIT'],
    ['https://spdx.org/licenses/Apache-2.0.html', 'Apache-2.0'],
    ['https://opensource.org/licenses/BSD-3-Clause', 'BSD-3-Clause'],
    ['https://opendatacommons.org/licenses/odbl/1-0/', 'ODbL-1.0'],
    ['https://cdla.dev/permissive-2-0/', 'CDLA-Permissive-2.0'],
    ['https://www.apache.org/licenses/LICENSE-2.0', 'Apache-2.0'],
    ['https://ai.google.dev/gemma/terms', 'LicenseRef-Gemma-Terms-of-Use'],
    ['https://huggingface.co/datasets/choosealicense/licenses/resolve/main/markdown/odc-by.md', 'ODC-By-1.0'],
  ])('%s -> %s', (raw, expected) => {
    expect(expr({ raw, format: 'auto' })).toBe(expected);
  });

  it('treats several Croissant values as AND and flags them', () => {
    const r = normalizeLicense({
      raw: [
        'https://creativecommons.org/licenses/by/4.0/',
        { '@type': 'CreativeWork', name: 'ODC-BY', url: 'https://opendatacommons.org/licenses/by/' },
      ],
      format: 'croissant',
    });
    expect(r.expression).toBe('CC-BY-4.0 AND ODC-By-1.0');
    expect(r.flags).toContain('multiple');
    expect(expr({ raw: ['https://creativecommons.org/licenses/by/4.0/'], format: 'croissant' })).toBe(
      'CC-BY-4.0',
    );
  });

  it('reads CycloneDX and SPDX 3 objects', () => {
    expect(expr({ raw: [{ license: { id: 'Apache-2.0' } }], format: 'cyclonedx' })).toBe('Apache-2.0');
    expect(
      expr({
        raw: [
          { license: { name: 'MIT License' } },
          { license: { url: 'https://creativecommons.org/licenses/by/4.0/' } },
        ],
        format: 'cyclonedx',
      }),
    ).toBe('MIT AND CC-BY-4.0');
    expect(expr({ raw: [{ expression: 'MIT OR Apache-2.0' }], format: 'cyclonedx' })).toBe(
      'MIT OR Apache-2.0',
    );
    expect(expr({ raw: { simplelicensing_licenseExpression: 'Apache-2.0 AND MIT' } })).toBe(
      'Apache-2.0 AND MIT',
    );
  });

  it('reads a CycloneDX named licence whose name is a LicenseRef id as that id, whatever its URL says', () => {
    expect(
      expr({
        raw: [{ license: { name: 'LicenseRef-hf-other-yi-license', url: 'https://example.com/yi/LICENSE' } }],
        format: 'cyclonedx',
      }),
    ).toBe('LicenseRef-hf-other-yi-license');
  });

  it('sniffs HF-shaped objects in auto mode', () => {
    expect(expr({ raw: { license: 'other', license_name: 'llama3.1' } })).toBe(
      'LicenseRef-Llama-3.1-Community',
    );
  });

  it('makes unknown and missing explicit', () => {
    expect(normalizeLicense({ raw: 'unknown' })).toMatchObject({
      expression: 'NOASSERTION',
      confidence: 'unknown',
    });
    expect(normalizeLicense({ raw: undefined })).toMatchObject({ expression: 'NONE', confidence: 'unknown' });
    expect(normalizeLicense({ raw: null, format: 'hf' }).expression).toBe('NONE');
    expect(normalizeLicense({ raw: [], format: 'croissant' }).expression).toBe('NONE');
    expect(normalizeLicense({ raw: '   ', format: 'text' }).expression).toBe('NONE');
  });

  it('never throws on odd input', () => {
    for (const raw of [
      42,
      true,
      {},
      [null, undefined],
      { license: {} },
      '(((',
      'MIT AND',
      'AND OR WITH',
      Symbol.for('x').description,
    ]) {
      const r = normalizeLicense({ raw, format: 'auto' });
      expect(typeof r.expression).toBe('string');
      expect(r.expression.length).toBeGreaterThan(0);
    }
  });
});

describe('licenseFamily and licenseInfo', () => {
  it.each([
    ['MIT', 'permissive'],
    ['CC0-1.0', 'permissive'],
    ['GPL-3.0-only', 'copyleft'],
    ['CC-BY-SA-4.0', 'copyleft'],
    ['CC-BY-NC-4.0', 'non-commercial'],
    ['LicenseRef-Qwen-Research', 'non-commercial'],
    ['LicenseRef-CreativeML-OpenRAIL-M', 'responsible-ai'],
    ['LicenseRef-Llama-3.1-Community', 'custom'],
    ['LicenseRef-hf-other-acme', 'custom'],
    ['NOASSERTION', 'unknown'],
    ['MIT OR CC-BY-NC-4.0', 'permissive'],
    ['MIT AND CC-BY-NC-4.0', 'non-commercial'],
    ['', 'unknown'],
  ])('%s -> %s', (e, fam) => {
    expect(licenseFamily(e)).toBe(fam);
  });

  it('gives UI facts for known and unknown ids', () => {
    const llama = licenseInfo('LicenseRef-Llama-3.1-Community');
    expect(llama).toMatchObject({
      known: true,
      category: 'open-weights-custom',
      family: 'custom',
      namingPrefix: 'Llama',
      mauThreshold: 700000000,
    });
    expect(llama.attribution.display).toBe('Built with Llama');
    expect(licenseInfo('Apache-2.0').url).toBe('https://spdx.org/licenses/Apache-2.0.html');
    expect(licenseInfo('GPL-3.0-or-later')).toMatchObject({ known: true, family: 'copyleft' });
    expect(licenseInfo('LicenseRef-whatever')).toMatchObject({ known: false, family: 'custom' });
  });
});
