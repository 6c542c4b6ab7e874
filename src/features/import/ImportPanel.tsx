import { useEffect, useRef, useState, type RefObject } from 'react';
import { cancelImport, startImport, useImportState } from './importStore';
import { filesFromDataTransfer, filesFromInput } from './readDrop';
import { ImportReport } from './ImportReport';
import { HubImportButton } from './HubImport';

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A button-like label around a hidden file input; picking files starts an import. */
function FilePicker({
  label,
  disabled,
  inputRef,
}: {
  label: string;
  disabled: boolean;
  inputRef?: RefObject<HTMLInputElement | null>;
}) {
  return (
    <label className="button-like">
      {label}
      <input
        ref={inputRef}
        type="file"
        multiple
        aria-label={label}
        className="visually-hidden"
        disabled={disabled}
        onChange={(e) => {
          const files = filesFromInput(e.currentTarget.files);
          e.currentTarget.value = '';
          void startImport(files);
        }}
      />
    </label>
  );
}

/** Import controls: file picker, folder picker, window-wide drop target, progress with Cancel. */
export function ImportControls() {
  const state = useImportState();
  const folderRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    folderRef.current?.setAttribute('webkitdirectory', '');
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      if (!e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void filesFromDataTransfer(e.dataTransfer).then((files) => startImport(files));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  const p = state.progress;
  return (
    <div className="import-controls">
      <FilePicker label="Import files" disabled={state.running} />
      <FilePicker label="Import folder" disabled={state.running} inputRef={folderRef} />
      <HubImportButton />
      {state.running && p ? (
        <div className="import-progress" role="group" aria-label="Import progress">
          <progress max={Math.max(1, p.bytesTotal)} value={p.bytesDone} aria-label="Import progress" />
          <span>
            {p.filesDone} of {p.filesTotal} files · {formatBytes(p.bytesDone)} of {formatBytes(p.bytesTotal)}
          </span>
          <button type="button" onClick={cancelImport}>
            Cancel
          </button>
        </div>
      ) : null}
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          Drop model cards, dataset cards, metadata files, folders or .zip archives to import them
        </div>
      ) : null}
    </div>
  );
}

/** The last import's report (status region "Import report"). */
export function ImportResultPanel() {
  const state = useImportState();
  if (state.error) {
    return (
      <div role="alert" className="error-box">
        Import failed: {state.error}
      </div>
    );
  }
  if (!state.result) return null;
  return <ImportReport run={state.result} />;
}
