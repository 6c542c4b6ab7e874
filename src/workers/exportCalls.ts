/**
 * The window's calls to the exports, which run in the catalog worker (read, licence summary, serialize, write
 * the file's Blob); the window only downloads the Blob. Progress and Cancel (an AbortSignal) travel with the
 * call; errors come back as values.
 */
import { catalogClient } from './catalogClient';
import type { ExportFileResult, ExportOptions, ExportProgress, StandardArgs } from './catalog/exports';

export type {
  ExportFileResult,
  ExportOptions,
  ExportProgress,
  ExportScope,
  ExportScopeKind,
  StandardArgs,
  StandardFormat,
} from './catalog/exports';

type ExportCall = { onProgress?: (p: ExportProgress) => void; signal?: AbortSignal };

function failed(e: unknown): ExportFileResult {
  return { ok: false, message: `Export failed: ${e instanceof Error ? e.message : String(e)}` };
}

/** "Export JSON": the curated export of a scope as a file (Tarn's envelope, version 2). */
export function exportJson(opts: ExportOptions, call: ExportCall = {}): Promise<ExportFileResult> {
  return catalogClient().call('exportJson', opts, call).catch(failed);
}

/** A CycloneDX, SPDX 3 or Croissant document of a scope's lineage closure as a file. */
export function exportStandard(args: StandardArgs, call: ExportCall = {}): Promise<ExportFileResult> {
  return catalogClient().call('exportStandard', args, call).catch(failed);
}
