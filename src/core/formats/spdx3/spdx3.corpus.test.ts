/**
 * Corpus check of the SPDX 3 reader over every `spdx3-*` entry of ../shared/corpus/manifest.json through the top-level
 * `parseFile`. Documented exception: `spdx-3-model__sbom1.json` and `spdx-3-model__spdx_document1.json` are
 * serialization examples whose `element` list only holds ids (no element content), so they yield no asset and a
 * NO_ASSETS warning. The `readme` entries of the spdx/ folder must not be taken for SPDX.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../parseFile';
import { CORPUS_DIR, requireShared } from '../../../testing/shared';

type Entry = { file: string; kind: string };

requireShared();
const manifest = JSON.parse(readFileSync(`${CORPUS_DIR}/manifest.json`, 'utf8')) as { files: Entry[] };
const entries = manifest.files.filter((f) => f.kind.startsWith('spdx3-'));
const readmes = manifest.files.filter((f) => f.file.startsWith('spdx/') && f.kind === 'readme');
const REFS_ONLY = new Set(['spdx/spdx-3-model__sbom1.json', 'spdx/spdx-3-model__spdx_document1.json']);
const results = entries.map((entry) => ({
  entry,
  result: parseFile({ name: entry.file, text: readFileSync(`${CORPUS_DIR}/${entry.file}`, 'utf8') }),
}));

describe('spdx3 corpus', () => {
  it('covers the manifest', () => {
    expect(entries.length).toBe(7);
  });

  it('detects every SPDX 3 file and yields assets (except the id-only serialization examples)', () => {
    for (const { entry, result } of results) {
      expect(result.format, entry.file).toBe('spdx3');
      expect(
        result.issues.filter((i) => i.severity === 'error'),
        entry.file,
      ).toEqual([]);
      if (REFS_ONLY.has(entry.file)) {
        expect(result.assets, entry.file).toEqual([]);
        expect(
          result.issues.some((i) => i.code === 'NO_ASSETS'),
          entry.file,
        ).toBe(true);
      } else {
        expect(result.assets.length, entry.file).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('does not claim the README files', () => {
    for (const r of readmes) {
      const result = parseFile({ name: r.file, text: readFileSync(`${CORPUS_DIR}/${r.file}`, 'utf8') });
      expect(result.format, r.file).not.toBe('spdx3');
    }
  });

  it('maps AI / dataset packages, relationships and licenses', () => {
    const get = (name: string) => results.find(({ entry }) => entry.file === `spdx/${name}`)!.result;
    const htr = get('spdx-examples__ai_example01_simplehtr.spdx3.json');
    const models = htr.assets.filter((a) => a.kind === 'model').map((a) => a.name);
    expect(models).toEqual(expect.arrayContaining(['word-model', 'line-model']));
    expect(htr.relations).toContainEqual(
      expect.objectContaining({ child: 'word-model', type: 'trained_on', parent: 'IAMdataset' }),
    );
    expect(htr.relations).toContainEqual(
      expect.objectContaining({ child: 'word-model', type: 'evaluated_on', parent: 'IAMdataset' }),
    );
    expect(htr.assets.find((a) => a.id === 'numpy')?.license.raw).toBe('BSD-2-Clause-FreeBSD');
    expect(htr.assets.find((a) => a.id === 'word-model')?.license.raw).toBe('MIT');
    const iam = htr.assets.find((a) => a.id === 'IAMdataset');
    expect(iam?.license.raw).toMatch(/^LicenseRef-CustomLicense-/);
    expect(JSON.stringify(iam?.extra?.licenseTexts)).toContain('non-commercial research');
    expect(htr.assets.filter((a) => a.id.startsWith('word-model/'))).toEqual([]);
    const ds = get('spdx-examples__dataset_example01.spdx3.json');
    expect(ds.assets.find((a) => a.kind === 'dataset')).toMatchObject({
      name: 'Our World in Data CO2 and Greenhouse Gas Emissions dataset',
      license: { raw: 'CC-BY-4.0' },
    });
    const sbom = get('spdx-examples__ai_example02_sbom.spdx3.json');
    expect(sbom.assets.some((a) => a.kind === 'model')).toBe(true);
    expect(sbom.assets.some((a) => a.kind === 'dataset')).toBe(true);
    expect(sbom.relations.some((r) => r.type === 'trained_on')).toBe(true);

    const lines = results.map(({ entry, result }) => {
      const kinds = new Map<string, number>();
      for (const a of result.assets) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
      const dangling = result.issues.filter((i) => i.code === 'DANGLING_REF').length;
      return `${entry.file.replace(/^spdx\//, '')}: ${JSON.stringify(Object.fromEntries(kinds))} rel=${result.relations.length} dangling=${dangling}`;
    });
    const assets = results.reduce((n, { result }) => n + result.assets.length, 0);
    const relations = results.reduce((n, { result }) => n + result.relations.length, 0);
    console.log(
      `[spdx3 corpus] files=${results.length} assets=${assets} relations=${relations} refsOnly=${REFS_ONLY.size}\n  ${lines.join('\n  ')}`,
    );
  });
});
