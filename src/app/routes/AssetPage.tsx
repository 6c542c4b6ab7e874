import { useParams } from 'react-router';
import { AssetView } from '@/features/asset/AssetView';
import { CurationPanel } from '@/features/curation/CurationPanel';
import { AssetAudit } from '@/features/curation/AssetAudit';
import { useAssetLicense, useLineageVerdictFor } from '@/features/licenses/hooks';
import { AssetLicenseBadge, AssetLicenseCheck } from '@/features/licenses/AssetLicenseCheck';
import { LineageSection } from '@/features/lineage/LineageSection';
import { AssetStandardsExport } from '@/features/export/StandardsExport';
import { SyncConflicts } from '@/features/sync/SyncConflicts';

/**
 * The asset page: composed here from features (features never import each other).
 * Sections are kept apart so each feature's owner can place theirs without touching the others.
 */
export function AssetPage() {
  const { id = '' } = useParams();
  const license = useAssetLicense(id);
  const verdictFor = useLineageVerdictFor(id);
  return (
    <div className="asset-page">
      <div className="asset-main">
        <AssetView
          id={id}
          // --- License check (features/licenses): pass its verdict badge here. ---
          licenseBadge={<AssetLicenseBadge state={license} />}
        >
          {/* --- Standards export (features/export): CycloneDX, SPDX 3, Croissant of the asset's closure. --- */}
          <AssetStandardsExport id={id} />
          {/* --- Lineage (features/lineage): graph, lineage table and "Used by" impact analysis. --- */}
          <LineageSection key={id} id={id} {...(verdictFor ? { verdictFor } : {})} />
          {/* --- License check (features/licenses) --- */}
          <AssetLicenseCheck state={license} />
        </AssetView>
      </div>
      {/* --- Curation and audit (features/curation) --- */}
      <aside className="asset-side" aria-label="Curation and audit">
        {/* --- Team sync conflicts (features/sync): shown only while two machines' edits disagree --- */}
        <SyncConflicts key={`conflicts-${id}`} id={id} />
        <CurationPanel key={id} id={id} />
        <AssetAudit id={id} />
      </aside>
    </div>
  );
}
