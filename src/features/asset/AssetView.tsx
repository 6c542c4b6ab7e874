import { Link } from 'react-router';
import { assetKey } from '@/core/model';
import { assetBody } from '@/core/catalog/merge';
import { Markdown } from '@/components/Markdown';
import { useAsset, useExistingKeys } from './useAsset';

function AssetLink({ id, existing }: { id: string; existing: Set<string> | undefined }) {
  const present = existing?.has(assetKey(id)) ?? false;
  return (
    <span className="asset-ref">
      <Link to={`/asset/${encodeURIComponent(id)}`}>{id}</Link>
      {present ? null : <span className="badge muted"> not in catalog</span>}
    </span>
  );
}

/** The asset page's main column: header, fields, links to bases/datasets, the card body. */
export function AssetView({ id }: { id: string }) {
  const data = useAsset(id);
  const existing = useExistingKeys();
  if (data === undefined) return <p className="muted">Loading…</p>;
  const { asset } = data;
  if (!asset) {
    return (
      <div>
        <h1>{id.split('/').pop()}</h1>
        <p>This asset is not in the catalog.</p>
      </div>
    );
  }
  const body = assetBody(asset);
  return (
    <article className="asset">
      <header>
        <h1>{asset.name}</h1>
        <p className="muted">{asset.id}</p>
        <dl className="facts">
          <dt>Kind</dt>
          <dd data-testid="asset-kind">{asset.kind}{asset.placeholder ? ' (placeholder: referenced, not imported)' : ''}</dd>
          <dt>License</dt>
          <dd data-testid="asset-license">
            {asset.license.normalized ?? 'unknown'}
            {typeof asset.license.raw === 'string' && asset.license.raw !== asset.license.normalized ? (
              <span className="muted"> (declared: {asset.license.raw})</span>
            ) : null}
          </dd>
          {asset.pipelineTag ? (
            <>
              <dt>Task</dt>
              <dd>{asset.pipelineTag}</dd>
            </>
          ) : null}
          {asset.libraryName ? (
            <>
              <dt>Library</dt>
              <dd>{asset.libraryName}</dd>
            </>
          ) : null}
        </dl>
      </header>
      {asset.baseModels?.length ? (
        <section aria-label="Base models">
          <h2>Base models</h2>
          <ul>
            {asset.baseModels.map((b) => (
              <li key={b}>
                <AssetLink id={b} existing={existing} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {asset.datasets?.length ? (
        <section aria-label="Datasets">
          <h2>Datasets</h2>
          <ul>
            {asset.datasets.map((d) => (
              <li key={d}>
                <AssetLink id={d} existing={existing} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {body ? (
        <section aria-label="Card">
          <h2>Card</h2>
          <Markdown text={body} />
        </section>
      ) : null}
    </article>
  );
}
