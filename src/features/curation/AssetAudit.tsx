import { assetKey } from '@/core/model';
import { AuditTable } from './AuditTable';
import { useAudit } from './useCuration';

/** The asset's audit log: imports, curation edits, collection changes, deletes. */
export function AssetAudit({ id }: { id: string }) {
  const rows = useAudit(assetKey(id), 200);
  return (
    <section aria-label="Audit log">
      <h2>Audit log</h2>
      {rows ? <AuditTable rows={rows} showAsset={false} label="Asset audit log" /> : null}
    </section>
  );
}
