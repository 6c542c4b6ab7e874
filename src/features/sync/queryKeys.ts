/** React-query keys of team sync reads, and which catalog changes make them stale. */
import type { QueryKey } from '@tanstack/react-query';
import type { CatalogChange } from '@/workers/catalogEvents';

export const syncKeys = {
  all: ['sync'] as const,
  status: () => ['sync', 'status'] as const,
  conflicts: (key: string) => ['sync', 'conflicts', key] as const,
};

/** A curation change (an edit, a team change, a resolution) may add or settle a conflict. */
export function syncInvalidations(change: CatalogChange): QueryKey[] {
  if (!change.tables.includes('curation')) return [];
  return change.keys ? change.keys.map((k) => syncKeys.conflicts(k)) : [['sync', 'conflicts']];
}
