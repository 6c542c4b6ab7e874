/**
 * The rows a catalog view shows, read by position without materialising them: a query answers with row
 * indices into the snapshot, and building a 100k-element array on every sort or keystroke cost the
 * window more than the worker's query did.
 */
import type { DisplayRow } from '@/core/search/display';

export type RowSource = {
  readonly length: number;
  at(i: number): DisplayRow | undefined;
};

export const EMPTY_ROWS: RowSource = { length: 0, at: () => undefined };

export function arrayRows(rows: readonly DisplayRow[]): RowSource {
  return { length: rows.length, at: (i) => rows[i] };
}

/** Rows of `snapshot` in the order of `order` (indices into it). */
export function orderedRows(snapshot: RowSource, order: Uint32Array): RowSource {
  return {
    length: order.length,
    at: (i) => (i >= 0 && i < order.length ? snapshot.at(order[i] ?? -1) : undefined),
  };
}

/** Rows `from` (inclusive) to `to` (exclusive). */
export function sliceRows(rows: RowSource, from: number, to: number): DisplayRow[] {
  const out: DisplayRow[] = [];
  const end = Math.min(to, rows.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const r = rows.at(i);
    if (r) out.push(r);
  }
  return out;
}

/** Calls `fn` for every row, in order. */
export function forEachRow(rows: RowSource, fn: (r: DisplayRow, i: number) => void): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows.at(i);
    if (r) fn(r, i);
  }
}
