/**
 * Facet index types, shared by the facet builder and counter (`facets.ts`), column groups
 * (`facetGroups.ts`), column statistics (`facetStats.ts`) and the codecs. Types only.
 */
export type FacetId =
  | 'kind'
  | 'task'
  | 'library'
  | 'license'
  | 'family'
  | 'check'
  | 'lang'
  | 'derivative'
  | 'lineage'
  | 'depth'
  | 'base'
  | 'trained'
  | 'format'
  | 'source'
  | 'complete'
  | 'imported';

/** One facet column, dictionary-encoded in CSR form: values of row i are `ids[offsets[i]..offsets[i+1])`. */
export type FacetColumn = {
  /** Value labels by id (first-seen spelling). */
  labels: string[];
  /** Lower-cased label → id. */
  byLower: Map<string, number>;
  offsets: Uint32Array;
  ids: Uint32Array;
};

export type FacetIndex = { size: number; columns: Record<FacetId, FacetColumn> };

/** Selected facet values per facet (OR within a facet, AND across facets). */
export type FacetSelection = Partial<Record<FacetId, readonly string[]>>;

export type FacetValueCount = { value: string; count: number };

export type FacetCounts = Record<FacetId, { values: FacetValueCount[]; distinct: number }>;

export type FacetResult = {
  /** Row indices passing the candidates AND every facet filter, in candidate order. */
  matches: Uint32Array;
  counts: FacetCounts;
};
