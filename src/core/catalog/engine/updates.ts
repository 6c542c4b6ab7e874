/**
 * How stored changes become rows of the catalog engine's state (rows, parents' child counts, search
 * documents). Pure: the engine holds the state and decides when.
 */
import type { RelationRow, StoredAsset } from '../rows';
import { toCatalogRow, type CatalogRow } from '../catalogRow';
import { toSearchDoc, type MiniSearch, type SearchDoc } from '../../search/searchIndex';
import {
  bumpParents,
  groupByChild,
  incomingCounts,
  incomingOf,
  putRow,
  removeRows,
  type State,
} from './state';
import type { StoredChange } from './types';

/**
 * Appends rows for an export's new assets (before it is restored) and returns them; the caller indexes
 * their documents. Placeholders and assets already in the rows are left out.
 */
export function appendExportRows(
  st: State,
  env: { assets: readonly StoredAsset[]; relations: readonly RelationRow[] },
): CatalogRow[] {
  const outgoing = groupByChild(env.relations);
  const rows: CatalogRow[] = [];
  for (const a of env.assets) {
    if (a.placeholder || st.keyToIndex.has(a.key)) continue;
    rows.push(toCatalogRow(a, outgoing.get(a.key) ?? [], 0));
  }
  if (rows.length === 0) return rows;
  incomingCounts(st); // counted before the rows arrive
  for (const r of rows) {
    st.keyToIndex.set(r.key, st.rows.length);
    st.rows.push(r);
    bumpParents(st, r.parents, +1);
  }
  const incoming = incomingCounts(st);
  for (const r of rows) r.nChildren = incoming.get(r.key) ?? 0;
  return rows;
}

/** Adds rows (and documents) for created assets; into empty rows, all at once. */
export function addCreatedRows(
  st: State,
  idx: MiniSearch<SearchDoc>,
  created: readonly StoredAsset[],
  relations: readonly RelationRow[],
): void {
  const outgoing = groupByChild(relations);
  const rows = created.map((a) => toCatalogRow(a, outgoing.get(a.key) ?? [], 0));
  if (st.rows.length === 0) {
    // Bulk: build everything at once.
    for (const r of rows) {
      st.keyToIndex.set(r.key, st.rows.length);
      st.rows.push(r);
    }
    const incoming = incomingOf(st.rows);
    st.incoming = incoming;
    for (const r of st.rows) r.nChildren = incoming.get(r.key) ?? 0;
    idx.addAll(rows.map(toSearchDoc));
  } else {
    for (const r of rows) putRow(st, idx, r);
  }
}

/** Puts the current record of each key (`assets[i]` for `keys[i]`); keys with none, or a placeholder, go. */
export function putStoredRows(
  st: State,
  idx: MiniSearch<SearchDoc>,
  keys: readonly string[],
  assets: readonly (StoredAsset | undefined)[],
  outgoing: readonly RelationRow[],
): void {
  const outBy = groupByChild(outgoing);
  const gone: string[] = [];
  keys.forEach((key, i) => {
    const a = assets[i];
    if (a && !a.placeholder) putRow(st, idx, toCatalogRow(a, outBy.get(key) ?? [], 0));
    else gone.push(key);
  });
  removeRows(st, idx, gone);
}

/** `keys`' records and relations from a change's `stored` (no read-back). */
export function storedRecords(
  stored: NonNullable<StoredChange['stored']>,
  keys: readonly string[],
): [(StoredAsset | undefined)[], RelationRow[]] {
  const byKey = new Map(stored.assets.map((a) => [a.key, a]));
  return [keys.map((k) => byKey.get(k)), stored.relations];
}
