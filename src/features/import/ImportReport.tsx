import { useState } from 'react';
import type { FileReport, ImportRun } from '@/db/rows';
import type { ImportRunView } from '@/core/catalog/importReport';
import { dismissReport } from './importStore';

export function summaryText(run: Pick<ImportRun, 'summary'>): string {
  const s = run.summary;
  return `${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed`;
}

function fileLine(f: FileReport): string {
  if (f.status === 'skipped') return `${f.name}: skipped`;
  if (f.status === 'failed') return `${f.name}: failed (${f.format})`;
  const parts = [];
  if (f.created) parts.push(`${f.created} new`);
  if (f.updated) parts.push(`${f.updated} updated`);
  if (f.unchanged) parts.push(`${f.unchanged} unchanged`);
  if (f.relationsAdded) parts.push(`${f.relationsAdded} relations added`);
  return `${f.name}: ${f.format}, ${parts.join(', ')}`;
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
