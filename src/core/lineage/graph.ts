/**
 * The indexed lineage graph: built once from relations (+ optional assets), then queried by the
 * traversal, cycle, grouping and impact modules in O(visited) through the adjacency maps.
 *
 * Direction convention (same as {@link Relation}): an edge points child --type--> parent, e.g.
 * `my/ft --finetune_of--> base/model`, `my/model --trained_on--> some/dataset`.
 * "Up" means towards parents (ancestors), "down" towards children (descendants).
 */
import { assetKey } from '../model';
import type { Relation } from '../model';

/** A relation type as stored on an edge: a known {@link RelationType} or any string a format produced. */
export type LineageRelationType = Relation['type'];

/** One asset in the graph. */
export type LineageNode = {
  /** Display id: the asset's id when known, otherwise the first spelling seen in a relation. */
  id: string;
  /** Case-insensitive join key (`assetKey(id)`); every lookup goes through it. */
  key: string;
  /** Asset kind; for placeholders inferred from the relations that mention it, else `unknown`. */
  kind: string;
  name?: string;
  /** True when the id is only referenced (not in the `assets` given), or the asset says so itself. */
  placeholder: boolean;
};

/** One deduplicated relation between two nodes. */
export type LineageEdge = {
  /** Stable id `childKey|type|parentKey`, usable as a React Flow edge id. */
  id: string;
  /** Display id of the child node (equal to that node's `id`). */
  child: string;
  /** Display id of the parent node (equal to that node's `id`). */
  parent: string;
  childKey: string;
  parentKey: string;
  type: LineageRelationType;
  /** The relation this edge came from (a declared one wins over an inferred duplicate). */
  relation: Relation;
};

/** Immutable, indexed lineage graph. Build with {@link buildLineageGraph}. */
export type LineageGraph = {
  /** Nodes by key (`assetKey(id)`), in first-seen order (assets first, then relation ids). */
  readonly nodes: ReadonlyMap<string, LineageNode>;
  /** Every kept edge, in input order. */
  readonly edges: readonly LineageEdge[];
  /** Edges going up from a node (node is the child), by node key. Missing key = no parents. */
  readonly parents: ReadonlyMap<string, readonly LineageEdge[]>;
  /** Edges going down from a node (node is the parent), by node key. Missing key = no children. */
  readonly children: ReadonlyMap<string, readonly LineageEdge[]>;
  /** Relations left out because `isRejected` returned true. */
  readonly rejected: readonly Relation[];
  /** Relations left out because they were malformed (missing/empty child, parent or type). */
  readonly invalid: readonly unknown[];
};

/** Minimal asset shape the graph needs; a full {@link Asset} fits. */
export type LineageAssetInput = {
  id: string;
  kind?: string;
  name?: string;
  placeholder?: boolean;
};

/** Options of {@link buildLineageGraph}. */
export type BuildLineageOptions = {
  /**
   * Leave a relation out of the graph (e.g. one the user rejected in review). Left-out relations
   * are listed in `graph.rejected`. A predicate that throws is treated as "not rejected".
   */
  isRejected?: (relation: Relation) => boolean;
};

/** Relation types whose two ends are both models (used to infer placeholder kinds). */
const MODEL_TO_MODEL = new Set<string>([
  'finetune_of',
  'adapter_of',
  'quantized_from',
  'merge_of',
  'distilled_from',
]);

/** Relation types whose parent end is a dataset. */
const TO_DATASET = new Set<string>(['trained_on', 'evaluated_on']);

const EMPTY_EDGES: readonly LineageEdge[] = [];

/**
 * Builds the indexed lineage graph.
 *
 * - Ids are joined case-insensitively through `assetKey`; the display id is the asset's id when the
 *   asset is given, else the first spelling met in a relation.
 * - Every id seen (in `assets` or in a relation) gets a node. Ids only referenced by relations are
 *   `placeholder: true` (so is an asset that says `placeholder: true`). Their `kind` is inferred
 *   from how they are referenced (`trained_on` / `evaluated_on` parent → `dataset` and child → `model`,
 *   model-to-model types → `model`,
 *   `uses_code` parent → `code`), else `unknown`. When `assets` is omitted, every node is a
 *   placeholder (nothing is known about any of them).
 * - Duplicate relations (same child key, type and parent key) become one edge; a declared relation
 *   replaces an inferred duplicate.
 * - Self-relations (child = parent) are kept so {@link findCycles} can report them; traversals
 *   never loop on them.
 * - Malformed entries are skipped (listed in `graph.invalid`), never thrown on.
 *
 * @example
 * const g = buildLineageGraph(relations, assets, { isRejected: (r) => rejectedIds.has(relId(r)) });
 */
