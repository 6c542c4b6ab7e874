import { useParams } from 'react-router';
import { AssetView } from '@/features/asset/AssetView';
import { CurationPanel } from '@/features/curation/CurationPanel';
import { AssetAudit } from '@/features/curation/AssetAudit';

/**
 * The asset page: composed here from features (features never import each other).
 * Sections are kept apart so each feature's owner can place theirs without touching the others.
 */
export function AssetPage() {
  const { id = '' } = useParams();
  return (
    <div className="asset-page">
      <div className="asset-main">
        <AssetView
          id={id}
          // --- License check (features/licenses): pass its verdict badge here. ---
          licenseBadge={null}
        >
          {/* --- Lineage (features/lineage): place the lineage graph here. --- */}
          {/* --- License check (features/licenses): place the license report here. --- */}
        </AssetView>
      </div>
      {/* --- Curation and audit (features/curation) --- */}
      <aside className="asset-side" aria-label="Curation and audit">
        <CurationPanel key={id} id={id} />
        <AssetAudit id={id} />
      </aside>
    </div>
  );
}
