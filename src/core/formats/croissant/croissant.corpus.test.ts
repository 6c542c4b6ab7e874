/**
 * Corpus check of the Croissant reader: every `croissant-jsonld` entry of ../shared/corpus/manifest.json goes through
 * the top-level `parseFile` (sniffing included). Expected: format `croissant`, exactly one dataset asset per file
 * (intentionally-invalid fixtures included: they are valid JSON with schema problems, which this reader tolerates),
 * the manifest `name` (a language map is read in English) and `conformsTo` kept. (parseFile normalizes licenses;
 * the reader itself leaves `license.normalized` unset, see croissant.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../parseFile';
import { CORPUS_DIR, requireShared } from '../../../testing/shared';

type Entry = { file: string; kind: string; name?: unknown; conformsTo?: unknown; role?: string };

requireShared();
const manifest = JSON.parse(readFileSync(`${CORPUS_DIR}/manifest.json`, 'utf8')) as { files: Entry[] };
const entries = manifest.files.filter((f) => f.kind === 'croissant-jsonld');
const results = entries.map((entry) => ({
  entry,
  result: parseFile({ name: entry.file, text: readFileSync(`${CORPUS_DIR}/${entry.file}`, 'utf8') }),
}));

function expectedName(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const en = (v as Record<string, unknown>).en;
    if (typeof en === 'string') return en;
  }
  return undefined;
}

describe('croissant corpus', () => {
  it('covers the manifest', () => {
    expect(entries.length).toBe(103);
  });

  it('detects every file as Croissant and yields one dataset asset without errors', () => {
    const wrong = results
      .filter(({ result }) => result.format !== 'croissant')
      .map(({ entry }) => entry.file);
    expect(wrong).toEqual([]);
    const bad = results.filter(
      ({ result }) => result.assets.length !== 1 || result.issues.some((i) => i.severity === 'error'),
    );
    expect(bad.map(({ entry }) => entry.file)).toEqual([]);
    for (const { result } of results) expect(result.assets[0]!.kind).toBe('dataset');
  });

  it('keeps name and conformsTo from the manifest', () => {
    let names = 0;
    let conforms = 0;
    for (const { entry, result } of results) {
      const asset = result.assets[0]!;
      const name = expectedName(entry.name);
      if (name !== undefined) {
        expect(asset.name, entry.file).toBe(name);
        names++;
      } else {
        expect(
          result.issues.some((i) => i.code === 'MISSING_NAME'),
          entry.file,
        ).toBe(true);
      }
      if (entry.conformsTo !== null && entry.conformsTo !== undefined) {
        expect(asset.extra?.conformsTo, entry.file).toEqual(entry.conformsTo);
        conforms++;
      } else {
        expect(asset.extra?.croissantVersion ?? '0.8', entry.file).toBe('0.8');
      }
    }
    const versions = new Map<string, number>();
    for (const { result } of results) {
      const raw = result.assets[0]!.extra?.croissantVersion;
      const v = typeof raw === 'string' ? raw : 'none';
      versions.set(v, (versions.get(v) ?? 0) + 1);
    }
    const hfIds = results.filter(({ result }) => /^[^:/]+\/[^:/]+$/.test(result.assets[0]!.id)).length;
    const relations = results.reduce((n, { result }) => n + result.relations.length, 0);
    const withRai = results.filter(({ result }) => result.assets[0]!.extra?.rai !== undefined).length;
    console.log(
      `[croissant corpus] files=${results.length} assets=${results.length} names=${names} conformsTo=${conforms} ` +
        `versions=${JSON.stringify(Object.fromEntries(versions))} hfIds=${hfIds} withRai=${withRai} relations=${relations}`,
    );
  });

  it('reads provenance and RAI of the 1.1 examples', () => {
    const squad = results.find(
      ({ entry }) => entry.file === 'croissant/1.1__huggingface-squad_v2.json',
    )?.result;
    expect(squad?.assets[0]!.id).toBe('rajpurkar/squad_v2');
    expect(squad?.relations).toContainEqual(
      expect.objectContaining({
        type: 'derived_from',
        parent: 'rajpurkar/squad',
        evidence: 'prov:wasDerivedFrom',
      }),
    );
    const wild = results.find(
      ({ entry }) => entry.file === 'croissant/1.1__huggingface-wildchat.json',
    )?.result;
    expect(wild?.relations).toContainEqual(expect.objectContaining({ parent: 'allenai/WildChat-1M-Full' }));
    const stack = results.find(({ entry }) => entry.file === 'croissant/1.0__bigcode-the-stack.json')?.result;
    expect(
      Object.keys((stack?.assets[0]!.extra?.rai as Record<string, unknown> | undefined) ?? {}).length,
    ).toBe(9);
    expect(stack?.assets[0]!.id).toBe('bigcode/the-stack');
    const covertype = results.find(({ entry }) => entry.file === 'croissant/openml__covertype.json')?.result;
    expect(covertype?.assets[0]!.id).toBe('openml:180');
  });
});
