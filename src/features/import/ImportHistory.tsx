import { useLiveQuery } from 'dexie-react-hooks';
import { listImportRuns } from '@/db';
import { viewOfRun } from '@/core/catalog/importReport';
import { ImportReport, summaryText } from './ImportReport';

/** Past import runs (imports table), newest first; each expands to its per-file report. */
export function ImportHistory() {
  const runs = useLiveQuery(() => listImportRuns(), []);
  if (!runs) return <p className="muted">Loading…</p>;
  return (
    <section>
      <h1>Import history</h1>
      {runs.length === 0 ? <p>No imports yet.</p> : null}
      {runs.map((r) => (
        <details key={r.id}>
          <summary>
            {new Date(r.startedAt).toLocaleString()} — {summaryText(r)} ({r.files.length} files)
          </summary>
          <ImportReport run={viewOfRun(r)} dismissable={false} />
        </details>
      ))}
    </section>
  );
}
