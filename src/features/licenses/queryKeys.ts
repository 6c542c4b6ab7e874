/**
 * React-query keys of the licence worker's reads (one asset's check, the report, lineage verdicts, the
 * catalog sweep and the facet sync) and which catalog changes make them stale. Settings are part of every
 * key (a new intended use is a new key); app/ invalidates what `licenseInvalidations` names.
 */
import type { QueryKey } from '@tanstack/react-query';
import type { CatalogChange, CatalogTable } from '@/workers/catalogEvents';

export const licenseKeys = {
  all: ['licenses'] as const,
  asset: (id: string, settings: string) => ['licenses', 'asset', id, settings] as const,
  report: (settings: string) => ['licenses', 'report', settings] as const,
  lineage: (id: string, settings: string) => ['licenses', 'lineage', id, settings] as const,
  sweep: (settings: string) => ['licenses', 'sweep', settings] as const,
  /** The sweep handed to the catalog worker for its "License check" facet. */
  facet: (settings: string) => ['licenses', 'facet', settings] as const,
  /** A product plan's check (the plan's own use and profile are in `plan`, its JSON). */
  plan: (plan: string) => ['licenses', 'plan', plan] as const,
  /** Catalog assets matching a plan's "Add component" text. */
  candidates: (q: string) => ['licenses', 'candidates', q] as const,
};

/** Tables a verdict depends on: assets (licences), relations (lineage) and edge decisions (rejected edges). */
const EVALUATED: readonly CatalogTable[] = ['assets', 'relations', 'edgeDecisions'];

/**
 * The licence keys a change makes stale. A verdict depends on the whole ancestry, so a change to any asset
 * may change any asset's verdict: every licence key goes, whatever `keys` says.
 */
export function licenseInvalidations(change: CatalogChange): QueryKey[] {
  return change.tables.some((t) => EVALUATED.includes(t)) ? [licenseKeys.all] : [];
}
