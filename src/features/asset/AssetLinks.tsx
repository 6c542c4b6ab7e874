import { Link } from 'react-router';
import { assetKey } from '@/core/model';

function AssetLink({ id, existing }: { id: string; existing: Set<string> | undefined }) {
  const present = existing?.has(assetKey(id)) ?? false;
  return (
    <span className="asset-ref">
      <Link to={`/asset/${encodeURIComponent(id)}`}>{id}</Link>
      {present ? null : <span className="badge muted"> not in catalog</span>}
    </span>
  );
}

/** A region listing referenced assets: existing ones link, missing ones are marked "not in catalog". */
export function AssetLinks({
  label,
  ids,
  existing,
}: {
  label: string;
  ids: readonly string[] | undefined;
  existing: Set<string> | undefined;
}) {
  if (!ids || ids.length === 0) return null;
  return (
    <section aria-label={label}>
      <h2>{label}</h2>
      <ul>
        {ids.map((b) => (
          <li key={b}>
            <AssetLink id={b} existing={existing} />
          </li>
        ))}
      </ul>
    </section>
  );
}
