import { describe, expect, it } from 'vitest';
import type { Relation } from '../model';
import {
  ancestors,
  buildLineageGraph,
  connectedComponent,
  descendants,
  shortestPath,
  subgraphAround,
} from './index';

function rel(child: string, type: string, parent: string): Relation {
  return { child, type, parent, origin: 'declared' };
}

function depths(nodes: { id: string; depth: number }[]): Record<string, number> {
  return Object.fromEntries(nodes.map((n) => [n.id, n.depth]));
}

// base ← ft ← q (quantized), base ← ft2; merge of ft and other; ft trained on data.
const chain = buildLineageGraph([
  rel('ft', 'finetune_of', 'base'),
  rel('q', 'quantized_from', 'ft'),
  rel('ft2', 'finetune_of', 'base'),
  rel('merged', 'merge_of', 'ft'),
  rel('merged', 'merge_of', 'other'),
  rel('ft', 'trained_on', 'data'),
  rel('qq', 'quantized_from', 'merged'),
]);

// Diamond: top ← left, top ← right, left ← bottom, right ← bottom.
const diamond = buildLineageGraph([
  rel('left', 'finetune_of', 'top'),
  rel('right', 'finetune_of', 'top'),
  rel('bottom', 'merge_of', 'left'),
  rel('bottom', 'merge_of', 'right'),
]);

describe('ancestors', () => {
  it('returns every ancestor with its depth', () => {
    const r = ancestors(chain, 'qq');
    expect(r.root?.id).toBe('qq');
    expect(depths(r.nodes)).toEqual({ merged: 1, ft: 2, other: 2, base: 3, data: 3 });
    expect(r.nodes.find((n) => n.id === 'ft')?.via.type).toBe('merge_of');
  });

  it('returns all parents of a multi-parent merge', () => {
    const r = ancestors(chain, 'merged', { depth: 1 });
    expect(r.nodes.map((n) => n.id).sort()).toEqual(['ft', 'other']);
    expect(r.edges.map((e) => e.id)).toEqual(['merged|merge_of|ft', 'merged|merge_of|other']);
  });

  it('honours depth limits', () => {
    expect(ancestors(chain, 'qq', { depth: 0 }).nodes).toEqual([]);
    expect(ancestors(chain, 'qq', { depth: 2 }).nodes.map((n) => n.id)).toEqual(['merged', 'ft', 'other']);
    expect(ancestors(chain, 'qq', { depth: 'all' }).nodes).toHaveLength(5);
    expect(ancestors(chain, 'qq', { depth: -3 }).nodes).toEqual([]);
    expect(ancestors(chain, 'qq', { depth: Number.NaN }).nodes).toHaveLength(5);
    expect(ancestors(chain, 'qq', { depth: 1.9 }).nodes.map((n) => n.id)).toEqual(['merged']);
  });

  it('filters by relation type', () => {
    const r = ancestors(chain, 'q', { types: ['quantized_from', 'finetune_of'] });
    expect(depths(r.nodes)).toEqual({ ft: 1, base: 2 });
    expect(ancestors(chain, 'q', { types: [] }).nodes).toHaveLength(3); // empty list = all types
  });

  it('visits a diamond apex once at its shortest depth but reports both edges', () => {
    const r = ancestors(diamond, 'bottom');
    expect(depths(r.nodes)).toEqual({ left: 1, right: 1, top: 2 });
    expect(r.edges).toHaveLength(4);
  });

  it('is cycle-safe', () => {
    const g = buildLineageGraph([
      rel('a', 'finetune_of', 'b'),
      rel('b', 'finetune_of', 'c'),
      rel('c', 'finetune_of', 'a'),
      rel('c', 'finetune_of', 'c'),
    ]);
    const r = ancestors(g, 'a');
    expect(depths(r.nodes)).toEqual({ b: 1, c: 2 });
    // Edges back into visited nodes (c→a, c→c) are part of what was traversed.
    expect(r.edges.map((e) => e.id).sort()).toEqual(
      ['a|finetune_of|b', 'b|finetune_of|c', 'c|finetune_of|a', 'c|finetune_of|c'].sort(),
    );
    expect(descendants(g, 'a').nodes.map((n) => n.id)).toEqual(['c', 'b']);
  });

  it('matches ids case-insensitively and returns an empty result for unknown ids', () => {
    expect(ancestors(chain, '  QQ ').nodes).toHaveLength(5);
    expect(ancestors(chain, 'nope')).toEqual({ root: undefined, nodes: [], edges: [] });
    expect(ancestors(chain, undefined as unknown as string).nodes).toEqual([]);
  });
});

