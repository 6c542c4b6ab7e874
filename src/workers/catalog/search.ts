/**
 * Search state held by the catalog worker (or the main-thread fallback): a MiniSearch index over the
 * catalog, rebuilt lazily when the catalog changed.
 */
import { createSearchIndex, searchKeys, toSearchDoc, type MiniSearch, type SearchDoc } from '@/core/search/searchIndex';
import { listAssets } from '@/db';

let index: MiniSearch<SearchDoc> | undefined;
let dirty = true;

export function markSearchDirty(): void {
  dirty = true;
}

async function ensureIndex(): Promise<MiniSearch<SearchDoc>> {
  if (index && !dirty) return index;
  const assets = await listAssets();
  const next = createSearchIndex();
  next.addAll(assets.map(toSearchDoc));
  index = next;
  dirty = false;
  return next;
}

export async function search(args: { q: string }): Promise<{ keys: string[] }> {
  const idx = await ensureIndex();
  return { keys: searchKeys(idx, args.q).map((r) => r.key) };
}
