import { useLiveQuery } from 'dexie-react-hooks';
import { listAssets, type StoredAsset } from '@/db';

/** Live list of every asset in the catalog (undefined while loading). */
export function useCatalogAssets(): StoredAsset[] | undefined {
  return useLiveQuery(() => listAssets(), []);
}
