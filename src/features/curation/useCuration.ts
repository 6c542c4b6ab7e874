import { useLiveQuery } from 'dexie-react-hooks';
import {
  getCuration,
  listAudit,
  listCollections,
  type AuditRow,
  type CollectionRow,
  type CurationRow,
} from '@/db';

/** The asset's curation row (`row` undefined when never curated); undefined while loading. */
export function useCuration(key: string): { row: CurationRow | undefined } | undefined {
  return useLiveQuery(async () => ({ row: await getCuration(key) }), [key]);
}

export function useCollections(): CollectionRow[] | undefined {
  return useLiveQuery(() => listCollections(), []);
}

export function useAudit(assetKey?: string, limit = 1000): AuditRow[] | undefined {
  return useLiveQuery(
    () => listAudit({ ...(assetKey !== undefined ? { assetKey } : {}), limit }),
    [assetKey, limit],
  );
}
