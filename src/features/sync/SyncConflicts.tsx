import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { valueLabel } from '@/core/sync/docs';
import { resolveSyncConflict, syncConflicts, type FieldConflict, type FieldValue } from '@/workers/syncCalls';
import { syncKeys } from './queryKeys';
import { syncConfigured } from './syncSettings';

const FIELD_NAMES: Record<FieldConflict['field'], string> = {
  notes: 'Notes',
  tags: 'Tags',
  status: 'Status',
  owner: 'Owner',
};

/**
 * Concurrent edits of this asset's curation on two machines: every value of each differing field, and
 * "Keep <value>" to choose (the choice is written, replicates, and the other revision is removed). Shown
 * only while there is a conflict.
 */
export function SyncConflicts({ id }: { id: string }) {
  const client = useQueryClient();
  const [error, setError] = useState<string>();
  const q = useQuery({
    queryKey: syncKeys.conflicts(id),
    queryFn: () => syncConflicts(id),
    enabled: syncConfigured(),
    networkMode: 'always',
  });
  const conflicts = q.data ?? [];
  if (conflicts.length === 0) return null;

  const keep = async (field: FieldConflict['field'], value: FieldValue) => {
    const r = await resolveSyncConflict(id, field, value);
    if (r.ok) {
      setError(undefined);
      client.setQueryData(syncKeys.conflicts(id), r.remaining);
    } else setError(r.error);
  };

  return (
    <section className="sync-conflicts" aria-label="Conflicts">
      <h2>Conflicts</h2>
      <p className="muted small">
        This asset was edited on two machines at once. Both values are kept until you choose one; your choice
        reaches the whole team.
      </p>
      {conflicts.map((c) => (
        <div key={c.field} className="sync-conflict">
          <h3>{FIELD_NAMES[c.field]}</h3>
          <ul>
            {c.values.map((v) => {
              const label = valueLabel(v);
              return (
                <li key={label}>
                  <button type="button" onClick={() => void keep(c.field, v)}>
                    Keep {label}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
