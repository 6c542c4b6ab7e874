/**
 * Large synthetic graphs (2,000+ nodes): correctness of every query against simple reference
 * implementations, and no recursion limits on deep chains. Not a timing test.
 */
import { describe, expect, it } from 'vitest';
import type { Relation } from '../model';
import type { LineageGraph } from './index';
import {
  ancestors,
  buildLineageGraph,
  descendants,
  findCycles,
  groupFanOut,
  impactAnalysis,
  shortestPath,
  subgraphAround,
  topologicalOrder,
} from './index';

function rel(child: string, type: string, parent: string): Relation {
  return { child, type, parent, origin: 'declared' };
}

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reference BFS over the raw relation list (O(V·E), independent of the graph's indexes). */
function referenceDepths(relations: Relation[], start: string, up: boolean): Map<string, number> {
  const s = start.toLowerCase();
  const depth = new Map<string, number>([[s, 0]]);
  let frontier = [s];
  for (let d = 1; frontier.length > 0; d++) {
    const inFrontier = new Set(frontier);
    const next: string[] = [];
    for (const r of relations) {
      const from = (up ? r.child : r.parent).toLowerCase();
      const to = (up ? r.parent : r.child).toLowerCase();
      if (inFrontier.has(from) && !depth.has(to)) {
        depth.set(to, d);
        next.push(to);
      }
    }
    frontier = next;
  }
  depth.delete(s);
  return depth;
}

const MODEL_TYPES = ['finetune_of', 'adapter_of', 'quantized_from', 'merge_of'];

/** Random DAG: node i picks 1-3 parents among earlier nodes; every 10th model trained on a dataset. */
function randomDag(n: number, seed: number): Relation[] {
  const rand = rng(seed);
  const rels: Relation[] = [];
  for (let i = 1; i < n; i++) {
    const parents = 1 + Math.floor(rand() * 3);
    for (let p = 0; p < parents; p++) {
      const j = Math.floor(rand() * i);
      const type = MODEL_TYPES[Math.floor(rand() * MODEL_TYPES.length)] as string;
      // Mixed case on purpose: keys must join case-insensitively.
      rels.push(rel(i % 7 === 0 ? `Org/M${i}` : `org/m${i}`, type, `org/m${j}`));
    }
    if (i % 10 === 0) rels.push(rel(`org/m${i}`, 'trained_on', `data/d${i % 30}`));
  }
  return rels;
}

function expectTopological(
  g: LineageGraph,
  order: string[],
  sameCycle: (a: string, b: string) => boolean,
): void {
  const pos = new Map(order.map((id, i) => [id, i]));
  for (const e of g.edges) {
    if (sameCycle(e.child, e.parent)) continue;
    expect(pos.get(e.parent)! < pos.get(e.child)!).toBe(true);
  }
}

describe('2,500-node chain', () => {
  const n = 2500;
  const rels: Relation[] = [];
  for (let i = 1; i < n; i++) rels.push(rel(`c${i}`, 'finetune_of', `c${i - 1}`));
  const g = buildLineageGraph(rels);

  it('walks the whole depth without recursion', () => {
    const up = ancestors(g, `c${n - 1}`);
    expect(up.nodes).toHaveLength(n - 1);
    expect(up.nodes[n - 2]).toMatchObject({ id: 'c0', depth: n - 1 });
    expect(descendants(g, 'c0', { depth: 10 }).nodes).toHaveLength(10);
    expect(shortestPath(g, 'c0', `c${n - 1}`, { directed: true })?.steps).toHaveLength(n - 1);
    expect(topologicalOrder(g).order).toEqual(Array.from({ length: n }, (_, i) => `c${i}`));
    expect(findCycles(g)).toEqual([]);
    expect(impactAnalysis(g, 'c0').impacted[n - 2]?.path.ids).toHaveLength(n);
  });

  it('reports one cycle when the chain is closed', () => {
    const closed = buildLineageGraph([...rels, rel('c0', 'finetune_of', `c${n - 1}`)]);
    const cycles = findCycles(closed);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.members).toHaveLength(n);
    expect(cycles[0]?.path).toHaveLength(n + 1);
    const topo = topologicalOrder(closed);
    expect(topo.order).toHaveLength(n);
    expect(topo.cyclic).toHaveLength(n);
  });
});

