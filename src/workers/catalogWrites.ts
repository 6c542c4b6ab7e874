/**
 * The window's way to change the catalog: every write is a call to the catalog worker's single writer
 * (cross-tab lock, search update, change events in every tab). Nothing on the main thread writes tables
 * or announces a change. Errors come back as values (`{ ok: false, error }`), never as rejections.
 */
import type { CurationStatus } from '@/core/catalog/rows';
import type { CollectionRow, CurationPatch, DeletedSnapshot, EdgeDecision, SavedViewRow } from '@/db';
import type { ProductPlan } from '@/core/licenses/plan';
import { catalogClient } from './catalogClient';

export type WriteResult<T> = { ok: true; value: T } | { ok: false; error: string };

function settle<T>(p: Promise<T>): Promise<WriteResult<T>> {
  return p.then(
    (value) => ({ ok: true, value }),
    (e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
}

/** Edits one asset's curation (only the fields given). */
export function updateCuration(key: string, patch: CurationPatch): Promise<WriteResult<{ ok: boolean }>> {
  return settle(catalogClient().call('updateCuration', { key, patch }));
}

/** Adds tags to assets; the value is how many assets changed. */
export function addTags(keys: readonly string[], tags: readonly string[]): Promise<WriteResult<number>> {
  return settle(catalogClient().call('addTags', { keys: [...keys], tags: [...tags] }));
}

/** Removes tags from assets; the value is how many assets changed. */
export function removeTags(keys: readonly string[], tags: readonly string[]): Promise<WriteResult<number>> {
  return settle(catalogClient().call('removeTags', { keys: [...keys], tags: [...tags] }));
}

/** Sets (or clears, with null) the curation status of assets; the value is how many changed. */
export function setStatus(
  keys: readonly string[],
  status: CurationStatus | null,
): Promise<WriteResult<number>> {
  return settle(catalogClient().call('setStatus', { keys: [...keys], status }));
}

export function createCollection(
  name: string,
  keys: readonly string[] = [],
): Promise<WriteResult<CollectionRow>> {
  return settle(catalogClient().call('createCollection', { name, keys: [...keys] }));
}

/** Adds assets to a collection; the value is how many were not in it yet. */
export function addToCollection(id: string, keys: readonly string[]): Promise<WriteResult<number>> {
  return settle(catalogClient().call('addToCollection', { id, keys: [...keys] }));
}

export function removeFromCollection(
  id: string,
  keys: readonly string[],
): Promise<WriteResult<{ ok: boolean }>> {
  return settle(catalogClient().call('removeFromCollection', { id, keys: [...keys] }));
}

/** Deletes assets; the value is the snapshot `undoDelete` puts back. */
export function deleteAssets(keys: readonly string[]): Promise<WriteResult<DeletedSnapshot>> {
  return settle(catalogClient().call('deleteAssets', { keys: [...keys] }));
}

export function undoDelete(snap: DeletedSnapshot): Promise<WriteResult<{ ok: boolean }>> {
  return settle(catalogClient().call('undoDelete', { snap }));
}

/** Confirms or rejects an edge by relation id, or withdraws the decision (`null`). */
export function decideEdge(
  relationId: string,
  decision: EdgeDecision | null,
): Promise<WriteResult<{ ok: boolean }>> {
  return settle(catalogClient().call('decideEdge', { relationId, decision }));
}

/** Saves (or replaces, by name) a view. */
export function saveView(name: string, search: string): Promise<WriteResult<SavedViewRow>> {
  return settle(catalogClient().call('saveView', { name, search }));
}

export function deleteSavedView(id: string): Promise<WriteResult<{ ok: boolean }>> {
  return settle(catalogClient().call('deleteSavedView', { id }));
}

/** Stores (creates or replaces) a product plan. */
export function savePlan(plan: ProductPlan): Promise<WriteResult<ProductPlan>> {
  return settle(catalogClient().call('savePlan', { plan }));
}

export function deletePlan(id: string): Promise<WriteResult<{ ok: boolean }>> {
  return settle(catalogClient().call('deletePlan', { id }));
}

/** Stores settings (structured-clone-safe values) in one transaction. */
export function setSettings(values: Record<string, unknown>): Promise<WriteResult<{ ok: boolean }>> {
  return settle(catalogClient().call('setSettings', { values }));
}

/** Empties the catalog (settings are kept). */
export function clearCatalog(): Promise<WriteResult<{ ok: boolean }>> {
  return settle(catalogClient().call('clearCatalog', {}));
}
