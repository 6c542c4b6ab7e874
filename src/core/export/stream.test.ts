import { describe, expect, it } from 'vitest';
import { checkCatalogExportValue, parseCatalogExport, serializeCatalog } from './envelope';
import { exportParts, exportPartsPaged, linesOf, readExportLines } from './stream';
import type { StoredAsset } from '../catalog/rows';

function asset(i: number): StoredAsset {
  const id = `acme/<m>-${i}`;
  return {
    id,
    key: id,
    kind: 'model',
    name: `m-${i}`,
    license: { raw: 'mit', normalized: 'MIT' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    contributions: [],
    fieldSources: {},
  };
}

function envelope(n: number) {
  const env = serializeCatalog({
    exportedAt: '2026-01-01T00:00:00.000Z',
    scope: { kind: 'catalog', includesSources: true },
    assets: Array.from({ length: n }, (_, i) => asset(i)),
    versions: Array.from({ length: n }, (_, i) => ({
      assetKey: `acme/<m>-${i}`,
      assetId: `acme/<m>-${i}`,
      sha256: `s${i}`,
      sourceName: `m${i}.md`,
      format: 'hf-model-card',
      importedAt: '2026-01-01T00:00:00.000Z',
      text: `---\nlicense: mit\n---\n# "quoted"\n\\ back\u2028slash ${i}\n`,
    })),
    relations: [],
    curation: [],
  });
  env.licenses = { results: [], notice: 'NOTICE\nline' };
  return env;
}

/** Chunks of a text cut at odd places (as a stream delivers them). */
async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield await Promise.resolve(text.slice(i, i + size));
}

describe('export in parts', () => {
  it('is plain JSON, one record per line, equal to the envelope', () => {
    const env = envelope(3);
    const text = [...exportParts(env)].join('');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(env)));
    expect(text.split('\n').filter((l) => l.startsWith('{"id":'))).toHaveLength(3);
    expect(parseCatalogExport(text).ok).toBe(true);
  });

  it('reads back line by line from chunks of any size, without the whole text as one string', async () => {
    const env = envelope(50);
    const text = [...exportParts(env)].join('');
    for (const size of [1, 7, 4096]) {
      const value = await readExportLines(linesOf(chunked(text, size)));
      expect(value).toEqual(JSON.parse(text));
      const checked = checkCatalogExportValue(value);
      expect(checked.ok).toBe(true);
    }
  });

  it('with versions read in pages (any sizes, empty pages, none at all) writes the same file', async () => {
    async function* pages(rows: readonly unknown[], sizes: number[]): AsyncGenerator<readonly unknown[]> {
      let at = 0;
      for (let i = 0; at < rows.length || i < sizes.length; i++) {
        const size = sizes[i % sizes.length] ?? 1;
        yield await Promise.resolve(rows.slice(at, at + size));
        at += size;
      }
    }
    const join = async (parts: AsyncIterable<string>) => {
      let text = '';
      for await (const p of parts) text += p;
      return text;
    };
    for (const n of [0, 1, 9]) {
      const env = envelope(n);
      const expected = [...exportParts(env)].join('');
      for (const sizes of [[1], [4, 0, 2], [100]]) {
        // The envelope's own versions are not read: only the pages are.
        const text = await join(exportPartsPaged({ ...env, versions: [] }, pages(env.versions, sizes)));
        expect(text).toBe(expected);
      }
    }
  });

  it('an empty catalog, and an envelope without optional lists, round trip', async () => {
    const env = serializeCatalog({ exportedAt: 'x', assets: [], versions: [], relations: [] });
    const text = [...exportParts(env)].join('');
    expect(JSON.parse(text)).toEqual(env);
    expect(await readExportLines(linesOf(chunked(text, 3)))).toEqual(env);
  });

  it('another layout or a damaged file is not read (the caller falls back or refuses)', async () => {
    const env = envelope(2);
    const pretty = JSON.stringify(env, null, 2);
    expect(await readExportLines(linesOf(chunked(pretty, 100)))).toBeUndefined();
    const text = [...exportParts(env)].join('');
    expect(await readExportLines(linesOf(chunked(text.slice(0, text.length - 40), 100)))).toBeUndefined();
  });

  it('a __proto__ key stays a key, and the check drops it with a warning', async () => {
    const text = [...exportParts(envelope(1))]
      .join('')
      .replace('"assets":[', '"__proto__":{"polluted":true},\n"assets":[');
    const value = await readExportLines(linesOf(chunked(text, 64)));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const checked = checkCatalogExportValue(value);
    expect(checked.ok).toBe(true);
    expect(checked.issues.map((i) => i.code)).toContain('FORBIDDEN_KEY');
  });
});
