import { describe, expect, it } from 'vitest';
import { applyFacets, buildFacetIndex, FACET_IDS, warmFacetGroups, type FacetSelection } from './facets';
import type { CatalogRow, Derivation } from './catalogRow';
import { LICENSE_FAMILIES } from '../licenses/family';
import { facetGroupsOf } from './facetGroups';

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DERIVATIONS: Derivation[] = ['finetune', 'adapter', 'quantized', 'merge', 'original'];

function someOf(rand: () => number, pool: readonly string[], max: number): string[] {
  const out = new Set<string>();
  const n = Math.floor(rand() * (max + 1));
  for (let i = 0; i < n; i++) out.add(pool[Math.floor(rand() * pool.length)] ?? '');
  return [...out];
}

function makeRows(n: number, seed: number): CatalogRow[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const tasks = [
    'text-generation',
    'summarization',
    'translation',
    'fill-mask',
    'asr',
    'image-classification',
  ];
  const langs = ['en', 'de', 'fr', 'zh', 'ja', 'es', 'ru', 'ar'];
  // Many datasets, up to two per row: more distinct sets than a group takes.
  const datasets = Array.from({ length: n }, (_, i) => `org/ds-${i}`);
  const rows: CatalogRow[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({
      key: `o/m-${i}`,
      id: `o/m-${i}`,
      name: `m-${i}`,
      kind: pick(['model', 'model', 'dataset', 'code']),
      owner: 'o',
      task: '',
      tasks: someOf(rand, tasks, 2),
      library: pick(['', 'transformers', 'peft', 'gguf', 'diffusers']),
      license: pick(['', 'MIT', 'Apache-2.0', 'CC-BY-NC-4.0', 'GPL-3.0-only']),
      licenseName: '',
      licenseFamily: pick(LICENSE_FAMILIES),
      baseModels: [],
      bases: [],
      derivative: pick(DERIVATIONS),
      parents: rand() < 0.3 ? ['o/p'] : [],
      nChildren: 0,
      trainedOn: someOf(rand, datasets, 2),
      languages: someOf(rand, langs, 3),
      formats: someOf(rand, ['hf-model-card', 'croissant', 'mlflow'], 2),
      source: '',
      tags: [],
      desc: '',
      completeness: Math.floor(rand() * 101),
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    });
  }
  return rows;
}

describe('facet groups', () => {
  const rows = makeRows(9000, 7);
  const plain = buildFacetIndex(rows);
  const grouped = buildFacetIndex(rows);
  warmFacetGroups(grouped);
  const rand = rng(11);
  // Hits in no particular order (as text search ranks them), a small list, none, every row.
  const shuffled = Uint32Array.from(rows.map((_, i) => i).filter(() => rand() < 0.45));
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = shuffled[i] ?? 0;
    shuffled[i] = shuffled[j] ?? 0;
    shuffled[j] = t;
  }
  const candidateLists: [string, Uint32Array | undefined][] = [
    ['all rows', undefined],
    ['shuffled hits', shuffled],
    ['few hits', shuffled.slice(0, 40)],
    ['no hits', new Uint32Array(0)],
  ];
  const selections: FacetSelection[] = [
    {},
    { kind: ['model'] },
    { kind: ['model', 'code'], lang: ['de'] },
    { license: ['MIT'], family: ['permissive'], task: ['summarization'] },
    { trained: [rows[3]?.trainedOn[0] ?? 'org/ds-1', 'org/ds-2'], derivative: ['merge'] },
    { lang: ['none-such'] },
  ];

  it('groups the few-valued columns and leaves the varied ones to row-by-row counting', () => {
    const g = facetGroupsOf(grouped);
    expect(g).toBeDefined();
    expect(facetGroupsOf(plain)).toBeUndefined();
    const groupedCols = (g?.groups ?? []).flatMap((x) => x.cols);
    expect(groupedCols).toContain(FACET_IDS.indexOf('kind'));
    expect(g?.loose).toContain(FACET_IDS.indexOf('trained'));
    // Every column is counted exactly once: in one group or loose.
    expect([...groupedCols, ...(g?.loose ?? [])].sort((a, b) => a - b)).toEqual(FACET_IDS.map((_, f) => f));
    for (const grp of g?.groups ?? []) expect(grp.nSig).toBeLessThanOrEqual(4096);
  });

  for (const [name, candidates] of candidateLists) {
    it(`counts and matches equal the column-by-column result (${name})`, () => {
      for (const sel of selections) {
        const a = applyFacets(plain, candidates, sel);
        const b = applyFacets(grouped, candidates, sel);
        expect(Array.from(b.matches)).toEqual(Array.from(a.matches));
        expect(b.counts).toEqual(a.counts);
      }
    });
  }

  it('counts agree with a direct count over the rows', () => {
    const res = applyFacets(grouped, shuffled, {});
    const model = Array.from(shuffled).filter((i) => rows[i]?.kind === 'model').length;
    expect(res.counts.kind.values.find((v) => v.value === 'model')?.count).toBe(model);
    const de = Array.from(shuffled).filter((i) => rows[i]?.languages.includes('de')).length;
    expect(res.counts.lang.values.find((v) => v.value === 'de')?.count).toBe(de);
  });

  it('small catalogs count column by column', () => {
    const small = buildFacetIndex(makeRows(50, 3));
    warmFacetGroups(small);
    expect(facetGroupsOf(small)?.groups).toEqual([]);
  });
});
