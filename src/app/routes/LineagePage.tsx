import { CatalogLineage } from '@/features/lineage/CatalogLineage';
import { useCatalogVerdictFor } from '@/features/licenses/hooks';

/** `/lineage`: the catalog-wide lineage graph (one root or all assets). */
export function LineagePage() {
  // Nodes coloured by licence verdict for the current intended use.
  const verdictFor = useCatalogVerdictFor();
  return (
    <div className="lineage-page">
      <h1>Lineage</h1>
      <CatalogLineage {...(verdictFor ? { verdictFor } : {})} />
    </div>
  );
}
