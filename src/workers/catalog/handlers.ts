/** The catalog worker's handler map (also run in-thread as the fallback). */
import { viewOfRun, type ImportRunView } from '@/core/catalog/importReport';
import type { CallContext } from '../rpc';
import type { ImportArgs, ImportProgress } from './importFiles';
import type { ExportOptions, ExportProgress, StandardArgs } from './exports';
import type { PublishProgress, SubscribeProgress } from './publish';
import { listSubscriptions } from '@/db';
import { catalogEngine as engine, type CatalogQuery } from './search';
import { createWriteHandlers } from './writeHandlers';
import { createCatalogWriter } from './writer';
import type { SyncConfig, SyncStatus } from './sync/syncEngine';
import { createTabSync } from './sync/tabSync';
import type { ConflictField, FieldValue } from '@/core/sync/docs';

/**
 * This tab's single writer: every write runs through it (cross-tab Web Lock, search update, change
 * events here and in other tabs). The worker entry (or the fallback loader) subscribes to its events.
 */
export const catalogWriter = createCatalogWriter({ engine });

/**
 * Team sync: one tab of the profile replicates at a time (Web Lock); the engine (PouchDB) loads when this
 * tab starts replicating (or reads conflicts): a tab that never syncs never loads it.
 */
const sync = createTabSync({
  engine: () => import('./sync/host').then((m) => m.createHostSyncEngine(catalogWriter)),
});

/** What an import answers the window: the run's summary and a bounded list of its file lines. */
export type ImportOutcome = ImportRunView & { id: number };

export const catalogHandlers = {
  // The import pipeline (every parser, zip and YAML) loads on the first import, not at start-up.
  importFiles: (args: ImportArgs, ctx: CallContext<ImportProgress>): Promise<ImportOutcome> =>
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
  // Exports read, serialize and write their file here; the window gets a Blob (modules load on first use).
  exportJson: (args: ExportOptions, ctx: CallContext<ExportProgress>) =>
    import('./exports').then((m) => m.exportJson(args, ctx)),
  exportStandard: (args: StandardArgs, ctx: CallContext<ExportProgress>) =>
    import('./exports').then((m) => m.exportStandard(args, ctx)),
  // Published catalogs (the module, with fflate, loads on first use).
  publishCatalog: (args: { name: string; as: 'zip' | 'files' }, ctx: CallContext<PublishProgress>) =>
    import('./publish').then((m) => m.publishCatalog(args, ctx, catalogWriter)),
  subscribeCatalog: (args: { url: string }, ctx: CallContext<SubscribeProgress>) =>
    import('./publish').then(async (m) => {
      const result = await m.subscribeCatalog(args, ctx, catalogWriter);
      // The engine defers persisting until the run ends: the rows are cached before the result shows
      // ("Finishing…"), so a page opened or reloaded next starts from them rather than rebuilding.
      await catalogWriter.idle();
      await engine.searchStatus({ waitPersist: true });
      return result;
    }),
  unsubscribeCatalog: (args: { id: string }, _ctx: CallContext) =>
    import('./publish').then((m) => m.unsubscribeCatalog(args, catalogWriter)),
  /** Subscriptions without their shard lists (a 100k catalog's ids stay in the worker). */
  listSubscriptions: async (_args: Record<string, never>, _ctx: CallContext) =>
    (await listSubscriptions()).map(({ shards, ...row }) => ({ ...row, shardCount: shards.length })),
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
  /** Starts live sync with a CouchDB database (replaces a running one), or waits for the tab that runs it. */
  syncStart: (args: SyncConfig, _ctx: CallContext) => sync.start(args),
  syncStop: (_args: Record<string, never>, _ctx: CallContext) => sync.stop(),
  syncStatus: (_args: Record<string, never>, _ctx: CallContext): Promise<SyncStatus> =>
    Promise.resolve(sync.status()),
  /** The window's network state: offline pauses replication (edits queue), online resumes it. */
  syncNetwork: (args: { online: boolean }, _ctx: CallContext): Promise<SyncStatus> =>
    Promise.resolve(sync.setOnline(args.online)),
  syncConflicts: (args: { key: string }, _ctx: CallContext) => sync.conflicts(args.key),
  syncResolve: (args: { key: string; field: ConflictField; value: FieldValue }, _ctx: CallContext) =>
    sync.resolve(args.key, args.field, args.value),
};

export type CatalogHandlers = typeof catalogHandlers;
