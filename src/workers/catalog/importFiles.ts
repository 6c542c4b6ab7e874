/**
 * The import pipeline: read → sniff/parse (core, in a pool of parse workers) → merge + store (db, one
 * writer) → report. Files go to the pool in chunks, a few chunks ahead of the writer; the writer takes the
 * chunks in file order and stores their files in batches (one transaction per batch with bulk reads and
 * writes, each file still all-or-nothing; a batch is written while the next one is gathered), then updates
 * search once per batch with the stored records.
 * Progress is reported as files reach the writer; cancellation stops after the current file (the files
 * taken so far are stored, nothing half-written; chunks parsed ahead are dropped).
 */
import { checkCatalogExportValue, type EnvelopeResult } from '@/core/export/envelope';
import { linesOf, readExportLines } from '@/core/export/stream';
import type { FileReport, ImportRun, ImportSummary, RelationRow, StoredAsset } from '@/core/catalog/rows';
import { MAX_FILE_BYTES } from '@/core/util/safeParse';
import {
  addImportRun,
  restoreExport,
  storeParsedBatch,
  storedAssetKeys,
  updateImportRun,
  type ExportSource,
  type ImportSource,
} from '@/db';
import type { ParseResult } from '@/core/model';
import { assetKey } from '@/core/model';
import type { CallContext } from '../rpc';
import { failedReport, prepareText, type ParseInput, type Prepared } from '../parse/prepare';
import { createParsePool, type ParsePool } from '../parse/pool';
import { expandInputs, textChunks, type Entry, type InputFile, type IntakeLimits } from './intake';
import type { StoredChange } from './search';
import type { CatalogTable } from '../catalogEvents';
import type { CommittedWrite, WriteOptions } from './writer';

const STORED_TABLES: readonly CatalogTable[] = ['assets', 'versions', 'relations', 'imports', 'audit'];

function justRun<T>(fn: () => Promise<T>): Promise<T> {
  return fn();
}

/** The write of stored changes (rows of these keys changed; `created`, `stored`: see StoredChange). */
function storedWrite(change: StoredChange): CommittedWrite {
  const keys = new Set(change.keys);
  for (const a of change.created?.assets ?? []) keys.add(a.key);
  return { tables: STORED_TABLES, keys: [...keys], search: change };
}

/** How the import's writes run (the catalog worker passes its writer: cross-tab lock, search update, events). */
export type ImportHooks = {
  /**
   * Runs one write (the run record, a batch transaction, a restore) and is told what it changed
   * (`search`: the stored changes the search engine applies incrementally, once per batch). Default: just
   * runs it.
   */
  write?: <T>(
    fn: () => Promise<T>,
    changeOf: (value: T) => CommittedWrite | undefined,
    opts?: WriteOptions,
  ) => Promise<T>;
  /** Resolves when the writes' engine updates are done (batches are written with `background`). */
  idle?: () => Promise<void>;
  /** An export is about to be restored (the search engine indexes it meanwhile). */
  beforeRestore?: (env: { assets: readonly StoredAsset[]; relations: readonly RelationRow[] }) => void;
};

/** What to import, and how. */
export type ImportArgs = {
  files: InputFile[];
  limits?: IntakeLimits;
  /** "Keep metadata only": store the parsed metadata and each source's hash, not its raw text. */
  metadataOnly?: boolean;
};

export type ImportProgress = {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  current?: string;
};

export type ImportResult = ImportRun & { id: number };

/** True for IndexedDB's "storage full" error, however Dexie wraps it. */
export function isQuotaError(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && depth < 4; depth++) {
    if (typeof x !== 'object') break;
    const { name, message, inner } = x as { name?: unknown; message?: unknown; inner?: unknown };
    if (
      name === 'QuotaExceededError' ||
      (typeof message === 'string' && /QuotaExceeded|quota/i.test(message))
    )
      return true;
    x = inner;
  }
  return false;
}

const STORAGE_FULL = 'STORAGE_FULL';

