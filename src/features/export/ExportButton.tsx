import { useState } from 'react';
import { ExportDialog } from './ExportDialog';
import type { ExportScopeKind } from '@/workers/exportCalls';
import { useExportScope } from './exportScopeStore';

type Props = {
  /** Overrides for the published view/selection keys (see exportScopeStore). */
  visibleKeys?: readonly string[];
  selectedKeys?: readonly string[];
  label?: string;
  initialScope?: ExportScopeKind;
};

/** "Export JSON": opens the curated-export dialog (whole catalog, current view, a collection, the selection). */
export function ExportButton({ visibleKeys, selectedKeys, label = 'Export JSON', initialScope }: Props) {
  const [open, setOpen] = useState(false);
  const published = useExportScope();
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open ? (
        <ExportDialog
          onClose={() => setOpen(false)}
          visibleKeys={visibleKeys ?? published.visibleKeys}
          selectedKeys={selectedKeys ?? published.selectedKeys}
          {...(initialScope ? { initialScope } : {})}
        />
      ) : null}
    </>
  );
}