describe('2,000-node random DAG', () => {
  const rels = randomDag(2000, 42);
  const g = buildLineageGraph(rels);

  it('indexes every id once, case-insensitively', () => {
    const keys = new Set(rels.flatMap((r) => [r.child.toLowerCase(), r.parent.toLowerCase()]));
    expect(g.nodes.size).toBe(keys.size);
    expect(g.nodes.size).toBeGreaterThanOrEqual(2000);
  });

  it('matches a reference BFS for ancestors and descendants', () => {
    for (const id of ['org/m1999', 'Org/M1400', 'org/m977', 'org/m0', 'org/m5', 'data/d3']) {
      for (const up of [true, false]) {
        const got = (up ? ancestors : descendants)(g, id);
        const want = referenceDepths(rels, id, up);
        expect(new Map(got.nodes.map((x) => [x.key, x.depth]))).toEqual(want);
        expect(new Set(got.nodes.map((x) => x.key)).size).toBe(got.nodes.length);
      }
    }
  });

  it('orders parents before children and finds no cycles', () => {
    const topo = topologicalOrder(g);
    expect(topo.cyclic).toEqual([]);
    expect(topo.order).toHaveLength(g.nodes.size);
    expectTopological(g, topo.order, () => false);
    expect(findCycles(g)).toEqual([]);
  });

  it('gives impact paths made of real edges, as long as the depth', () => {
    const r = impactAnalysis(g, 'org/m0');
    expect(r.total).toBe(referenceDepths(rels, 'org/m0', false).size);
    const edgeIds = new Set(g.edges.map((e) => e.id));
    for (const a of r.impacted) {
      expect(a.path.ids).toHaveLength(a.depth + 1);
      a.path.types.forEach((type, i) => {
        const parent = a.path.ids[i]!.toLowerCase();
        const child = a.path.ids[i + 1]!.toLowerCase();
        expect(edgeIds.has(`${child}|${type}|${parent}`)).toBe(true);
      });
    }
    const data = impactAnalysis(g, 'data/d0');
    expect(data.modelsTrainedOn.filter((m) => m.direct).length).toBe(
      rels.filter((x) => x.type === 'trained_on' && x.parent === 'data/d0').length,
    );
    expect(data.modelsTrainedOn.every((m) => m.path.types[0] === 'trained_on')).toBe(true);
  });

  it('groups a subgraph without losing or duplicating nodes', () => {
    const view = subgraphAround(g, 'org/m0', { up: 0, down: 'all' });
    const grouped = groupFanOut(view, { threshold: 3, keep: ['org/m0'] });
    const hidden = grouped.groups.reduce((sum, x) => sum + x.count, 0);
    expect(grouped.nodes.length + hidden).toBe(view.nodes.length);
    const shown = new Set(grouped.nodes.map((x) => x.key));
    for (const e of grouped.edges) expect(shown.has(e.childKey) && shown.has(e.parentKey)).toBe(true);
  });
});

describe('2,000 children of one base', () => {
  it('collapses into one group per relation type', () => {
    const rels: Relation[] = [];
    for (let i = 0; i < 2000; i++)
      rels.push(rel(`ft/${i}`, i % 4 === 0 ? 'quantized_from' : 'finetune_of', 'base'));
    const g = buildLineageGraph(rels);
    const view = groupFanOut(subgraphAround(g, 'base', { up: 'all', down: 1 }), { threshold: 10 });
    expect(view.groups.map((x) => x.label).sort()).toEqual(['+ 1490 fine-tunes', '+ 490 quantizations']);
    expect(view.nodes).toHaveLength(21);
  });
});

describe('2,000-node random graph with cycles', () => {
  const rand = rng(7);
  const n = 2000;
  const rels: Relation[] = [];
  for (let i = 0; i < n * 1.2; i++) {
    const a = Math.floor(rand() * n);
    const b = rand() < 0.002 ? a : Math.floor(rand() * n); // a few self-relations
    rels.push(rel(`n${a}`, 'finetune_of', `n${b}`));
  }
  const g = buildLineageGraph(rels);

  it('reports exactly the nodes that are their own ancestor, and orders the rest', () => {
    const expected = new Set<string>();
    for (const node of g.nodes.values()) {
      const r = ancestors(g, node.id);
      if (r.edges.some((e) => e.parentKey === node.key)) expected.add(node.id);
    }
    const cycles = findCycles(g);
    const members = cycles.flatMap((c) => c.members);
    expect(new Set(members)).toEqual(expected);
    expect(members).toHaveLength(expected.size); // each node in at most one report
    expect(expected.size).toBeGreaterThan(0);
    for (const c of cycles) {
      expect(c.path[0]).toBe(c.path[c.path.length - 1]);
      expect(c.edges).toHaveLength(c.path.length - 1);
    }

    const topo = topologicalOrder(g);
    expect(new Set(topo.cyclic)).toEqual(expected);
    expect(topo.order).toHaveLength(g.nodes.size);
    const comp = new Map<string, number>();
    cycles.forEach((c, i) => c.members.forEach((m) => comp.set(m, i)));
    expectTopological(g, topo.order, (a, b) => comp.has(a) && comp.get(a) === comp.get(b));
  });
});
