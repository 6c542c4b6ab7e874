/**
 * Catalog data on the window side: the current snapshot of display rows (from the persisted cache on a
 * cold start, then from the catalog worker) and query results (row indices into that snapshot).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { catalogStamp, getSearchCache, listSavedViews } from '@/db';
import type { SavedViewRow } from '@/db';
import { catalogClient } from '@/workers/catalogClient';
import { cacheStamp, SEARCH_CACHE_IDS } from '@/core/search/cacheIds';
import { decodeDisplay, type DisplayRows } from '@/core/search/displayCodec';
import type { FacetCounts } from '@/core/catalog/facets';
import type { CatalogViewState } from '@/core/search/urlState';

export type CatalogSnapshot = {
  id: string;
  rows: DisplayRows;
  /** Catalog stamp the rows reflect, when known. */
  stamp?: string;
};

/** The last snapshot, kept across remounts so returning to the catalog paints at once. */
let lastSnapshot: CatalogSnapshot | undefined;

type TestHook = {
  call: (name: 'queryCatalog' | 'searchStatus' | 'suggest' | 'catalogRows', args: never) => Promise<unknown>;
};

// Automated browsers (tests, benchmark) get a handle on the catalog engine.
if (typeof navigator !== 'undefined' && navigator.webdriver && typeof window !== 'undefined') {
  (window as unknown as { __tarnCatalog?: TestHook }).__tarnCatalog = {
    call: (name, args) => catalogClient().call(name, args),
  };
}

/** Live snapshot of the catalog's display rows; `refresh` asks the worker again (e.g. after a stale result). */
export function useCatalogSnapshot(): {
  snapshot: CatalogSnapshot | undefined;
  refresh: () => void;
  /** The database's current catalog stamp (undefined until read). */
  stamp: string | undefined;
} {
  const stamp = useLiveQuery(() => catalogStamp(), []);
  const [snapshot, setSnapshot] = useState<CatalogSnapshot | undefined>(lastSnapshot);
  const snapRef = useRef<CatalogSnapshot | undefined>(lastSnapshot);
  const fetchState = useRef({ inFlight: false, again: false });
  // The cold-start read of the persisted snapshot: the worker is asked only after it, naming the snapshot
  // it holds, so the (same) 100k display rows are not serialised, posted and parsed a second time.
  const cacheRead = useRef<Promise<void> | undefined>(undefined);

  const accept = useCallback((json: string, rowsStamp: string) => {
    const parsed = decodeDisplay(json);
    if (!parsed || snapRef.current?.id === parsed.snapshotId) return;
    const next = { id: parsed.snapshotId, rows: parsed.rows, stamp: rowsStamp };
    snapRef.current = next;
    lastSnapshot = next;
    setSnapshot(next);
  }, []);

  const refresh = useCallback(() => {
    const f = fetchState.current;
    if (f.inFlight) {
      f.again = true;
      return;
    }
    f.inFlight = true;
    void (async () => {
      try {
        if (cacheRead.current) await cacheRead.current;
        do {
          f.again = false;
          const res = await catalogClient().call(
            'catalogRows',
            snapRef.current ? { known: snapRef.current.id } : {},
          );
          if (res.json !== undefined) accept(res.json, res.stamp);
          else if (
            snapRef.current &&
            snapRef.current.id === res.snapshotId &&
            snapRef.current.stamp !== res.stamp
          ) {
            const next = { ...snapRef.current, stamp: res.stamp };
            snapRef.current = next;
            lastSnapshot = next;
            setSnapshot(next);
          }
        } while (f.again);
      } catch (e) {
        console.warn('Catalog rows unavailable', e);
      } finally {
        f.inFlight = false;
      }
    })();
  }, [accept]);

  // Cold start: show the persisted snapshot at once when it matches the catalog, while the worker warms up.
  const triedCache = useRef(false);
  useEffect(() => {
    if (stamp === undefined || triedCache.current) return;
    triedCache.current = true;
    if (snapRef.current) return;
    cacheRead.current = getSearchCache(SEARCH_CACHE_IDS.display)
      .then((row) => {
        if (row && row.stamp === cacheStamp(stamp) && !snapRef.current) accept(row.json, stamp);
      })
      .catch(() => undefined)
      .finally(() => {
        cacheRead.current = undefined;
      });
  }, [stamp, accept]);

  useEffect(() => {
    if (stamp !== undefined) refresh();
  }, [stamp, refresh]);

  return { snapshot, refresh, stamp };
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

type QueryArgs = {
  q: string;
  facets: CatalogViewState['facets'];
  sort: CatalogViewState['sort'];
  licenseKey: string | undefined;
};

/**
 * Runs the view's query in the worker whenever it (or the snapshot) changes. Latest wins: while a query
 * runs, only the newest pending one is kept.
 */
export function useCatalogQuery(
  view: CatalogViewState,
  snapshotId: string | undefined,
  onStale: () => void,
  licenseKey?: string,
): QueryResult | undefined {
  const [result, setResult] = useState<QueryResult>();
  const args = useMemo<QueryArgs>(
    () => ({ q: view.q, facets: view.facets, sort: view.sort, licenseKey }),
    [view.q, view.facets, view.sort, licenseKey],
  );
  const runner = useRef<{ running: boolean; next?: QueryArgs }>({ running: false });
  const onStaleRef = useRef(onStale);
  const snapRef = useRef(snapshotId);
  useEffect(() => {
    onStaleRef.current = onStale;
    snapRef.current = snapshotId;
  }, [onStale, snapshotId]);

  useEffect(() => {
    if (snapshotId === undefined) return;
    const r = runner.current;
    r.next = args;
    if (r.running) return;
    r.running = true;
    void (async () => {
      try {
        while (r.next) {
          const a = r.next;
          r.next = undefined;
          try {
            const res = await catalogClient().call('queryCatalog', {
              q: a.q,
              facets: a.facets,
              ...(a.sort ? { sort: a.sort } : {}),
              ...(a.licenseKey ? { licenseKey: a.licenseKey } : {}),
            });
            if (!r.next) {
              setResult({ ...res, q: a.q });
              if (res.snapshotId !== snapRef.current) onStaleRef.current();
            }
          } catch (e) {
            console.warn('Catalog query failed', e);
          }
        }
      } finally {
        r.running = false;
      }
    })();
  }, [args, snapshotId]);

  return result;
}

export function useSavedViews(): SavedViewRow[] | undefined {
  return useLiveQuery(() => listSavedViews(), []);
}
