/**
 * The catalog view state as URL parameters (shareable; back/forward work):
 *   q=<query>  <facet id>=<value> (repeatable)  sort=<column> | sort=-<column>  cols=<column,...>
 * Pure: parse and serialize, normalizing order so equal views give equal URLs.
 */
import { FACET_IDS, type FacetId, type FacetSelection } from '../catalog/facets';
import { SORT_IDS, type CatalogSort, type SortId } from './display';

export type CatalogViewState = {
  q: string;
  facets: FacetSelection;
  sort?: CatalogSort;
  /** Visible columns; undefined = the default set. */
  cols?: SortId[];
};

export const DEFAULT_COLUMNS: readonly SortId[] = ['name', 'kind', 'task', 'license', 'base', 'updated'];

export function parseViewState(params: URLSearchParams): CatalogViewState {
  const facets: FacetSelection = {};
  for (const id of FACET_IDS) {
    const vals = params.getAll(id).filter((v) => v !== '');
    if (vals.length > 0) facets[id] = Array.from(new Set(vals));
  }
  const state: CatalogViewState = { q: params.get('q') ?? '', facets };
  const sortRaw = params.get('sort');
  if (sortRaw) {
    const desc = sortRaw.startsWith('-');
    const id = sortRaw.replace(/^-/u, '') as SortId;
    if (SORT_IDS.includes(id)) state.sort = { id, desc };
  }
  const colsRaw = params.get('cols');
  if (colsRaw !== null) {
    const cols = colsRaw.split(',').filter((c): c is SortId => (SORT_IDS as readonly string[]).includes(c));
    if (cols.length > 0) state.cols = cols;
  }
  return state;
}

export function serializeViewState(s: CatalogViewState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q !== '') p.set('q', s.q);
  for (const id of FACET_IDS) for (const v of s.facets[id] ?? []) p.append(id, v);
  if (s.sort) p.set('sort', `${s.sort.desc ? '-' : ''}${s.sort.id}`);
  if (s.cols && s.cols.join(',') !== DEFAULT_COLUMNS.join(',')) p.set('cols', s.cols.join(','));
  return p;
}

/** Toggles one facet value. */
export function toggleFacet(s: CatalogViewState, id: FacetId, value: string): CatalogViewState {
  const cur = s.facets[id] ?? [];
  const next = cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value];
  const facets: FacetSelection = { ...s.facets };
  if (next.length > 0) facets[id] = next;
  else delete facets[id];
  return { ...s, facets };
}
