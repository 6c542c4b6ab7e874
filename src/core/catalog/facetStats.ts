/**
 * Per-column statistics of a facet index: value counts and value orders over all rows, label collation,
 * each computed once per column (memoized by column object) or seeded from a persisted cache.
 */
import type { FacetColumn } from './facetTypes';
import { isPermutation } from '../util/columns';

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;

/**
 * `items` ordered by `keys` (parallel, 32-bit) descending; equal keys keep their input order. A stable
 * LSD radix sort (up to three 11-bit passes, none above the highest key bit, skipped where every key has
 * the same digit): linear, where a comparison sort of 50k typed values costs milliseconds.
 */
export function orderByKeyDesc(items: Uint32Array, keys: Uint32Array): Uint32Array {
  const n = items.length;
  let a = items.slice();
  if (n < 2) return a;
  let ka = keys.slice(0, n);
  let b = new Uint32Array(n);
  let kb = new Uint32Array(n);
  const start = new Uint32Array(RADIX);
  // No pass for the digits above the highest key bit.
  let top = 0;
  for (let j = 0; j < n; j++) top |= ka[j] ?? 0;
  for (let shift = 0; shift < 32 && top >>> shift !== 0; shift += RADIX_BITS) {
    start.fill(0);
    // Inverted digits: ascending passes give descending keys.
    for (let j = 0; j < n; j++) {
      const d = RADIX - 1 - (((ka[j] ?? 0) >>> shift) & (RADIX - 1));
      start[d] = (start[d] ?? 0) + 1;
    }
    let sum = 0;
    let single = false;
    for (let d = 0; d < RADIX; d++) {
      const c = start[d] ?? 0;
      if (c === n) single = true;
      start[d] = sum;
      sum += c;
    }
    if (single) continue;
    for (let j = 0; j < n; j++) {
      const key = ka[j] ?? 0;
      const d = RADIX - 1 - ((key >>> shift) & (RADIX - 1));
      const pos = start[d] ?? 0;
      start[d] = pos + 1;
      b[pos] = a[j] ?? 0;
      kb[pos] = key;
    }
    [a, b] = [b, a];
    [ka, kb] = [kb, ka];
  }
  return a;
}

/** Label ids in `localeCompare` order (ties by id), computed once per column. */
const collations = new WeakMap<FacetColumn, { byRank: Uint32Array }>();

/** A column's label ids in collation order (computed once per column). */
export function columnCollation(col: FacetColumn): Uint32Array {
  return collation(col).byRank;
}

/**
 * Gives a column its collation order as computed before (from a cache, for the same labels), so the
 * first query after a cold start does not sort the labels again. Ignored unless it is a permutation.
 */
export function seedCollation(col: FacetColumn, byRank: Uint32Array): boolean {
  if (!isPermutation(byRank, col.labels.length)) return false;
  collations.set(col, { byRank });
  return true;
}

function collation(col: FacetColumn): { byRank: Uint32Array } {
  let c = collations.get(col);
  if (c) return c;
  const { labels } = col;
  const order = Array.from({ length: labels.length }, (_, i) => i);
  order.sort((a, b) => (labels[a] ?? '').localeCompare(labels[b] ?? '') || a - b);
  c = { byRank: Uint32Array.from(order) };
  collations.set(col, c);
  return c;
}

/**
 * Label ids with a count, most frequent first, ties in `localeCompare` order of the labels: the values in
 * collation order, stably radix-sorted by count.
 */
export function countOrder(col: FacetColumn, counter: Uint32Array): Uint32Array {
  const { byRank } = collation(col);
  const ids = new Uint32Array(byRank.length);
  const keys = new Uint32Array(byRank.length);
  let distinct = 0;
  for (let pos = 0; pos < byRank.length; pos++) {
    const v = byRank[pos] ?? 0;
    const c = counter[v] ?? 0;
    if (c === 0) continue;
    ids[distinct] = v;
    keys[distinct++] = c;
  }
  return orderByKeyDesc(ids.subarray(0, distinct), keys.subarray(0, distinct));
}

/** Each label's count over every row, computed once per column (or seeded from a cache). */
const fullCounts = new WeakMap<FacetColumn, Uint32Array>();

/** A column's counts over all rows (the default view's facet counts), by label id. */
export function columnCounts(col: FacetColumn): Uint32Array {
  let c = fullCounts.get(col);
  if (!c) {
    c = new Uint32Array(col.labels.length);
    countAll(col.ids, c);
    fullCounts.set(col, c);
  }
  return c;
}

/**
 * Gives a column its all-rows counts as computed before (from a cache), so the first query after a cold
 * start does not count 100k rows per column. Ignored unless it has one count per label and they add up
 * to the column's values.
 */
export function seedColumnCounts(col: FacetColumn, counts: Uint32Array): boolean {
  if (counts.length !== col.labels.length) return false;
  let sum = 0;
  for (let k = 0; k < counts.length; k++) sum += counts[k] ?? 0;
  if (sum !== col.ids.length) return false;
  fullCounts.set(col, counts);
  return true;
}

/** Each column's values over all rows, most frequent first (the default view's facet values). */
const fullOrders = new WeakMap<FacetColumn, Uint32Array>();

/** A column's label ids with a count over all rows, most frequent first (see `countOrder`), once per column. */
export function columnCountOrder(col: FacetColumn): Uint32Array {
  let o = fullOrders.get(col);
  if (!o) {
    o = countOrder(col, columnCounts(col));
    fullOrders.set(col, o);
  }
  return o;
}

/**
 * Gives a column its all-rows value order as computed before (from a cache), so the default view's first
 * query after a cold start does not sort the values again. Ignored unless it lists each value with a count
 * once, by non-increasing count.
 */
export function seedCountOrder(col: FacetColumn, order: Uint32Array): boolean {
  const counts = columnCounts(col);
  const n = counts.length;
  const seen = new Uint8Array(n);
  let nonZero = 0;
  for (let v = 0; v < n; v++) nonZero += (counts[v] ?? 0) > 0 ? 1 : 0;
  if (order.length !== nonZero) return false;
  // Indexed loop, no early exit: it runs at start-up, before anything is compiled.
  let bad = 0;
  let prev = Infinity;
  for (let j = 0; j < order.length; j++) {
    const v = order[j] ?? 0;
    const c = v < n ? (counts[v] ?? 0) : 0;
    bad |= v >= n || seen[v] === 1 || c === 0 || c > prev ? 1 : 0;
    if (v < n) seen[v] = 1;
    prev = c;
  }
  if (bad !== 0) return false;
  fullOrders.set(col, order);
  return true;
}

function countAll(ids: Uint32Array, counter: Uint32Array): void {
  for (let k = 0; k < ids.length; k++) {
    const v = ids[k] ?? 0;
    counter[v] = (counter[v] ?? 0) + 1;
  }
}
