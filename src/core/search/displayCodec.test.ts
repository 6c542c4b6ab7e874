import { describe, expect, it } from 'vitest';
import type { DisplayRow } from './display';
import { decodeDisplay, encodeDisplay, type DisplayRows } from './displayCodec';

/** Every row of `rows`, in order. */
function allDisplayRows(rows: DisplayRows): DisplayRow[] {
  const out: DisplayRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows.at(i);
    if (r) out.push(r);
  }
  return out;
}

function roundTrip(id: string, rows: DisplayRow[]) {
  const d = decodeDisplay(encodeDisplay(id, rows));
  return d && { snapshotId: d.snapshotId, rows: allDisplayRows(d.rows) };
}

function row(i: number, extra: Partial<DisplayRow> = {}): DisplayRow {
  return {
    key: `org/m-${i}`,
    id: `Org/M-${i}`,
    name: `M-${i}`,
    kind: i % 2 ? 'model' : 'dataset',
    owner: 'Org',
    task: 'text-generation',
    library: i % 3 ? 'transformers' : '',
    license: 'Apache-2.0',
    family: 'permissive',
    baseModel: i % 2 ? 'org/base' : '',
    derivative: 'finetune',
    languages: 'en, de',
    format: 'hf-model-card',
    updatedAt: `2026-01-0${(i % 9) + 1}`,
    ...extra,
  };
}

describe('display snapshot codec', () => {
  it('round-trips rows and the snapshot id, odd characters included', () => {
    const rows = [row(0), row(1, { name: 'ünï "quoted"\n<b>x</b>' }), row(2)];
    expect(roundTrip('snap-1', rows)).toEqual({ snapshotId: 'snap-1', rows });
    expect(roundTrip('empty', [])).toEqual({ snapshotId: 'empty', rows: [] });
  });

  it('builds a row when it is read, once, and nothing outside the snapshot', () => {
    const rows = [row(0), row(1), row(2)];
    const d = decodeDisplay(encodeDisplay('s', rows));
    expect(d?.rows.length).toBe(3);
    expect(d?.rows.at(1)).toEqual(rows[1]);
    expect(d?.rows.at(1)).toBe(d?.rows.at(1));
    expect(d?.rows.at(3)).toBeUndefined();
    expect(d?.rows.at(-1)).toBeUndefined();
    expect(d?.rows.at(0.5)).toBeUndefined();
  });

  it('is smaller than row-wise JSON', () => {
    const rows = Array.from({ length: 200 }, (_, i) => row(i));
    expect(encodeDisplay('s', rows).length).toBeLessThan(
      JSON.stringify({ snapshotId: 's', rows }).length * 0.7,
    );
  });

  it('refuses row-wise JSON, other versions, truncation and bad dictionary ids', () => {
    const text = encodeDisplay('s', [row(0), row(1)]);
    expect(decodeDisplay(JSON.stringify({ snapshotId: 's', rows: [row(0)] }))).toBeUndefined();
    expect(decodeDisplay(text.replace('"v":2', '"v":1'))).toBeUndefined();
    expect(decodeDisplay(text.slice(0, -3))).toBeUndefined();
    const bad = JSON.parse(text) as { dict: { kind: { ids: number[] } } };
    bad.dict.kind.ids[1] = 7;
    expect(decodeDisplay(JSON.stringify(bad))).toBeUndefined();
    // Packed text whose lengths do not add up to its text, or are not counts.
    const short = JSON.parse(text) as { text: { name: { text: string; lengths: unknown[] } } };
    short.text.name.text = short.text.name.text.slice(1);
    expect(decodeDisplay(JSON.stringify(short))).toBeUndefined();
    const neg = JSON.parse(text) as { text: { name: { text: string; lengths: unknown[] } } };
    neg.text.name.lengths = [-1, neg.text.name.text.length + 1];
    expect(decodeDisplay(JSON.stringify(neg))).toBeUndefined();
    const str = JSON.parse(text) as { text: { name: { text: string; lengths: unknown[] } } };
    str.text.name.lengths = ['3', str.text.name.text.length - 3];
    expect(decodeDisplay(JSON.stringify(str))).toBeUndefined();
  });
});
