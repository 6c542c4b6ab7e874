/** The catalog worker's handler map (also run in-thread as the fallback). */
import { viewOfRun, type ImportRunView } from '@/core/catalog/importReport';
import type { CallContext } from '../rpc';
import type { ImportProgress } from './importFiles';
import type { InputFile } from './intake';
import { catalogEngine as engine, type CatalogQuery } from './search';
import { createWriteHandlers } from './writeHandlers';
import { createCatalogWriter } from './writer';

/**
 * This tab's single writer: every write runs through it (cross-tab Web Lock, search update, change
 * events here and in other tabs). The worker entry (or the fallback loader) subscribes to its events.
 */
export const catalogWriter = createCatalogWriter({ engine });

/** What an import answers the window: the run's summary and a bounded list of its file lines. */
export type ImportOutcome = ImportRunView & { id: number };

export const catalogHandlers = {
  // The import pipeline (every parser, zip and YAML) loads on the first import, not at start-up.
  importFiles: (args: { files: InputFile[] }, ctx: CallContext<ImportProgress>): Promise<ImportOutcome> =>
    engine.duringImport(async () => {
      const { importFiles } = await import('./importFiles');
      const run = await importFiles(args, ctx, {
        write: catalogWriter.write,
        idle: catalogWriter.idle,
        beforeRestore: (env) => engine.prepareExport(env),
      });
      return { ...viewOfRun(run), id: run.id };
    }),
  ...createWriteHandlers(catalogWriter),
  // A write another tab has started is applied first (incrementally), rather than found by the stamp check.
  catalogRows: async (args: { known?: string }, _ctx: CallContext) => {
    await catalogWriter.remoteSettled();
    return engine.catalogRows(args);
  },
  queryCatalog: (args: CatalogQuery, _ctx: CallContext) => engine.queryCatalog(args),
  suggest: (args: { q: string; limit?: number }, _ctx: CallContext) => engine.suggest(args),
  searchStatus: (args: { waitIndex?: boolean; waitPersist?: boolean }, _ctx: CallContext) =>
    engine.searchStatus(args),
  /** Licence verdicts per asset key for the "License check" facet (from the licence worker), or null to clear. */
  setLicenseVerdicts: (args: { key: string; verdicts: Record<string, string> | null }, _ctx: CallContext) =>
    Promise.resolve(engine.setLicenseVerdicts(args)),
};

export type CatalogHandlers = typeof catalogHandlers;
