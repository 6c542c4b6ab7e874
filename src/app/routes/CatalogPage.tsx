import { useState, type ReactNode } from 'react';
import { CatalogView } from '@/features/catalog/CatalogView';
import { BulkActions } from '@/features/curation/BulkActions';
import { EmptyCatalog } from '@/features/import/EmptyCatalog';
import { ExportDialog } from '@/features/export/ExportDialog';
import { usePublishExportScope } from '@/features/export/exportScopeStore';
import { StandardsExportButtons } from '@/features/export/StandardsExport';
import { useCatalogVerdictFor, useLicenseFacetSync } from '@/features/licenses/hooks';
import { NARROW_SCREEN, useMediaQuery } from '@/components/useMediaQuery';

const NONE: readonly string[] = [];

type Verdicts = ((id: string) => string | undefined) | undefined;

/** The whole-catalog licence sweep's verdicts (asked only where the table shows them: phones). */
function WithVerdicts({ children }: { children: (verdictFor: Verdicts) => ReactNode }) {
  return <>{children(useCatalogVerdictFor())}</>;
}

/** The catalog, with bulk curation actions on its selection and selection-aware export. */
export function CatalogPage() {
  const narrow = useMediaQuery(NARROW_SCREEN);
  return narrow ? (
    <WithVerdicts>{(verdictFor) => <CatalogPageView verdictFor={verdictFor} />}</WithVerdicts>
  ) : (
    <CatalogPageView verdictFor={undefined} />
  );
}

function CatalogPageView({ verdictFor }: { verdictFor: Verdicts }) {
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
        verdictFor={verdictFor}
        toolbar={
          <>
            <BulkActions
              selectedKeys={selected}
              onExport={() => setExporting(true)}
              onDeleted={() => setSelected(NONE)}
            />
            {selected.length > 0 ? (
              <StandardsExportButtons scope={{ scope: 'selection', keys: selected }} />
            ) : null}
          </>
        }
      />
      {exporting ? (
        <ExportDialog onClose={() => setExporting(false)} selectedKeys={selected} initialScope="selection" />
      ) : null}
    </>
  );
}
