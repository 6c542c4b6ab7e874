/**
 * Catalog data on the window side: the current snapshot of display rows (from the persisted cache on a
 * cold start, then from the catalog worker) and query results (row indices into that snapshot). Both are
 * react-query reads (keys in ./queryKeys); catalog change events invalidate the rows, and a new snapshot
 * is a new query key.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { catalogStamp, getSearchCache, listSavedViews } from '@/db';
import type { SavedViewRow } from '@/db';
import { catalogClient } from '@/workers/catalogClient';
import { cacheStamp, SEARCH_CACHE_IDS } from '@/core/search/cacheIds';
import { decodeDisplay, type DisplayRows } from '@/core/search/displayCodec';
import type { FacetCounts } from '@/core/catalog/facets';
import type { CatalogViewState } from '@/core/search/urlState';
import { catalogKeys, type CatalogQueryArgs } from './queryKeys';

export type CatalogSnapshot = {
  id: string;
  rows: DisplayRows;
  /** Catalog stamp the rows reflect, when known. */
  stamp?: string;
};

type TestHook = {
  call: (name: 'queryCatalog' | 'searchStatus' | 'suggest' | 'catalogRows', args: never) => Promise<unknown>;
};

// Automated browsers (tests, benchmark) get a handle on the catalog engine.
if (typeof navigator !== 'undefined' && navigator.webdriver && typeof window !== 'undefined') {
  (window as unknown as { __tarnCatalog?: TestHook }).__tarnCatalog = {
    call: (name, args) => catalogClient().call(name, args),
  };
}

/**
 * Asks the worker for its snapshot, naming the one we hold (`known`): when it is the same, the 100k display
 * rows are not serialised, posted and parsed again, and the held snapshot is returned (same object when its
 * stamp did not move either, so nothing re-renders).
 */
export async function fetchCatalogRows(known: CatalogSnapshot | undefined): Promise<CatalogSnapshot> {
  const res = await catalogClient().call('catalogRows', known ? { known: known.id } : {});
  if (res.json !== undefined) {
    const parsed = decodeDisplay(res.json);
    if (parsed && known?.id !== parsed.snapshotId)
      return { id: parsed.snapshotId, rows: parsed.rows, stamp: res.stamp };
  }
  if (!known) throw new Error('Catalog rows unavailable');
  if (known.id === res.snapshotId && known.stamp !== res.stamp) return { ...known, stamp: res.stamp };
  return known;
}

/** The display rows the worker persisted, when they match the catalog's stamp (null otherwise). */
async function readPersistedRows(stamp: string): Promise<CatalogSnapshot | null> {
  const row = await getSearchCache(SEARCH_CACHE_IDS.display).catch(() => undefined);
  if (!row || row.stamp !== cacheStamp(stamp)) return null;
  const parsed = decodeDisplay(row.json);
  return parsed ? { id: parsed.snapshotId, rows: parsed.rows, stamp } : null;
}

/** What `useCatalogSnapshot` gives as the stamp while the held rows are behind the database. */
const NOT_HELD_STAMP = '\u0000newer than the rows held';

