import type { ReactNode } from 'react';
import { licenseLabel } from '@/core/labels';
import type { CurationRow, StoredAsset } from '@/db';
import { subscriptionLabel } from '@/core/catalog/subscriptionLabel';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

type Props = {
  asset: StoredAsset;
  curation: CurationRow | undefined;
  licenseBadge?: ReactNode;
  completenessPct?: number;
};

/** Name (the page's only h1), id, kind, owner, license (+ verdict slot), tags and curation status. */
export function AssetHeader({ asset, curation, licenseBadge, completenessPct }: Props) {
  const status = curation?.status;
  return (
    <header>
      <h1>{asset.name}</h1>
      <p className="muted">{asset.id}</p>
      <dl className="facts">
        <Fact label="Kind" testId="asset-kind">
          {asset.kind}
          {asset.placeholder ? ' (placeholder: referenced, not imported)' : ''}
        </Fact>
        <Fact label="Source" testId="asset-source">
          {asset.subscription ? (
            <>
              subscribed from <span className="badge">{subscriptionLabel(asset.subscription)}</span>{' '}
              <span className="muted">(read-only here: refresh the subscription to update it)</span>
            </>
          ) : (
            'local'
          )}
        </Fact>
        <Fact label="Owner" testId="asset-owner">
          {asset.owner ?? <span className="muted">unknown</span>}
          {curation?.owner ? <span className="muted"> · curated by {curation.owner}</span> : null}
        </Fact>
        <Fact label="License" testId="asset-license">
          {asset.license.normalized ? (
            <span title={asset.license.normalized}>{licenseLabel(asset.license.normalized)}</span>
          ) : (
            'unknown'
          )}
          {typeof asset.license.raw === 'string' && asset.license.raw !== asset.license.normalized ? (
            <span className="muted"> (declared: {asset.license.raw})</span>
          ) : null}
          {licenseBadge ? <span className="license-badge-slot"> {licenseBadge}</span> : null}
        </Fact>
        <Fact label="Tags" testId="asset-tags">
          {(asset.tags ?? []).map((t) => (
            <span key={`s-${t}`} className="badge">
              {t}
            </span>
          ))}
          {(curation?.tags ?? []).map((t) => (
            <span key={`c-${t}`} className="badge curated" title="Curated tag">
              {t}
            </span>
          ))}
          {(asset.tags?.length ?? 0) + (curation?.tags.length ?? 0) === 0 ? (
            <span className="muted">none</span>
          ) : null}
        </Fact>
        <Fact label="Status" testId="asset-status">
          {status ? (
            <span className={`badge status-${status}`}>{status}</span>
          ) : (
            <span className="muted">not curated</span>
          )}
        </Fact>
        {asset.pipelineTag ? <Fact label="Task">{asset.pipelineTag}</Fact> : null}
        {asset.libraryName ? <Fact label="Library">{asset.libraryName}</Fact> : null}
        {completenessPct !== undefined ? <Fact label="Completeness">{completenessPct}%</Fact> : null}
      </dl>
    </header>
  );
}
