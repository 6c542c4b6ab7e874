/**
 * The one place where catalog change events reach react-query: each feature names the keys a change makes
 * stale (`catalogInvalidations`, `licenseInvalidations`), this module invalidates them.
 *
 * A fetch in flight is not cancelled by a change (its answer is shown, then the query fetches again), so a
 * stream of changes (an import) cannot starve a read; queries with `meta.restartOnChange` (a debounced read)
 * are restarted instead.
 */
import { useEffect, useRef } from 'react';
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { catalogStamp, listEdgeDecisions } from '@/db';
import { catalogInvalidations } from '@/features/catalog/queryKeys';
import { licenseInvalidations } from '@/features/licenses/queryKeys';
import { onCatalogChange, type CatalogChange } from '@/workers/catalogEvents';

/** Every key a change makes stale (prefixes: a key stands for itself and everything under it). */
export function invalidationsFor(change: CatalogChange): QueryKey[] {
  return [...catalogInvalidations(change), ...licenseInvalidations(change)];
}

export type CatalogChangeSync = {
  /** Invalidates what the change makes stale. */
  apply: (change: CatalogChange) => void;
  /** Whether a change event has arrived (the fallback below stands down then). */
  eventsSeen: () => boolean;
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
  let seen = false;

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
  const stopEvents = subscribe((change) => {
    seen = true;
    apply(change);
  });
  return {
    apply,
    eventsSeen: () => seen,
    disconnect: () => {
      stopEvents();
      stopCache();
    },
  };
}

/** The edge decisions that matter to reads (licence verdicts skip rejected edges). */
async function decisionsStamp(): Promise<string> {
  const decisions = await listEdgeDecisions();
  return decisions
    .map((d) => `${d.id}:${d.decision}`)
    .sort()
    .join(',');
}

/**
 * Connects catalog change events to the query client for the app's lifetime. Until the catalog worker emits
 * them, the database's catalog stamp and edge decisions (Dexie live queries, every tab) stand in: a change
 * of either is applied as a change event; the first real event retires this fallback.
 */
export function useCatalogChangeSync(client: QueryClient): void {
  const sync = useRef<CatalogChangeSync | undefined>(undefined);
  useEffect(() => {
    const s = connectCatalogChanges(client);
    sync.current = s;
    return () => {
      s.disconnect();
      sync.current = undefined;
    };
  }, [client]);

  const stamp = useLiveQuery(() => catalogStamp(), []);
  const decisions = useLiveQuery(() => decisionsStamp(), []);
  const last = useRef<{ stamp?: string; decisions?: string }>({});
  useEffect(() => {
    const prev = last.current;
    last.current = {
      ...(stamp !== undefined ? { stamp } : {}),
      ...(decisions !== undefined ? { decisions } : {}),
    };
    const s = sync.current;
    if (!s || s.eventsSeen()) return;
    if (prev.stamp !== undefined && stamp !== undefined && prev.stamp !== stamp)
      s.apply({ origin: 'local', tables: ['assets', 'relations', 'versions'] });
    if (prev.decisions !== undefined && decisions !== undefined && prev.decisions !== decisions)
      s.apply({ origin: 'local', tables: ['edgeDecisions'] });
  }, [stamp, decisions]);
}
