/**
 * MiniSearch's radix tree (a `SearchableMap`'s `_tree`) built in one pass from keys listed in the map's own
 * iteration order (as the persisted index lists its terms). Setting the keys one by one searches each node's
 * edges for every key; at 100k assets that was a third of the index restore. Pure; the tree is the one
 * `set` builds (edges are the keys' longest common prefixes, a key's value under '' at its node), and it
 * iterates in the same order.
 */

/** Edge label → subtree; a key's value is stored under `LEAF` at the node the key ends at. */
export type RadixTree<T> = Map<string, RadixTree<T> | T>;

const LEAF = '';

/**
 * The tree holding `keys[i]` → `valueOf(i)`, iterating in the order of `keys` (MiniSearch's iterator visits a
 * node's edges last-inserted first, so edges are inserted in reverse). Undefined when `keys` repeat a key or
 * are not in the iteration order of any tree (keys below one edge must be consecutive).
 */
export function radixTreeFrom<T>(
  keys: readonly string[],
  valueOf: (i: number) => T,
): RadixTree<T> | undefined {
  let ok = true;
  // Scratch shared by every node (no allocation per node but its Map): the groups' first keys, as a stack
  // (a node's groups sit above its parent's), and per character the node that last saw it (char + 1: -1 is
  // "the key ends here").
  const groups = new Int32Array(keys.length + 1);
  let top = 0;
  const seenAt = new Int32Array(0x10001);
  let nodes = 0;
  const build = (lo: number, hi: number, depth: number): RadixTree<T> => {
    const node: RadixTree<T> = new Map();
    const id = ++nodes;
    const g0 = top;
    // Groups of consecutive keys: a key ending here, or keys sharing the character at `depth`.
    for (let i = lo; i < hi;) {
      const key = keys[i] ?? '';
      const c = key.length === depth ? -1 : key.charCodeAt(depth);
      if (seenAt[c + 1] === id) ok = false;
      seenAt[c + 1] = id;
      let j = i + 1;
      if (c >= 0) while (j < hi && (keys[j] ?? '').charCodeAt(depth) === c) j++;
      groups[top++] = i;
      i = j;
    }
    const g1 = top;
    for (let g = g1 - 1; g >= g0 && ok; g--) {
      const s = groups[g] ?? 0;
      const e = g + 1 < g1 ? (groups[g + 1] ?? hi) : hi;
      const first = keys[s] ?? '';
      if (first.length === depth) {
        node.set(LEAF, valueOf(s));
        continue;
      }
      if (e - s === 1) {
        const leaf: RadixTree<T> = new Map();
        leaf.set(LEAF, valueOf(s));
        node.set(first.slice(depth), leaf);
        continue;
      }
      // The edge: the group's longest common prefix below `depth` (at least its first character).
      let end = first.length;
      for (let k = s + 1; k < e; k++) {
        const other = keys[k] ?? '';
        let p = depth + 1;
        const max = Math.min(end, other.length);
        while (p < max && other.charCodeAt(p) === first.charCodeAt(p)) p++;
        end = p;
      }
      node.set(first.slice(depth, end), build(s, e, end));
    }
    top = g0;
    return node;
  };
  const tree = build(0, keys.length, 0);
  return ok ? tree : undefined;
}
