/**
 * The facet index as plain data for the persisted search cache (typed arrays survive IndexedDB's
 * structured clone as they are), so a cold start does not rebuild it from 100k rows. Pure;
 * `restoreFacetIndex` validates and returns undefined on anything unexpected.
 */
import { FACETS } from './facets';
import {
  columnCollation,
  columnCountOrder,
  columnCounts,
  seedCollation,
  seedColumnCounts,
  seedCountOrder,
} from './facetStats';
import type { FacetColumn, FacetId, FacetIndex } from './facetTypes';
import { stringColumn } from '../util/columns';

export const FACETS_CODEC_VERSION = 2;

/** `byRank`: the labels' collation order (sorting 16k labels was most of the first query's facet work). */
type StoredColumn = {
  labels: string[];
  offsets: Uint32Array;
  ids: Uint32Array;
  byRank?: Uint32Array;
  /** Each label's count over all rows (the default view's counts). */
  counts?: Uint32Array;
  /** The labels with a count over all rows, most frequent first (the default view's values). */
  byCount?: Uint32Array;
};
export type StoredFacetIndex = { v: number; size: number; columns: Record<string, StoredColumn> };

export function storeFacetIndex(index: FacetIndex): StoredFacetIndex {
  const columns: Record<string, StoredColumn> = {};
  for (const f of FACETS) {
    const c = index.columns[f.id];
    columns[f.id] = {
      labels: c.labels,
      offsets: c.offsets,
      ids: c.ids,
      byRank: columnCollation(c),
      counts: columnCounts(c),
      byCount: columnCountOrder(c),
    };
  }
  return { v: FACETS_CODEC_VERSION, size: index.size, columns };
}

function restoreColumn(x: unknown, size: number): FacetColumn | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const c = x as Partial<StoredColumn>;
  const { offsets, ids } = c;
  const labels = stringColumn(c.labels);
  if (!labels) return undefined;
  if (!(offsets instanceof Uint32Array) || offsets.length !== size + 1) return undefined;
  if (!(ids instanceof Uint32Array) || offsets[size] !== ids.length || offsets[0] !== 0) return undefined;
  // Indexed loops, no early exit: they run before anything is compiled, at start-up.
  let bad = 0;
  for (let i = 0; i < size; i++) bad |= (offsets[i] ?? 0) > (offsets[i + 1] ?? 0) ? 1 : 0;
  let max = 0;
  for (let k = 0; k < ids.length; k++) max = Math.max(max, ids[k] ?? 0);
  if (bad !== 0 || (ids.length > 0 && max >= labels.length)) return undefined;
  const col: FacetColumn = {
    labels,
    // Built when a selection or field query first looks a value up (not on the cold-start path).
    get byLower(): Map<string, number> {
      const byLower = new Map<string, number>();
      labels.forEach((l, i) => byLower.set(l.toLowerCase(), i));
      Object.defineProperty(this, 'byLower', { value: byLower, enumerable: true });
      return byLower;
    },
    offsets,
    ids,
  };
  if (c.byRank instanceof Uint32Array) seedCollation(col, c.byRank);
  // The value order only with the counts it was made from (seeding it otherwise would count all rows now).
  if (c.counts instanceof Uint32Array && seedColumnCounts(col, c.counts) && c.byCount instanceof Uint32Array)
    seedCountOrder(col, c.byCount);
  return col;
}

/** The facet index for `size` rows from `storeFacetIndex`, or undefined. */
export function restoreFacetIndex(x: unknown, size: number): FacetIndex | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const s = x as Partial<StoredFacetIndex>;
  if (s.v !== FACETS_CODEC_VERSION || s.size !== size || typeof s.columns !== 'object' || s.columns === null)
    return undefined;
  const columns = {} as Record<FacetId, FacetColumn>;
  for (const f of FACETS) {
    const col = restoreColumn(s.columns[f.id], size);
    if (!col) return undefined;
    columns[f.id] = col;
  }
  return { size, columns };
}
