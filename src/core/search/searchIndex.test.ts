import { describe, expect, it } from 'vitest';
import type { StoredAsset } from '../catalog/rows';
import { applyFacets, buildFacetIndex } from '../catalog/facets';
import { orderByKeyDesc } from '../catalog/facetStats';
import { toCatalogRow, type CatalogRow } from '../catalog/catalogRow';
import { filterStructured, matchesStructured } from './filter';
import { parseQuery } from './query';
import {
  createSearchIndex,
  loadSearchIndex,
  queryCandidates,
  searchRows,
  toSearchDoc,
  warmSearchIndex,
  type MiniSearch,
  type SearchDoc,
} from './searchIndex';
import { storedAsset } from '@/testing/builders';

const asset = storedAsset;

const row = (id: string, extra: Partial<StoredAsset> = {}): CatalogRow =>
  toCatalogRow(asset(id, extra), [], 0);

function catalog(rows: CatalogRow[]): {
  rows: CatalogRow[];
  keyToIndex: Map<string, number>;
  index: MiniSearch<SearchDoc>;
} {
  const index = createSearchIndex();
  index.addAll(rows.map(toSearchDoc));
  return { rows, keyToIndex: new Map(rows.map((r, i) => [r.key, i])), index };
}

const ROWS: CatalogRow[] = [
  row('mistralai/Mistral-7B-Instruct-v0.2', { tags: ['chat'], description: 'An instruct model.' }),
  row('qwen/Qwen2.5-Coder-7B', { tags: ['code'], description: 'Coder model by the Qwen team.' }),
  row('meta-llama/Llama-3.1-8B', { description: 'Llama base model.' }),
  row('acme/helper', { tags: ['gguf', 'falcon'], description: 'A small helper.' }),
  row('acme/notes', { description: 'Notes about falcon models and customer support.' }),
  row('falcon-team/assistant', { description: 'Chat assistant.' }),
  row('acme/falcon-7b', { tags: ['gguf'], description: 'Falcon 7B, quantized.' }),
];

