import { describe, expect, it } from 'vitest';
import { DEPTH_VALUES, depthValue, lineageDepths } from './depth';

const node = (key: string, ...parents: string[]) => ({ key, parents });

describe('lineageDepths', () => {
  it('counts generations of parents, the deepest line winning', () => {
    const nodes = [
      node('quant', 'chat'),
      node('chat', 'base', 'data'),
      node('base'),
      node('data'),
      // Merges a base (depth 0) and a fine-tune (depth 2): the deeper line counts.
      node('merge', 'base', 'chat'),
    ];
    expect(Array.from(lineageDepths(nodes))).toEqual([2, 1, 0, 0, 2]);
  });

  it('gives depth 0 to a parent outside the catalog, so its child has depth 1', () => {
    expect(Array.from(lineageDepths([node('ft', 'meta/not-imported'), node('ft2', 'ft')]))).toEqual([1, 2]);
  });

  it('does not depend on the order of the nodes', () => {
    const chain = [node('a'), node('b', 'a'), node('c', 'b'), node('d', 'c')];
    const byKey = (nodes: typeof chain) => {
      const depths = lineageDepths(nodes);
      return Object.fromEntries(nodes.map((n, i) => [n.key, depths[i]]));
    };
    expect(byKey(chain)).toEqual({ a: 0, b: 1, c: 2, d: 3 });
    expect(byKey([...chain].reverse())).toEqual({ a: 0, b: 1, c: 2, d: 3 });
  });

  it('stops at a link that closes a cycle', () => {
    const depths = Array.from(lineageDepths([node('x', 'y'), node('y', 'x'), node('z', 'x')]));
    expect(depths.every((d) => d <= 2)).toBe(true);
    expect(depths[2]).toBe((depths[0] ?? 0) + 1);
  });

  it('walks a long chain without recursion', () => {
    const n = 50_000;
    const nodes = Array.from({ length: n }, (_, i) => (i === 0 ? node('n0') : node(`n${i}`, `n${i - 1}`)));
    expect(lineageDepths(nodes)[n - 1]).toBe(n - 1);
  });
});

describe('depth facet values', () => {
  it('lists depths up to four, then "5+"', () => {
    expect(DEPTH_VALUES).toEqual(['0', '1', '2', '3', '4', '5+']);
    expect([0, 4, 5, 12].map(depthValue)).toEqual(['0', '4', '5+', '5+']);
  });
});
