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
      { files },
      {
        signal: controller.signal,
        onProgress: (progress) => set({ ...state, progress }),
      },
    );
    set({ running: false, result });
    return result;
  } catch (e) {
    set({ running: false, error: e instanceof Error ? e.message : String(e) });
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
