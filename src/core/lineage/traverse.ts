/**
 * Breadth-first traversals over a {@link LineageGraph}: ancestors, descendants, shortest paths,
 * connected components and the bounded subgraph shown on an asset page. All are cycle-safe (each
 * node is visited once) and cost O(nodes visited + their edges), never O(graph).
 */
import { assetKey } from '../model';
import { childEdges, parentEdges, typeFilter } from './graph';
import type { LineageEdge, LineageGraph, LineageNode, LineageRelationType } from './graph';

/** A hop limit: a number of edges, or `'all'` for no limit. */
export type LineageDepth = number | 'all';

/** Options of {@link ancestors} and {@link descendants}. */
export type TraversalOptions = {
  /** Maximum hops from the start (default `'all'`). Negative or invalid numbers count as 0 / all. */
  depth?: LineageDepth;
  /** Only follow these relation types (default or empty list: all types). */
  types?: readonly LineageRelationType[];
};

/** A node reached by a traversal. */
export type TraversedNode = LineageNode & {
  /** Shortest number of hops from the start node (≥ 1). */
  depth: number;
  /** The edge through which the node was first reached (on one of its shortest paths). */
  via: LineageEdge;
};

/** Result of {@link ancestors} / {@link descendants}. */
export type TraversalResult = {
  /** The start node, or `undefined` when the id is not in the graph (then everything is empty). */
  root: LineageNode | undefined;
  /** Reached nodes, each once at its shortest depth, in breadth-first order; never the root. */
  nodes: TraversedNode[];
  /**
   * Every edge followed, each once: all matching edges leaving nodes above the depth limit,
   * including edges into already-visited nodes (diamonds, merges, cycles back to the root).
   */
  edges: LineageEdge[];
};

/** One hop of a {@link LineagePath}. */
export type PathStep = {
  edge: LineageEdge;
  /** `'up'` when the hop goes from the edge's child to its parent, `'down'` the other way. */
  direction: 'up' | 'down';
};

/** A path between two nodes. */
export type LineagePath = {
  /** Display ids from `from` to `to` (length = steps + 1). */
  ids: string[];
  nodes: LineageNode[];
  steps: PathStep[];
};

/** Options of {@link shortestPath}. */
export type ShortestPathOptions = {
  /**
   * `false` (default): edges may be walked either way. `true`: the path must follow edge direction
   * consistently: either all hops up (`to` is an ancestor of `from`) or all down (`to` is a
   * descendant); the shorter wins, up on a tie.
   */
  directed?: boolean;
  types?: readonly LineageRelationType[];
};

/** A set of nodes and the edges between them. */
export type LineageView = {
  nodes: LineageNode[];
  edges: LineageEdge[];
};

/** A node of {@link subgraphAround}, with its layer relative to the focus node. */
export type SubgraphNode = LineageNode & {
  /** 0 for the focus node, -n for an ancestor n hops up, +n for a descendant n hops down. */
  level: number;
};

/** Result of {@link subgraphAround}. */
export type Subgraph = {
  root: LineageNode | undefined;
  /** Focus node first, then ancestors, then descendants (each node once). */
  nodes: SubgraphNode[];
  /** Every edge (of the allowed types) between two nodes of the subgraph, each once. */
  edges: LineageEdge[];
};

/** Options of {@link subgraphAround}. */
export type SubgraphOptions = {
  /** Hops towards parents (default `'all'`). */
  up?: LineageDepth;
  /** Hops towards children (default `'all'`). */
  down?: LineageDepth;
  types?: readonly LineageRelationType[];
};

/** Internal result of one breadth-first walk (keys, not display ids). */
export type Walk = {
  /** Reached keys in BFS order, root excluded. */
  order: string[];
  depth: Map<string, number>;
  via: Map<string, LineageEdge>;
  edges: LineageEdge[];
};

/**
 * Breadth-first walk in one direction. `follow(edge, depthOfSource)` decides which edges are taken,
 * which lets callers vary the allowed types per hop (e.g. impact analysis of a dataset).
 * @internal
 */