describe('descendants', () => {
  it('returns every descendant with its depth', () => {
    expect(depths(descendants(chain, 'base').nodes)).toEqual({ ft: 1, ft2: 1, q: 2, merged: 2, qq: 3 });
    expect(depths(descendants(chain, 'data').nodes)).toEqual({ ft: 1, q: 2, merged: 2, qq: 3 });
    expect(descendants(chain, 'qq').nodes).toEqual([]);
  });

  it('filters by type and depth', () => {
    expect(descendants(chain, 'base', { types: ['finetune_of'] }).nodes.map((n) => n.id)).toEqual([
      'ft',
      'ft2',
    ]);
    expect(descendants(chain, 'base', { depth: 1 }).edges).toHaveLength(2);
  });

  it('reaches a diamond bottom once', () => {
    const r = descendants(diamond, 'top');
    expect(depths(r.nodes)).toEqual({ left: 1, right: 1, bottom: 2 });
    expect(r.edges).toHaveLength(4);
  });
});

describe('shortestPath', () => {
  it('finds an undirected path across siblings', () => {
    const p = shortestPath(chain, 'q', 'ft2');
    expect(p?.ids).toEqual(['q', 'ft', 'base', 'ft2']);
    expect(p?.steps.map((s) => s.direction)).toEqual(['up', 'up', 'down']);
  });

  it('in directed mode follows edge direction, up or down', () => {
    expect(shortestPath(chain, 'q', 'ft2', { directed: true })).toBeUndefined();
    expect(shortestPath(chain, 'qq', 'base', { directed: true })?.ids).toEqual([
      'qq',
      'merged',
      'ft',
      'base',
    ]);
    const down = shortestPath(chain, 'BASE', 'QQ', { directed: true });
    expect(down?.ids).toEqual(['base', 'ft', 'merged', 'qq']);
    expect(down?.steps.every((s) => s.direction === 'down')).toBe(true);
  });

  it('handles same node, unknown ids, disconnected nodes and type filters', () => {
    expect(shortestPath(chain, 'ft', 'FT')).toEqual({
      ids: ['ft'],
      nodes: [chain.nodes.get('ft')],
      steps: [],
    });
    expect(shortestPath(chain, 'ft', 'missing')).toBeUndefined();
    const g = buildLineageGraph([rel('a', 'finetune_of', 'b'), rel('c', 'finetune_of', 'd')]);
    expect(shortestPath(g, 'a', 'c')).toBeUndefined();
    expect(shortestPath(chain, 'q', 'data', { types: ['quantized_from', 'finetune_of'] })).toBeUndefined();
    expect(shortestPath(chain, 'q', 'data')?.ids).toEqual(['q', 'ft', 'data']);
  });
});

describe('connectedComponent', () => {
  it('collects the weakly connected component with its edges', () => {
    const g = buildLineageGraph([
      rel('a', 'finetune_of', 'b'),
      rel('c', 'finetune_of', 'b'),
      rel('c', 'trained_on', 'd'),
      rel('x', 'finetune_of', 'y'),
    ]);
    const cc = connectedComponent(g, 'A');
    expect(cc.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(cc.edges).toHaveLength(3);
    expect(
      connectedComponent(g, 'a', { types: ['finetune_of'] })
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    expect(connectedComponent(g, 'zzz')).toEqual({ nodes: [], edges: [] });
  });
});

describe('subgraphAround', () => {
  it('returns the focus node, ancestors (negative levels) and descendants (positive levels)', () => {
    const s = subgraphAround(chain, 'ft', { up: 1, down: 1 });
    const levels = Object.fromEntries(s.nodes.map((n) => [n.id, n.level]));
    expect(levels).toEqual({ ft: 0, base: -1, data: -1, q: 1, merged: 1 });
    expect(s.edges.map((e) => e.id).sort()).toEqual(
      ['ft|finetune_of|base', 'ft|trained_on|data', 'q|quantized_from|ft', 'merged|merge_of|ft'].sort(),
    );
    const all = subgraphAround(chain, 'ft');
    expect(all.nodes.map((n) => n.id).sort()).toEqual(['base', 'data', 'ft', 'merged', 'q', 'qq']);
    expect(subgraphAround(chain, 'ft', { up: 0, down: 0 }).nodes.map((n) => n.id)).toEqual(['ft']);
  });

  it('includes every edge between shown nodes, such as a merge child linked to another shown parent', () => {
    const g = buildLineageGraph([
      rel('base', 'finetune_of', 'grand'),
      rel('merge', 'merge_of', 'base'),
      rel('merge', 'merge_of', 'grand'),
    ]);
    const s = subgraphAround(g, 'base');
    expect(s.edges.map((e) => e.id).sort()).toEqual(
      ['base|finetune_of|grand', 'merge|merge_of|base', 'merge|merge_of|grand'].sort(),
    );
    expect(subgraphAround(g, 'base', { types: ['finetune_of'] }).edges).toHaveLength(1);
    expect(subgraphAround(g, 'missing')).toEqual({ root: undefined, nodes: [], edges: [] });
  });

  it('places each node once even in a cycle', () => {
    const g = buildLineageGraph([rel('a', 'finetune_of', 'b'), rel('b', 'finetune_of', 'a')]);
    const s = subgraphAround(g, 'a');
    expect(s.nodes.map((n) => [n.id, n.level])).toEqual([
      ['a', 0],
      ['b', -1],
    ]);
    expect(s.edges).toHaveLength(2);
  });
});
