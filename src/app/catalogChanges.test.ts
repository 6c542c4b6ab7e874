import { afterEach, describe, expect, it } from 'vitest';
import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query';
import { catalogKeys } from '@/features/catalog/queryKeys';
import { syncKeys } from '@/features/sync/queryKeys';
import { licenseKeys } from '@/features/licenses/queryKeys';
import type { CatalogChange, CatalogChangeListener, CatalogTable } from '@/workers/catalogEvents';
import { connectCatalogChanges, invalidationsFor } from './catalogChanges';

type Deferred = { resolve: (v: string) => void; signal: AbortSignal };

/** An observed query whose fetches stay pending until the test resolves them. */
function watch(client: QueryClient, queryKey: QueryKey, meta?: Record<string, unknown>) {
  const fetches: Deferred[] = [];
  const observer = new QueryObserver<string>(client, {
    queryKey,
    queryFn: ({ signal }) =>
      new Promise<string>((resolve) => {
        fetches.push({ resolve, signal });
      }),
    staleTime: Infinity,
    ...(meta ? { meta } : {}),
  });
  const stop = observer.subscribe(() => undefined);
  return { fetches, stop, observer };
}

/** Lets promise callbacks and react-query's batched notifications (scheduled as macrotasks) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setTimeout(r, 0));
}

function fakeEvents() {
  const listeners = new Set<CatalogChangeListener>();
  return {
    subscribe: (l: CatalogChangeListener) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit: (change: CatalogChange) => listeners.forEach((l) => l(change)),
    count: () => listeners.size,
  };
}

const change = (...tables: CatalogTable[]): CatalogChange => ({ origin: 'local', tables });

describe('invalidationsFor', () => {
  it('composes the catalog, licence and sync mappings', () => {
    expect(invalidationsFor(change('assets'))).toEqual([
      catalogKeys.rows(),
      catalogKeys.suggestions(),
      licenseKeys.all,
    ]);
    expect(invalidationsFor(change('edgeDecisions'))).toEqual([licenseKeys.all]);
    expect(invalidationsFor(change('versions'))).toEqual([catalogKeys.rows(), catalogKeys.suggestions()]);
    expect(invalidationsFor(change('audit', 'savedViews', 'settings', 'imports'))).toEqual([]);
    // A curation change may add or settle a team-sync conflict: the asset's conflicts (all, without keys).
    expect(invalidationsFor(change('curation'))).toEqual([['sync', 'conflicts']]);
    expect(invalidationsFor({ origin: 'remote', tables: ['curation'], keys: ['a/b'] })).toEqual([
      syncKeys.conflicts('a/b'),
    ]);
  });
});

describe('connectCatalogChanges', () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const stops: (() => void)[] = [];
  afterEach(() => {
    stops.splice(0).forEach((s) => s());
    client.clear();
  });

  it('refetches exactly the reads a change makes stale', async () => {
    const events = fakeEvents();
    const sync = connectCatalogChanges(client, events.subscribe);
    stops.push(sync.disconnect);
    const rows = watch(client, catalogKeys.rows());
    const query = watch(
      client,
      catalogKeys.query({ q: '', facets: {}, sort: undefined, licenseKey: undefined }, 's1'),
    );
    const report = watch(client, licenseKeys.report('balanced'));
    stops.push(rows.stop, query.stop, report.stop);
    await settle();
    for (const w of [rows, query, report]) w.fetches[0]?.resolve('first');
    await settle();
    expect([rows.fetches.length, query.fetches.length, report.fetches.length]).toEqual([1, 1, 1]);

    events.emit(change('curation'));
    await settle();
    expect([rows.fetches.length, query.fetches.length, report.fetches.length]).toEqual([1, 1, 1]);

    events.emit(change('edgeDecisions'));
    await settle();
    expect([rows.fetches.length, query.fetches.length, report.fetches.length]).toEqual([1, 1, 2]);
    report.fetches[1]?.resolve('second');

    events.emit({ origin: 'remote', tables: ['assets'], keys: ['acme/model'] });
    await settle();
    expect([rows.fetches.length, query.fetches.length, report.fetches.length]).toEqual([2, 1, 3]);
  });

  it('lets a fetch in flight finish and shows its answer, then fetches again', async () => {
    const events = fakeEvents();
    stops.push(connectCatalogChanges(client, events.subscribe).disconnect);
    const rows = watch(client, catalogKeys.rows());
    stops.push(rows.stop);
    await settle();
    rows.fetches[0]?.resolve('v1');
    await settle();

    events.emit(change('assets'));
    await settle();
    expect(rows.fetches).toHaveLength(2);
    events.emit(change('assets'));
    events.emit(change('relations'));
    await settle();
    expect(rows.fetches).toHaveLength(2);
    expect(rows.fetches[1]?.signal.aborted).toBe(false);

    rows.fetches[1]?.resolve('v2');
    await settle();
    expect(client.getQueryData(catalogKeys.rows())).toBe('v2');
    expect(rows.fetches).toHaveLength(3);
    rows.fetches[2]?.resolve('v3');
    await settle();
    expect(client.getQueryData(catalogKeys.rows())).toBe('v3');
    expect(rows.fetches).toHaveLength(3);
  });

  it('restarts a read marked restartOnChange (its wait for quiet starts over)', async () => {
    const events = fakeEvents();
    stops.push(connectCatalogChanges(client, events.subscribe).disconnect);
    const facet = watch(client, licenseKeys.facet('balanced'), { restartOnChange: true });
    stops.push(facet.stop);
    await settle();
    expect(facet.fetches).toHaveLength(1);

    events.emit(change('assets'));
    await settle();
    expect(facet.fetches).toHaveLength(2);
    expect(facet.fetches[0]?.signal.aborted).toBe(true);
    facet.fetches[1]?.resolve('key-2');
    await settle();
    expect(client.getQueryData(licenseKeys.facet('balanced'))).toBe('key-2');
  });

  it('marks reads nobody shows as stale without fetching them, and stops listening on disconnect', async () => {
    const events = fakeEvents();
    const sync = connectCatalogChanges(client, events.subscribe);
    const sweep = watch(client, licenseKeys.sweep('balanced'));
    await settle();
    sweep.fetches[0]?.resolve('verdicts');
    await settle();
    sweep.stop();

    events.emit(change('relations'));
    await settle();
    expect(sweep.fetches).toHaveLength(1);
    expect(client.getQueryState(licenseKeys.sweep('balanced'))?.isInvalidated).toBe(true);

    sync.disconnect();
    expect(events.count()).toBe(0);
  });
});
