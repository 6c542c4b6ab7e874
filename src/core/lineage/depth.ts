/**
 * Lineage depth: how many generations of parents stand above each asset of the catalog. Pure, iterative
 * (no recursion), O(assets + parent links); the catalog's "Lineage depth" facet counts it.
 */

/** What a depth needs of an asset: its key and the keys of the assets it points at (any relation). */
export type DepthNode = { key: string; parents: readonly string[] };

/**
 * The depth of every node, by position in `nodes`: 0 when it points at no parent, else one more than its
 * deepest parent's. A parent that is not among the nodes (a base model named but not imported) has depth 0,
 * so what derives from it has depth 1. Lineage should be a DAG; a link that closes a cycle (a card naming
 * itself, two cards naming each other) is not followed, so depths stay finite.
 */
export function lineageDepths(nodes: readonly DepthNode[]): Uint32Array {
  const at = new Map<string, number>();
  nodes.forEach((n, i) => at.set(n.key, i));
  const depth = new Uint32Array(nodes.length);
  // 0 = not visited, 1 = on the current path, 2 = done.
  const state = new Uint8Array(nodes.length);
  const stack: { node: number; next: number }[] = [];
  for (let root = 0; root < nodes.length; root++) {
    if (state[root] !== 0) continue;
    state[root] = 1;
    stack.push({ node: root, next: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const parents = nodes[top.node]?.parents ?? [];
      if (top.next < parents.length) {
        const key = parents[top.next++] ?? '';
        const p = at.get(key);
        if (p === undefined) depth[top.node] = Math.max(depth[top.node] ?? 0, 1);
        else if (state[p] === 2) depth[top.node] = Math.max(depth[top.node] ?? 0, (depth[p] ?? 0) + 1);
        else if (state[p] === 0) {
          state[p] = 1;
          stack.push({ node: p, next: 0 });
        }
        // state 1: the link closes a cycle and is not followed.
        continue;
      }
      state[top.node] = 2;
      stack.pop();
      const below = stack[stack.length - 1];
      if (below) depth[below.node] = Math.max(depth[below.node] ?? 0, (depth[top.node] ?? 0) + 1);
    }
  }
  return depth;
}

/** Depths from this many generations up share one facet value. */
const MAX_LISTED_DEPTH = 5;

/** The facet value of a depth: '0' … '4', then '5+'. */
export function depthValue(depth: number): string {
  return depth >= MAX_LISTED_DEPTH ? `${MAX_LISTED_DEPTH}+` : String(depth);
}

/** The depth facet's values, shallowest first. */
export const DEPTH_VALUES: readonly string[] = Array.from({ length: MAX_LISTED_DEPTH + 1 }, (_, d) =>
  depthValue(d),
);
