/**
 * Lineage closure for curated exports: the chosen assets plus every ancestor reachable through
 * relations (child → parent), transitively, so a recipient can re-check licenses upstream.
 */

/** The minimum a relation must say for a closure walk. */
export type ClosureEdge = { childKey: string; parentKey: string };

/**
 * Keys of `roots` and all their ancestors, in discovery order (roots first). Cycles are harmless:
 * each key is visited once.
 */
export function lineageClosure(roots: Iterable<string>, edges: Iterable<ClosureEdge>): string[] {
  const parents = new Map<string, string[]>();
  for (const e of edges) {
    const list = parents.get(e.childKey);
    if (list) list.push(e.parentKey);
    else parents.set(e.childKey, [e.parentKey]);
  }
  const seen = new Set<string>();
  const order: string[] = [];
  const queue: string[] = [];
  for (const r of roots) {
    if (seen.has(r)) continue;
    seen.add(r);
    order.push(r);
    queue.push(r);
  }
  for (let i = 0; i < queue.length; i++) {
    for (const p of parents.get(queue[i] ?? '') ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      order.push(p);
      queue.push(p);
    }
  }
  return order;
}
