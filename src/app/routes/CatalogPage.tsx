import { useState } from 'react';
import { CatalogView } from '@/features/catalog/CatalogView';
import { BulkActions } from '@/features/curation/BulkActions';
import { EmptyCatalog } from '@/features/import/EmptyCatalog';
import { ExportDialog } from '@/features/export/ExportDialog';
import { usePublishExportScope } from '@/features/export/exportScopeStore';
import { useLicenseFacetSync } from '@/features/licenses/hooks';

const NONE: readonly string[] = [];

/** The catalog, with bulk curation actions on its selection and selection-aware export. */
export function CatalogPage() {
  const [selected, setSelected] = useState<readonly string[]>(NONE);
  const [exporting, setExporting] = useState(false);
  // The top-bar "Export JSON" offers the selection. (The current filtered view needs the catalog to
  // publish its visible keys; pass them as the first argument once it does.)
  usePublishExportScope(undefined, selected);
  // Keeps the "License check" facet's verdicts in step with the catalog and the intended use.
  const licenseKey = useLicenseFacetSync();
  return (
    <>
      <CatalogView
        {...(licenseKey ? { licenseKey } : {})}
        selectedKeys={selected}
        onSelectionChange={setSelected}
        empty={<EmptyCatalog />}
        toolbar={
          <BulkActions
            selectedKeys={selected}
            onExport={() => setExporting(true)}
            onDeleted={() => setSelected(NONE)}
          />
        }
      />
      {exporting ? (
        <ExportDialog onClose={() => setExporting(false)} selectedKeys={selected} initialScope="selection" />
      ) : null}
    </>
  );
}
