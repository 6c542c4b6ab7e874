/**
 * React-query keys of the catalog's worker-backed reads (display rows, query results, suggestions) and
 * which catalog changes make them stale. app/ subscribes to the catalog change events once and
 * invalidates what `catalogInvalidations` names.
 */
import type { QueryKey } from '@tanstack/react-query';
import type { CatalogViewState } from '@/core/search/urlState';
import type { CatalogChange, CatalogTable } from '@/workers/catalogEvents';

/** What a catalog query asks the worker (the view, plus the licence facet's verdict key). */
export type CatalogQueryArgs = {
  q: string;
  facets: CatalogViewState['facets'];
  sort: CatalogViewState['sort'];
  licenseKey: string | undefined;
};

export const catalogKeys = {
  all: ['catalog'] as const,
  /** The worker's snapshot of display rows. */
  rows: () => ['catalog', 'rows'] as const,
  /** The display rows persisted by the worker, read once on a cold start. */
  persistedRows: () => ['catalog', 'persistedRows'] as const,
  /** Every query result. */
  queries: () => ['catalog', 'query'] as const,
  /** One query's result over one snapshot (a new snapshot is a new key: results never outlive their rows). */
  query: (args: CatalogQueryArgs, snapshotId: string) => ['catalog', 'query', snapshotId, args] as const,
  /** Every suggestion list. */
  suggestions: () => ['catalog', 'suggest'] as const,
  suggest: (q: string) => ['catalog', 'suggest', q] as const,
};

/** Tables whose writes change what search shows. */
const SEARCHED: readonly CatalogTable[] = ['assets', 'relations', 'versions'];

/**
 * The catalog keys a change makes stale: the snapshot of rows (query results follow, keyed by snapshot)
 * and the suggestions. Curation, settings, saved views, imports and the audit log change nothing here.
 */
export function catalogInvalidations(change: CatalogChange): QueryKey[] {
  if (!change.tables.some((t) => SEARCHED.includes(t))) return [];
  return [catalogKeys.rows(), catalogKeys.suggestions()];
}
