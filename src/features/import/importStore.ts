/**
 * Import state shared by the file input, the window drop target, the demo loader and the report:
 * a small external store (one import at a time).
 */
import { useSyncExternalStore } from 'react';
import {
  catalogClient,
  type ImportProgress,
  type ImportOutcome,
  type InputFile,
} from '@/workers/catalogClient';

export type ImportState = {
  running: boolean;
  progress?: ImportProgress;
  result?: ImportOutcome;
  error?: string;
  label?: string;
};

let state: ImportState = { running: false };

const METADATA_ONLY_KEY = 'tarn:import:metadata-only';
/** Test-only: a lower bound for one drop's expanded zip bytes, so e2e zips stay small (can only lower it). */
const TEST_DROP_BOUND_KEY = 'tarn:test:max-drop-bytes';

function readFlag(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The "Keep metadata only" setting: future imports store metadata and hashes, not raw source text. */
export function metadataOnly(): boolean {
  return readFlag(METADATA_ONLY_KEY) === '1';
}

export function setMetadataOnly(on: boolean): void {
  try {
    if (on) localStorage.setItem(METADATA_ONLY_KEY, '1');
    else localStorage.removeItem(METADATA_ONLY_KEY);
  } catch {
    // Storage unavailable: the setting lasts for this page only.
  }
  set({ ...state });
}

function testDropBound(): number | undefined {
  const n = Number(readFlag(TEST_DROP_BOUND_KEY));
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** What an import failing as a whole says (the full disk in words). */
function failureText(e: unknown): string {
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return /quota/i.test(msg)
    ? 'The browser\'s storage for this site is full; nothing more could be stored. What was stored before is kept. Free disk space, or export the catalog and clear it, or turn on "Keep metadata only", then import again.'
    : e instanceof Error
      ? e.message
      : String(e);
}
let controller: AbortController | undefined;
const listeners = new Set<() => void>();

function set(next: ImportState) {
  state = next;
  for (const l of listeners) l();
}

export function useImportState(): ImportState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

/** Starts an import of files (relative names kept). Resolves when done; errors become state. */
export async function startImport(
  files: InputFile[],
  label = 'Importing',
): Promise<ImportOutcome | undefined> {
  if (state.running || files.length === 0) return undefined;
  controller = new AbortController();
  set({
    running: true,
    label,
    progress: {
      filesDone: 0,
      filesTotal: files.length,
      bytesDone: 0,
      bytesTotal: files.reduce((s, f) => s + f.blob.size, 0),
    },
  });
  try {
    const result = await catalogClient().call(
      'importFiles',
      {
        files,
        ...(metadataOnly() ? { metadataOnly: true } : {}),
        ...(testDropBound() ? { limits: { maxExpandedBytes: testDropBound() } } : {}),
      },
      {
        signal: controller.signal,
        onProgress: (progress) => set({ ...state, progress }),
      },
    );
    set({ running: false, result });
    return result;
  } catch (e) {
    set({ running: false, error: failureText(e) });
    return undefined;
  } finally {
    controller = undefined;
  }
}

export function cancelImport(): void {
  controller?.abort();
}

export function dismissReport(): void {
  if (!state.running) set({ running: false });
}