/** A file that was not stored because the site's storage is full. */
function storageFullReport(name: string, bytes: number): FileReport {
  return failedReport(
    name,
    bytes,
    STORAGE_FULL,
    "Not stored: the browser's storage for this site is full (nothing from this file was saved).",
  );
}

/** A store failure report that was in fact the full disk, rewritten to say so. */
function quotaReport(r: FileReport): FileReport | undefined {
  if (r.status !== 'failed') return undefined;
  return r.issues.some((i) => i.code === 'STORE_FAILED' && isQuotaError({ message: i.message }))
    ? storageFullReport(r.name, r.bytes)
    : undefined;
}

function mb(bytes: number, digits = 0): string {
  return (bytes / 1024 / 1024).toFixed(digits);
}

function emptySummary(): ImportSummary {
  return { new: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0 };
}

/**
 * Files per write transaction, and text bytes per transaction. Each transaction has fixed costs here and
 * in every context watching the catalog (its start, the search update, the window's live queries): 1000
 * cards per batch imported 30,000 faster than 250 did.
 */
const BATCH_FILES = 1000;
const BATCH_BYTES = 8 * 1024 * 1024;
/** The first batch's files: writing starts once these are parsed, not a whole batch's. */
const FIRST_BATCH_FILES = 250;
/** Files per parse chunk, and bytes per chunk (one message to a parse worker and back). */
const CHUNK_FILES = 40;
const CHUNK_BYTES = 1024 * 1024;
/**
 * Chunks handed to the pool ahead of the writer, and their bytes (bound the memory of parsed, unstored
 * files: a chunk of export files is one file of up to 20 MB, its parsed rows several times that).
 */
const CHUNKS_AHEAD = 12;
const BYTES_AHEAD = 48 * 1024 * 1024;

/** A run of consecutive text entries parsed as one message, or one entry handled by the writer itself. */
type Unit = { entries: Entry[]; chunk?: ParseInput[]; bytes: number };

/**
 * Groups entries into units as they are found: a run of text entries joins the plan once it is full, once
 * an entry of another kind follows, or at `close` (expansion ended); the same units whatever the pace.
 */
function createPlanner(): { plan: Unit[]; add: (e: Entry) => void; close: () => void } {
  const plan: Unit[] = [];
  let run: Unit | undefined;
  const close = () => {
    if (run) plan.push(run);
    run = undefined;
  };
  const add = (e: Entry) => {
    if (e.kind === 'text' && (e.blob || e.data)) {
      if (run && ((run.chunk?.length ?? 0) >= CHUNK_FILES || run.bytes + e.bytes > CHUNK_BYTES)) close();
      run ??= { entries: [], chunk: [], bytes: 0 };
      run.entries.push(e);
      run.chunk?.push({
        name: e.name,
        bytes: e.bytes,
        ...(e.data ? { data: e.data } : {}),
        ...(e.blob && !e.data ? { blob: e.blob } : {}),
      });
      run.bytes += e.bytes;
      if ((run.chunk?.length ?? 0) >= CHUNK_FILES) close();
    } else {
      close();
      plan.push({ entries: [e], bytes: 0 });
    }
  };
  return { plan, add, close };
}

/** Reads and prepares an entry that has no content for the pool (e.g. a zip that cannot be opened). */
async function prepareInline(e: Entry & { kind: 'text' }): Promise<Prepared> {
  try {
    return await prepareText(e.name, e.bytes, await e.read());
  } catch (err) {
    return {
      report: failedReport(
        e.name,
        e.bytes,
        'READ_FAILED',
        `Could not read the file: ${err instanceof Error ? err.message : String(err)}`,
      ),
    };
  }
}

/**
 * A performance measure `tarn:import:<name>` from `start` to now (where the import's time goes: the
 * benchmark sums them per name, read from the worker).
 */
const SPANS = ['expand', 'wait-parse', 'store'] as const;

function span(name: (typeof SPANS)[number], start: number): void {
  performance.measure(`tarn:import:${name}`, { start, end: performance.now() });
}

