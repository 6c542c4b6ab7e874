/**
 * Corpus check of the MLflow reader over every `mlflow-mlmodel` entry of ../shared/corpus/manifest.json through the
 * top-level `parseFile`: flavors, mlflow_version and signature presence as in the manifest.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../parseFile';
import { CORPUS_DIR, requireShared } from '../../../testing/shared';

type Entry = {
  file: string;
  kind: string;
  flavors: string[];
  mlflow_version: string | null;
  has_signature: boolean;
};

requireShared();
const manifest = JSON.parse(readFileSync(`${CORPUS_DIR}/manifest.json`, 'utf8')) as { files: Entry[] };
const entries = manifest.files.filter((f) => f.kind === 'mlflow-mlmodel');
const results = entries.map((entry) => ({
  entry,
  result: parseFile({ name: entry.file, text: readFileSync(`${CORPUS_DIR}/${entry.file}`, 'utf8') }),
}));

describe('mlflow corpus', () => {
  it('covers the manifest', () => {
    expect(entries.length).toBe(14);
  });

  it('detects every MLmodel and reads flavors, version and signature', () => {
    const libraries = new Map<string, number>();
    let warnings = 0;
    for (const { entry, result } of results) {
      expect(result.format, entry.file).toBe('mlflow');
      expect(
        result.issues.filter((i) => i.severity === 'error'),
        entry.file,
      ).toEqual([]);
      expect(result.assets, entry.file).toHaveLength(1);
      const a = result.assets[0]!;
      expect(a.kind).toBe('model');
      expect([...((a.extra?.flavors as string[] | undefined) ?? [])].sort(), entry.file).toEqual(
        [...entry.flavors].sort(),
      );
      expect(a.extra?.mlflowVersion ?? null, entry.file).toBe(entry.mlflow_version);
      expect((a.extra?.signature as { present?: boolean } | undefined)?.present, entry.file).toBe(
        entry.has_signature,
      );
      expect(a.id, entry.file).toMatch(/^mlflow:/);
      const lib = a.libraryName ?? '(pyfunc)';
      libraries.set(lib, (libraries.get(lib) ?? 0) + 1);
      warnings += result.issues.filter((i) => i.severity === 'warning').length;
    }
    const crate = results.find(({ entry }) => entry.file === 'mlflow/kirenz__R_crate.MLmodel')!.result;
    expect(crate.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['MISSING_ID', 'INVALID_DATE']));
    console.log(
      `[mlflow corpus] files=${results.length} assets=${results.length} warnings=${warnings} libraries=${JSON.stringify(Object.fromEntries(libraries))}`,
    );
  });
});