/** Live snapshot of the catalog's display rows; `refresh` asks the worker again (e.g. after a stale result). */
export function useCatalogSnapshot(): {
  snapshot: CatalogSnapshot | undefined;
  refresh: () => void;
  /**
   * The database's current catalog stamp (undefined until read); once the worker's rows are held, a
   * placeholder that matches no stamp while they are behind the database.
   */
  stamp: string | undefined;
} {
  const queryClient = useQueryClient();
  const held = queryClient.getQueryData<CatalogSnapshot>(catalogKeys.rows());
  // Once the worker's rows are held, the view only needs to know whether they reflect the database: the
  // stamp moves with every batch of an import, and a new value re-rendered the whole view each time (the
  // window's steadiest work during a big import). The same value is the same state: no re-render.
  const isHeld = held !== undefined;
  const heldStamp = held?.stamp;
  const stamp = useLiveQuery(async () => {
    const s = await catalogStamp();
    return !isHeld || s === heldStamp ? s : NOT_HELD_STAMP;
  }, [isHeld, heldStamp]);
  // Cold start: show the persisted snapshot at once when it matches the catalog, while the worker warms up.
  // The worker is asked only after this read, naming the snapshot it gave (see fetchCatalogRows).
  const persisted = useQuery({
    queryKey: catalogKeys.persistedRows(),
    queryFn: () => readPersistedRows(stamp ?? ''),
    enabled: stamp !== undefined && held === undefined,
    staleTime: Infinity,
    gcTime: 0,
    structuralSharing: false,
  });
  const fromCache = persisted.data ?? undefined;
  const rows = useQuery({
    queryKey: catalogKeys.rows(),
    queryFn: () =>
      fetchCatalogRows(queryClient.getQueryData<CatalogSnapshot>(catalogKeys.rows()) ?? fromCache),
    enabled: stamp !== undefined && (held !== undefined || persisted.status !== 'pending'),
    staleTime: Infinity,
    gcTime: Infinity,
    structuralSharing: false,
  });
  useEffect(() => {
    if (rows.error) console.warn('Catalog rows unavailable', rows.error);
  }, [rows.error]);
  // A fetch in flight may have been asked before the change that made the result stale: let it finish
  // (its rows are shown), then ask again.
  const refresh = useCallback(() => {
    const filters = { queryKey: catalogKeys.rows() };
    const inFlight = queryClient.getQueryState(filters.queryKey)?.fetchStatus === 'fetching';
    void queryClient.invalidateQueries(filters, { cancelRefetch: false }).then(() => {
      if (inFlight) void queryClient.invalidateQueries(filters, { cancelRefetch: false });
    });
  }, [queryClient]);
  return { snapshot: rows.data ?? fromCache, refresh, stamp };
}

export type QueryResult = {
  snapshotId: string;
  order: Uint32Array;
  total: number;
  counts: FacetCounts;
  hints: string[];
  ms: number;
  /** The query text answered. */ q: string;
};

/**
 * Runs calls one at a time; a call whose query was abandoned (its signal aborted: the view moved on) while
 * it waited is dropped, so typing runs the first and the latest query, not every keystroke's.
 */
function createQueryLane(): <T>(signal: AbortSignal, run: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(signal: AbortSignal, run: () => Promise<T>) => {
    const next = tail.then(() => {
      if (signal.aborted) throw new Error('Query abandoned');
      return run();
    });
    tail = next.catch(() => undefined);
    return next;
  };
}

/**
 * The view's query result over the current snapshot, from the worker; the previous result stays while a
 * new one is computed. Calls `onStale` when the worker answered from a newer snapshot than the one shown.
 */
export function useCatalogQuery(
  view: CatalogViewState,
  snapshotId: string | undefined,
  onStale: () => void,
  licenseKey?: string,
): QueryResult | undefined {
  const [lane] = useState(createQueryLane);
  const args = useMemo<CatalogQueryArgs>(
    () => ({ q: view.q, facets: view.facets, sort: view.sort, licenseKey }),
    [view.q, view.facets, view.sort, licenseKey],
  );
  const query = useQuery({
    queryKey: catalogKeys.query(args, snapshotId ?? ''),
    queryFn: ({ signal }) =>
      lane(signal, async (): Promise<QueryResult> => {
        const res = await catalogClient().call('queryCatalog', {
          q: args.q,
          facets: args.facets,
          ...(args.sort ? { sort: args.sort } : {}),
          ...(args.licenseKey ? { licenseKey: args.licenseKey } : {}),
        });
        return { ...res, q: args.q };
      }),
    enabled: snapshotId !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    // A result holds an order array as long as the catalog: keep answered views briefly, not for minutes.
    gcTime: 30_000,
    structuralSharing: false,
  });
  const answered = query.isPlaceholderData ? undefined : query.data?.snapshotId;
  useEffect(() => {
    if (answered !== undefined && snapshotId !== undefined && answered !== snapshotId) onStale();
  }, [answered, snapshotId, onStale]);
  useEffect(() => {
    if (query.error) console.warn('Catalog query failed', query.error);
  }, [query.error]);
  return query.data;
}

export function useSavedViews(): SavedViewRow[] | undefined {
  return useLiveQuery(() => listSavedViews(), []);
}
