import { describe, expect, it } from 'vitest';
import { toCatalogRow, type CatalogRow } from './catalogRow';
import {
  decodeRows,
  encodeRows,
  rowsIntact,
  rowsIntactSteps,
  type EncodedHead,
  type EncodedRows,
} from './rowsCodec';
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
    toCatalogRow(
      asset('solo', { kind: 'dataset', license: { raw: null }, createdAt: '2026-02-03T04:05:06.000Z' }),
      [],
      0,
    ),
    toCatalogRow(asset('odd/tag', { tags: ['has\u001fseparator', ''] }), [], 1),
  ];
}

/** Every field of a row as a plain object, read through the row's own accessors (decoded rows split lists on read). */
function fieldsOf(
  rows: readonly CatalogRow[] | undefined,
  like: CatalogRow,
): Record<string, unknown>[] | undefined {
  const names = Object.keys(like) as (keyof CatalogRow)[];
  return rows?.map((r) => Object.fromEntries(names.map((k) => [k, r[k]])));
}

/** Encodes and passes through a structured clone, as IndexedDB does. */
function stored(rows: readonly CatalogRow[]): EncodedRows {
  return structuredClone(encodeRows(rows));
}

/** Bytes (two per character) the encoding takes. */
function sizeOf(e: EncodedRows): number {
  const h = e.head;
  let n = e.tail.length * 2 + h.nChildren.byteLength;
  for (const c of Object.values(h.strings)) n += c.text.length * 2 + (c.lengths as Uint32Array).byteLength;
  for (const c of Object.values(h.dicts)) n += c.ids.byteLength + c.labels.join('').length * 2;
  return n;
}

/** A copy of the stored head with `edit` applied. */
function withHead(e: EncodedRows, edit: (h: EncodedHead) => void): EncodedRows {
  const copy = structuredClone(e);
  edit(copy.head);
  return copy;
}

describe('rows codec', () => {
  it('round-trips rows exactly, lists, dictionaries and odd characters included', () => {
    const rows = sampleRows();
    const like = rows[0] as CatalogRow;
    expect(fieldsOf(decodeRows(stored(rows)), like)).toEqual(fieldsOf(rows, like));
    expect(Object.keys(like)).toHaveLength(25);
    // The numbers and dates differ row to row, so the round trip says something about them.
    expect(new Set(rows.map((r) => r.completeness)).size).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.createdAt)).size).toBeGreaterThan(1);
  });

  it('decoded rows take writes like plain rows, list fields included', () => {
    const [row] = decodeRows(stored(sampleRows())) ?? [];
    if (!row) throw new Error('no row');
    expect(row.tags).toEqual(['chat', 'lora']);
    expect(row.tags).toBe(row.tags);
    row.tags = ['other'];
    row.parents = [];
    row.nChildren = 9;
    row.name = 'Renamed';
    row.license = 'MIT';
    expect([row.tags, row.parents, row.nChildren, row.languages]).toEqual([['other'], [], 9, ['en', 'de']]);
    expect([row.name, row.license, row.id]).toEqual(['Renamed', 'MIT', 'Org/Child-7B']);
  });

  it('is much smaller than row-wise JSON for many rows', () => {
    const base = sampleRows();
    const rows = Array.from({ length: 300 }, (_, i) => {
      const r = base[i % 2] as CatalogRow;
      return { ...r, key: `${r.key}-${i}`, id: `${r.id}-${i}` };
    });
    expect(sizeOf(encodeRows(rows))).toBeLessThan(JSON.stringify(rows).length * 2 * 0.75);
    expect(fieldsOf(decodeRows(stored(rows)), base[0] as CatalogRow)).toEqual(
      fieldsOf(rows, base[0] as CatalogRow),
    );
  });

  it('round-trips an empty catalog', () => {
    expect(decodeRows(stored([]))).toEqual([]);
  });

  it('refuses other versions, row-wise JSON, a broken head and out-of-range dictionary ids', () => {
    const good = stored(sampleRows());
    expect(decodeRows(good)).toHaveLength(3);
    const { tail } = good;
    expect(decodeRows({ head: JSON.parse(JSON.stringify(sampleRows())) as unknown, tail })).toBeUndefined();
    expect(decodeRows({ head: null, tail })).toBeUndefined();
    expect(decodeRows({ head: undefined, tail })).toBeUndefined();
    const broken: ((h: EncodedHead) => void)[] = [
      (h) => (h.v = 99),
      (h) => (h.n = 4),
      (h) => (h.strings.name.text = h.strings.name.text.slice(1)),
      (h) => (h.strings.id.lengths = [1, 2, 3]),
      (h) => (h.nChildren = h.nChildren.subarray(1)),
      (h) => (h.dicts.kind.ids[0] = 42),
      (h) => (h.dicts.kind.labels = [1, 2] as unknown as string[]),
    ];
    for (const edit of broken) expect(decodeRows(withHead(good, edit))).toBeUndefined();
  });

  it('reads lists and descriptions from the tail only when asked, and reports a broken tail', () => {
    const enc = stored(sampleRows());
    const text = enc.tail;
    const good = decodeRows(enc);
    expect(good?.[0]?.desc).toContain('quoted');
    expect(good && rowsIntact(good)).toBe(true);
    // A truncated tail (its last column, the descriptions): the head and the lists decode; descriptions
    // read empty and the rows say they are not intact.
    const broken = decodeRows({ head: enc.head, tail: text.slice(0, text.length - 5) });
    expect(broken?.map((r) => r.key)).toEqual(sampleRows().map((r) => r.key));
    expect(broken?.[0]?.tags).toEqual(['chat', 'lora']);
    expect(broken?.[0]?.desc).toBe('');
    expect(broken && rowsIntact(broken)).toBe(false);
    // A tail column of the wrong shape (too short) reads empty; the other columns are fine.
    const lines = text.split('\n');
    expect(lines).toHaveLength(9);
    const at = 5; // the list columns: tasks, baseModels, bases, parents, trainedOn, languages
    const shape = JSON.parse(lines[at] ?? '') as { joined: string[] };
    shape.joined.pop();
    lines[at] = JSON.stringify(shape);
    const short = decodeRows({ head: enc.head, tail: lines.join('\n') });
    expect(short?.[0]?.languages).toEqual([]);
    expect(short?.[0]?.tags).toEqual(['chat', 'lora']);
    // Column by column, on a fresh decode: the first five are fine, then the broken one (and the batch stays broken).
    const fresh = decodeRows({ head: enc.head, tail: lines.join('\n') });
    expect(fresh && rowsIntactSteps(fresh).map((step) => step())).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(short && rowsIntact(short)).toBe(false);
    // Plain rows (built, not decoded) are intact by definition.
    expect(rowsIntact(sampleRows())).toBe(true);
  });
});
