/**
 * The import pipeline: read → sniff/parse (core) → merge + store (db) → report.
 * Parsed files are written in batches (one transaction per batch, each file still all-or-nothing), which
 * is an order of magnitude faster than a transaction per file. The next file is read and parsed while the
 * current one is stored (one file ahead at most). Progress is reported after every file;
 * cancellation stops after the current file (the files parsed so far are stored, nothing half-written).
 */
import { parseFile } from '@/core/formats/parseFile';
import { parseCatalogExport, type EnvelopeResult } from '@/core/export/envelope';
import type { FileReport, ImportRun, ImportSummary, RelationRow, StoredAsset } from '@/core/catalog/rows';
import { sha256Hex } from '@/core/util/hash';
import { MAX_FILE_BYTES } from '@/core/util/safeParse';
import {
  addImportRun,
  importParsedFiles,
  restoreExport,
  updateImportRun,
  type ExportSource,
  type ImportSource,
} from '@/db';
import type { ParseResult } from '@/core/model';
import { assetKey } from '@/core/model';
import type { CallContext } from '../rpc';
import { expandInputs, type InputFile } from './intake';
import type { CatalogTable } from '../catalogEvents';
import type { StoredChange } from './search';
import type { CommittedWrite } from './writer';

const STORED_TABLES: readonly CatalogTable[] = ['assets', 'versions', 'relations', 'imports', 'audit'];

function justRun<T>(fn: () => Promise<T>): Promise<T> {
  return fn();
}

/** The write of stored changes (rows of these keys changed; `created`: see StoredChange). */
function storedWrite(change: StoredChange): CommittedWrite {
  const keys = new Set(change.keys);
  for (const a of change.created?.assets ?? []) keys.add(a.key);
  return { tables: STORED_TABLES, keys: [...keys], search: change };
}

/** How the import's writes run (the catalog worker passes its writer: cross-tab lock, search update, events). */
export type ImportHooks = {
  /**
   * Runs one write (the run record, a batch transaction, a restore) and is told what it changed
   * (`search`: the stored changes the search engine applies incrementally). Default: just runs it.
   */
  write?: <T>(fn: () => Promise<T>, changeOf: (value: T) => CommittedWrite | undefined) => Promise<T>;
  /** An export is about to be restored (the search engine indexes it meanwhile). */
  beforeRestore?: (env: { assets: readonly StoredAsset[]; relations: readonly RelationRow[] }) => void;
};

export type ImportProgress = {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  current?: string;
};

export type ImportResult = ImportRun & { id: number };

function emptySummary(): ImportSummary {
  return { new: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0 };
}

function failedReport(name: string, bytes: number, code: string, message: string): FileReport {
  return {
    name,
    bytes,
    format: 'unknown',
    status: 'failed',
    created: 0,
    updated: 0,
    unchanged: 0,
    relationsAdded: 0,
    assetIds: [],
    issues: [{ severity: 'error', code, message }],
  };
}

