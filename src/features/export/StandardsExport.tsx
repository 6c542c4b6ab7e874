import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getAsset } from '@/db';
import { downloadBlob, fileSlug } from '@/components/download';
import { exportStandard, type ExportScope, type StandardFormat } from '@/workers/exportCalls';

const STANDARD_LABELS: Readonly<Record<StandardFormat, string>> = {
  cyclonedx: 'Export CycloneDX',
  spdx3: 'Export SPDX 3',
  croissant: 'Export Croissant',
};

export type StandardsExportButtonsProps = {
  scope: ExportScope;
  /** Offer "Export Croissant" (one dataset). */
  croissant?: boolean;
  named?: { title: string; prefix: string };
  /** Called after a download (e.g. to close a dialog). */
  onDone?: () => void;
};

/**
 * "Export CycloneDX", "Export SPDX 3" (and "Export Croissant" for a dataset): each downloads one JSON file of the
 * scope's lineage closure.
 */
export function StandardsExportButtons({ scope, croissant, named, onDone }: StandardsExportButtonsProps) {
  const [busy, setBusy] = useState<StandardFormat>();
  const [message, setMessage] = useState<string>();
  const abort = useRef<AbortController>(undefined);
  const formats: StandardFormat[] = croissant ? ['cyclonedx', 'spdx3', 'croissant'] : ['cyclonedx', 'spdx3'];
  const run = (format: StandardFormat) => {
    setBusy(format);
    setMessage(undefined);
    abort.current = new AbortController();
    // Built in the catalog worker (read, closure, serializer); the window downloads the Blob.
    void exportStandard({ format, scope, ...(named ? { named } : {}) }, { signal: abort.current.signal })
      .then((res) => {
        if (!res.ok) {
          setMessage(res.message);
          return;
        }
        downloadBlob(res.blob, res.fileName);
        onDone?.();
      })
      .finally(() => setBusy(undefined));
  };
  return (
    <span role="group" aria-label="Export to standards" className="inline standards-export">
      {formats.map((f) => (
        <button key={f} type="button" disabled={busy !== undefined} onClick={() => run(f)}>
          {busy === f ? 'Preparing…' : STANDARD_LABELS[f]}
        </button>
      ))}
      {busy ? (
        <button type="button" aria-label="Cancel standards export" onClick={() => abort.current?.abort()}>
          Cancel
        </button>
      ) : null}
      {message ? (
        <span role="alert" className="issue-error">
          {message}
        </span>
      ) : null}
    </span>
  );
}

/** The asset page's standards export: the asset and its lineage; Croissant too when it is a dataset. */
export function AssetStandardsExport({ id }: { id: string }) {
  const asset = useLiveQuery(() => getAsset(id), [id]);
  if (!asset) return null;
  return (
    <StandardsExportButtons
      scope={{ scope: 'selection', keys: [asset.key] }}
      croissant={asset.kind === 'dataset'}
      named={{ title: `${asset.id} and its lineage`, prefix: fileSlug(asset.id) }}
    />
  );
}
