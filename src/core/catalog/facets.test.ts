import { describe, expect, it } from 'vitest';
import { buildLineageGraph, derivativeType } from '../lineage';
import { applyFacets, buildFacetIndex } from './facets';
import { toCatalogRow, type CatalogRow } from './catalogRow';
import { licenseFamily } from '../licenses/family';
import { filterStructured, matchesStructured } from '../search/filter';
import { parseQuery } from '../search/query';
import { storedAsset } from '@/testing/builders';
import type { Asset } from '../model';
import { completeness, completenessPercent } from './completeness';
import { completenessBucket } from './completenessBuckets';

const asset = storedAsset;

describe('licenseFamily (core/licenses, as the catalog rows use it)', () => {
  it('classifies common licenses', () => {
    expect(licenseFamily('Apache-2.0')).toBe('permissive');
    expect(licenseFamily('MIT')).toBe('permissive');
    expect(licenseFamily('GPL-3.0-only')).toBe('copyleft');
    expect(licenseFamily('CC-BY-NC-4.0')).toBe('non-commercial');
    expect(licenseFamily('LicenseRef-OpenRAIL')).toBe('responsible-ai');
    expect(licenseFamily('CC-BY-ND-4.0')).toBe('custom');
    expect(licenseFamily('CC-BY-NC-ND-4.0')).toBe('non-commercial');
    expect(licenseFamily('Some-Unheard-Of-1.0')).toBe('unknown');
    expect(licenseFamily('NOASSERTION')).toBe('unknown');
    expect(licenseFamily(undefined)).toBe('unknown');
    expect(licenseFamily('LicenseRef-something-custom')).toBe('custom');
    expect(licenseFamily('MIT OR GPL-3.0-only')).toBe('permissive');
    expect(licenseFamily('MIT AND CC-BY-NC-4.0')).toBe('non-commercial');
  });
});

describe("a catalog row's derivative type agrees with core/lineage derivativeType", () => {
  const cases: [string, { type: string; parent: string }[]][] = [
    ['original', []],
    ['finetune', [{ type: 'finetune_of', parent: 'a/base' }]],
    [
      'merge2',
      [
        { type: 'finetune_of', parent: 'a/b1' },
        { type: 'finetune_of', parent: 'a/b2' },
      ],
    ],
    [
      'quant',
      [
        { type: 'quantized_from', parent: 'a/b' },
        { type: 'finetune_of', parent: 'a/c' },
      ],
    ],
    [
      'adapter',
      [
        { type: 'adapter_of', parent: 'a/b' },
        { type: 'trained_on', parent: 'd/x' },
      ],
    ],
    [
      'merge',
      [
        { type: 'merge_of', parent: 'a/b' },
        { type: 'adapter_of', parent: 'a/c' },
      ],
    ],
  ];
  for (const [name, rels] of cases) {
    it(name, () => {
      const id = `x/${name}`;
      const graph = buildLineageGraph(
        rels.map((r) => ({ child: id, type: r.type, parent: r.parent, origin: 'declared' as const })),
        [{ id, kind: 'model' }],
      );
      const row = toCatalogRow(storedAsset(id), rels, 0);
      expect(row.derivative).toBe(derivativeType(graph, id));
    });
  }
});