/** Imports files; returns the stored import run. `makePool` is for tests (default: parse workers). */
export async function importFiles(
  args: ImportArgs,
  ctx: CallContext<ImportProgress>,
  hooks: ImportHooks = {},
  makePool: () => ParsePool = createParsePool,
): Promise<ImportResult> {
  const startedAt = new Date().toISOString();
  const write = hooks.write ?? justRun;
  for (const name of SPANS) performance.clearMeasures(`tarn:import:${name}`);
  for (const name of [
    'tarn:parse:chunk',
    'tarn:store:wait',
    'tarn:store:read',
    'tarn:store:merge',
    'tarn:store:write',
    'tarn:store:commit',
  ])
    performance.clearMeasures(name);
  const t0 = performance.now();
  // Zips expand while the first entries are parsed and stored: the plan grows as entries are found.
  const planner = createPlanner();
  const { plan } = planner;
  const progress: ImportProgress = { filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 };
  let expanded = false;
  let expandError: { error: unknown } | undefined;
  let grew: (() => void) | undefined;
  const wake = () => {
    const w = grew;
    grew = undefined;
    w?.();
  };
  const expansion = expandInputs(args.files, args.limits, {
    add: (e) => {
      planner.add(e);
      progress.filesTotal++;
      progress.bytesTotal += e.bytes;
      wake();
    },
    stopped: () => ctx.isCancelled(),
  }).then(
    () => {
      span('expand', t0);
      planner.close();
      expanded = true;
      wake();
    },
    (error: unknown) => {
      expandError = { error };
      expanded = true;
      wake();
    },
  );
  /** Resolves when the plan has unit `u`, or expansion has ended. */
  const planHas = async (u: number) => {
    while (u >= plan.length && !expanded) await new Promise<void>((r) => (grew = r));
    if (expandError) throw expandError.error;
    return u < plan.length;
  };
  // The keys stored now (keys only): a batch does not read the keys it is the first to store.
  let known = await storedAssetKeys();
  const run: ImportRun = { startedAt, summary: emptySummary(), files: [] };
  // With the site's storage full even the run record may not fit: the import goes on and reports.
  let storageFull = false;
  const runId = await write(
    () => addImportRun(run),
    () => ({ tables: ['imports'] }),
  ).catch((e: unknown) => {
    if (!isQuotaError(e)) throw e;
    storageFull = true;
    return -1;
  });
  ctx.progress({ ...progress });
  let lastTick = 0;
  let batch: { source: ImportSource; result: ParseResult; index: number }[] = [];
  let batchBytes = 0;
  let batchFiles = FIRST_BATCH_FILES;
  const reports: (FileReport | undefined)[] = [];
  /** The batch being stored while the next one is gathered (at most one at a time). */
  let storing: Promise<void> | undefined;
  const settle = async () => {
    const p = storing;
    storing = undefined;
    await p;
  };
  const store = async (items: typeof batch) => {
    const tStore = performance.now();
    // One transaction under the write lock (two tabs importing at once take turns per batch); the
    // writer then hands the stored records to the search engine, once per batch.
    const { reports: stored } = await write(
      () => storeParsedBatch(items, startedAt, runId < 0 ? undefined : runId, undefined, known),
      ({ reports: reps, written }) => {
        const changed: string[] = [];
        for (const r of reps) if (r.created + r.updated > 0) changed.push(...r.assetIds.map(assetKey));
        return changed.length > 0
          ? storedWrite({ keys: changed, ...(written ? { stored: written } : {}) })
          : undefined;
      },
      // The engine indexes this batch while the next one is read, parsed and stored.
      { background: true },
    );
    span('store', tStore);
    stored.forEach((r, i) => {
      const item = items[i];
      const full = quotaReport(r);
      if (full) storageFull = true;
      if (item) reports[item.index] = full ?? r;
    });
  };
  /**
   * Starts storing the gathered batch once the one before it is stored, and returns without waiting for
   * it: the next batch is gathered (its files parsed) while this one is written.
   */
  const startFlush = async () => {
    await settle();
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    batchBytes = 0;
    batchFiles = BATCH_FILES;
    if (storageFull) {
      for (const item of items) reports[item.index] = storageFullReport(item.source.name, item.source.bytes);
      return;
    }
    const p = store(items);
    // Awaited by the next `settle`; not an unhandled rejection meanwhile.
    p.catch(() => undefined);
    storing = p;
  };
  /** Stores everything gathered so far. */
  const flush = async () => {
    await startFlush();
    await settle();
  };
  /**
   * Restores one export file (read by `envOf`) after the batches before it are stored and indexed (the
   * engine prepares the export's rows next); a full disk turns it into a "not stored" line.
   */
  const restoreExportFile = async (
    source: ExportSource,
    envOf: () => EnvelopeResult | Promise<EnvelopeResult>,
  ): Promise<FileReport> => {
    await flush();
    await hooks.idle?.();
    if (storageFull) return storageFullReport(source.name, source.bytes);
    const restored = await restoreOne(source, await envOf(), startedAt, { ...hooks, write });
    const full = quotaReport(restored);
    if (full) storageFull = true;
    known = await storedAssetKeys();
    return full ?? restored;
  };
  const pool = makePool();
  const pending: (Promise<Prepared[]> | undefined)[] = [];
  let submitted = 0;
  /**
   * Hands chunks to the pool up to CHUNKS_AHEAD chunks and BYTES_AHEAD bytes past `at` (the chunk at `at`
   * always goes, whatever its size).
   */
  const submitUpTo = (at: number) => {
    let ahead = 0;
    let bytesAhead = 0;
    for (let i = at; i < submitted; i++)
      if (pending[i]) {
        ahead++;
        bytesAhead += plan[i]?.bytes ?? 0;
      }
    while (submitted < plan.length && ahead < CHUNKS_AHEAD) {
      const unit = plan[submitted] as Unit;
      if (unit.chunk) {
        if (ahead > 0 && bytesAhead + unit.bytes > BYTES_AHEAD) break;
        pending[submitted] = pool.prepare(unit.chunk);
        ahead++;
        bytesAhead += unit.bytes;
      }
      submitted++;
    }
  };
  try {
    outer: for (let u = 0; await planHas(u); u++) {
      submitUpTo(u);
      const unit = plan[u] as Unit;
      const tWait = performance.now();
      const prepared = unit.chunk ? await (pending[u] as Promise<Prepared[]>) : undefined;
      span('wait-parse', tWait);
      pending[u] = undefined;
      for (let k = 0; k < unit.entries.length; k++) {
        const entry = unit.entries[k] as Entry;
        if (ctx.isCancelled()) {
          run.cancelled = true;
          break outer;
        }
        const index = reports.length;
        reports.push(undefined);
        if (entry.kind === 'skipped') {
          run.summary.skipped++;
          const report = {
            ...failedReport(entry.name, entry.bytes, 'SKIPPED', `Skipped: ${entry.reason}.`),
            status: 'skipped' as const,
          };
          report.issues = [{ severity: 'info', code: 'SKIPPED', message: `Skipped: ${entry.reason}.` }];
          reports[index] = report;
        } else if (entry.kind === 'large-export') {
          reports[index] = await restoreExportFile({ name: entry.name, bytes: entry.bytes }, () =>
            readLargeExport(entry.blob),
          );
        } else if (entry.kind === 'over-bound') {
          reports[index] = failedReport(
            entry.name,
            entry.bytes,
            'DROP_TOO_LARGE',
            `Not imported: this drop's zips expand past the ${mb(entry.bound)} MB bound for one drop (a zip bomb, or too much at once); the entries before it were imported. Import the rest in smaller drops.`,
          );
        } else if (entry.kind === 'too-large') {
          reports[index] = failedReport(
            entry.name,
            entry.bytes,
            'FILE_TOO_LARGE',
            `File is ${entry.atLeast ? 'more than ' : ''}${mb(entry.bytes, 1)} MB, over the ${mb(MAX_FILE_BYTES)} MB limit for a metadata file. Not imported.`,
          );
        } else {
          const p = prepared?.[k] ?? (await prepareInline(entry));
          if ('report' in p) reports[index] = p.report;
          else if ('export' in p) {
            const { name, bytes, env } = p.export;
            reports[index] = await restoreExportFile({ name, bytes }, () => env);
          } else {
            batch.push({
              ...p.parsed,
              ...(args.metadataOnly ? { source: { ...p.parsed.source, metadataOnly: true } } : {}),
              index,
            });
            batchBytes += entry.bytes;
            if (batch.length >= batchFiles || batchBytes >= BATCH_BYTES) await startFlush();
          }
        }
        progress.filesDone++;
        progress.bytesDone += entry.bytes;
        progress.current = entry.name;
        const now = Date.now();
        if (now - lastTick > 50 || progress.filesDone === progress.filesTotal) {
          lastTick = now;
          ctx.progress({ ...progress });
        }
      }
    }
    await flush();
    // After a cancel, the expansion stops at its next read.
    await expansion;
    await hooks.idle?.();
  } finally {
    pool.terminate();
  }
  for (const report of reports) {
    if (!report) continue;
    if (report.status === 'failed') run.summary.failed++;
    run.summary.new += report.created;
    run.summary.updated += report.updated;
    run.summary.unchanged += report.unchanged;
    run.files.push(report);
  }
  if (storageFull) run.storageFull = true;
  run.finishedAt = new Date().toISOString();
  if (runId >= 0) {
    await write(
      () => updateImportRun(runId, run),
      () => ({ tables: ['imports'] }),
    ).catch((e: unknown) => {
      if (!isQuotaError(e)) throw e;
      run.storageFull = true;
    });
  }
  return { ...run, id: runId };
}

