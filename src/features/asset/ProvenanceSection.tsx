import type { StoredAsset } from '@/db';
import { formatLabel } from '@/core/labels';

/** Which files this asset's current record comes from: file, format, sha256, import time. */
export function ProvenanceSection({ asset }: { asset: StoredAsset }) {
  if (asset.contributions.length === 0) {
    return (
      <section aria-label="Provenance">
        <h2>Provenance</h2>
        <p className="muted">No source file: this asset is only known because another asset references it.</p>
      </section>
    );
  }
  const rows = [...asset.contributions].sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  return (
    <section aria-label="Provenance">
      <h2>Provenance</h2>
      <table aria-label="Sources">
        <thead>
          <tr>
            <th>File</th>
            <th>Format</th>
            <th>SHA-256</th>
            <th>Imported</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={`${c.format}|${c.sourceName}|${c.sha256}`}>
              <td>{c.sourceName}</td>
              <td title={c.format}>{formatLabel(c.format)}</td>
              <td className="hash">{c.sha256}</td>
              <td>{c.importedAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        First imported {asset.createdAt}; last changed {asset.updatedAt}.
      </p>
    </section>
  );
}
