import { Link } from 'react-router';
import type { AuditRow } from '@/db';

/** Audit rows, newest first (as given). `showAsset` adds a column linking to the asset. */
export function AuditTable({
  rows,
  showAsset,
  label,
}: {
  rows: readonly AuditRow[];
  showAsset: boolean;
  label: string;
}) {
  if (rows.length === 0) return <p className="muted">No audit entries yet.</p>;
  return (
    <table aria-label={label} className="audit-table">
      <thead>
        <tr>
          <th>When</th>
          {showAsset ? <th>Asset</th> : null}
          <th>Action</th>
          <th>Detail</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.seq ?? i} data-action={r.action}>
            <td className="small">{r.at}</td>
            {showAsset ? (
              <td>
                {r.assetKey === '*' ? (
                  <span className="muted">catalog</span>
                ) : (
                  <Link to={`/asset/${encodeURIComponent(r.assetKey)}`}>{r.assetKey}</Link>
                )}
              </td>
            ) : null}
            <td>{r.action}</td>
            <td className="value">{r.detail ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
