import { useRef, useState } from 'react';
import { downloadBlob } from '@/components/download';
import { catalogClient } from '@/workers/catalogClient';
import { TaskStatus } from './TaskStatus';
import type { PublishProgress, PublishResult } from '@/workers/catalog/publish';

type DirHandle = {
  getDirectoryHandle: (name: string, opts: { create: boolean }) => Promise<DirHandle>;
  getFileHandle: (
    name: string,
    opts: { create: boolean },
  ) => Promise<{
    createWritable: () => Promise<{ write: (b: Blob) => Promise<void>; close: () => Promise<void> }>;
  }>;
};
type PickerWindow = Window & { showDirectoryPicker?: (opts: { mode: 'readwrite' }) => Promise<DirHandle> };

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1)} MB`;
}

function progressText(p: PublishProgress): string {
  if (p.phase === 'reading') return 'Reading the catalog…';
  if (p.phase === 'shards') return `Writing shards… ${p.done}`;
  return `Packing ${p.total} shards…`;
}

async function saveIntoFolder(dir: DirHandle, files: { path: string; bytes: Uint8Array }[]): Promise<void> {
  const shards = await dir.getDirectoryHandle('shards', { create: true });
  for (const f of files) {
    const [folder, name] = f.path.startsWith('shards/') ? [shards, f.path.slice(7)] : [dir, f.path];
    const w = await (await folder.getFileHandle(name, { create: true })).createWritable();
    await w.write(new Blob([f.bytes as Uint8Array<ArrayBuffer>]));
    await w.close();
  }
}

/**
 * "Publish catalog": builds the published folder (manifest + content-addressed shards) in the catalog worker
 * and downloads it as one zip, or saves it into a chosen directory where the browser can.
 */
export function PublishPanel() {
  const [name, setName] = useState('Team catalog');
  const [busy, setBusy] = useState<PublishProgress>();
  const [result, setResult] = useState<string>();
  const [error, setError] = useState<string>();
  const abort = useRef<AbortController>(undefined);
  const canSaveFolder = typeof (window as PickerWindow).showDirectoryPicker === 'function';

  const run = async (as: 'zip' | 'files') => {
    let dir: DirHandle | undefined;
    if (as === 'files') {
      try {
        dir = await (window as PickerWindow).showDirectoryPicker?.({ mode: 'readwrite' });
      } catch {
        return; // The person closed the picker.
      }
      if (!dir) return;
    }
    setError(undefined);
    setResult(undefined);
    setBusy({ phase: 'reading', done: 0, total: 1 });
    abort.current = new AbortController();
    let res: PublishResult;
    try {
      res = await catalogClient().call(
        'publishCatalog',
        { name, as },
        { onProgress: setBusy, signal: abort.current.signal },
      );
    } catch (e) {
      res = { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    try {
      if (!res.ok) setError(res.error);
      else {
        if (res.zip)
          downloadBlob(
            new Blob([res.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
            'tarn-catalog.zip',
          );
        if (dir && res.files) await saveIntoFolder(dir, res.files);
        setResult(
          `Published ${res.assets} assets in ${res.shards} shards (${res.fresh} new), ${mb(res.bytes)}.`,
        );
      }
    } catch (e) {
      setError(`Saving failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section className="panel" aria-labelledby="publish-h">
      <h2 id="publish-h">Publish</h2>
      <p className="muted">
        A folder any static host, S3 bucket or CDN can serve: a manifest (tarn-catalog.json) and shards named
        by their hash. Republishing keeps unchanged shards, so subscribers fetch only what changed.
      </p>
      <label>
        Catalog name <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </label>{' '}
      <button type="button" disabled={busy !== undefined} onClick={() => void run('zip')}>
        Publish catalog
      </button>{' '}
      {canSaveFolder ? (
        <button type="button" disabled={busy !== undefined} onClick={() => void run('files')}>
          Save to folder
        </button>
      ) : null}
      <TaskStatus
        name="Publish"
        progress={busy ? progressText(busy) : undefined}
        onCancel={() => abort.current?.abort()}
        result={result}
        error={error}
      />
    </section>
  );
}
