/**
 * Corpus check of the OpenML reader over every `openml-dataset-description-json` / `-xml` entry of
 * ../shared/corpus/manifest.json through the top-level `parseFile`: id `openml:<openml_id>`, name and licence.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../parseFile';
import { CORPUS_DIR, requireShared } from '../../../testing/shared';

type Entry = { file: string; kind: string; openml_id: string; name: string; licence?: string };

requireShared();
const manifest = JSON.parse(readFileSync(`${CORPUS_DIR}/manifest.json`, 'utf8')) as { files: Entry[] };
const entries = manifest.files.filter((f) => f.kind.startsWith('openml-dataset-description-'));
const results = entries.map((entry) => ({
  entry,
  result: parseFile({ name: entry.file, text: readFileSync(`${CORPUS_DIR}/${entry.file}`, 'utf8') }),
}));

describe('openml corpus', () => {
  it('covers the manifest', () => {
    expect(entries.length).toBe(9);
  });

  it('detects every file and reads id, name and licence', () => {
    let json = 0;
    let xml = 0;
    for (const { entry, result } of results) {
      expect(result.format, entry.file).toBe('openml');
      expect(
        result.issues.filter((i) => i.severity === 'error'),
        entry.file,
      ).toEqual([]);
      expect(result.assets, entry.file).toHaveLength(1);
      const a = result.assets[0]!;
      expect(a).toMatchObject({ id: `openml:${entry.openml_id}`, name: entry.name, kind: 'dataset' });
      if (entry.licence !== undefined) expect(a.license.raw, entry.file).toBe(entry.licence);
      else expect(a.license.raw, entry.file).toBe('Public');
      expect(a.extra?.defaultTargetAttribute, entry.file).toBeDefined();
      expect(a.distribution?.[0]?.md5, entry.file).toMatch(/^[0-9a-f]{32}$/);
      if (entry.kind.endsWith('-json')) json++;
      else xml++;
    }
    const tags = results.reduce((n, { result }) => n + (result.assets[0]?.tags?.length ?? 0), 0);
    console.log(
      `[openml corpus] files=${results.length} json=${json} xml=${xml} assets=${results.length} tags=${tags}`,
    );
  });
});
