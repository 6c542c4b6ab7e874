import { describe, expect, it } from 'vitest';
import type { DisplayRow } from './display';
import { decodeDisplay, encodeDisplay } from './displayCodec';

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
    expect(decodeDisplay(encodeDisplay('snap-1', rows))).toEqual({ snapshotId: 'snap-1', rows });
    expect(decodeDisplay(encodeDisplay('empty', []))).toEqual({ snapshotId: 'empty', rows: [] });
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
    expect(decodeDisplay(text.replace('"v":1', '"v":2'))).toBeUndefined();
    expect(decodeDisplay(text.slice(0, -3))).toBeUndefined();
    const bad = JSON.parse(text) as { dict: { kind: { ids: number[] } } };
    bad.dict.kind.ids[1] = 7;
    expect(decodeDisplay(JSON.stringify(bad))).toBeUndefined();
  });
});
