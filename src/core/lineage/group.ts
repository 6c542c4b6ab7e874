/**
 * Fan-out grouping for the lineage view: a popular base can have hundreds of fine-tunes and
 * quantizations, which no layout can show. Beyond a threshold, leaf children of one relation type
 * collapse into one group node ("+ 37 fine-tunes") that lists the hidden ids for expansion.
 */
import { assetKey } from '../model';
import type { LineageRelationType } from './graph';
import { groupLabel } from './labels';

/** Any node with a display id (a {@link LineageNode}, a subgraph node, a UI node ...). */
export type FanOutNodeLike = { id: string };

/** Any edge with child/parent display ids and a type (a {@link LineageEdge} fits). */
export type FanOutEdgeLike = { child: string; parent: string; type: LineageRelationType };

/** Options of {@link groupFanOut}. */
export type FanOutOptions = {
  /**
   * Most children of one type shown under one parent. Above it, collapsible children beyond the
   * first `threshold` are grouped. Negative counts as 0; a non-number disables grouping.
   */
  threshold: number;
  /** Ids never hidden (e.g. the focus asset of the page). */
  keep?: Iterable<string>;
  /** Group ids ({@link FanOutGroup.id}) the user expanded: these are left uncollapsed. */
  expanded?: Iterable<string>;
};

/** A collapsed set of children. */
export type FanOutGroup = {
  /** Stable id `group:<parentKey>|<type>`; pass it back in `expanded` to open the group. */
  id: string;
  /** Display id of the parent the hidden children hang from. */
  parent: string;
  type: LineageRelationType;
  count: number;
  /** Display ids of the hidden children, in input order. */
  hiddenIds: string[];
  /** Caption, e.g. "+ 37 fine-tunes". */
  label: string;
};

/** The edge from a group node to its parent (group is the child, like the nodes it stands for). */
export type FanOutGroupEdge = {
  id: string;
  child: string;
  parent: string;
  type: LineageRelationType;
};

/** Result of {@link groupFanOut}: the input minus hidden nodes/edges, plus groups. */
export type FanOutResult<N extends FanOutNodeLike, E extends FanOutEdgeLike> = {
  nodes: N[];
  edges: E[];
  groups: FanOutGroup[];
  groupEdges: FanOutGroupEdge[];
};

/**
 * Collapses wide fan-outs. For each parent and relation type with more than `threshold` children,
 * children beyond the threshold are replaced by one group node. Only children whose single edge in
 * the view is that one are collapsible (a merge with another parent, or a node with its own
 * children, stays visible and uses up the budget first); ids in `keep` are never hidden.
 * Works on any view ({@link Subgraph}, {@link TraversalResult} or UI nodes); ids match
 * case-insensitively. Input arrays are not modified.
 *
 * @example
 * const view = groupFanOut(subgraphAround(g, id, { up: 'all', down: 2 }), { threshold: 8, keep: [id] });
 */
export function groupFanOut<N extends FanOutNodeLike, E extends FanOutEdgeLike>(
  view: { nodes: readonly N[]; edges: readonly E[] },
  options: FanOutOptions,
): FanOutResult<N, E> {
  const nodes = asList<N>(view?.nodes);
  const edges = asList<E>(view?.edges);
  const threshold = options?.threshold;
  if (typeof threshold !== 'number' || Number.isNaN(threshold) || threshold === Infinity) {
    return { nodes: [...nodes], edges: [...edges], groups: [], groupEdges: [] };
  }
  const limit = Math.max(0, Math.floor(threshold));
  const keep = keySet(options.keep);
  const expanded = new Set<string>();
  for (const id of iterate(options.expanded)) if (typeof id === 'string') expanded.add(id);

  const nodeIdByKey = new Map<string, string>();
  for (const n of nodes) if (typeof n?.id === 'string') nodeIdByKey.set(assetKey(n.id), n.id);

  // Degree of every node in this view, and children per (parent, type) bucket in edge order.
  const degree = new Map<string, number>();
  type Bucket = {
    parentKey: string;
    type: LineageRelationType;
    children: string[];
    seen: Set<string>;
  };
  const buckets = new Map<string, Bucket>();
  for (const e of edges) {
    if (typeof e?.child !== 'string' || typeof e.parent !== 'string') continue;
    const c = assetKey(e.child);
    const p = assetKey(e.parent);
    degree.set(c, (degree.get(c) ?? 0) + 1);
    degree.set(p, (degree.get(p) ?? 0) + 1);
    if (c === p) continue;
    const bucketId = `${p}|${String(e.type)}`;
    let bucket = buckets.get(bucketId);
    if (bucket === undefined) {
      bucket = { parentKey: p, type: e.type, children: [], seen: new Set() };
      buckets.set(bucketId, bucket);
    }
    if (!bucket.seen.has(c)) {
      bucket.seen.add(c);
      bucket.children.push(c);
    }
  }

  const hidden = new Set<string>();
  const groups: FanOutGroup[] = [];
  const groupEdges: FanOutGroupEdge[] = [];
  for (const [bucketId, bucket] of buckets) {
    if (bucket.children.length <= limit) continue;
    const groupId = `group:${bucketId}`;
    if (expanded.has(groupId)) continue;
    // Only nodes present in the view, single-edged, not kept and not hidden yet can collapse.
    const collapsible = bucket.children.filter(
      (k) => nodeIdByKey.has(k) && degree.get(k) === 1 && !keep.has(k) && !hidden.has(k),
    );
    const fixed = bucket.children.length - collapsible.length;
    const budget = Math.max(0, limit - fixed);
    const toHide = collapsible.slice(budget);
    if (toHide.length === 0) continue;
    for (const k of toHide) hidden.add(k);
    const parentId = nodeIdByKey.get(bucket.parentKey) ?? bucket.parentKey;
    groups.push({
      id: groupId,
      parent: parentId,
      type: bucket.type,
      count: toHide.length,
      hiddenIds: toHide.map((k) => nodeIdByKey.get(k) ?? k),
      label: groupLabel(bucket.type, toHide.length),
    });
    groupEdges.push({ id: `${groupId}|edge`, child: groupId, parent: parentId, type: bucket.type });
  }

  return {
    nodes: nodes.filter((n) => typeof n?.id !== 'string' || !hidden.has(assetKey(n.id))),
    edges: edges.filter((e) => typeof e?.child !== 'string' || !hidden.has(assetKey(e.child))),
    groups,
    groupEdges,
  };
}

function keySet(ids: Iterable<string> | undefined): Set<string> {
  const out = new Set<string>();
  for (const id of iterate(ids)) if (typeof id === 'string') out.add(assetKey(id));
  return out;
}

function iterate<T>(items: Iterable<T> | undefined): Iterable<T> {
  if (items === undefined || items === null) return [];
  if (typeof (items as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') return [];
  if (typeof items === 'string') return [items];
  return items;
}

function asList<T>(v: readonly T[] | undefined | null): readonly T[] {
  return Array.isArray(v) ? (v as readonly T[]) : [];
}
