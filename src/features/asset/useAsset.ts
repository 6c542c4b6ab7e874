import { useLiveQuery } from 'dexie-react-hooks';
import { getAsset, getCuration, relationsOf, versionsOf, listAssets } from '@/db';

export function useAsset(id: string) {
  return useLiveQuery(async () => {
    const asset = await getAsset(id);
    if (!asset) return { asset: undefined };
    const [rels, versions, curation] = await Promise.all([relationsOf(id), versionsOf(id), getCuration(id)]);
    return { asset, rels, versions, curation };
  }, [id]);
}

/** Set of asset keys that exist as real (non-placeholder) assets. */
export function useExistingKeys(): Set<string> | undefined {
  return useLiveQuery(
    async () => new Set((await listAssets()).filter((a) => !a.placeholder).map((a) => a.key)),
    [],
  );
}
