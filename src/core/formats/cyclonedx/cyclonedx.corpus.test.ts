/**
 * Corpus check of the CycloneDX reader over every `cyclonedx-mlbom` entry of ../shared/corpus/manifest.json through the
 * top-level `parseFile`. Documented difference: the two files the manifest marks `valid_json: false` fail strict
 * JSON only because of trailing commas; this reader tolerates those (brief: "CycloneDX trailing commas tolerated"),
 * so they yield assets plus a TRAILING_COMMA warning with line/column. The test also checks that strict parsing of the
 * same text gives a JSON_SYNTAX error with line/column, as the manifest `json_error` says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { safeJsonParse } from '../../util/safeParse';
import { parseFile } from '../parseFile';
import { CORPUS_DIR, requireShared } from '../../../testing/shared';

type Entry = { file: string; kind: string; specVersion?: string; valid_json?: boolean; json_error?: string };

requireShared();
const manifest = JSON.parse(readFileSync(`${CORPUS_DIR}/manifest.json`, 'utf8')) as { files: Entry[] };
const entries = manifest.files.filter((f) => f.kind === 'cyclonedx-mlbom');
const results = entries.map((entry) => {
  const text = readFileSync(`${CORPUS_DIR}/${entry.file}`, 'utf8');
  return { entry, text, result: parseFile({ name: entry.file, text }) };
});

describe('cyclonedx corpus', () => {
  it('covers the manifest', () => {
    expect(entries.length).toBe(8);
  });

  it('detects every file, keeps specVersion and yields assets', () => {
    for (const { entry, result } of results) {
      expect(result.format, entry.file).toBe('cyclonedx');
      expect(
        result.issues.filter((i) => i.severity === 'error'),
        entry.file,
      ).toEqual([]);
      expect(result.assets.length, entry.file).toBeGreaterThanOrEqual(1);
      for (const a of result.assets) expect(a.extra?.specVersion, entry.file).toBe(entry.specVersion);
    }
  });

  it('tolerates the trailing commas behind json_error and still reports where they are', () => {
    const broken = results.filter(({ entry }) => entry.json_error !== undefined);
    expect(broken.length).toBe(2);
    for (const { entry, text, result } of broken) {
      const strict = safeJsonParse(text);
      expect(strict.ok, entry.file).toBe(false);
      expect(strict.issues[0]).toMatchObject({ severity: 'error', code: 'JSON_SYNTAX' });
      expect(strict.issues[0]!.line, entry.file).toBeDefined();
      const w = result.issues.find((i) => i.code === 'TRAILING_COMMA');
      expect(w, entry.file).toMatchObject({ severity: 'warning' });
      const manifestLine = Number(/line (\d+)/.exec(entry.json_error ?? '')?.[1]);
      expect(Math.abs((w!.line ?? 0) - manifestLine), entry.file).toBeLessThanOrEqual(1);
      expect(w!.column).toBeGreaterThan(0);
    }
  });

  it('reads the ML details', () => {
    const byFile = new Map(
      results.map(({ entry, result }) => [entry.file.replace(/^cyclonedx\//, ''), result]),
    );
    const bert = byFile.get('bom-examples__MLBOM_Model_OpenSource.json')!;
    expect(bert.assets[0]).toMatchObject({
      id: 'google-bert/bert-base-cased',
      kind: 'model',
      datasets: ['legacy-datasets/wikipedia', 'bookcorpus/bookcorpus'],
    });
    expect(bert.relations.filter((r) => r.type === 'trained_on').map((r) => r.parent)).toEqual([
      'legacy-datasets/wikipedia',
      'bookcorpus/bookcorpus',
    ]);
    const wiki = byFile.get('bom-examples__MLBOM_Dataset.json')!;
    expect(wiki.assets[0]).toMatchObject({ id: 'wikimedia/wikipedia', kind: 'dataset' });
    expect(Array.isArray(wiki.assets[0]!.license.raw)).toBe(true);
    const llama = byFile.get('specification__valid-machine-learning-considerations-env-1.7.json')!;
    expect(llama.assets[0]!.id).toBe('meta-llama/Llama-2-7b');
    expect(llama.assets[0]!.extra?.considerations).toBeDefined();
    const sd = byFile.get('specification__valid-machine-learning-1.6.json')!;
    expect(sd.assets[0]!.evalResults?.length).toBeGreaterThan(0);
    expect(JSON.stringify(sd.assets).length).toBeLessThan(40_000);

    const counts = results.map(
      ({ entry, result }) =>
        `${entry.file.replace(/^cyclonedx\//, '')}:${result.assets.length}a/${result.relations.length}r`,
    );
    const assets = results.reduce((n, { result }) => n + result.assets.length, 0);
    const relations = results.reduce((n, { result }) => n + result.relations.length, 0);
    console.log(
      `[cyclonedx corpus] files=${results.length} assets=${assets} relations=${relations} trailingCommaTolerated=2 :: ${counts.join(' ')}`,
    );
  });
});
