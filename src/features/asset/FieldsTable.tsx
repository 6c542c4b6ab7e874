import { useMemo } from 'react';
import { fieldRows } from '@/core/catalog/fieldRows';
import type { StoredAsset } from '@/db';

/** Every parsed field of the asset with the source that supplied it. */
export function FieldsTable({ asset }: { asset: StoredAsset }) {
  const rows = useMemo(() => fieldRows(asset), [asset]);
  return (
    <section aria-label="Fields">
      <h2>Fields</h2>
      <table aria-label="Parsed fields" className="fields-table">
        <thead>
          <tr>
            <th>Field</th>
            <th>Value</th>
            <th>Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field}>
              <th scope="row">{r.field}</th>
              <td className="value">{r.value}</td>
              <td className="muted small">{r.source ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
