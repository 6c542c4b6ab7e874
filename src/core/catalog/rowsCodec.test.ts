import { describe, expect, it } from 'vitest';
import { toCatalogRow, type CatalogRow } from './facets';
import { decodeRows, encodeRows } from './rowsCodec';
import { storedAsset } from '@/testing/builders';

const asset = storedAsset;

function sampleRows(): CatalogRow[] {
  return [
    toCatalogRow(
      asset('Org/Child-7B', {
        tags: ['chat', 'lora'],
        languages: ['en', 'de'],
        pipelineTag: 'text-generation',
        libraryName: 'peft',
        description: 'A "quoted" fine-tune — with ünïcode and\nnew lines.',
      }),
      [
        { type: 'adapter_of', parent: 'org/base-7b' },
        { type: 'trained_on', parent: 'data/set' },
      ],
      3,
    ),
    toCatalogRow(asset('solo', { kind: 'dataset', license: { raw: null } }), [], 0),
    toCatalogRow(asset('odd/tag', { tags: ['has\u001fseparator', ''] }), [], 1),
  ];
}

describe('rows codec', () => {
  it('round-trips rows exactly, lists, dictionaries and odd characters included', () => {
    const rows = sampleRows();
    expect(decodeRows(encodeRows(rows))).toEqual(rows);
  });

  it('is much smaller than row-wise JSON for many rows', () => {
    const base = sampleRows();
    const rows = Array.from({ length: 300 }, (_, i) => {
      const r = base[i % 2] as CatalogRow;
      return { ...r, key: `${r.key}-${i}`, id: `${r.id}-${i}` };
    });
    expect(encodeRows(rows).length).toBeLessThan(JSON.stringify(rows).length * 0.75);
    expect(decodeRows(encodeRows(rows))).toEqual(rows);
  });

  it('round-trips an empty catalog', () => {
    expect(decodeRows(encodeRows([]))).toEqual([]);
  });

  it('refuses other versions, row-wise JSON, truncation and out-of-range dictionary ids', () => {
    const text = encodeRows(sampleRows());
    expect(decodeRows(JSON.stringify(sampleRows()))).toBeUndefined();
    expect(decodeRows(text.replace('"v":1', '"v":99'))).toBeUndefined();
    expect(decodeRows(text.slice(0, text.length - 5))).toBeUndefined();
    const bad = JSON.parse(text) as { dicts: { kind: { ids: number[] } } };
    bad.dicts.kind.ids[0] = 42;
    expect(decodeRows(JSON.stringify(bad))).toBeUndefined();
    expect(decodeRows('null')).toBeUndefined();
  });
});