export function walk(
  graph: LineageGraph,
  rootKey: string,
  direction: 'up' | 'down',
  maxDepth: number,
  follow: (edge: LineageEdge, depth: number) => boolean,
): Walk {
  const depth = new Map<string, number>([[rootKey, 0]]);
  const via = new Map<string, LineageEdge>();
  const order: string[] = [];
  const edges: LineageEdge[] = [];
  const queue: string[] = [rootKey];
  for (let head = 0; head < queue.length; head++) {
    const key = queue[head] as string;
    const d = depth.get(key) ?? 0;
    if (d >= maxDepth) continue;
    const list = direction === 'up' ? parentEdges(graph, key) : childEdges(graph, key);
    for (const edge of list) {
      if (!follow(edge, d)) continue;
      edges.push(edge);
      const next = direction === 'up' ? edge.parentKey : edge.childKey;
      if (depth.has(next)) continue;
      depth.set(next, d + 1);
      via.set(next, edge);
      order.push(next);
      queue.push(next);
    }
  }
  depth.delete(rootKey);
  return { order, depth, via, edges };
}

/** Turns a {@link LineageDepth} into a hop count (`Infinity` for all). @internal */
export function toMaxDepth(depth: LineageDepth | undefined): number {
  if (depth === undefined || depth === 'all') return Infinity;
  if (typeof depth !== 'number' || Number.isNaN(depth)) return Infinity;
  if (depth <= 0) return 0;
  return Math.floor(depth);
}

/** Edge predicate for an optional type set. @internal */
export function byTypes(types: ReadonlySet<string> | undefined): (edge: LineageEdge) => boolean {
  return types === undefined ? () => true : (edge) => types.has(edge.type);
}

/**
 * Everything upstream of an asset (bases, datasets, code ...), following child → parent edges.
 * Each ancestor appears once, at its shortest depth; cycles are safe.
 *
 * @example
 * ancestors(g, 'TheBloke/x-GGUF', { depth: 'all', types: ['finetune_of', 'quantized_from'] })
 */
export function ancestors(graph: LineageGraph, id: string, options: TraversalOptions = {}): TraversalResult {
  return traverse(graph, id, 'up', options);
}

/**
 * Everything downstream of an asset (fine-tunes, quantizations, models trained on a dataset ...),
 * following parent → child edges. Each descendant appears once, at its shortest depth.
 */
export function descendants(
  graph: LineageGraph,
  id: string,
  options: TraversalOptions = {},
): TraversalResult {
  return traverse(graph, id, 'down', options);
}

/**
 * A shortest path between two assets (fewest hops), or `undefined` when none exists or an id is
 * unknown. Undirected by default; see {@link ShortestPathOptions.directed}.
 * `from` equal to `to` gives a path of one node and no steps.
 */
export function shortestPath(
  graph: LineageGraph,
  from: string,
  to: string,
  options: ShortestPathOptions = {},
): LineagePath | undefined {
  if (typeof from !== 'string' || typeof to !== 'string') return undefined;
  const fromKey = assetKey(from);
  const toKey = assetKey(to);
  if (!graph.nodes.has(fromKey) || !graph.nodes.has(toKey)) return undefined;
  const types = typeFilter(options.types);
  if (options.directed !== true) return bfsPath(graph, fromKey, toKey, true, true, types);
  const up = bfsPath(graph, fromKey, toKey, true, false, types);
  const down = bfsPath(graph, fromKey, toKey, false, true, types);
  if (up === undefined) return down;
  if (down === undefined) return up;
  return down.steps.length < up.steps.length ? down : up;
}

/**
 * All nodes connected to an asset by edges in either direction (its weakly connected component),
 * with every edge between them. Unknown id → empty view.
 */
export function connectedComponent(
  graph: LineageGraph,
  id: string,
  options: { types?: readonly LineageRelationType[] } = {},
): LineageView {
  const start = typeof id === 'string' ? graph.nodes.get(assetKey(id)) : undefined;
  if (start === undefined) return { nodes: [], edges: [] };
  const follow = byTypes(typeFilter(options.types));
  const seen = new Set<string>([start.key]);
  const nodes: LineageNode[] = [start];
  const edgeSeen = new Set<string>();
  const edges: LineageEdge[] = [];
  const queue: string[] = [start.key];
  for (let head = 0; head < queue.length; head++) {
    const key = queue[head] as string;
    for (const list of [parentEdges(graph, key), childEdges(graph, key)]) {
      for (const edge of list) {
        if (!follow(edge)) continue;
        if (!edgeSeen.has(edge.id)) {
          edgeSeen.add(edge.id);
          edges.push(edge);
        }
        const next = edge.childKey === key ? edge.parentKey : edge.childKey;
        if (seen.has(next)) continue;
        seen.add(next);
        const node = graph.nodes.get(next);
        if (node !== undefined) nodes.push(node);
        queue.push(next);
      }
    }
  }
  return { nodes, edges };
}

