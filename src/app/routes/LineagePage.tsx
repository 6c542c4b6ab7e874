import { CatalogLineage } from '@/features/lineage/CatalogLineage';

/** `/lineage`: the catalog-wide lineage graph (one root or all assets). */
export function LineagePage() {
  return (
    <div className="lineage-page">
      <h1>Lineage</h1>
      <CatalogLineage />
    </div>
  );
}