/** Imports files; returns the stored import run. */
export async function importFiles(
  args: { files: InputFile[] },
  ctx: CallContext<ImportProgress>,
  hooks: ImportHooks = {},
): Promise<ImportResult> {
  const write = hooks.write ?? justRun;
  const startedAt = new Date().toISOString();
  const entries = await expandInputs(args.files);
  const run: ImportRun = { startedAt, summary: emptySummary(), files: [] };
  const runId = await write(
    () => addImportRun(run),
    () => ({ tables: ['imports'] }),
  );
  const progress: ImportProgress = {
    filesDone: 0,
    filesTotal: entries.length,
    bytesDone: 0,
    bytesTotal: entries.reduce((s, e) => s + e.bytes, 0),
  };
  ctx.progress({ ...progress });
  let lastTick = 0;
  let batch: { source: ImportSource; result: ParseResult; index: number }[] = [];
  let batchBytes = 0;
  const reports: (FileReport | undefined)[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    batchBytes = 0;
    // One transaction under the write lock: two tabs importing at once take turns per batch.
    const stored = await write(
      () => importParsedFiles(items, startedAt, runId),
      (reps) => {
        const changed: string[] = [];
        for (const r of reps) if (r.created + r.updated > 0) changed.push(...r.assetIds.map(assetKey));
        return changed.length > 0 ? storedWrite({ keys: changed }) : undefined;
      },
    );
    stored.forEach((r, i) => {
      const item = items[i];
      if (item) reports[item.index] = r;
    });
  };
  /** Reads and parses the file at `i` (no writes); started one file ahead, while the previous is stored. */
  const prepareAt = (i: number): Promise<Prepared> | undefined => {
    const e = entries[i];
    if (e?.kind !== 'text') return undefined;
    return prepareOne(e.name, e.bytes, e.read).catch((err: unknown) => ({
      report: failedReport(
        e.name,
        e.bytes,
        'READ_FAILED',
        `Could not read the file: ${err instanceof Error ? err.message : String(err)}`,
      ),
    }));
  };
  let ahead = prepareAt(0);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const current = ahead;
    ahead = undefined;
    if (!entry) continue;
    if (ctx.isCancelled()) {
      run.cancelled = true;
      break;
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
    } else if (entry.kind === 'too-large') {
      reports[index] = failedReport(
        entry.name,
        entry.bytes,
        'FILE_TOO_LARGE',
        `File is ${(entry.bytes / 1024 / 1024).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for a metadata file. Not imported.`,
      );
    } else {
      const prepared = await (current ?? prepareOne(entry.name, entry.bytes, entry.read));
      // The next file is read and parsed while this one is stored (a file ahead at most).
      ahead = prepareAt(i + 1);
      if ('report' in prepared) reports[index] = prepared.report;
      else if ('export' in prepared) {
        await flush();
        reports[index] = await restoreOne(prepared.export.source, prepared.export.env, startedAt, {
          ...hooks,
          write,
        });
      } else {
        batch.push({ ...prepared.parsed, index });
        batchBytes += entry.bytes;
        if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) await flush();
      }
    }
    ahead ??= prepareAt(i + 1);
    progress.filesDone++;
    progress.bytesDone += entry.bytes;
    progress.current = entry.name;
    const now = Date.now();
    if (now - lastTick > 50 || progress.filesDone === progress.filesTotal) {
      lastTick = now;
      ctx.progress({ ...progress });
    }
  }
  await flush();
  for (const report of reports) {
    if (!report) continue;
    if (report.status === 'failed') run.summary.failed++;
    run.summary.new += report.created;
    run.summary.updated += report.updated;
    run.summary.unchanged += report.unchanged;
    run.files.push(report);
  }
  run.finishedAt = new Date().toISOString();
  await write(
    () => updateImportRun(runId, run),
    () => ({ tables: ['imports'] }),
  );
  return { ...run, id: runId };
}

/** Files per write transaction, and text bytes per transaction. */
const BATCH_FILES = 100;
const BATCH_BYTES = 8 * 1024 * 1024;

type Prepared =
  | { report: FileReport }
  | { export: { source: ExportSource; env: EnvelopeResult } }
  | { parsed: { source: ImportSource; result: ParseResult } };

/** Reads, hashes and parses one file (no writes). */
async function prepareOne(name: string, bytes: number, read: () => Promise<string>): Promise<Prepared> {
  let text: string;
  try {
    text = await read();
  } catch (e) {
    return {
      report: failedReport(
        name,
        bytes,
        'READ_FAILED',
        `Could not read the file: ${e instanceof Error ? e.message : String(e)}`,
      ),
    };
  }
  if (text.includes('\u0000')) {
    return {
      report: failedReport(name, bytes, 'BINARY_FILE', 'This is a binary file, not a metadata text file.'),
    };
  }
  // A Tarn export is parsed once, straight into the restore path (no generic parse, no hash: its rows
  // carry their own source hashes).
  const looksLikeExport =
    /^\uFEFF?\s*\{/u.test(text) && /"format"\s*:\s*"tarn-catalog"/u.test(text.slice(0, 4096));
  const exported = () => {
    const env = parseCatalogExport(text);
    return { export: { source: { name, bytes }, env } };
  };
  if (looksLikeExport) return exported();
  const result = parseFile({ name, text });
  if (result.format === 'tarn-catalog') return exported();
  const sha256 = await sha256Hex(text);
  const source = { name, text, sha256, bytes };
  return { parsed: { source, result } };
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
          ? storedWrite({
              keys: written.changed,
              created: { assets: written.created, relations: env.value.relations },
            })
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
