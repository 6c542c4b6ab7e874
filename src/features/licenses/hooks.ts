/**
 * Licence-check hooks: the intended use from settings (live), one asset's check, the catalog report,
 * verdicts for the catalog facet and for lineage colours. All evaluation runs in the licence worker
 * (main-thread fallback) over the catalog's assets and relations. The reads are react-query queries (keys in
 * ./queryKeys, settings in every key); catalog change events (assets, relations, edge decisions) invalidate them.
 */
import { useCallback, useEffect, useMemo } from 'react';
import { keepPreviousData, skipToken, useQuery, type Query, type QueryKey } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LicenseVerdict } from '@/core/licenses';
import { getSetting, latestImport } from '@/db';
import { catalogClient } from '@/workers/catalogClient';
import { setSettings, type WriteResult } from '@/workers/catalogWrites';
import {
  licensesClient,
  type AssetLicenseReport,
  type LicenseReport,
  type LicenseSettings,
} from '@/workers/licenses/client';
import { INTENDED_USE_KEY, PROFILE_KEY, settingsId, toSettings } from './settings';
import { licenseKeys } from './queryKeys';

type LicenseTestHook = {
  call: (name: 'licenseSweep' | 'licenseReport' | 'licenseAsset', args: never) => Promise<unknown>;
};

// Automated browsers (tests, benchmark) get a handle on the licence worker.
if (typeof navigator !== 'undefined' && navigator.webdriver && typeof window !== 'undefined') {
  (window as unknown as { __tarnLicenses?: LicenseTestHook }).__tarnLicenses = {
    call: (name, args) => licensesClient().call(name, args),
  };
}

/** The stored intended use and profile (live; undefined while loading). */
export function useLicenseSettings(): LicenseSettings | undefined {
  const json = useLiveQuery(
    async () =>
      JSON.stringify([
        await getSetting<unknown>(INTENDED_USE_KEY, null),
        await getSetting<unknown>(PROFILE_KEY, null),
      ]),
    [],
  );
  return useMemo(() => {
    if (json === undefined) return undefined;
    const [use, profile] = JSON.parse(json) as [unknown, unknown];
    return toSettings(use, profile);
  }, [json]);
}

/** Saves the intended use and profile (every view, in every tab, re-evaluates). */
export function saveLicenseSettings(s: LicenseSettings): Promise<WriteResult<{ ok: boolean }>> {
  return setSettings({ [INTENDED_USE_KEY]: s.intendedUse, [PROFILE_KEY]: s.profile });
}

export type Loaded<T> = {
  settings: LicenseSettings | undefined;
  /** Latest result (kept while a newer one is computed); null when the asset is not in the catalog. */
  data: T | null | undefined;
  /** True while the shown result is missing or out of date. */
  loading: boolean;
  error?: string;
};

/** Keeps the previous answer while a new one is computed, but only for the same read (not another asset's). */
function keepWithinScope<T>(
  previous: T | undefined,
  previousQuery: Query<T, Error, T, QueryKey> | undefined,
  key: QueryKey,
): T | undefined {
  if (!previousQuery) return undefined;
  const scope = (k: QueryKey) => JSON.stringify(k.slice(0, -1));
  return scope(previousQuery.queryKey) === scope(key) ? previous : undefined;
}

/**
 * A licence-worker read under the current settings (the settings id is the key's last part). Catalog change
 * events invalidate it (see ./queryKeys); the last answer stays while a new one is computed.
 */
function useLicenseRead<T>(
  keyFor: (settings: string) => QueryKey,
  load: (s: LicenseSettings) => Promise<T | null>,
): Loaded<T> {
  const settings = useLicenseSettings();
  const queryKey = keyFor(settings ? settingsId(settings) : '');
  const query = useQuery<T | null, Error, T | null, QueryKey>({
    queryKey,
    queryFn: settings ? () => load(settings) : skipToken,
    placeholderData: (previous, previousQuery) => keepWithinScope(previous, previousQuery, queryKey),
    staleTime: Infinity,
  });
  return {
    settings,
    data: query.error ? null : query.data,
    loading: query.isPending || query.isFetching || query.isPlaceholderData,
    ...(query.error ? { error: query.error.message } : {}),
  };
}

