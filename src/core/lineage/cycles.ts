/**
 * Cycle detection and topological order. Lineage should be a DAG, but real cards do say
 * `base_model: <itself>` and two cards can name each other; these functions report such cycles
 * instead of looping. Both are iterative (no recursion), O(nodes + edges).
 */
import { parentEdges, typeFilter } from './graph';
import type { LineageEdge, LineageGraph, LineageRelationType } from './graph';

/** One cycle found by {@link findCycles}. */
export type LineageCycle = {
  /** Display ids of every node in the strongly connected component, in graph order. */
  members: string[];
  /**
   * One concrete cycle through the component, as display ids, starting and ending at the same node
   * and following child → parent edges (a self-relation gives `[a, a]`).
   */
  path: string[];
  /** The edges of `path`, in order. */
  edges: LineageEdge[];
};

/** Result of {@link topologicalOrder}. */
export type TopologicalOrder = {
  /**
   * Every node's display id, parents before children. Nodes of a cycle are emitted together, in
   * graph order, once all their outside parents are placed; the order holds for every edge not
   * inside a cycle.
   */
  order: string[];
  /** Display ids of nodes on a cycle (including self-relations), in graph order. */
  cyclic: string[];
};

type Components = {
  /** Component index of each key. */
  compOf: Map<string, number>;
  /** Component members (keys) in graph order. */
  comps: string[][];
};

/**
 * Finds every cycle of the graph, reported once per strongly connected component (so a tangle of
 * many overlapping loops is one report, never an exponential list), plus every self-relation.
 * Optionally only along some relation types.
 */
export function findCycles(
  graph: LineageGraph,
  options: { types?: readonly LineageRelationType[] } = {},
): LineageCycle[] {
  const types = typeFilter(options?.types);
  const { compOf, comps } = stronglyConnected(graph, types);
  const out: LineageCycle[] = [];
  for (let c = 0; c < comps.length; c++) {
    const members = comps[c] as string[];
    const start = members[0];
    if (start === undefined) continue;
    if (members.length === 1) {
      const self = parentEdges(graph, start).find(
        (e) => e.parentKey === start && (types === undefined || types.has(e.type)),
      );
      if (self === undefined) continue;
      out.push({ members: [self.child], path: [self.child, self.parent], edges: [self] });
      continue;
    }
    const edges = cycleThrough(graph, start, c, compOf, types);
    const path = [displayId(graph, start), ...edges.map((e) => e.parent)];
    out.push({ members: members.map((k) => displayId(graph, k)), path, edges });
  }
  return out;
}

/**
 * Orders all nodes parents-before-children (Kahn's algorithm over the graph with cycles collapsed),
 * so a license or layout pass can process bases before derivatives. Cycle members are listed in
 * `cyclic` and placed as a block; the function never loops. Ties keep graph (first-seen) order.
 */
export function topologicalOrder(
  graph: LineageGraph,
  options: { types?: readonly LineageRelationType[] } = {},
): TopologicalOrder {
  const types = typeFilter(options?.types);
  const { compOf, comps } = stronglyConnected(graph, types);
  const follow = (e: LineageEdge): boolean => types === undefined || types.has(e.type);

  // In-degree of a component = number of edges from a different component's parent into it.
  const indegree = new Array<number>(comps.length).fill(0);
  const childrenOf: number[][] = comps.map(() => []);
  for (const edge of graph.edges) {
    if (!follow(edge)) continue;
    const from = compOf.get(edge.parentKey);
    const to = compOf.get(edge.childKey);
    if (from === undefined || to === undefined || from === to) continue;
    (childrenOf[from] as number[]).push(to);
    indegree[to] = (indegree[to] ?? 0) + 1;
  }

  // Seed in graph order (components are numbered in Tarjan finish order, so re-sort by first key).
  const firstIndex = new Map<string, number>();
  let i = 0;
  for (const key of graph.nodes.keys()) firstIndex.set(key, i++);
  const compRank = comps.map((m) => firstIndex.get(m[0] ?? '') ?? 0);
  const queue: number[] = [];
  const seeds = comps.map((_, c) => c).filter((c) => indegree[c] === 0);
  seeds.sort((a, b) => (compRank[a] ?? 0) - (compRank[b] ?? 0));
  queue.push(...seeds);

  const order: string[] = [];
  const cyclicKeys: string[] = [];
  for (let head = 0; head < queue.length; head++) {
    const c = queue[head] as number;
    const members = comps[c] as string[];
    const isCycle =
      members.length > 1 ||
      parentEdges(graph, members[0] ?? '').some((e) => e.parentKey === e.childKey && follow(e));
    for (const key of members) {
      order.push(displayId(graph, key));
      if (isCycle) cyclicKeys.push(key);
    }
    for (const next of childrenOf[c] as number[]) {
      indegree[next] = (indegree[next] ?? 0) - 1;
      if (indegree[next] === 0) queue.push(next);
    }
  }
  // Sorted by first-seen order for a stable report regardless of discovery order.
  cyclicKeys.sort((a, b) => (firstIndex.get(a) ?? 0) - (firstIndex.get(b) ?? 0));
  return { order, cyclic: cyclicKeys.map((k) => displayId(graph, k)) };
}

