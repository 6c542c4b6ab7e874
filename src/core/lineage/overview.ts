/**
 * The catalog-wide lineage overview: the graph split into families (connected components), largest
 * first, each named by its root; an asset's ancestry inside a view; and finding an asset by what a
 * person types. Works on any node/edge lists with display ids (graph nodes, view nodes), so the
 * same code serves the catalog graph and a filtered view of it. Ids match case-insensitively.
 */
import { assetKey } from '../model';

/** Any node with a display id (and optionally a name to search by). */
export type OverviewNodeLike = { id: string; name?: string };

/** Any edge with child/parent display ids (child → parent, like a {@link LineageEdge}). */
export type OverviewEdgeLike = { child: string; parent: string };

/** One connected component of the lineage. */
export type LineageFamily = {
  /** Stable id: the root's key (`assetKey(rootId)`). */
  id: string;
  /** Display id of the root: the node without parents that reaches the most of the family. */
  rootId: string;
  /** Every node without a parent in the family (the root first, then by id). */
  rootIds: string[];
  /** Display ids of the family's nodes, in input order. */
  nodeIds: string[];
  size: number;
  /** Number of edges between the family's nodes. */
  edgeCount: number;
};

/**
 * Roots whose reach is counted by a full walk; a family with more roots (say 500 datasets) ranks
 * the rest by direct children, so naming a 100k-asset family stays linear-ish.
 */
const MAX_ROOTS_WALKED = 64;

type Adjacency = {
  keys: string[];
  idByKey: Map<string, string>;
  parents: Map<string, string[]>;
  children: Map<string, string[]>;
};

function adjacency(nodes: readonly OverviewNodeLike[], edges: readonly OverviewEdgeLike[]): Adjacency {
  const keys: string[] = [];
  const idByKey = new Map<string, string>();
  for (const n of nodes) {
    const k = assetKey(n.id);
    if (idByKey.has(k)) continue;
    idByKey.set(k, n.id);
    keys.push(k);
  }
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else list.push(value);
  };
  for (const e of edges) {
    const c = assetKey(e.child);
    const p = assetKey(e.parent);
    if (c === p || !idByKey.has(c) || !idByKey.has(p)) continue;
    push(parents, c, p);
    push(children, p, c);
  }
  return { keys, idByKey, parents, children };
}

/** How many nodes a walk down from `start` reaches (itself included). */
function reach(adj: Adjacency, start: string): number {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const next of adj.children.get(queue[head] as string) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen.size;
}

function byId(adj: Adjacency): (a: string, b: string) => number {
  return (a, b) => (adj.idByKey.get(a) ?? a).localeCompare(adj.idByKey.get(b) ?? b);
}

/** The family's root: the parentless node reaching the most nodes (ties: by id). */
function pickRoot(adj: Adjacency, members: readonly string[]): { root: string; roots: string[] } {
  const compare = byId(adj);
  const sources = members.filter((k) => (adj.parents.get(k)?.length ?? 0) === 0).sort(compare);
  // A family that is one cycle has no parentless node: every member is a candidate.
  const candidates = sources.length > 0 ? sources : [...members].sort(compare);
  const direct = (k: string) => adj.children.get(k)?.length ?? 0;
  const walked = [...candidates].sort((a, b) => direct(b) - direct(a) || compare(a, b));
  let best = walked[0] as string;
  let bestReach = -1;
  for (const k of walked.slice(0, MAX_ROOTS_WALKED)) {
    const r = reach(adj, k);
    if (r > bestReach || (r === bestReach && compare(k, best) < 0)) {
      best = k;
      bestReach = r;
    }
  }
  const roots = sources.length > 0 ? [best, ...sources.filter((k) => k !== best)] : [best];
  return { root: best, roots };
}

/**
 * Splits a lineage view into families (connected components, edges taken in both directions),
 * largest first (ties: root id). Each family is named by its root: among its nodes without a parent,
 * the one whose descendants cover most of the family (a base model rather than a dataset one
 * fine-tune was trained on). Edges to nodes not in `nodes` are ignored; self-edges too.
 *
 * @example
 * const [largest] = lineageFamilies(view.nodes, view.edges); // largest.rootId === 'meta/llama-3'
 */