/** The licence check of one asset (findings, obligations, derivations, NOTICE). */
export function useAssetLicense(id: string): Loaded<AssetLicenseReport> {
  const load = useCallback((s: LicenseSettings) => licensesClient().call('licenseAsset', { ...s, id }), [id]);
  return useLicenseRead((settings) => licenseKeys.asset(id, settings), load);
}

/** The catalog licence report. */
export function useLicenseReport(): Loaded<LicenseReport> {
  return useLicenseRead(licenseKeys.report, loadReport);
}

function loadReport(s: LicenseSettings): Promise<LicenseReport> {
  return licensesClient().call('licenseReport', s);
}

/** Quiet period after the last catalog change before a sweep starts (imports change the catalog often). */
const SWEEP_DEBOUNCE_MS = 600;
/** How often a sweep waiting for a long run of writes asks whether it has ended. */
const BULK_POLL_MS = 1000;
/** An unfinished import run older than this is taken as abandoned (tab closed mid-import). */
const IMPORT_STALE_MS = 30 * 60_000;

/** True while an import is writing (its run has no `finishedAt` yet). */
async function importRunning(): Promise<boolean> {
  const last = await latestImport();
  return !!last && !last.finishedAt && Date.now() - Date.parse(last.startedAt) < IMPORT_STALE_MS;
}

function quiet(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new Error('Sweep restarted'));
    });
  });
}

/**
 * Keeps the catalog engine's "License check" facet in step with the catalog and the intended use: sweeps the
 * catalog in the licence worker (once the catalog is quiet, no import is running and search is ready), hands the
 * verdicts to the catalog worker and returns their key (pass it to the catalog view so it queries again).
 * A catalog change during the quiet period or the sweep starts it again (`restartOnChange`).
 */
export function useLicenseFacetSync(): string | undefined {
  const settings = useLicenseSettings();
  // Not while an import writes (a sweep would re-read a half-imported catalog): the import's run record
  // says when it ends (live), and the change events of its writes keep the sweep waiting for quiet.
  const importing = useLiveQuery(() => importRunning(), []);
  const query = useQuery({
    queryKey: licenseKeys.facet(settings ? settingsId(settings) : ''),
    queryFn:
      settings && importing === false
        ? async ({ signal }) => {
            await quiet(SWEEP_DEBOUNCE_MS, signal);
            // A subscription storing its shards (here or in another tab) changes the catalog every few
            // seconds: one sweep when it ends, not one per batch.
            while ((await catalogClient().call('searchStatus', { waitIndex: true })).bulkWriting)
              await quiet(BULK_POLL_MS, signal);
            const sweep = await licensesClient().call('licenseSweep', settings);
            if (signal.aborted) throw new Error('Sweep restarted');
            await catalogClient().call('setLicenseVerdicts', { key: sweep.key, verdicts: sweep.verdicts });
            return sweep.key;
          }
        : skipToken,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    meta: { restartOnChange: true },
  });
  useEffect(() => {
    if (query.error && query.error.message !== 'Sweep restarted')
      console.warn('License check facet unavailable', query.error);
  }, [query.error]);
  return query.data;
}

function loadSweepVerdicts(s: LicenseSettings): Promise<Record<string, LicenseVerdict>> {
  return licensesClient()
    .call('licenseSweep', s)
    .then((r) => r.verdicts);
}

function verdictLookup(
  data: Record<string, LicenseVerdict> | null | undefined,
): ((id: string) => LicenseVerdict | undefined) | undefined {
  if (!data) return undefined;
  return (id: string) => data[id.trim().toLowerCase()];
}

/**
 * Verdict colours for the lineage graph around one asset (its ancestors and descendants). Undefined until
 * known; a new function only when the verdicts change.
 */
export function useLineageVerdictFor(id: string): ((id: string) => LicenseVerdict | undefined) | undefined {
  const load = useCallback(
    (s: LicenseSettings) => licensesClient().call('licenseLineageVerdicts', { ...s, id }),
    [id],
  );
  const { data } = useLicenseRead((settings) => licenseKeys.lineage(id, settings), load);
  return useMemo(() => verdictLookup(data), [data]);
}

/** Verdict colours for the catalog-wide lineage graph (from the whole-catalog sweep). */
export function useCatalogVerdictFor(): ((id: string) => LicenseVerdict | undefined) | undefined {
  const { data } = useLicenseRead(licenseKeys.sweep, loadSweepVerdicts);
  return useMemo(() => verdictLookup(data), [data]);
}
