import { describe, expect, it } from 'vitest';
import type { Relation } from '../model';
import type { LineageGraph } from './index';
import { buildLineageGraph, findCycles, topologicalOrder } from './index';

function rel(child: string, type: string, parent: string): Relation {
  return { child, type, parent, origin: 'declared' };
}

/** Asserts parents come before children for every edge not inside a reported cycle. */
function expectParentsFirst(g: LineageGraph, order: string[], cyclic: string[]): void {
  const pos = new Map(order.map((id, i) => [id, i]));
  const inCycle = new Set(cyclic);
  for (const e of g.edges) {
    if (inCycle.has(e.child) && inCycle.has(e.parent)) continue;
    expect(pos.get(e.parent)!, `${e.parent} before ${e.child}`).toBeLessThan(pos.get(e.child)!);
  }
}

describe('findCycles', () => {
  it('finds nothing in a DAG (diamond, merge)', () => {
    const g = buildLineageGraph([
      rel('l', 'finetune_of', 't'),
      rel('r', 'finetune_of', 't'),
      rel('b', 'merge_of', 'l'),
      rel('b', 'merge_of', 'r'),
    ]);
    expect(findCycles(g)).toEqual([]);
  });

  it('reports self-relations, 2-cycles and longer cycles with a concrete path', () => {
    const g = buildLineageGraph([
      rel('Self', 'finetune_of', 'self'),
      rel('a', 'finetune_of', 'b'),
      rel('b', 'finetune_of', 'a'),
      rel('x', 'finetune_of', 'y'),
      rel('y', 'finetune_of', 'z'),
      rel('z', 'quantized_from', 'x'),
      rel('leaf', 'finetune_of', 'x'),
    ]);
    const cycles = findCycles(g);
    expect(cycles).toHaveLength(3);
    const bySize = Object.fromEntries(cycles.map((c) => [c.members.join(','), c]));
    expect(bySize['Self']?.path).toEqual(['Self', 'Self']);
    expect(bySize['a,b']?.path).toEqual(['a', 'b', 'a']);
    expect(bySize['x,y,z']?.path).toEqual(['x', 'y', 'z', 'x']);
    expect(bySize['x,y,z']?.edges.map((e) => e.type)).toEqual([
      'finetune_of',
      'finetune_of',
      'quantized_from',
    ]);
    // Each path is made of real consecutive edges.
    for (const c of cycles) {
      c.edges.forEach((e, i) => {
        expect(e.child).toBe(c.path[i]);
        expect(e.parent).toBe(c.path[i + 1]);
      });
    }
  });

  it('reports overlapping loops as one component, and can filter by type', () => {
    const g = buildLineageGraph([
      rel('a', 'finetune_of', 'b'),
      rel('b', 'finetune_of', 'a'),
      rel('b', 'finetune_of', 'c'),
      rel('c', 'trained_on', 'a'),
    ]);
    const cycles = findCycles(g);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.members).toEqual(['a', 'b', 'c']);
    const onlyFt = findCycles(g, { types: ['finetune_of'] });
    expect(onlyFt.map((c) => c.members)).toEqual([['a', 'b']]);
    expect(findCycles(g, { types: ['trained_on'] })).toEqual([]);
  });
});

describe('topologicalOrder', () => {
  it('puts parents before children in a DAG, in first-seen order on ties', () => {
    const g = buildLineageGraph([
      rel('ft', 'finetune_of', 'base'),
      rel('q', 'quantized_from', 'ft'),
      rel('m', 'merge_of', 'ft'),
      rel('m', 'merge_of', 'other'),
      rel('ft', 'trained_on', 'data'),
    ]);
    const { order, cyclic } = topologicalOrder(g);
    expect(cyclic).toEqual([]);
    expect(order).toHaveLength(g.nodes.size);
    expect(order).toEqual(['base', 'other', 'data', 'ft', 'q', 'm']);
    expectParentsFirst(g, order, cyclic);
  });

  it('reports cycle members instead of looping and still orders everything else', () => {
    const g = buildLineageGraph([
      rel('root2', 'finetune_of', 'root'),
      rel('a', 'finetune_of', 'root2'),
      rel('a', 'finetune_of', 'b'),
      rel('b', 'finetune_of', 'a'),
      rel('child', 'finetune_of', 'b'),
      rel('s', 'finetune_of', 's'),
      rel('t', 'finetune_of', 's'),
    ]);
    const { order, cyclic } = topologicalOrder(g);
    expect(new Set(order)).toEqual(new Set([...g.nodes.values()].map((n) => n.id)));
    expect(order).toHaveLength(g.nodes.size);
    expect(cyclic).toEqual(['a', 'b', 's']);
    expectParentsFirst(g, order, cyclic);
  });

  it('handles an empty graph', () => {
    expect(topologicalOrder(buildLineageGraph([]))).toEqual({ order: [], cyclic: [] });
  });
});
