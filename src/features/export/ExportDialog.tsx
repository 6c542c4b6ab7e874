import { useEffect, useId, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listCollections } from '@/db';
import { downloadBlob } from '@/components/download';
import {
  exportJson,
  type ExportOptions,
  type ExportProgress,
  type ExportScope,
  type ExportScopeKind,
} from '@/workers/exportCalls';
import { StandardsExportButtons } from './StandardsExport';

export type ExportDialogProps = {
  onClose: () => void;
  /** Keys of the catalog's current filtered view, when the app knows them. */
  visibleKeys?: readonly string[] | undefined;
  /** Keys of the current table selection. */
  selectedKeys?: readonly string[] | undefined;
  initialScope?: ExportScopeKind;
};

/** The curated-export dialog: what to export, with or without lineage, sources, curation and licenses. */
export function ExportDialog({
  onClose,
  visibleKeys,
  selectedKeys,
  initialScope = 'catalog',
}: ExportDialogProps) {
  const collections = useLiveQuery(() => listCollections(), []);
  const [scope, setScope] = useState<ExportScopeKind>(initialScope);
  const [collectionId, setCollectionId] = useState('');
  const [lineageClosure, setLineageClosure] = useState(true);
  const [includeSources, setIncludeSources] = useState(true);
  const [includeCuration, setIncludeCuration] = useState(true);
  const [includeSavedViews, setIncludeSavedViews] = useState(true);
  const [includeLicenses, setIncludeLicenses] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [progress, setProgress] = useState<ExportProgress>();
  const abort = useRef<AbortController>(undefined);
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const chosenCollection = collectionId || collections?.[0]?.id || '';

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button.primary')?.focus();
  }, []);
  // Closing the dialog stops an export still running in the worker (no file is downloaded after it).
  useEffect(() => () => abort.current?.abort(), []);

  const scopeOptions: ExportScope = {
    scope,
    ...(scope === 'view' && visibleKeys ? { keys: visibleKeys } : {}),
    ...(scope === 'selection' && selectedKeys ? { keys: selectedKeys } : {}),
    ...(scope === 'collection' ? { collectionId: chosenCollection } : {}),
  };

  const download = () => {
    const opts: ExportOptions = {
      ...scopeOptions,
      lineageClosure,
      includeSources,
      includeCuration,
      includeSavedViews,
      includeLicenses,
    };
    setBusy(true);
    setMessage(undefined);
    abort.current = new AbortController();
    // Read, licence summary and writing run in the catalog worker; the window downloads the Blob.
    void exportJson(opts, { onProgress: setProgress, signal: abort.current.signal })
      .then((res) => {
        abort.current = undefined;
        if (!res.ok) {
          setMessage(res.message);
          return;
        }
        downloadBlob(res.blob, res.fileName);
        onClose();
      })
      .finally(() => {
        setBusy(false);
        setProgress(undefined);
      });
  };

  const scopeOption = (value: ExportScopeKind, label: string, disabled = false) => (
    <label className={disabled ? 'muted' : undefined}>
      <input
        type="radio"
        name="export-scope"
        value={value}
        checked={scope === value}
        disabled={disabled}
        onChange={() => setScope(value)}
      />
      {label}
    </label>
  );

  return (
    <div className="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog"
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id={titleId}>Export JSON</h2>
        <fieldset>
          <legend>What to export</legend>
          {scopeOption('catalog', 'Whole catalog')}
          {scopeOption(
            'view',
            `Current filtered view${visibleKeys ? ` (${visibleKeys.length} assets)` : ' (not available on this page)'}`,
            !visibleKeys,
          )}
          {scopeOption('collection', 'A collection', (collections?.length ?? 0) === 0)}
          {scope === 'collection' ? (
            <select
              aria-label="Collection to export"
              value={chosenCollection}
              onChange={(e) => setCollectionId(e.currentTarget.value)}
            >
              {(collections ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.assetKeys.length})
                </option>
              ))}
            </select>
          ) : null}
          {scopeOption(
            'selection',
            `The selection (${selectedKeys?.length ?? 0} assets)`,
            (selectedKeys?.length ?? 0) === 0,
          )}
        </fieldset>
        <fieldset>
          <legend>Options</legend>
          <label>
            <input
              type="checkbox"
              checked={lineageClosure}
              disabled={scope === 'catalog'}
              onChange={(e) => setLineageClosure(e.currentTarget.checked)}
            />
            Include lineage closure (every ancestor, so licenses can be re-checked)
          </label>
          <label>
            <input
              type="radio"
              name="export-sources"
              checked={includeSources}
              onChange={() => setIncludeSources(true)}
            />
            Metadata and raw sources
          </label>
          <label>
            <input
              type="radio"
              name="export-sources"
              checked={!includeSources}
              onChange={() => setIncludeSources(false)}
            />
            Metadata only
          </label>
          <label>
            <input
              type="checkbox"
              checked={includeCuration}
              onChange={(e) => setIncludeCuration(e.currentTarget.checked)}
            />
            Include curation (tags, notes, status, collections, audit log)
          </label>
          <label>
            <input
              type="checkbox"
              checked={includeSavedViews}
              onChange={(e) => setIncludeSavedViews(e.currentTarget.checked)}
            />
            Include saved views
          </label>
          <label>
            <input
              type="checkbox"
              checked={includeLicenses}
              onChange={(e) => setIncludeLicenses(e.currentTarget.checked)}
            />
            Include license verdicts and NOTICE
          </label>
        </fieldset>
        {message ? (
          <p role="alert" className="issue-error">
            {message}
          </p>
        ) : null}
        {progress ? (
          <div role="group" aria-label="Export progress">
            {progress.phase === 'reading' ? (
              <>
                <progress aria-label="Export progress" />
                <span>Reading the catalog…</span>
              </>
            ) : (
              <>
                <progress
                  max={Math.max(1, progress.total)}
                  value={progress.done}
                  aria-label="Export progress"
                />
                <span>
                  {progress.done} of {progress.total} records written
                </span>
              </>
            )}
          </div>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="primary" disabled={busy} onClick={download}>
            {busy ? 'Preparing…' : 'Download'}
          </button>
          <button
            type="button"
            onClick={() => {
              if (busy) abort.current?.abort();
              else onClose();
            }}
          >
            Cancel
          </button>
        </div>
        <p className="muted">
          Or as a standard, with the lineage closure (the options above apply to the JSON export only):
        </p>
        <StandardsExportButtons scope={scopeOptions} onDone={onClose} />
      </div>
    </div>
  );
}