export function lineageFamilies(
  nodes: readonly OverviewNodeLike[],
  edges: readonly OverviewEdgeLike[],
): LineageFamily[] {
  const adj = adjacency(nodes, edges);
  const familyOf = new Map<string, number>();
  const members: string[][] = [];
  for (const start of adj.keys) {
    if (familyOf.has(start)) continue;
    const index = members.length;
    const list = [start];
    familyOf.set(start, index);
    for (let head = 0; head < list.length; head++) {
      const k = list[head] as string;
      for (const next of [...(adj.parents.get(k) ?? []), ...(adj.children.get(k) ?? [])]) {
        if (familyOf.has(next)) continue;
        familyOf.set(next, index);
        list.push(next);
      }
    }
    members.push(list);
  }
  const edgeCounts = new Array<number>(members.length).fill(0);
  for (const [child, ps] of adj.parents) {
    const f = familyOf.get(child);
    if (f !== undefined) edgeCounts[f] = (edgeCounts[f] ?? 0) + ps.length;
  }
  const families = members.map((list, i): LineageFamily => {
    const { root, roots } = pickRoot(adj, list);
    const display = (k: string) => adj.idByKey.get(k) ?? k;
    return {
      id: root,
      rootId: display(root),
      rootIds: roots.map(display),
      nodeIds: list.map(display),
      size: list.length,
      edgeCount: edgeCounts[i] ?? 0,
    };
  });
  return families.sort((a, b) => b.size - a.size || a.rootId.localeCompare(b.rootId));
}

/**
 * Display ids of an asset and all its ancestors (parents, their parents …) along `edges`, the asset
 * first. Unknown id → empty. Cycles are walked once.
 *
 * @example
 * ancestryIds('org/ft-awq', view.allEdges) // ['org/ft-awq', 'org/ft', 'org/base', 'org/data']
 */
export function ancestryIds(id: string, edges: readonly OverviewEdgeLike[]): string[] {
  const parents = new Map<string, OverviewEdgeLike[]>();
  for (const e of edges) {
    const c = assetKey(e.child);
    const list = parents.get(c);
    if (list === undefined) parents.set(c, [e]);
    else list.push(e);
  }
  const start = assetKey(id);
  const out: string[] = [id];
  const seen = new Set<string>([start]);
  for (let head = 0; head < out.length; head++) {
    for (const e of parents.get(assetKey(out[head] as string)) ?? []) {
      const k = assetKey(e.parent);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(e.parent);
    }
  }
  return out;
}

/**
 * The asset a person means by `query`: an exact id, else an exact name, else the shortest id or
 * name that starts with the query, else the shortest that contains it (case-insensitive, trimmed;
 * ties by id). Empty query or no match → undefined.
 *
 * @example
 * findAsset('chat-7b', nodes)?.id // 'tarnlab/chat-7b' (exact name beats 'tarnlab/chat-7b-math')
 */
export function findAsset<N extends OverviewNodeLike>(query: string, nodes: Iterable<N>): N | undefined {
  const q = query.trim().toLowerCase();
  if (q === '') return undefined;
  let best: N | undefined;
  let bestRank: [number, number, string] | undefined;
  for (const n of nodes) {
    const id = n.id.toLowerCase();
    const name = (n.name ?? '').toLowerCase();
    let tier: number;
    let length: number;
    if (id === q) [tier, length] = [0, id.length];
    else if (name === q) [tier, length] = [1, name.length];
    else if (id.startsWith(q) || name.startsWith(q)) {
      [tier, length] = [2, Math.min(...[id, name].filter((s) => s.startsWith(q)).map((s) => s.length))];
    } else if (id.includes(q) || name.includes(q)) {
      [tier, length] = [3, Math.min(...[id, name].filter((s) => s.includes(q)).map((s) => s.length))];
    } else continue;
    const rank: [number, number, string] = [tier, length, n.id];
    if (bestRank === undefined || compareRank(rank, bestRank) < 0) {
      best = n;
      bestRank = rank;
    }
  }
  return best;
}

function compareRank(a: [number, number, string], b: [number, number, string]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]);
}
