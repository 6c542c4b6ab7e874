/**
 * The catalog worker's write calls: every write the window asks for (curation, collections, deletion
 * and undo, edge decisions, saved views, settings, clear) runs here through the tab's single writer,
 * which takes the cross-tab lock, updates the search engine and announces the change (see writer.ts).
 */
import { assetKey } from '@/core/model';
import type { CurationStatus } from '@/core/catalog/rows';
import type { ProductPlan } from '@/core/licenses/plan';
import {
  addTags,
  addToCollection,
  clearCatalog,
  clearEdgeDecision,
  createCollection,
  decideEdge,
  deleteAssets,
  deleteCollection,
  deletePlan,
  deleteSavedView,
  putPlan,
  removeFromCollection,
  removeTags,
  renameCollection,
  saveView,
  setSettings,
  setStatus,
  undoDelete,
  updateCuration,
  type CurationPatch,
  type DeletedSnapshot,
  type EdgeDecision,
} from '@/db';
import type { CatalogTable } from '../catalogEvents';
import type { CallContext } from '../rpc';
import type { CatalogWriter } from './writer';

const CURATION: readonly CatalogTable[] = ['curation', 'audit'];
const COLLECTIONS: readonly CatalogTable[] = ['collections', 'audit'];
const EDGES: readonly CatalogTable[] = ['edgeDecisions', 'audit'];
const DELETION: readonly CatalogTable[] = [
  'assets',
  'versions',
  'relations',
  'curation',
  'collections',
  'edgeDecisions',
  'audit',
];
const EVERYTHING: readonly CatalogTable[] = [
  'assets',
  'versions',
  'relations',
  'curation',
  'collections',
  'edgeDecisions',
  'savedViews',
  'plans',
  'imports',
  'audit',
];

function keysOf(keys: readonly string[]): string[] {
  return Array.from(new Set(keys.map(assetKey)));
}

/** The asset a relation id (`childKey|type|parentKey`) belongs to. */
function childOf(relationId: string): string[] {
  const child = relationId.split('|')[0];
  return child ? [child] : [];
}

/** The write handlers, bound to a writer (the worker's, or a test's). */
export function createWriteHandlers(writer: CatalogWriter) {
  return {
    /** Empties the catalog (settings are kept). */
    clearCatalog: (_args: Record<string, never>, _ctx: CallContext) =>
      writer.write(
        async () => {
          await clearCatalog();
          return { ok: true };
        },
        () => ({ tables: EVERYTHING, search: 'reset' }),
      ),
    /** Edits one asset's curation (only the fields given). */
    updateCuration: (args: { key: string; patch: CurationPatch }, _ctx: CallContext) =>
      writer.write(
        async () => {
          await updateCuration(args.key, args.patch);
          return { ok: true };
        },
        () => ({ tables: CURATION, keys: keysOf([args.key]) }),
      ),
    /** Adds tags to assets; returns how many assets changed. */
    addTags: (args: { keys: string[]; tags: string[] }, _ctx: CallContext) =>
      writer.write(
        () => addTags(args.keys, args.tags),
        (n) => (n > 0 ? { tables: CURATION, keys: keysOf(args.keys) } : undefined),
      ),
    removeTags: (args: { keys: string[]; tags: string[] }, _ctx: CallContext) =>
      writer.write(
        () => removeTags(args.keys, args.tags),
        (n) => (n > 0 ? { tables: CURATION, keys: keysOf(args.keys) } : undefined),
      ),
    setStatus: (args: { keys: string[]; status: CurationStatus | null }, _ctx: CallContext) =>
      writer.write(
        () => setStatus(args.keys, args.status),
        (n) => (n > 0 ? { tables: CURATION, keys: keysOf(args.keys) } : undefined),
      ),
    createCollection: (args: { name: string; keys?: string[] }, _ctx: CallContext) =>
      writer.write(
        () => createCollection(args.name, args.keys ?? []),
        (c) => ({ tables: COLLECTIONS, keys: c.assetKeys }),
      ),
    /** Adds assets to a collection; returns how many were not in it yet. */
    addToCollection: (args: { id: string; keys: string[] }, _ctx: CallContext) =>
      writer.write(
        () => addToCollection(args.id, args.keys),
        (n) => (n > 0 ? { tables: COLLECTIONS, keys: keysOf(args.keys) } : undefined),
      ),
    removeFromCollection: (args: { id: string; keys: string[] }, _ctx: CallContext) =>
      writer.write(
        async () => {
          await removeFromCollection(args.id, args.keys);
          return { ok: true };
        },
        () => ({ tables: COLLECTIONS, keys: keysOf(args.keys) }),
      ),
    renameCollection: (args: { id: string; name: string }, _ctx: CallContext) =>
      writer.write(
        async () => {
          await renameCollection(args.id, args.name);
          return { ok: true };
        },
        () => ({ tables: COLLECTIONS }),
      ),
    deleteCollection: (args: { id: string }, _ctx: CallContext) =>
      writer.write(
        async () => {
          await deleteCollection(args.id);
          return { ok: true };
        },
        () => ({ tables: COLLECTIONS }),
      ),
    /** Deletes assets; returns the snapshot `undoDelete` puts back. */
    deleteAssets: (args: { keys: string[] }, _ctx: CallContext) =>
      writer.write(
        () => deleteAssets(args.keys),
        (snap) => ({
          tables: DELETION,
          keys: snap.keys,
          search: { keys: snap.assets.map((a) => a.key) },
        }),
      ),
    undoDelete: (args: { snap: DeletedSnapshot }, _ctx: CallContext) =>
      writer.write(
        async () => {
          await undoDelete(args.snap);
          return { ok: true };
        },
        () => ({
          tables: DELETION,
          keys: args.snap.keys,
          search: { keys: args.snap.assets.map((a) => a.key) },
        }),
      ),
    /** Confirms or rejects an edge (or withdraws the decision with `decision: null`). */
    decideEdge: (args: { relationId: string; decision: EdgeDecision | null }, _ctx: CallContext) =>
      writer.write(
        async () => {
          if (args.decision === null) await clearEdgeDecision(args.relationId);
          else await decideEdge(args.relationId, args.decision);
          return { ok: true };
        },
        () => ({ tables: EDGES, keys: childOf(args.relationId) }),
      ),
    saveView: (args: { name: string; search: string }, _ctx: CallContext) =>
      writer.write(
        () => saveView(args.name, args.search),
        () => ({ tables: ['savedViews'] }),
      ),
    deleteSavedView: (args: { id: string }, _ctx: CallContext) =>
      writer.write(
        async () => {
          await deleteSavedView(args.id);
          return { ok: true };
        },
        () => ({ tables: ['savedViews'] }),
      ),
    /** Stores (creates or replaces) a product plan. */
    savePlan: (args: { plan: ProductPlan }, _ctx: CallContext) =>
      writer.write(
        () => putPlan(args.plan),
        () => ({ tables: ['plans'] }),
      ),
    deletePlan: (args: { id: string }, _ctx: CallContext) =>
      writer.write(
        async () => {
          await deletePlan(args.id);
          return { ok: true };
        },
        () => ({ tables: ['plans'] }),
      ),
    /** Stores settings (structured-clone-safe values), several in one call. */
    setSettings: (args: { values: Record<string, unknown> }, _ctx: CallContext) =>
      writer.write(
        async () => {
          await setSettings(args.values);
          return { ok: true };
        },
        () => ({ tables: ['settings'] }),
      ),
  };
}

export type WriteHandlers = ReturnType<typeof createWriteHandlers>;
