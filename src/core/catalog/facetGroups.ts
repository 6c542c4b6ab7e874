/**
 * Facet columns counted together. Rows of a catalog share few combinations of values across the
 * low-cardinality facets (kind × licence × family × derivative × …: a few thousand at 100k rows). A group
 * gives each row the id of its combination (a "signature"), so counting a hit list over every column of
 * the group is one increment per row, then one pass over the signatures. Columns whose own value sets
 * are too varied (e.g. training datasets) are left out and counted row by row.
 *
 * Built once per facet index (`prepareFacetGroups`, in idle time); `applyFacets` uses them when present.
 */
import type { FacetColumn, FacetIndex } from './facetTypes';

export type FacetGroup = {
  /** Column positions (in the index's facet order) this group counts. */
  cols: number[];
  /** Signature id by row. */
  sig: Uint16Array;
  nSig: number;
  /** Per signature: its (column position, value id) pairs, CSR. */
  sigOff: Uint32Array;
  sigCol: Uint8Array;
  sigVal: Uint32Array;
};

export type FacetGroups = { groups: FacetGroup[]; loose: number[] };

/** At most this many combinations per group (signature ids fit in 16 bits). */
const MAX_SIGNATURES = 4096;
/** Below this many rows, counting column by column is as fast. */
const MIN_ROWS = 2048;

const built = new WeakMap<FacetIndex, FacetGroups>();

/** The index's groups if `prepareFacetGroups` has built them. */
export function facetGroupsOf(index: FacetIndex): FacetGroups | undefined {
  return built.get(index);
}

/**
 * Each row's value set in one column as a dense id (0 = no value), or undefined when the column has more
 * than `cap` distinct sets.
 */
function setIds(col: FacetColumn, n: number, cap: number): { ids: Uint32Array; count: number } | undefined {
  const { offsets, ids, labels } = col;
  const out = new Uint32Array(n);
  // Single values by label id; small sets by their ids packed into one number; others by a string key.
  const single = new Int32Array(labels.length).fill(-1);
  const packed = new Map<number, number>();
  const keyed = new Map<string, number>();
  const small = labels.length <= 1024;
  const scratch: number[] = [];
  let count = 1;
  for (let i = 0; i < n; i++) {
    const s = offsets[i] ?? 0;
    const e = offsets[i + 1] ?? 0;
    if (e === s) continue;
    let id: number | undefined;
    if (e - s === 1) {
      const v = ids[s] ?? 0;
      id = single[v] ?? -1;
      if (id < 0) single[v] = id = count++;
    } else {
      scratch.length = 0;
      for (let k = s; k < e; k++) scratch.push(ids[k] ?? 0);
      scratch.sort((a, b) => a - b);
      if (small && e - s <= 5) {
        let key = 0;
        for (const v of scratch) key = key * 1024 + v + 1;
        id = packed.get(key);
        if (id === undefined) packed.set(key, (id = count++));
      } else {
        const key = scratch.join(',');
        id = keyed.get(key);
        if (id === undefined) keyed.set(key, (id = count++));
      }
    }
    if (count > cap) return undefined;
    out[i] = id;
  }
  return { ids: out, count };
}

/** Dense ids for the pairs (a, b), a < na, b < nb, in order of first appearance; undefined past `cap`. */
function pairIds(
  a: Uint32Array,
  na: number,
  b: Uint32Array,
  nb: number,
  cap: number,
): { ids: Uint32Array; count: number } | undefined {
  const n = a.length;
  const out = new Uint32Array(n);
  const table = na * nb <= 1 << 20 ? new Int32Array(na * nb).fill(-1) : undefined;
  const map = table ? undefined : new Map<number, number>();
  let count = 0;
  for (let i = 0; i < n; i++) {
    const key = (a[i] ?? 0) * nb + (b[i] ?? 0);
    let id = table ? (table[key] ?? -1) : (map?.get(key) ?? -1);
    if (id < 0) {
      if (count >= cap) return undefined;
      id = count++;
      if (table) table[key] = id;
      else map?.set(key, id);
    }
    out[i] = id;
  }
  return { ids: out, count };
}

