/**
 * Turns a drop (files and folders) or a file input selection into named blobs, recursing into folders.
 * Relative paths are kept so `owner__name/README.md` can give the card its id.
 */
import type { InputFile } from '@/workers/catalogClient';

type FsEntry = {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?: (ok: (f: File) => void, err: (e: unknown) => void) => void;
  createReader?: () => { readEntries: (ok: (entries: FsEntry[]) => void, err: (e: unknown) => void) => void };
};

function entryFile(entry: FsEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file?.(resolve, reject));
}

async function readAllEntries(dir: FsEntry): Promise<FsEntry[]> {
  const reader = dir.createReader?.();
  if (!reader) return [];
  const all: FsEntry[] = [];
  for (;;) {
    const batch = await new Promise<FsEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    all.push(...batch);
  }
  return all;
}

async function walk(entry: FsEntry, out: InputFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await entryFile(entry);
    out.push({ name: entry.fullPath.replace(/^\//, '') || file.name, blob: file });
  } else if (entry.isDirectory) {
    for (const child of await readAllEntries(entry)) await walk(child, out);
  }
}

/** Files from a DataTransfer (drop), recursing into dropped folders where the browser allows it. */
export async function filesFromDataTransfer(dt: DataTransfer): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const items = Array.from(dt.items ?? []);
  const entries = items
    .filter((i) => i.kind === 'file')
    .map((i) => (typeof i.webkitGetAsEntry === 'function' ? (i.webkitGetAsEntry() as FsEntry | null) : null));
  if (entries.length > 0 && entries.every((e) => e !== null)) {
    for (const e of entries) if (e) await walk(e, out);
    return out;
  }
  for (const f of Array.from(dt.files)) out.push({ name: f.webkitRelativePath || f.name, blob: f });
  return out;
}

/** Files from an <input type=file> (multiple or webkitdirectory). */
export function filesFromInput(list: FileList | null): InputFile[] {
  return Array.from(list ?? []).map((f) => ({ name: f.webkitRelativePath || f.name, blob: f }));
}
