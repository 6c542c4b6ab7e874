/**
 * What the catalog engine persists (through its store's searchIndex table): rows (head + tail), display
 * rows, facet index, sort ranks and the packed search index, each tagged with the catalog stamp. Pure:
 * the engine decides when, and writes the records.
 */
import { encodeRows } from '../rowsCodec';
import { storeFacetIndex } from '../facetsCodec';
import { withFacetColumn } from '../facets';
import { storeSearchIndex } from '../../search/indexStore';
import { encodeDisplay } from '../../search/displayCodec';
import { toDisplayRow, type SortId } from '../../search/display';
import { SEARCH_CACHE_IDS, type MiniSearch, type SearchDoc } from '../../search/searchIndex';
import {
  buildFacetIndex,
  byDefaultOrder,
  checkValues,
  rankFor,
  storeRanks,
  type LicenseCheck,
  type State,
} from './state';
import type { SearchCacheRecord } from './types';

/** Sort orders always persisted (others are persisted once computed). */
const PERSISTED_RANKS: readonly SortId[] = ['name'];

/** The snapshot's display rows as the window receives them (column-wise JSON, built once per snapshot). */
export function displayJson(st: State): string {
  st.displayJson ??= encodeDisplay(st.snapshotId, st.rows.map(toDisplayRow));
  return st.displayJson;
}

/** Puts the rows in default order (newest first), so a cold start shows the first rows without sorting. */
export function putInDefaultOrder(st: State): void {
  const order = st.rows.map((r, i) => ({ r, i })).sort((a, b) => byDefaultOrder(a.r, b.r));
  st.rows = order.map((x) => x.r);
  st.keyToIndex = new Map(st.rows.map((r, i) => [r.key, i]));
}

/**
 * The records persisting `st` for stamp `v` (and the stored form of the index, which the engine then
 * switches to). Builds the persisted ranks and the facet index when missing.
 */
export function persistRecords(
  st: State,
  idx: MiniSearch<SearchDoc>,
  licenseCheck: LicenseCheck | undefined,
  v: string,
): { records: SearchCacheRecord[]; storedIndex: ReturnType<typeof storeSearchIndex> } {
  for (const id of PERSISTED_RANKS) rankFor(st, id);
  // The facet index without licence verdicts (a cold start has none yet).
  st.facets ??= buildFacetIndex(st.rows, licenseCheck);
  const facets = licenseCheck
    ? withFacetColumn(st.facets, st.rows, 'check', checkValues(undefined))
    : st.facets;
  const builtAt = new Date().toISOString();
  const storedIndex = storeSearchIndex(idx, st.keyToIndex);
  const rows = encodeRows(st.rows);
  const records: SearchCacheRecord[] = [
    { id: SEARCH_CACHE_IDS.ranks, stamp: v, json: '', data: storeRanks(st), builtAt },
    { id: SEARCH_CACHE_IDS.facets, stamp: v, json: '', data: storeFacetIndex(facets), builtAt },
    // The rows: the snapshot id and their head (typed arrays, see rowsCodec); their tail on its own.
    { id: SEARCH_CACHE_IDS.rows, stamp: v, json: st.snapshotId, data: rows.head, builtAt },
    { id: SEARCH_CACHE_IDS.rowsTail, stamp: v, json: `${st.snapshotId}\n${rows.tail}`, builtAt },
    { id: SEARCH_CACHE_IDS.display, stamp: v, json: displayJson(st), builtAt },
    // Typed arrays (see indexStore): no 40 MB JSON to parse at start-up.
    { id: SEARCH_CACHE_IDS.index, stamp: v, json: '', data: storedIndex, builtAt },
  ];
  return { records, storedIndex };
}