describe('searchRows', () => {
  const c = catalog(ROWS);
  const ids = (text: string): string[] =>
    Array.from(searchRows(c.index, c.keyToIndex, text), (i) => c.rows[i]?.id ?? '');

  it('tolerates typos, transpositions included', () => {
    expect(ids('mistrla')).toContain('mistralai/Mistral-7B-Instruct-v0.2');
    expect(ids('qwne')).toContain('qwen/Qwen2.5-Coder-7B');
    expect(ids('instrcut')).toContain('mistralai/Mistral-7B-Instruct-v0.2');
    expect(ids('lama')[0]).toBe('meta-llama/Llama-3.1-8B');
  });

  it('completes the last word as you type, only the last', () => {
    expect(ids('mis')).toEqual(['mistralai/Mistral-7B-Instruct-v0.2']);
    expect(ids('lla')).toEqual(['meta-llama/Llama-3.1-8B']);
    expect(ids('qwen cod')).toEqual(['qwen/Qwen2.5-Coder-7B']);
    // Exact words first: 'coder' is a word of its own, no typo expansion needed.
    expect(ids('coder')).toEqual(['qwen/Qwen2.5-Coder-7B']);
  });

  it('requires every word', () => {
    expect(ids('falcon gguf')).toEqual(['acme/falcon-7b', 'acme/helper']);
    expect(ids('falcon nothinglikethis')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('ranks name > id > tags > description', () => {
    expect(ids('falcon')).toEqual(['acme/falcon-7b', 'falcon-team/assistant', 'acme/helper', 'acme/notes']);
  });

  it('scores like MiniSearch (same hits, order by its score)', () => {
    for (const q of ['falcon', 'model', 'chat', 'acme', 'falcon gguf', 'qwen coder']) {
      const words = q.split(' ');
      const last = words[words.length - 1];
      const ms = c.index.search(q, {
        prefix: (t) => t === last && t.length >= 2,
        fuzzy: false,
        combineWith: 'AND',
      });
      const score = new Map(ms.map((r) => [String(r.id), r.score]));
      const got = Array.from(searchRows(c.index, c.keyToIndex, q), (i) => c.rows[i]?.key ?? '');
      expect(new Set(got)).toEqual(new Set(score.keys()));
      for (let j = 1; j < got.length; j++)
        expect(score.get(got[j - 1] ?? '') ?? 0).toBeGreaterThanOrEqual(
          (score.get(got[j] ?? '') ?? 0) * 0.9999,
        );
    }
  });

  it('follows index changes: additions, replacements, removals, reordered rows', () => {
    const rows = ROWS.slice(0, 3);
    const k = catalog(rows);
    expect(searchRows(k.index, k.keyToIndex, 'zephyr').length).toBe(0);
    const added = row('hf/zephyr-7b');
    rows.push(added);
    k.keyToIndex.set(added.key, rows.length - 1);
    k.index.add(toSearchDoc(added));
    expect(Array.from(searchRows(k.index, k.keyToIndex, 'zephyr'))).toEqual([3]);
    // Replaced: the old words no longer match.
    const renamed = row('hf/zephyr-7b', { name: 'breeze' });
    rows[3] = renamed;
    k.index.replace(toSearchDoc(renamed));
    expect(searchRows(k.index, k.keyToIndex, 'zephyr').length).toBe(1); // still in the id
    expect(Array.from(searchRows(k.index, k.keyToIndex, 'breeze'))).toEqual([3]);
    k.index.discard(renamed.key);
    expect(searchRows(k.index, k.keyToIndex, 'breeze').length).toBe(0);
    // Rows reordered: a new key → index map.
    const reordered = new Map(rows.map((r, i) => [r.key, rows.length - 1 - i]));
    expect(Array.from(searchRows(k.index, reordered, 'qwen'))).toEqual([rows.length - 2]);
  });

  it('works on an index loaded from JSON', () => {
    const loaded = loadSearchIndex(JSON.stringify(c.index));
    expect(Array.from(searchRows(loaded, c.keyToIndex, 'falcon'))).toEqual(
      Array.from(searchRows(c.index, c.keyToIndex, 'falcon')),
    );
  });
});

describe('queryCandidates', () => {
  const c = catalog(ROWS);
  const facets = buildFacetIndex(ROWS);
  const ids = (q: string, withFacets = true): string[] | undefined => {
    const out = queryCandidates(
      c.index,
      c.rows,
      c.keyToIndex,
      parseQuery(q),
      withFacets ? facets : undefined,
    );
    return out && Array.from(out, (i) => c.rows[i]?.id ?? '');
  };

  it('combines text, exclusions, clauses and phrases', () => {
    expect(ids('')).toBeUndefined();
    expect(ids('falcon -gguf')).toEqual(['falcon-team/assistant', 'acme/notes']);
    expect(ids('-gguf')).toEqual([
      'mistralai/Mistral-7B-Instruct-v0.2',
      'qwen/Qwen2.5-Coder-7B',
      'meta-llama/Llama-3.1-8B',
      'acme/notes',
      'falcon-team/assistant',
    ]);
    expect(ids('-"falcon gguf"')).toHaveLength(5);
    expect(ids('"Customer Support"')).toEqual(['acme/notes']);
    expect(ids('model license:mit -kind:dataset')).toEqual(ids('model license:mit -kind:dataset', false));
  });

  it('warming changes nothing', () => {
    const before = ids('falcon -gguf license:mit');
    warmSearchIndex(c.index, c.rows, c.keyToIndex, facets);
    expect(ids('falcon -gguf license:mit')).toEqual(before);
  });
});

describe('filterStructured', () => {
  const rows: CatalogRow[] = [
    row('acme/chat', {
      pipelineTag: 'text-generation',
      libraryName: 'PEFT',
      baseModels: ['mistralai/Mistral-7B-v0.1'],
      languages: ['en', 'de'],
      datasets: ['tatsu-lab/alpaca'],
      tags: ['Chat'],
    }),
    row('acme/coder', { license: { raw: 'apache-2.0', normalized: 'Apache-2.0' }, languages: ['en'] }),
    row('acme/data', {
      kind: 'dataset',
      license: { raw: 'cc-by-nc-4.0', normalized: 'CC-BY-NC-4.0' },
      sourceFormat: 'croissant',
      description: 'Straße data, ÄÖÜ and more',
    }),
    row('acme/none', { license: { raw: '' }, owner: 'ACME' }),
    row('acme/NONE', { license: { raw: 'none', normalized: 'NONE', name: 'my-license' } }),
    row('acme/custom', {
      license: { raw: 'other', normalized: 'LicenseRef-other', name: 'Llama3' },
      description: 'The KELVIN \u212a sign',
    }),
    row('acme/dual', { license: { raw: 'x', normalized: 'MIT OR Apache-2.0' } }),
  ];
  const facets = buildFacetIndex(rows);
  const queries = [
    'license:apache-2.0',
    'license:APACHE-2.0',
    'license:permissive',
    'license:non-commercial',
    'license:unknown',
    'license:none',
    'license:no*',
    'license:apache*',
    'license:llama3',
    'license:my-license',
    '-license:mit',
    'license:mit',
    'task:text-generation library:peft',
    'base:mistralai/mistral-7b-v0.1',
    '-base:mistralai/Mistral-7B-v0.1',
    'trained-on:Tatsu-Lab/Alpaca',
    'lang:DE',
    '-lang:en',
    'kind:dataset format:croissant',
    'kind:nothing',
    'owner:acme',
    'tag:chat',
    '"coder"',
    '"straße"',
    '"STRASSE"',
    '"äöü and"',
    '"kelvin k sign"',
    '"acme/chat chat"',
    '"coder" -license:none',
  ];

  it('agrees with matchesStructured, with and without facet columns', () => {
    for (const q of queries) {
      const p = parseQuery(q);
      const expected = rows.flatMap((r, i) => (matchesStructured(r, p) ? [i] : []));
      expect(Array.from(filterStructured(rows, p, undefined, facets)), q).toEqual(expected);
      expect(Array.from(filterStructured(rows, p, undefined)), q).toEqual(expected);
    }
  });

  it('keeps the candidates order', () => {
    const p = parseQuery('-license:mit');
    expect(Array.from(filterStructured(rows, p, Uint32Array.from([3, 2, 1, 0]), facets))).toEqual([3, 2, 1]);
  });
});

describe('applyFacets ordering', () => {
  it('keeps candidate order and sorts values by count, then label', () => {
    const rows = [
      row('a/1', { languages: ['b', 'a'] }),
      row('a/2', { languages: ['B'] }),
      row('a/3', { languages: ['c', 'a'] }),
      row('a/4', { languages: ['ä'] }),
    ];
    const res = applyFacets(buildFacetIndex(rows), Uint32Array.from([3, 0, 2]), {});
    expect(Array.from(res.matches)).toEqual([3, 0, 2]);
    expect(res.counts.lang.values).toEqual([
      { value: 'a', count: 2 },
      { value: 'ä', count: 1 },
      { value: 'b', count: 1 },
      { value: 'c', count: 1 },
    ]);
    expect(applyFacets(buildFacetIndex(rows), undefined, {}, 2).counts.lang).toEqual({
      values: [
        { value: 'a', count: 2 },
        { value: 'b', count: 2 },
      ],
      distinct: 4,
    });
  });

  it('orderByKeyDesc is a stable descending sort', () => {
    const n = 5000;
    const items = Uint32Array.from({ length: n }, (_, i) => i);
    const keys = Uint32Array.from({ length: n }, (_, i) => ((i * 2654435761) >>> 0) % 97 ** (1 + (i % 4)));
    const expected = Array.from(items).sort((a, b) => (keys[b] ?? 0) - (keys[a] ?? 0) || a - b);
    expect(Array.from(orderByKeyDesc(items, keys))).toEqual(expected);
  });

  it('orderByKeyDesc handles keys of any width: all zero, small, and with the top bit set', () => {
    const items = Uint32Array.from([4, 3, 2, 1, 0]);
    expect(Array.from(orderByKeyDesc(items, new Uint32Array(5)))).toEqual([4, 3, 2, 1, 0]);
    expect(Array.from(orderByKeyDesc(items, Uint32Array.from([1, 3, 2, 3, 0])))).toEqual([3, 1, 2, 4, 0]);
    const wide = Uint32Array.from([0x80000000, 5, 0xffffffff, 0x7fffffff, 5]);
    expect(Array.from(orderByKeyDesc(items, wide))).toEqual([2, 4, 1, 3, 0]);
  });

  it('facet counts over ranked hits equal counts over the same rows in any order', () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      row(`o/m${i}`, { kind: i % 3 === 0 ? 'dataset' : 'model', languages: i % 5 === 0 ? ['de'] : ['en'] }),
    );
    const idx = createSearchIndex();
    const keyToIndex = new Map(rows.map((r, i) => [r.key, i]));
    idx.addAll(rows.map(toSearchDoc));
    const facets = buildFacetIndex(rows);
    // Ranked hits come with their ascending twin remembered; a copy in the same order has none.
    const ranked = searchRows(idx, keyToIndex, 'm1');
    expect(ranked.length).toBeGreaterThan(10);
    const copy = ranked.slice();
    for (const sel of [{}, { kind: ['model'] }, { lang: ['de'], kind: ['dataset', 'model'] }]) {
      const a = applyFacets(facets, ranked, sel);
      const b = applyFacets(facets, copy, sel);
      expect(Array.from(a.matches)).toEqual(Array.from(b.matches));
      expect(a.counts).toEqual(b.counts);
    }
  });
});
