/**
 * Every file of ../shared/corpus through the public parseFile: never throws, sniffs the right format, and
 * metadata files yield assets (or a clear error). License data files (choosealicense, SPDX license list, OSADL)
 * are not catalog metadata: they must come back as a clear "unknown format" error, not a crash or a bogus asset.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../index';
import { CORPUS_DIR, requireShared } from '../../testing/shared';

requireShared();

type Entry = { file: string; kind: string; json_error?: string };
const manifest = JSON.parse(readFileSync(`${CORPUS_DIR}/manifest.json`, 'utf8')) as { files: Entry[] };

const EXPECTED_FORMAT: Record<string, string> = {
  'hf-model-card': 'hf-model-card',
  'hf-dataset-card': 'hf-dataset-card',
  'croissant-jsonld': 'croissant',
  'cyclonedx-mlbom': 'cyclonedx',
  'spdx3-ai': 'spdx3',
  'spdx3-dataset': 'spdx3',
  'spdx3-software': 'spdx3',
  'openml-dataset-description-json': 'openml',
  'openml-dataset-description-xml': 'openml',
  'mlflow-mlmodel': 'mlflow',
};

describe('whole corpus through parseFile', () => {
  const results = manifest.files.map((f) => {
    const text = readFileSync(`${CORPUS_DIR}/${f.file}`, 'utf8');
    return { entry: f, result: parseFile({ name: f.file, text }) };
  });

  it('parses every file without throwing and sniffs the expected format', () => {
    const wrong: string[] = [];
    for (const { entry, result } of results) {
      const expected = EXPECTED_FORMAT[entry.kind];
      if (expected && result.format !== expected)
        wrong.push(`${entry.file}: ${result.format} (expected ${expected})`);
    }
    expect(wrong).toEqual([]);
  });

  it('every metadata file yields at least one asset with id, kind, name and license', () => {
    const empty: string[] = [];
    let assets = 0;
    for (const { entry, result } of results) {
      if (!EXPECTED_FORMAT[entry.kind]) continue;
      for (const a of result.assets) {
        assets++;
        expect(a.id, entry.file).toBeTruthy();
        expect(a.kind, entry.file).toBeTruthy();
        expect(typeof a.name, entry.file).toBe('string');
        expect(a.license, entry.file).toBeDefined();
        expect(a.license.normalized, entry.file).toBeTruthy();
      }
      if (result.assets.length === 0) empty.push(entry.file);
    }
    console.log(
      `corpus: ${results.length} files, ${assets} assets from metadata files; without assets: ${empty.join(', ') || 'none'}`,
    );
    // SPDX serialization examples whose element lists hold only ids are the only allowed empties.
    for (const f of empty) expect(f).toMatch(/^spdx\//);
  });

  it('non-metadata files (license data, READMEs) get a clear per-file error, not an asset', () => {
    for (const { entry, result } of results) {
      if (EXPECTED_FORMAT[entry.kind] || entry.kind.startsWith('spdx3')) continue;
      if (result.assets.length > 0) continue;
      expect(
        result.issues.some((i) => i.severity === 'error'),
        entry.file,
      ).toBe(true);
    }
  });

  it('relations always have both ends and a known origin', () => {
    for (const { result } of results) {
      for (const r of result.relations) {
        expect(r.child).toBeTruthy();
        expect(r.parent).toBeTruthy();
        expect(['declared', 'inferred']).toContain(r.origin);
      }
    }
  });
});
