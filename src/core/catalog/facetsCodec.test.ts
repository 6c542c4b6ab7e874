import { describe, expect, it } from 'vitest';
import { storedAsset } from '@/testing/builders';
import { applyFacets, buildFacetIndex } from './facets';
import { columnCollation, columnCountOrder, columnCounts } from './facetStats';
import { toCatalogRow } from './catalogRow';
import { restoreFacetIndex, storeFacetIndex } from './facetsCodec';

const rows = [
  toCatalogRow(storedAsset('a/one', { tags: ['x'], languages: ['en', 'de'] }), [], 0),
  toCatalogRow(
    storedAsset('b/two', { kind: 'dataset', license: { raw: 'gpl-3.0', normalized: 'GPL-3.0-only' } }),
    [],
    2,
  ),
  toCatalogRow(storedAsset('c/three', { languages: ['en'] }), [{ type: 'finetune_of', parent: 'a/one' }], 0),
];

describe('facet index codec', () => {
  it('restores an index that counts and filters exactly like the original, after a structured clone', () => {
    const index = buildFacetIndex(rows);
    const back = restoreFacetIndex(structuredClone(storeFacetIndex(index)), rows.length);
    expect(back).toBeDefined();
    if (!back) return;
    for (const sel of [
      {},
      { kind: ['model'] },
      { license: ['GPL-3.0-only'] },
      { lang: ['de'], kind: ['model'] },
    ]) {
      const a = applyFacets(index, undefined, sel);
      const b = applyFacets(back, undefined, sel);
      expect(Array.from(b.matches)).toEqual(Array.from(a.matches));
      expect(b.counts).toEqual(a.counts);
    }
    expect(back.columns.kind.byLower.get('dataset')).toBe(index.columns.kind.byLower.get('dataset'));
  });

  it("keeps each column's collation order, and ignores one that is not a permutation of its labels", () => {
    const index = buildFacetIndex(rows);
    const stored = structuredClone(storeFacetIndex(index));
    const lang = stored.columns.lang;
    if (!lang?.byRank) throw new Error('no collation stored');
    expect(Array.from(lang.byRank).map((id) => lang.labels[id])).toEqual(['de', 'en']);
    const back = restoreFacetIndex(stored, rows.length);
    if (!back) throw new Error('not restored');
    expect(columnCollation(back.columns.lang)).toBe(lang.byRank);
    // A broken order is not used: the restored column sorts its labels itself.
    const broken = structuredClone(storeFacetIndex(index));
    const brokenLang = broken.columns.lang;
    if (!brokenLang?.byRank) throw new Error('no collation stored');
    brokenLang.byRank.fill(0);
    const again = restoreFacetIndex(broken, rows.length);
    if (!again) throw new Error('not restored');
    expect(Array.from(columnCollation(again.columns.lang))).toEqual(Array.from(lang.byRank));
    expect(applyFacets(again, undefined, {}).counts).toEqual(applyFacets(index, undefined, {}).counts);
  });

  it("keeps each column's counts over all rows, and ignores counts that do not add up", () => {
    const index = buildFacetIndex(rows);
    const want = applyFacets(index, undefined, {}).counts;
    const stored = structuredClone(storeFacetIndex(index));
    const kind = stored.columns.kind;
    if (!kind?.counts) throw new Error('no counts stored');
    const back = restoreFacetIndex(stored, rows.length);
    if (!back) throw new Error('not restored');
    expect(columnCounts(back.columns.kind)).toBe(kind.counts);
    expect(applyFacets(back, undefined, {}).counts).toEqual(want);
    // Counts that do not add up to the column's values are not used: the column counts itself.
    const broken = structuredClone(storeFacetIndex(index));
    broken.columns.kind?.counts?.fill(7);
    const again = restoreFacetIndex(broken, rows.length);
    if (!again) throw new Error('not restored');
    expect(applyFacets(again, undefined, {}).counts).toEqual(want);
    // Filtered queries never read them.
    expect(applyFacets(back, undefined, { lang: ['de'] }).counts).toEqual(
      applyFacets(index, undefined, { lang: ['de'] }).counts,
    );
  });

  it("keeps each column's value order over all rows, and ignores one that is not by count", () => {
    const index = buildFacetIndex(rows);
    const want = applyFacets(index, undefined, {}).counts;
    const stored = structuredClone(storeFacetIndex(index));
    const order = stored.columns.lang?.byCount;
    if (!order || order.length < 2) throw new Error('no value order stored');
    const back = restoreFacetIndex(stored, rows.length);
    if (!back) throw new Error('not restored');
    expect(columnCountOrder(back.columns.lang)).toBe(order);
    expect(applyFacets(back, undefined, {}).counts).toEqual(want);
    // Reversed (counts increasing), a repeated value, an unknown id, a value left out: each is recomputed.
    const breaks: ((o: Uint32Array) => Uint32Array)[] = [
      (o) => o.slice().reverse(),
      (o) => Uint32Array.from([o[0] ?? 0, ...o.subarray(0, -1)]),
      (o) => Uint32Array.from([...o.subarray(0, -1), 9999]),
      (o) => o.slice(0, -1),
    ];
    for (const br of breaks) {
      const broken = structuredClone(storeFacetIndex(index));
      const lang = broken.columns.lang;
      if (!lang?.byCount) throw new Error('no value order stored');
      lang.byCount = br(lang.byCount);
      const again = restoreFacetIndex(broken, rows.length);
      if (!again) throw new Error('not restored');
      expect(columnCountOrder(again.columns.lang)).not.toBe(lang.byCount);
      expect(applyFacets(again, undefined, {}).counts).toEqual(want);
    }
  });

  it('refuses another size, another version, missing columns and out-of-range ids', () => {
    const stored = storeFacetIndex(buildFacetIndex(rows));
    expect(restoreFacetIndex(stored, rows.length + 1)).toBeUndefined();
    expect(restoreFacetIndex({ ...stored, v: 99 }, rows.length)).toBeUndefined();
    const { kind: _kind, ...rest } = stored.columns;
    expect(restoreFacetIndex({ ...stored, columns: rest }, rows.length)).toBeUndefined();
    const bad = structuredClone(stored);
    const ids = bad.columns.kind?.ids;
    if (ids && ids.length > 0) ids[0] = 999;
    expect(restoreFacetIndex(bad, rows.length)).toBeUndefined();
    expect(restoreFacetIndex(null, 0)).toBeUndefined();
  });
});
