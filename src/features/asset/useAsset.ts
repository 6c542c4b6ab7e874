import { useLiveQuery } from 'dexie-react-hooks';
import { existingKeys, getAsset, getCuration, relationsOf, versionsOf } from '@/db';

/**
 * The asset with its relations, versions and curation, plus which of its referenced base models and
 * datasets exist as real assets (only those rows are read, so the page stays cheap in a large catalog).
 */
export function useAsset(id: string) {
  return useLiveQuery(async () => {
    const asset = await getAsset(id);
    if (!asset) return { asset: undefined };
    const [rels, versions, curation, existing] = await Promise.all([
      relationsOf(id),
      versionsOf(id),
      getCuration(id),
      existingKeys([...(asset.baseModels ?? []), ...(asset.datasets ?? [])]),
    ]);
    return { asset, rels, versions, curation, existing };
  }, [id]);
}
