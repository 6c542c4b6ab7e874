/**
 * Catalog change events on the window side. The catalog worker announces every committed write (its
 * own, and, through a BroadcastChannel, those of other tabs' workers once it has applied them to its
 * engine); hooks subscribe here to invalidate what they show (react-query keys, snapshots).
 */

/** The tables a write touched. */
export type CatalogTable =
  | 'assets'
  | 'relations'
  | 'versions'
  | 'curation'
  | 'collections'
  | 'edgeDecisions'
  | 'savedViews'
  | 'plans'
  | 'settings'
  | 'imports'
  | 'audit'
  | 'subscriptions';

export type CatalogChange = {
  /** 'local': this tab's worker wrote it; 'remote': another tab's did (already applied to this tab's engine). */
  origin: 'local' | 'remote';
  tables: readonly CatalogTable[];
  /** Asset keys concerned, when known (absent: possibly any). */
  keys?: readonly string[];
};

export type CatalogChangeListener = (change: CatalogChange) => void;

const listeners = new Set<CatalogChangeListener>();

/** Subscribes to catalog changes; returns the unsubscribe function. */
export function onCatalogChange(listener: CatalogChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Delivers a change to every subscriber (called by the catalog client when its worker announces one). */
export function emitCatalogChange(change: CatalogChange): void {
  for (const l of Array.from(listeners)) {
    try {
      l(change);
    } catch (e) {
      console.warn('catalog change listener failed', e);
    }
  }
}
