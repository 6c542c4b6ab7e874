/** The catalog worker's handler map (also run in-thread as the fallback). */
import { clearCatalog } from '@/db';
import type { CallContext } from '../rpc';
import type { InputFile } from './intake';
import {
  applyChange,
  catalogRows,
  duringImport,
  prepareExport,
  queryCatalog,
  resetEmpty,
  resync,
  searchStatus,
  setLicenseVerdicts,
  suggest,
  type CatalogQuery,
} from './search';

export const catalogHandlers = {
  // The import pipeline (every parser, zip and YAML) loads on the first import, not at start-up.
  importFiles: (args: { files: InputFile[] }, ctx: CallContext) =>
    duringImport(async () => {
      const { importFiles } = await import('./importFiles');
      return importFiles(args, ctx, {
        onStored: (change) =>
          applyChange(change).catch((e: unknown) => console.warn('search update failed', e)),
        beforeRestore: (env) => prepareExport(env),
      });
    }),
  clearCatalog: async (_args: Record<string, never>, _ctx: CallContext) => {
    await clearCatalog();
    await resetEmpty();
    return { ok: true };
  },
  /** Someone else changed assets: pass the keys for an incremental update, or none for a full resync. */
  catalogChanged: async (args: { keys?: string[] }, _ctx: CallContext) => {
    if (args.keys) await applyChange({ keys: args.keys });
    else await resync();
    return { ok: true };
  },
  catalogRows: (args: { known?: string }, _ctx: CallContext) => catalogRows(args),
  queryCatalog: (args: CatalogQuery, _ctx: CallContext) => queryCatalog(args),
  suggest: (args: { q: string; limit?: number }, _ctx: CallContext) => suggest(args),
  searchStatus: (args: { waitIndex?: boolean; waitPersist?: boolean }, _ctx: CallContext) =>
    searchStatus(args),
  /** Licence verdicts per asset key for the "License check" facet (from the licence worker), or null to clear. */
  setLicenseVerdicts: (args: { key: string; verdicts: Record<string, string> | null }, _ctx: CallContext) =>
    Promise.resolve(setLicenseVerdicts(args)),
};

export type CatalogHandlers = typeof catalogHandlers;
