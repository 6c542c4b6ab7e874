import { formatFieldValue } from '@/core/catalog/fieldRows';
import { isObject } from '@/core/util/values';
import type { StoredAsset } from '@/db';

/** Croissant RAI (`rai:*`) properties of a dataset. */
export function RaiSection({ asset }: { asset: StoredAsset }) {
  const rai = asset.extra?.rai;
  if (asset.kind !== 'dataset' || !isObject(rai) || Object.keys(rai).length === 0) return null;
  return (
    <section aria-label="Responsible AI">
      <h2>Responsible AI (Croissant RAI)</h2>
      <dl className="facts">
        {Object.entries(rai).map(([k, v]) => (
          <div key={k} className="contents">
            <dt>{k}</dt>
            <dd className="value">{formatFieldValue(v)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