/**
 * The neighbourhood shown on an asset page: the focus node, its ancestors up to `up` hops and its
 * descendants down to `down` hops, and every edge between those nodes (so a merge child also
 * shows its link to another visible parent). Pass the result to {@link groupFanOut}
 * before layout when a base has hundreds of children.
 */
export function subgraphAround(graph: LineageGraph, id: string, options: SubgraphOptions = {}): Subgraph {
  const root = typeof id === 'string' ? graph.nodes.get(assetKey(id)) : undefined;
  if (root === undefined) return { root: undefined, nodes: [], edges: [] };
  const follow = byTypes(typeFilter(options.types));
  const up = walk(graph, root.key, 'up', toMaxDepth(options.up), follow);
  const down = walk(graph, root.key, 'down', toMaxDepth(options.down), follow);
  const nodes: SubgraphNode[] = [{ ...root, level: 0 }];
  const placed = new Set<string>([root.key]);
  const place = (w: Walk, sign: number): void => {
    for (const key of w.order) {
      if (placed.has(key)) continue;
      const node = graph.nodes.get(key);
      if (node === undefined) continue;
      placed.add(key);
      nodes.push({ ...node, level: sign * (w.depth.get(key) ?? 0) });
    }
  };
  place(up, -1);
  place(down, 1);
  // Induced edges: every edge between two placed nodes, so a merge shown as a child also shows
  // its link to another visible parent. Scanning parent edges of placed nodes stays O(visited).
  const edges: LineageEdge[] = [];
  for (const n of nodes) {
    for (const edge of parentEdges(graph, n.key)) {
      if (follow(edge) && placed.has(edge.parentKey)) edges.push(edge);
    }
  }
  return { root, nodes, edges };
}

function traverse(
  graph: LineageGraph,
  id: string,
  direction: 'up' | 'down',
  options: TraversalOptions,
): TraversalResult {
  const root = typeof id === 'string' ? graph.nodes.get(assetKey(id)) : undefined;
  if (root === undefined) return { root: undefined, nodes: [], edges: [] };
  const opts = options ?? {};
  const w = walk(graph, root.key, direction, toMaxDepth(opts.depth), byTypes(typeFilter(opts.types)));
  const nodes: TraversedNode[] = [];
  for (const key of w.order) {
    const node = graph.nodes.get(key);
    const via = w.via.get(key);
    if (node === undefined || via === undefined) continue;
    nodes.push({ ...node, depth: w.depth.get(key) ?? 0, via });
  }
  return { root, nodes, edges: w.edges };
}

function bfsPath(
  graph: LineageGraph,
  fromKey: string,
  toKey: string,
  goUp: boolean,
  goDown: boolean,
  types: ReadonlySet<string> | undefined,
): LineagePath | undefined {
  const follow = byTypes(types);
  const prev = new Map<string, PathStep | null>([[fromKey, null]]);
  const queue: string[] = [fromKey];
  for (let head = 0; head < queue.length && !prev.has(toKey); head++) {
    const key = queue[head] as string;
    if (goUp) {
      for (const edge of parentEdges(graph, key)) {
        if (!follow(edge) || prev.has(edge.parentKey)) continue;
        prev.set(edge.parentKey, { edge, direction: 'up' });
        queue.push(edge.parentKey);
      }
    }
    if (goDown) {
      for (const edge of childEdges(graph, key)) {
        if (!follow(edge) || prev.has(edge.childKey)) continue;
        prev.set(edge.childKey, { edge, direction: 'down' });
        queue.push(edge.childKey);
      }
    }
  }
  if (!prev.has(toKey)) return undefined;
  const steps: PathStep[] = [];
  let cursor = toKey;
  for (let step = prev.get(cursor); step; step = prev.get(cursor)) {
    steps.push(step);
    cursor = step.direction === 'up' ? step.edge.childKey : step.edge.parentKey;
  }
  steps.reverse();
  const keys = [fromKey, ...steps.map((s) => (s.direction === 'up' ? s.edge.parentKey : s.edge.childKey))];
  const nodes = keys.map((k) => graph.nodes.get(k)).filter((n): n is LineageNode => n !== undefined);
  return { ids: nodes.map((n) => n.id), nodes, steps };
}
