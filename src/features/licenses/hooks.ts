/**
 * Licence-check hooks: the intended use from settings (live), one asset's check, the catalog report,
 * verdicts for the catalog facet and for lineage colours. All evaluation runs in the licence worker
 * (main-thread fallback) over the catalog's assets and relations, recomputed when the catalog, the edge
 * decisions or the settings change.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LicenseVerdict } from '@/core/licenses';
import { catalogStamp, getSetting, listEdgeDecisions, listImportRuns } from '@/db';
import { catalogClient } from '@/workers/catalogClient';
import { setSettings, type WriteResult } from '@/workers/catalogWrites';
import {
  licensesClient,
  type AssetLicenseReport,
  type LicenseReport,
  type LicenseSettings,
} from '@/workers/licenses/client';
import { INTENDED_USE_KEY, PROFILE_KEY, settingsId, toSettings } from './settings';

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

/** Catalog fingerprint (live): assets, relations and rejected edges (rejected inferred edges are not followed). */
function useStamp(): string | undefined {
  return useLiveQuery(async () => {
    const [stamp, decisions] = await Promise.all([catalogStamp(), listEdgeDecisions()]);
    const rejected = decisions.filter((d) => d.decision === 'rejected').map((d) => d.id);
    return `${stamp}#${rejected.sort().join(',')}`;
  }, []);
}

export type Loaded<T> = {
  settings: LicenseSettings | undefined;
  /** Latest result (kept while a newer one is computed); null when the asset is not in the catalog. */
  data: T | null | undefined;
  /** True while the shown result is missing or out of date. */
  loading: boolean;
  error?: string;
};

/** Runs `load` whenever the catalog or the settings change; keeps the last answer while recomputing. */
function useWorkerResult<T>(
  scope: string,
  load: ((s: LicenseSettings) => Promise<T | null>) | undefined,
): Loaded<T> {
  const settings = useLicenseSettings();
  const stamp = useStamp();
  const want =
    settings && stamp !== undefined && load ? `${scope}|${stamp}|${settingsId(settings)}` : undefined;
  const [got, setGot] = useState<{ key: string; scope: string; data: T | null; error?: string }>();
  useEffect(() => {
    if (!want || !settings || !load) return;
    let live = true;
    load(settings).then(
      (data) => {
        if (live) setGot({ key: want, scope, data });
      },
      (e: unknown) => {
        if (live) setGot({ key: want, scope, data: null, error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [want, scope, settings, load]);
  const current = got?.scope === scope ? got : undefined;
  return {
    settings,
    data: current?.data,
    loading: !current || current.key !== want,
    ...(current?.error ? { error: current.error } : {}),
  };
}

/** The licence check of one asset (findings, obligations, derivations, NOTICE). */
export function useAssetLicense(id: string): Loaded<AssetLicenseReport> {
  const load = useCallback((s: LicenseSettings) => licensesClient().call('licenseAsset', { ...s, id }), [id]);
  return useWorkerResult(`asset:${id}`, load);
}

/** The catalog licence report. */
export function useLicenseReport(): Loaded<LicenseReport> {
  const load = useCallback((s: LicenseSettings) => licensesClient().call('licenseReport', s), []);
  return useWorkerResult('report', load);
}

/** Quiet period after the last catalog change before a sweep starts (imports change the stamp often). */
const SWEEP_DEBOUNCE_MS = 600;
/** An unfinished import run older than this is taken as abandoned (tab closed mid-import). */
const IMPORT_STALE_MS = 30 * 60_000;

/** True while an import is writing (its run has no `finishedAt` yet). */
async function importRunning(): Promise<boolean> {
  const [last] = await listImportRuns();
  return !!last && !last.finishedAt && Date.now() - Date.parse(last.startedAt) < IMPORT_STALE_MS;
}

/**
 * Keeps the catalog engine's "License check" facet in step with the catalog and the intended use: sweeps the
 * catalog in the licence worker (once the catalog is quiet, no import is running and search is ready), hands the
 * verdicts to the catalog worker and returns their key (pass it to the catalog view so it queries again).
 */
export function useLicenseFacetSync(): string | undefined {
  const settings = useLicenseSettings();
  const stamp = useStamp();
  const [key, setKey] = useState<string>();
  const run = useRef(0);
  useEffect(() => {
    if (!settings || stamp === undefined) return;
    const mine = ++run.current;
    const timer = setTimeout(() => {
      void (async () => {
        try {
          // Not while an import writes (a sweep would re-read a half-imported catalog), nor before search is up.
          while (await importRunning()) {
            await new Promise((r) => setTimeout(r, 1000));
            if (run.current !== mine) return;
          }
          await catalogClient().call('searchStatus', { waitIndex: true });
          if (run.current !== mine) return;
          const sweep = await licensesClient().call('licenseSweep', settings);
          if (run.current !== mine) return;
          await catalogClient().call('setLicenseVerdicts', { key: sweep.key, verdicts: sweep.verdicts });
          if (run.current === mine) setKey(sweep.key);
        } catch (e) {
          console.warn('License check facet unavailable', e);
        }
      })();
    }, SWEEP_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [settings, stamp]);
  return key;
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
  const { data } = useWorkerResult(`lineage:${id}`, load);
  return useMemo(() => verdictLookup(data), [data]);
}

/** Verdict colours for the catalog-wide lineage graph (from the whole-catalog sweep). */
export function useCatalogVerdictFor(): ((id: string) => LicenseVerdict | undefined) | undefined {
  const load = useCallback(
    (s: LicenseSettings) =>
      licensesClient()
        .call('licenseSweep', s)
        .then((r) => r.verdicts),
    [],
  );
  const { data } = useWorkerResult('sweep', load);
  return useMemo(() => verdictLookup(data), [data]);
}
