/**
 * The one place where catalog change events reach react-query: each feature names the keys a change makes
 * stale (`catalogInvalidations`, `licenseInvalidations`), this module invalidates them.
 *
 * A fetch in flight is not cancelled by a change (its answer is shown, then the query fetches again), so a
 * stream of changes (an import) cannot starve a read; queries with `meta.restartOnChange` (a debounced read)
 * are restarted instead.
 */
import { useEffect } from 'react';
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { catalogInvalidations } from '@/features/catalog/queryKeys';
import { licenseInvalidations } from '@/features/licenses/queryKeys';
import { syncInvalidations } from '@/features/sync/queryKeys';
import { publishInvalidations } from '@/features/publish/queryKeys';
import { onCatalogChange, type CatalogChange } from '@/workers/catalogEvents';

/** Every key a change makes stale (prefixes: a key stands for itself and everything under it). */
export function invalidationsFor(change: CatalogChange): QueryKey[] {
  return [
    ...catalogInvalidations(change),
    ...licenseInvalidations(change),
    ...syncInvalidations(change),
    ...publishInvalidations(change),
  ];
}

export type CatalogChangeSync = {
  /** Invalidates what the change makes stale. */
  apply: (change: CatalogChange) => void;
  disconnect: () => void;
};

/** Subscribes the client to catalog change events (`subscribe` is `onCatalogChange` outside tests). */
export function connectCatalogChanges(
  client: QueryClient,
  subscribe: (listener: (change: CatalogChange) => void) => () => void = onCatalogChange,
): CatalogChangeSync {
  const cache = client.getQueryCache();
  // Queries invalidated while fetching: fetched again when that fetch ends.
  const again = new Set<string>();

  const invalidate = (query: Query) => {
    const filters = { queryKey: query.queryKey, exact: true };
    if (query.state.fetchStatus === 'fetching') {
      if (query.meta?.restartOnChange === true) {
        // Cancelled first, then fetched anew (a refetch alone would join a first fetch still in flight).
        void client.cancelQueries(filters).then(() => client.invalidateQueries(filters));
        return;
      }
      again.add(query.queryHash);
    }
    void client.invalidateQueries(filters, { cancelRefetch: false });
  };

  const apply = (change: CatalogChange) => {
    const hashes = new Set<string>();
    for (const key of invalidationsFor(change))
      for (const query of cache.findAll({ queryKey: key }))
        if (!hashes.has(query.queryHash)) {
          hashes.add(query.queryHash);
          invalidate(query);
        }
  };

  const stopCache = cache.subscribe((event) => {
    if (event.type !== 'updated') return;
    const query = cache.get(event.query.queryHash);
    if (!query || !again.has(query.queryHash) || query.state.fetchStatus !== 'idle') return;
    again.delete(query.queryHash);
    invalidate(query);
  });
  const stopEvents = subscribe(apply);
  return {
    apply,
    disconnect: () => {
      stopEvents();
      stopCache();
    },
  };
}

/** Connects catalog change events (this tab's writes and other tabs') to the query client for the app's lifetime. */
export function useCatalogChangeSync(client: QueryClient): void {
  useEffect(() => {
    const s = connectCatalogChanges(client);
    return () => s.disconnect();
  }, [client]);
}