/** Groups the index's columns (fewest distinct value sets first) and caches the result on the index. */
export function prepareFacetGroups(index: FacetIndex, columns: readonly FacetColumn[]): FacetGroups {
  const done = built.get(index);
  if (done) return done;
  const n = index.size;
  const result: FacetGroups = { groups: [], loose: [] };
  if (n < MIN_ROWS) {
    result.loose = columns.map((_, f) => f);
    built.set(index, result);
    return result;
  }
  const sets: { f: number; ids: Uint32Array; count: number }[] = [];
  columns.forEach((col, f) => {
    const s = setIds(col, n, MAX_SIGNATURES);
    if (s) sets.push({ f, ...s });
    else result.loose.push(f);
  });
  sets.sort((a, b) => a.count - b.count || a.f - b.f);
  let cols: number[] = [];
  let sig: Uint32Array = new Uint32Array(n);
  let nSig = 1;
  const close = (): void => {
    if (cols.length > 0) result.groups.push(groupOf(columns, cols, sig, nSig));
    cols = [];
  };
  for (const s of sets) {
    const next = pairIds(sig, nSig, s.ids, s.count, MAX_SIGNATURES);
    if (!next) {
      close();
      // A new group starts with this column alone (its sets are within the cap).
      sig = s.ids;
      nSig = s.count;
    } else {
      sig = next.ids;
      nSig = next.count;
    }
    cols.push(s.f);
  }
  close();
  built.set(index, result);
  return result;
}

function groupOf(
  columns: readonly FacetColumn[],
  cols: number[],
  sig: Uint32Array,
  nSig: number,
): FacetGroup {
  const n = sig.length;
  // One row per signature stands for it: its values in the group's columns.
  const first = new Int32Array(nSig).fill(-1);
  for (let i = 0; i < n; i++) {
    const s = sig[i] ?? 0;
    if ((first[s] ?? 0) < 0) first[s] = i;
  }
  const sigOff = new Uint32Array(nSig + 1);
  const pairCol: number[] = [];
  const pairVal: number[] = [];
  for (let s = 0; s < nSig; s++) {
    sigOff[s] = pairCol.length;
    const row = first[s] ?? -1;
    if (row < 0) continue;
    for (const f of cols) {
      const col = columns[f];
      if (!col) continue;
      for (let k = col.offsets[row] ?? 0, e = col.offsets[row + 1] ?? 0; k < e; k++) {
        pairCol.push(f);
        pairVal.push(col.ids[k] ?? 0);
      }
    }
  }
  sigOff[nSig] = pairCol.length;
  return {
    cols,
    sig: Uint16Array.from(sig),
    nSig,
    sigOff,
    sigCol: Uint8Array.from(pairCol),
    sigVal: Uint32Array.from(pairVal),
  };
}

/** Adds the group's value counts over `rows` to `counters` (by column position). */
export function countGroup(g: FacetGroup, rows: Uint32Array, counters: readonly Uint32Array[]): void {
  const bySig = new Uint32Array(g.nSig);
  const { sig, sigOff, sigCol, sigVal } = g;
  for (let j = 0; j < rows.length; j++) {
    const s = sig[rows[j] ?? 0] ?? 0;
    bySig[s] = (bySig[s] ?? 0) + 1;
  }
  for (let s = 0; s < g.nSig; s++) {
    const c = bySig[s] ?? 0;
    if (c === 0) continue;
    for (let k = sigOff[s] ?? 0, e = sigOff[s + 1] ?? 0; k < e; k++) {
      const counter = counters[sigCol[k] ?? 0];
      const v = sigVal[k] ?? 0;
      if (counter) counter[v] = (counter[v] ?? 0) + c;
    }
  }
}
