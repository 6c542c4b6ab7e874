/**
 * Lineage reads and the user's decisions on inferred edges. Decisions live in their own table
 * (edgeDecisions, keyed by relation id), apart from the relations an import writes, so they survive
 * reload and re-import; readers filter rejected edges at read time. Every decision is also written
 * to the audit log, in the same transaction.
 */
import { assetKey } from '@/core/model';
import type { Relation } from '@/core/model';
import { getDb } from './db';
import type { CatalogDb } from './schema';
import type { EdgeDecisionRow, RelationRow, StoredAsset } from './rows';

export type EdgeDecision = EdgeDecisionRow['decision'];

/** What the lineage view needs of an asset. */
export type LineageAssetSummary = {
  id: string;
  key: string;
  kind: string;
  name: string;
  placeholder: boolean;
  /** Canonical (normalized) license expression, else the raw license text when it is a string. */
  license?: string;
};

export type LineageData = {
  assets: LineageAssetSummary[];
  relations: RelationRow[];
  decisions: EdgeDecisionRow[];
};

function summarize(a: StoredAsset): LineageAssetSummary {
  const out: LineageAssetSummary = {
    id: a.id,
    key: a.key,
    kind: a.kind,
    name: a.name,
    placeholder: a.placeholder === true,
  };
  const raw = a.license?.raw;
  const license =
    a.license?.normalized ?? (typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined);
  if (license !== undefined) out.license = license;
  return out;
}

/** Everything the lineage views read, in one consistent snapshot. */
export async function loadLineageData(db: CatalogDb = getDb()): Promise<LineageData> {
  return db.transaction('r', [db.assets, db.relations, db.edgeDecisions], async () => {
    const [assets, relations, decisions] = await Promise.all([
      db.assets.toArray(),
      db.relations.toArray(),
      db.edgeDecisions.toArray(),
    ]);
    return { assets: assets.map(summarize), relations, decisions };
  });
}

/**
 * The lineage around one asset, read by index (no full scan): every ancestor and every descendant with
 * the edges between them, plus the other parents of each descendant (merge co-parents), their asset
 * summaries and the edge decisions. Enough for the asset page's graph, edge table and impact analysis.
 */
export async function loadLineageAround(id: string, db: CatalogDb = getDb()): Promise<LineageData> {
  const root = assetKey(id);
  return db.transaction('r', [db.assets, db.relations, db.edgeDecisions], async () => {
    const relations = new Map<string, RelationRow>();
    const nodes = new Set<string>([root]);
    const walk = async (index: 'childKey' | 'parentKey'): Promise<Set<string>> => {
      const seen = new Set<string>([root]);
      let frontier = [root];
      while (frontier.length > 0) {
        const found = await db.relations.where(index).anyOf(frontier).toArray();
        frontier = [];
        for (const r of found) {
          relations.set(r.id, r);
          const next = index === 'childKey' ? r.parentKey : r.childKey;
          nodes.add(next);
          if (!seen.has(next)) {
            seen.add(next);
            frontier.push(next);
          }
        }
      }
      return seen;
    };
    await walk('childKey');
    const descendants = [...(await walk('parentKey'))].filter((k) => k !== root);
    if (descendants.length > 0) {
      for (const r of await db.relations.where('childKey').anyOf(descendants).toArray()) {
        relations.set(r.id, r);
        nodes.add(r.parentKey);
      }
    }
    const keys = [...nodes];
    const [assets, decisions] = await Promise.all([db.assets.bulkGet(keys), db.edgeDecisions.toArray()]);
    return {
      assets: assets.filter((a): a is StoredAsset => a !== undefined).map(summarize),
      relations: [...relations.values()],
      decisions,
    };
  });
}

export async function listEdgeDecisions(db: CatalogDb = getDb()): Promise<EdgeDecisionRow[]> {
  return db.edgeDecisions.toArray();
}

/** The stored id of a relation (`childKey|type|parentKey`). */
export function relationRowId(r: Relation & { id?: string }): string {
  return typeof r.id === 'string' && r.id !== ''
    ? r.id
    : `${assetKey(r.child)}|${r.type}|${assetKey(r.parent)}`;
}

/**
 * A predicate for `buildLineageGraph({ isRejected })`: true for an inferred relation the user
 * rejected. Declared relations are never hidden (a source now states the edge explicitly).
 */
export function rejectedFilter(decisions: readonly EdgeDecisionRow[]): (r: Relation) => boolean {
  const rejected = new Set(decisions.filter((d) => d.decision === 'rejected').map((d) => d.id));
  return (r) => r.origin === 'inferred' && rejected.has(relationRowId(r));
}

function describeRelation(id: string, relation: Relation | undefined): string {
  if (!relation) return id;
  const evidence = relation.evidence
    ? ` (${relation.origin}: ${relation.evidence})`
    : ` (${relation.origin})`;
  return `${relation.child} ${relation.type} ${relation.parent}${evidence}`;
}

/**
 * Confirms or rejects an edge (by relation id). Writes the decision and an audit row
 * (`edge:confirm` / `edge:reject`) in one transaction.
 */
export async function decideEdge(
  relationId: string,
  decision: EdgeDecision,
  db: CatalogDb = getDb(),
): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction('rw', [db.edgeDecisions, db.audit, db.relations], async () => {
    const relation = await db.relations.get(relationId);
    await db.edgeDecisions.put({ id: relationId, decision, at });
    await db.audit.add({
      at,
      assetKey: relationId.split('|')[0] ?? '*',
      action: decision === 'rejected' ? 'edge:reject' : 'edge:confirm',
      detail: describeRelation(relationId, relation),
    });
  });
}

/** Forgets the decision on an edge (it shows as inferred again). Audited as `edge:undecide`. */
export async function clearEdgeDecision(relationId: string, db: CatalogDb = getDb()): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction('rw', [db.edgeDecisions, db.audit, db.relations], async () => {
    const prev = await db.edgeDecisions.get(relationId);
    if (!prev) return;
    const relation = await db.relations.get(relationId);
    await db.edgeDecisions.delete(relationId);
    await db.audit.add({
      at,
      assetKey: relationId.split('|')[0] ?? '*',
      action: 'edge:undecide',
      detail: `${prev.decision} decision withdrawn: ${describeRelation(relationId, relation)}`,
    });
  });
}
