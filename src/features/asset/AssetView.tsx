import { useMemo, type ReactNode } from 'react';
import { assetBody } from '@/core/catalog/merge';
import { completeness, completenessPercent } from '@/core/catalog/completeness';
import { Markdown } from '@/components/Markdown';
import { useAsset } from './useAsset';
import { AssetHeader } from './AssetHeader';
import { AssetLinks } from './AssetLinks';
import { FieldsTable } from './FieldsTable';
import { EvalResultsTable } from './EvalResultsTable';
import { DistributionTable } from './DistributionTable';
import { RaiSection } from './RaiSection';
import { CompletenessPanel } from './CompletenessPanel';
import { ProvenanceSection } from './ProvenanceSection';
import { VersionsSection } from './VersionsSection';

export type AssetViewProps = {
  id: string;
  /** Slot next to the license in the header (e.g. the license check's verdict badge). */
  licenseBadge?: ReactNode;
  /** Rendered after the header and links, before the card (e.g. lineage, license check). */
  children?: ReactNode;
};

/**
 * The asset page's main column: header, base models / datasets, card, fields with their sources,
 * evaluation results, files, RAI, completeness, provenance and versions with diffs.
 */
export function AssetView({ id, licenseBadge, children }: AssetViewProps) {
  const data = useAsset(id);
  const asset = data?.asset;
  const body = useMemo(() => (asset ? assetBody(asset) : undefined), [asset]);
  const report = useMemo(
    () => (asset ? completeness(asset, body !== undefined ? { body } : {}) : undefined),
    [asset, body],
  );
  if (data === undefined) return <p className="muted">Loading…</p>;
  if (!asset || !report) {
    return (
      <div>
        <h1>{id.split('/').pop()}</h1>
        <p>This asset is not in the catalog.</p>
      </div>
    );
  }
  const versions = data.versions ?? [];
  return (
    <article className="asset">
      <AssetHeader
        asset={asset}
        curation={data.curation}
        licenseBadge={licenseBadge}
        completenessPct={completenessPercent(report)}
      />
      <AssetLinks label="Base models" ids={asset.baseModels} existing={data.existing} />
      <AssetLinks label="Datasets" ids={asset.datasets} existing={data.existing} />
      {children}
      {body ? (
        <section aria-label="Card">
          <h2>Card</h2>
          <Markdown text={body} />
        </section>
      ) : null}
      <FieldsTable asset={asset} />
      <EvalResultsTable results={asset.evalResults} />
      <DistributionTable asset={asset} />
      <RaiSection asset={asset} />
      <CompletenessPanel report={report} />
      <ProvenanceSection asset={asset} />
      <VersionsSection key={versions.length} versions={versions} />
    </article>
  );
}