/** An export over the per-file limit, read line by line (Tarn's layout) and validated like any export. */
async function readLargeExport(blob: Blob): Promise<EnvelopeResult> {
  const value = await readExportLines(linesOf(textChunks(blob)));
  if (value) return checkCatalogExportValue(value);
  return {
    ok: false,
    issues: [
      {
        severity: 'error',
        code: 'EXPORT_LAYOUT',
        message: `This Tarn export is ${mb(blob.size, 1)} MB and not in the layout Tarn writes (one record per line), or it is damaged; exports over ${mb(MAX_FILE_BYTES)} MB must keep that layout. Nothing was imported.`,
      },
    ],
  };
}

async function restoreOne(
  source: ExportSource,
  env: EnvelopeResult,
  importedAt: string,
  hooks: ImportHooks,
): Promise<FileReport> {
  try {
    if (!env.ok)
      return {
        ...failedReport(source.name, source.bytes, 'EXPORT_INVALID', ''),
        format: 'tarn-catalog',
        issues: env.issues,
      };
    hooks.beforeRestore?.(env.value);
    const written = { created: [] as StoredAsset[], changed: [] as string[] };
    const write = hooks.write ?? justRun;
    const outcome = await write(
      () =>
        restoreExport(source, env.value, importedAt, undefined, written).then(
          (report) => ({ report }),
          (error: unknown) => ({ error }),
        ),
      // On failure nothing was stored: say so all the same, so prepared search rows are dropped.
      (o) =>
        'report' in o
          ? {
              ...storedWrite({
                keys: written.changed,
                created: { assets: written.created, relations: env.value.relations },
              }),
              ...(env.value.plans?.length ? { tables: [...STORED_TABLES, 'plans' as const] } : {}),
            }
          : { tables: [], search: { keys: [] } },
    );
    if ('error' in outcome) throw outcome.error;
    return outcome.report;
  } catch (e) {
    return failedReport(
      source.name,
      source.bytes,
      'STORE_FAILED',
      `Could not store this file; nothing from it was saved: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
