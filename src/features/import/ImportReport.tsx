import { useState } from 'react';
import type { FileReport, ImportRun } from '@/db/rows';
import type { ImportRunView } from '@/core/catalog/importReport';
import { dismissReport, metadataOnly, setMetadataOnly, useImportState } from './importStore';

export function summaryText(run: Pick<ImportRun, 'summary'>): string {
  const s = run.summary;
  return `${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed`;
}

function fileLine(f: FileReport): string {
  if (f.status === 'skipped') return `${f.name}: skipped`;
  if (f.issues.some((i) => i.code === 'STORAGE_FULL')) return `${f.name}: failed, not stored (storage full)`;
  if (f.status === 'failed') return `${f.name}: failed (${f.format})`;
  const parts = [];
  if (f.created) parts.push(`${f.created} new`);
  if (f.updated) parts.push(`${f.updated} updated`);
  if (f.unchanged) parts.push(`${f.unchanged} unchanged`);
  if (f.relationsAdded) parts.push(`${f.relationsAdded} relations added`);
  return `${f.name}: ${f.format}, ${parts.join(', ')}`;
}

/** "Keep metadata only" for future imports (raw source text is not stored). */
function MetadataOnlyToggle() {
  useImportState();
  return (
    <label className="inline">
      <input
        type="checkbox"
        checked={metadataOnly()}
        onChange={(e) => setMetadataOnly(e.currentTarget.checked)}
      />{' '}
      Keep metadata only (do not store raw source text) for future imports
    </label>
  );
}

/** What to do when the site's storage is full: which files, and the ways to make room. */
function StorageFull({ run }: { run: ImportRunView }) {
  const notStored = run.notStoredCount;
  return (
    <div role="alert" className="storage-full">
      <p>
        <strong>The browser&apos;s storage for this site is full.</strong> {notStored} file
        {notStored === 1 ? ' was' : 's were'} not stored (marked &quot;not stored&quot; below); everything
        stored before is kept.
      </p>
      <p>To make room, then import those files again:</p>
      <ul>
        <li>free disk space on this device (the browser gives each site a share of it);</li>
        <li>or export the catalog (Export JSON), then Clear catalog, and import only what you need;</li>
        <li>
          or remove raw sources: export with &quot;Metadata only&quot;, clear, import that export, and keep
          metadata only from now on.
        </li>
      </ul>
      <MetadataOnlyToggle />
    </div>
  );
}

/**
 * Per-run import report: summary line, then one line per file with its issues (the run's first lines:
 * the view is bounded, see core/catalog/importReport).
 */
export function ImportReport({ run, dismissable = true }: { run: ImportRunView; dismissable?: boolean }) {
  const [problemsOnly, setProblemsOnly] = useState(false);
  const shown = problemsOnly ? run.problems : run.files;
  const total = problemsOnly ? run.problemCount : run.fileCount;
  return (
    <section role="status" aria-label="Import report" className="import-report">
      <header>
        <strong className="import-summary">{summaryText(run)}</strong>
        {run.summary.skipped ? <span>, {run.summary.skipped} skipped (not metadata)</span> : null}
        {run.cancelled ? (
          <span className="warn"> — cancelled; files after the current one were not imported</span>
        ) : null}
        <label className="inline">
          <input
            type="checkbox"
            checked={problemsOnly}
            onChange={(e) => setProblemsOnly(e.currentTarget.checked)}
          />{' '}
          Problems only
        </label>
        {dismissable ? (
          <button type="button" onClick={dismissReport} aria-label="Close import report">
            ×
          </button>
        ) : null}
      </header>
      {run.storageFull ? <StorageFull run={run} /> : null}
      {!run.storageFull && metadataOnly() ? <MetadataOnlyToggle /> : null}
      <ul className="file-lines">
        {shown.map((f, i) => (
          <li key={`${f.name}-${i}`} data-status={f.status}>
            <span>{fileLine(f)}</span>
            {f.issues.length > 0 ? (
              <ul>
                {f.issues.slice(0, 20).map((iss, j) => (
                  <li key={j} className={`issue-${iss.severity}`}>
                    {iss.severity}: {iss.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
        {total > shown.length ? <li>… and {total - shown.length} more files</li> : null}
      </ul>
    </section>
  );
}
