/**
 * The import pipeline: read → sniff/parse (core) → merge + store (db, one transaction per file) →
 * report. Reports progress after every file; cancellation stops after the current file.
 */
import { parseFile } from '@/core/formats/parseFile';
import { parseCatalogExport } from '@/core/export/envelope';
import type { FileReport, ImportRun, ImportSummary } from '@/core/catalog/rows';
import { sha256Hex } from '@/core/util/hash';
import { MAX_FILE_BYTES } from '@/core/util/safeParse';
import { addImportRun, countAssets, importParsedFile, restoreExport, updateImportRun } from '@/db';
import { assetKey } from '@/core/model';
import type { CallContext } from '../rpc';
import { expandInputs, type InputFile } from './intake';
import type { StoredChange } from './search';

/** Called after each stored file with what changed (the search engine updates incrementally). */
export type ImportHooks = { onStored?: (change: StoredChange) => Promise<void> };

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
export async function importFiles(args: { files: InputFile[] }, ctx: CallContext, hooks: ImportHooks = {}): Promise<ImportResult> {
  const startedAt = new Date().toISOString();
  const entries = await expandInputs(args.files);
  const run: ImportRun = { startedAt, summary: emptySummary(), files: [] };
  const runId = await addImportRun(run);
  const progress: ImportProgress = {
    filesDone: 0,
    filesTotal: entries.length,
    bytesDone: 0,
    bytesTotal: entries.reduce((s, e) => s + e.bytes, 0),
  };
  ctx.progress({ ...progress });
  let lastTick = 0;
  for (const entry of entries) {
    if (ctx.isCancelled()) {
      run.cancelled = true;
      break;
    }
    let report: FileReport;
    if (entry.kind === 'skipped') {
      run.summary.skipped++;
      report = { ...failedReport(entry.name, entry.bytes, 'SKIPPED', `Skipped: ${entry.reason}.`), status: 'skipped' };
      report.issues = [{ severity: 'info', code: 'SKIPPED', message: `Skipped: ${entry.reason}.` }];
    } else if (entry.kind === 'too-large') {
      report = failedReport(
        entry.name,
        entry.bytes,
        'FILE_TOO_LARGE',
        `File is ${(entry.bytes / 1024 / 1024).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for a metadata file. Not imported.`,
      );
    } else {
      report = await importOne(entry.name, entry.bytes, entry.read, startedAt, runId, hooks);
    }
    if (report.status === 'failed') run.summary.failed++;
    run.summary.new += report.created;
    run.summary.updated += report.updated;
    run.summary.unchanged += report.unchanged;
    run.files.push(report);
    progress.filesDone++;
    progress.bytesDone += entry.bytes;
    progress.current = entry.name;
    const now = Date.now();
    if (now - lastTick > 50 || progress.filesDone === progress.filesTotal) {
      lastTick = now;
      ctx.progress({ ...progress });
    }
  }
  run.finishedAt = new Date().toISOString();
  await updateImportRun(runId, run);
  return { ...run, id: runId };
}

async function importOne(
  name: string,
  bytes: number,
  read: () => Promise<string>,
  importedAt: string,
  runId: number,
  hooks: ImportHooks = {},
): Promise<FileReport> {
  let text: string;
  try {
    text = await read();
  } catch (e) {
    return failedReport(name, bytes, 'READ_FAILED', `Could not read the file: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (text.includes('\u0000')) {
    return failedReport(name, bytes, 'BINARY_FILE', 'This is a binary file, not a metadata text file.');
  }
  try {
    const sha256 = await sha256Hex(text);
    const source = { name, text, sha256, bytes };
    // A Tarn export is parsed once, straight into the restore path (no generic parse first).
    const looksLikeExport = /^\uFEFF?\s*\{/u.test(text) && /"format"\s*:\s*"tarn-catalog"/u.test(text.slice(0, 4096));
    const result = looksLikeExport ? undefined : parseFile({ name, text });
    if (!result || result.format === 'tarn-catalog') {
      const env = parseCatalogExport(text);
      if (!env.ok) return { ...failedReport(name, bytes, 'EXPORT_INVALID', ''), format: 'tarn-catalog', issues: env.issues };
      const wasEmpty = hooks.onStored ? (await countAssets()) === 0 : false;
      const restored = await restoreExport(source, env.value, importedAt);
      await hooks.onStored?.({
        keys: env.value.assets.map((a) => a.key),
        ...(wasEmpty ? { complete: { assets: env.value.assets, relations: env.value.relations } } : {}),
      });
      return restored;
    }
    const stored = await importParsedFile(source, result, importedAt, runId);
    if (stored.created + stored.updated > 0) await hooks.onStored?.({ keys: stored.assetIds.map(assetKey) });
    return stored;
  } catch (e) {
    return failedReport(name, bytes, 'STORE_FAILED', `Could not store this file; nothing from it was saved: ${e instanceof Error ? e.message : String(e)}`);
  }
}