export function buildLineageGraph(
  relations: readonly Relation[],
  assets?: Iterable<LineageAssetInput>,
  options: BuildLineageOptions = {},
): LineageGraph {
  const nodes = new Map<string, LineageNode>();
  const parents = new Map<string, LineageEdge[]>();
  const children = new Map<string, LineageEdge[]>();
  const edges: LineageEdge[] = [];
  const edgeById = new Map<string, LineageEdge>();
  const rejected: Relation[] = [];
  const invalid: unknown[] = [];

  for (const asset of safeIterate(assets)) {
    if (!isRecord(asset)) continue;
    const id = cleanId(asset.id);
    if (id === undefined) continue;
    const key = assetKey(id);
    const isPlaceholder = asset.placeholder === true;
    const existing = nodes.get(key);
    // A real asset replaces an earlier placeholder entry of the same key; otherwise first wins.
    if (existing !== undefined && !(existing.placeholder && !isPlaceholder)) continue;
    const node: LineageNode = {
      id,
      key,
      kind: cleanId(asset.kind) ?? 'unknown',
      placeholder: isPlaceholder,
    };
    const name = cleanId(asset.name);
    if (name !== undefined) node.name = name;
    nodes.set(key, node);
  }

  const isRejected = options.isRejected;
  for (const relation of Array.isArray(relations) ? (relations as readonly unknown[]) : []) {
    if (!isRecord(relation)) {
      invalid.push(relation);
      continue;
    }
    const childId = cleanId(relation.child);
    const parentId = cleanId(relation.parent);
    const type = cleanId(relation.type);
    if (childId === undefined || parentId === undefined || type === undefined) {
      invalid.push(relation);
      continue;
    }
    const rel = relation as Relation;
    if (isRejected !== undefined && callSafely(isRejected, rel)) {
      rejected.push(rel);
      continue;
    }
    const child = ensureNode(nodes, childId);
    const parent = ensureNode(nodes, parentId);
    inferKind(child, parent, type);
    const id = `${child.key}|${type}|${parent.key}`;
    const existing = edgeById.get(id);
    if (existing !== undefined) {
      if (existing.relation.origin !== 'declared' && rel.origin === 'declared') {
        existing.relation = rel;
      }
      continue;
    }
    const edge: LineageEdge = {
      id,
      child: child.id,
      parent: parent.id,
      childKey: child.key,
      parentKey: parent.key,
      type,
      relation: rel,
    };
    edgeById.set(id, edge);
    edges.push(edge);
    pushTo(parents, child.key, edge);
    pushTo(children, parent.key, edge);
  }

  return { nodes, edges, parents, children, rejected, invalid };
}

/** The node for an id (any case, surrounding spaces ignored), or `undefined`. */
export function getNode(graph: LineageGraph, id: string): LineageNode | undefined {
  if (typeof id !== 'string') return undefined;
  return graph.nodes.get(assetKey(id));
}

/** Parent edges of a node key (internal fast path; never undefined). */
export function parentEdges(graph: LineageGraph, key: string): readonly LineageEdge[] {
  return graph.parents.get(key) ?? EMPTY_EDGES;
}

/** Child edges of a node key (internal fast path; never undefined). */
export function childEdges(graph: LineageGraph, key: string): readonly LineageEdge[] {
  return graph.children.get(key) ?? EMPTY_EDGES;
}

/** A set of relation types to follow, or `undefined` for "all types". Empty list = all types. */
export function typeFilter(
  types: readonly LineageRelationType[] | undefined,
): ReadonlySet<string> | undefined {
  if (!Array.isArray(types) || types.length === 0) return undefined;
  return new Set<string>(types.filter((t) => typeof t === 'string'));
}

function ensureNode(nodes: Map<string, LineageNode>, id: string): LineageNode {
  const key = assetKey(id);
  let node = nodes.get(key);
  if (node === undefined) {
    node = { id, key, kind: 'unknown', placeholder: true };
    nodes.set(key, node);
  }
  return node;
}

/** Placeholders get a kind from how they are referenced; real assets keep theirs. */
function inferKind(child: LineageNode, parent: LineageNode, type: string): void {
  if (MODEL_TO_MODEL.has(type)) {
    if (child.placeholder && child.kind === 'unknown') child.kind = 'model';
    if (parent.placeholder && parent.kind === 'unknown') parent.kind = 'model';
  } else if (TO_DATASET.has(type)) {
    if (child.placeholder && child.kind === 'unknown') child.kind = 'model';
    if (parent.placeholder && parent.kind === 'unknown') parent.kind = 'dataset';
  } else if (type === 'uses_code') {
    if (parent.placeholder && parent.kind === 'unknown') parent.kind = 'code';
  }
}

function pushTo(map: Map<string, LineageEdge[]>, key: string, edge: LineageEdge): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [edge]);
  else list.push(edge);
}

function cleanId(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object';
}

function callSafely(fn: (r: Relation) => boolean, r: Relation): boolean {
  try {
    return fn(r) === true;
  } catch {
    return false;
  }
}

function safeIterate<T>(items: Iterable<T> | undefined): Iterable<T> {
  if (items === undefined || items === null) return [];
  if (typeof (items as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') return [];
  return items;
}