describe('rows, filters and facets', () => {
  const rows: CatalogRow[] = [
    toCatalogRow(
      asset('acme/chat', {
        pipelineTag: 'text-generation',
        libraryName: 'peft',
        baseModels: ['mistralai/Mistral-7B-v0.1'],
        languages: ['en', 'de'],
        datasets: ['tatsu-lab/alpaca'],
      }),
      [{ type: 'adapter_of', parent: 'mistralai/Mistral-7B-v0.1' }],
      0,
    ),
    toCatalogRow(
      asset('acme/coder', {
        pipelineTag: 'text-generation',
        license: { raw: 'apache-2.0', normalized: 'Apache-2.0' },
        languages: ['en'],
      }),
      [],
      2,
    ),
    toCatalogRow(
      asset('acme/data', {
        kind: 'dataset',
        license: { raw: 'cc-by-nc-4.0', normalized: 'CC-BY-NC-4.0' },
        sourceFormat: 'croissant',
      }),
      [],
      0,
    ),
  ];

  it('field clauses', () => {
    const pick = (q: string) => rows.filter((r) => matchesStructured(r, parseQuery(q))).map((r) => r.id);
    expect(pick('license:apache-2.0')).toEqual(['acme/coder']);
    expect(pick('license:permissive')).toEqual(['acme/chat', 'acme/coder']);
    expect(pick('-license:mit')).toEqual(['acme/coder', 'acme/data']);
    expect(pick('task:text-generation library:peft')).toEqual(['acme/chat']);
    expect(pick('base:mistralai/mistral-7b-v0.1')).toEqual(['acme/chat']);
    expect(pick('trained-on:tatsu-lab/alpaca')).toEqual(['acme/chat']);
    expect(pick('lang:DE')).toEqual(['acme/chat']);
    expect(pick('kind:dataset format:croissant')).toEqual(['acme/data']);
    expect(pick('"coder"')).toEqual(['acme/coder']);
  });

  it('license:<family> clauses use the one classifier, row by row and on the facet columns alike', () => {
    const lic = (id: string, normalized: string) =>
      toCatalogRow(asset(id, { license: { raw: normalized, normalized } }), [], 0);
    const fam = [
      lic('x/rail', 'LicenseRef-OpenRAIL'),
      lic('x/nd', 'CC-BY-ND-4.0'),
      lic('x/nc', 'CC-BY-NC-ND-4.0'),
      lic('x/odd', 'Made-Up-License-2.0'),
    ];
    expect(fam.map((r) => r.licenseFamily)).toEqual([
      'responsible-ai',
      'custom',
      'non-commercial',
      'unknown',
    ]);
    const index = buildFacetIndex(fam);
    for (const [q, want] of [
      ['license:responsible-ai', ['x/rail']],
      ['license:rail', ['x/rail']],
      ['license:custom', ['x/nd']],
      ['license:non-commercial', ['x/nc']],
      ['license:unknown', ['x/odd']],
    ] as const) {
      const parsed = parseQuery(q);
      expect(fam.filter((r) => matchesStructured(r, parsed)).map((r) => r.id)).toEqual(want);
      const viaColumns = Array.from(filterStructured(fam, parsed, undefined, index), (i) => fam[i]?.id);
      expect(viaColumns).toEqual(want);
    }
  });

  it('facet counts respect the other filters, not their own', () => {
    const index = buildFacetIndex(rows);
    const all = applyFacets(index, undefined, {});
    expect(all.matches.length).toBe(3);
    expect(all.counts.kind.values).toEqual([
      { value: 'model', count: 2 },
      { value: 'dataset', count: 1 },
    ]);
    const sel = applyFacets(index, undefined, { kind: ['model'], lang: ['de'] });
    expect(Array.from(sel.matches)).toEqual([0]);
    // Kind counts ignore the kind filter but respect lang=de.
    expect(sel.counts.kind.values).toEqual([{ value: 'model', count: 1 }]);
    // Lang counts respect kind=model.
    expect(sel.counts.lang.values).toEqual([
      { value: 'en', count: 2 },
      { value: 'de', count: 1 },
    ]);
    expect(sel.counts.lineage.values).toEqual([{ value: 'yes', count: 1 }]);
    expect(all.counts.lineage.values).toEqual([
      { value: 'yes', count: 2 },
      { value: 'no', count: 1 },
    ]);
    expect(all.counts.derivative.values.find((v) => v.value === 'adapter')?.count).toBe(1);
  });

  it('base model, lineage depth, completeness and first-import facets', () => {
    const body = '# Uses\n\n## Training\n\n## Evaluation\n\n## Citation\n';
    const cardOf = (id: string, extra: Partial<Asset>) => ({
      format: 'hf-model-card',
      sourceName: `${id}.md`,
      sha256: id,
      importedAt: '2026-03-01T10:00:00.000Z',
      asset: {
        id,
        kind: 'model' as const,
        name: id,
        license: { raw: 'mit', normalized: 'MIT' },
        body,
        ...extra,
      },
    });
    const full = asset('acme/full', {
      createdAt: '2026-03-01T23:59:00.000Z',
      pipelineTag: 'text-generation',
      libraryName: 'transformers',
      languages: ['en'],
      tags: ['chat'],
      datasets: ['d/x'],
      description: 'A model.',
      baseModels: ['acme/base'],
    });
    full.contributions = [cardOf('acme/full', {})];
    const tuned = [
      full,
      asset('acme/tuned', { createdAt: '2026-03-02T00:00:01.000Z', baseModels: ['acme/full'] }),
      asset('acme/base', { createdAt: '2026-03-02T08:00:00.000Z' }),
    ];
    const rels = [
      [{ type: 'finetune_of', parent: 'acme/base' }],
      [{ type: 'finetune_of', parent: 'acme/full' }],
      [],
    ];
    const catalog = tuned.map((a, i) => toCatalogRow(a, rels[i] ?? [], 0));
    // The row's completeness is the asset page's (card body included).
    expect(catalog[0]?.completeness).toBe(completenessPercent(completeness(full, { body })));
    expect(catalog[0]?.completeness).toBeGreaterThan(catalog[2]?.completeness ?? 100);
    const index = buildFacetIndex(catalog);
    const all = applyFacets(index, undefined, {});
    expect(all.counts.base.values).toEqual([
      { value: 'acme/base', count: 1 },
      { value: 'acme/full', count: 1 },
    ]);
    const depth = (id: string) => {
      const i = catalog.findIndex((r) => r.id === id);
      return applyFacets(index, Uint32Array.of(i), {}).counts.depth.values.map((v) => v.value);
    };
    expect([depth('acme/base'), depth('acme/full'), depth('acme/tuned')]).toEqual([['0'], ['1'], ['2']]);
    expect(all.counts.imported.values.map((v) => [v.value, v.count]).sort()).toEqual([
      ['2026-03-01', 1],
      ['2026-03-02', 2],
    ]);
    const bucket = completenessBucket(catalog[0]?.completeness ?? 0);
    const sel = applyFacets(index, undefined, { complete: [bucket], imported: ['2026-03-01'] });
    expect(Array.from(sel.matches, (i) => catalog[i]?.id)).toEqual(['acme/full']);
    expect(applyFacets(index, undefined, { depth: ['2'] }).matches.length).toBe(1);
    expect(applyFacets(index, undefined, { base: ['ACME/BASE'] }).matches.length).toBe(1);
  });

  it('filters and counts 100k rows (timings: npm run bench)', () => {
    const many: CatalogRow[] = [];
    for (let i = 0; i < 100_000; i++) {
      const r = rows[i % 3];
      if (r) many.push({ ...r, key: `${r.key}-${i}`, languages: [`l${i % 50}`] });
    }
    const index = buildFacetIndex(many);
    const res = applyFacets(index, undefined, { kind: ['model'], lang: ['l1', 'l2'] });
    const want = many.filter((r) => r.kind === 'model' && ['l1', 'l2'].includes(r.languages[0] ?? ''));
    expect(res.matches.length).toBe(want.length);
    expect(res.counts.lang.values.find((v) => v.value === 'l1')?.count).toBe(
      many.filter((r) => r.kind === 'model' && r.languages[0] === 'l1').length,
    );
  });
});
