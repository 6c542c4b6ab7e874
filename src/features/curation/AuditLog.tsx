import { useMemo, useState } from 'react';
import { AuditTable } from './AuditTable';
import { useAudit } from './useCuration';

const PAGE = 500;

/** The catalog-wide, append-only audit log with a filter on action, asset and detail. */
export function AuditLog() {
  const [limit, setLimit] = useState(PAGE);
  const [filter, setFilter] = useState('');
  const rows = useAudit(undefined, limit);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    if (!rows || f === '') return rows ?? [];
    return rows.filter((r) => `${r.action} ${r.assetKey} ${r.detail ?? ''}`.toLowerCase().includes(f));
  }, [rows, filter]);
  return (
    <section aria-label="Catalog audit log" className="audit-log">
      <h1>Audit log</h1>
      <p className="muted">
        Every import and every curation edit, newest first. Entries are never changed or removed (except by
        clearing the catalog).
      </p>
      <input
        type="search"
        aria-label="Filter audit log"
        placeholder="Filter by action, asset or detail"
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
      />
      {rows ? <AuditTable rows={shown} showAsset label="Audit entries" /> : <p className="muted">Loading…</p>}
      {rows && rows.length >= limit ? (
        <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
          Show older entries
        </button>
      ) : null}
    </section>
  );
}