/**
 * Tarjan's strongly connected components along child → parent edges, iteratively. Members of each
 * component are returned in graph (first-seen) order.
 */
function stronglyConnected(graph: LineageGraph, types: ReadonlySet<string> | undefined): Components {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const compOf = new Map<string, number>();
  const comps: string[][] = [];
  let counter = 0;

  type Frame = { key: string; edges: readonly LineageEdge[]; i: number };
  const open = (key: string, frames: Frame[]): void => {
    index.set(key, counter);
    low.set(key, counter);
    counter++;
    stack.push(key);
    onStack.add(key);
    frames.push({ key, edges: parentEdges(graph, key), i: 0 });
  };

  for (const start of graph.nodes.keys()) {
    if (index.has(start)) continue;
    const frames: Frame[] = [];
    open(start, frames);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as Frame;
      if (frame.i < frame.edges.length) {
        const edge = frame.edges[frame.i++] as LineageEdge;
        if (types !== undefined && !types.has(edge.type)) continue;
        const w = edge.parentKey;
        if (!index.has(w)) open(w, frames);
        else if (onStack.has(w)) {
          low.set(frame.key, Math.min(low.get(frame.key) ?? 0, index.get(w) ?? 0));
        }
        continue;
      }
      frames.pop();
      const v = frame.key;
      if (low.get(v) === index.get(v)) {
        const members: string[] = [];
        for (;;) {
          const w = stack.pop();
          if (w === undefined) break;
          onStack.delete(w);
          compOf.set(w, comps.length);
          members.push(w);
          if (w === v) break;
        }
        comps.push(members);
      }
      const caller = frames[frames.length - 1];
      if (caller !== undefined) {
        low.set(caller.key, Math.min(low.get(caller.key) ?? 0, low.get(v) ?? 0));
      }
    }
  }

  // Members in first-seen order (Tarjan pops them in reverse discovery order).
  const rank = new Map<string, number>();
  let r = 0;
  for (const key of graph.nodes.keys()) rank.set(key, r++);
  for (const members of comps) members.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  return { compOf, comps };
}

/** Shortest cycle from `start` back to itself inside component `comp` (BFS over parent edges). */
function cycleThrough(
  graph: LineageGraph,
  start: string,
  comp: number,
  compOf: Map<string, number>,
  types: ReadonlySet<string> | undefined,
): LineageEdge[] {
  const prev = new Map<string, LineageEdge>();
  const queue: string[] = [start];
  const seen = new Set<string>([start]);
  let closing: LineageEdge | undefined;
  for (let head = 0; head < queue.length && closing === undefined; head++) {
    const key = queue[head] as string;
    for (const edge of parentEdges(graph, key)) {
      if (types !== undefined && !types.has(edge.type)) continue;
      if (compOf.get(edge.parentKey) !== comp) continue;
      if (edge.parentKey === start) {
        closing = edge;
        break;
      }
      if (seen.has(edge.parentKey)) continue;
      seen.add(edge.parentKey);
      prev.set(edge.parentKey, edge);
      queue.push(edge.parentKey);
    }
  }
  if (closing === undefined) return [];
  const edges: LineageEdge[] = [closing];
  for (let e = prev.get(closing.childKey); e !== undefined; e = prev.get(e.childKey)) edges.push(e);
  return edges.reverse();
}

function displayId(graph: LineageGraph, key: string): string {
  return graph.nodes.get(key)?.id ?? key;
}
