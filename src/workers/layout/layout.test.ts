import { describe, expect, it } from 'vitest';
import { fastLayered } from './fastLayered';
import { computeLayout } from './handlers';
import type { LayoutRequest } from './types';

const box = (id: string) => ({ id, width: 100, height: 40 });

function overlaps(req: LayoutRequest, positions: Record<string, { x: number; y: number }>): boolean {
  const rects = req.nodes.map((n) => ({ ...n, ...(positions[n.id] ?? { x: NaN, y: NaN }) }));
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i]!;
      const b = rects[j]!;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        return true;
    }
  }
  return false;
}

describe('fastLayered', () => {
  it('puts sources above targets and never overlaps', () => {
    const req: LayoutRequest = {
      nodes: ['base', 'ft', 'ft2', 'q', 'ds', 'merge', 'lonely'].map(box),
      edges: [
        { id: '1', source: 'base', target: 'ft' },
        { id: '2', source: 'ft', target: 'ft2' },
        { id: '3', source: 'ft2', target: 'q' },
        { id: '4', source: 'ds', target: 'ft2' },
        { id: '5', source: 'base', target: 'merge' },
        { id: '6', source: 'ft', target: 'merge' },
      ],
    };
    const out = fastLayered(req);
    const p = out.positions;
    expect(Object.keys(p)).toHaveLength(7);
    expect(p.base!.y).toBeLessThan(p.ft!.y);
    expect(p.ft!.y).toBeLessThan(p.ft2!.y);
    expect(p.ft2!.y).toBeLessThan(p.q!.y);
    expect(p.ds!.y).toBeLessThan(p.ft2!.y);
    // Sources are pulled down next to their child: the dataset sits one layer above ft2.
    expect(p.ds!.y).toBe(p.ft!.y);
    expect(p.merge!.y).toBeGreaterThan(p.ft!.y);
    // The isolated node goes below the layered block.
    expect(p.lonely!.y).toBeGreaterThan(p.q!.y);
    expect(overlaps(req, p)).toBe(false);
    expect(out.width).toBeGreaterThan(0);
    expect(out.height).toBeGreaterThan(0);
  });

  it('wraps a hub with 300 children onto several lines under it, so the drawing keeps a screen-like shape', () => {
    const kids = Array.from({ length: 300 }, (_, i) => `kid-${i}`);
    const req: LayoutRequest = {
      nodes: ['hub', 'grand', ...kids].map(box),
      edges: [
        ...kids.map((k, i) => ({ id: `e${i}`, source: 'hub', target: k })),
        { id: 'g', source: 'kid-0', target: 'grand' },
      ],
    };
    const out = fastLayered(req);
    const p = out.positions;
    expect(Object.keys(p)).toHaveLength(302);
    // One line would be 300 × 140 px = 42,000 px wide; wrapped, the drawing is at most a few times wider than tall.
    expect(out.width / out.height).toBeLessThan(4);
    expect(out.width).toBeLessThan(10_000);
    for (const k of kids) expect(p[k]!.y).toBeGreaterThan(p.hub!.y);
    // Every line of the children comes before the next generation.
    expect(Math.max(...kids.map((k) => p[k]!.y))).toBeLessThan(p.grand!.y);
    expect(new Set(kids.map((k) => p[k]!.y)).size).toBeGreaterThan(1);
    expect(overlaps(req, p)).toBe(false);
  });

  it('survives cycles, self-loops, duplicates and unknown ids', () => {
    const req: LayoutRequest = {
      nodes: ['a', 'b', 'c', 'a'].map(box),
      edges: [
        { id: '1', source: 'a', target: 'b' },
        { id: '2', source: 'b', target: 'c' },
        { id: '3', source: 'c', target: 'a' },
        { id: '4', source: 'a', target: 'a' },
        { id: '5', source: 'a', target: 'zzz' },
        { id: '6', source: 'a', target: 'b' },
      ],
    };
    const out = fastLayered(req);
    for (const id of ['a', 'b', 'c']) {
      expect(Number.isFinite(out.positions[id]!.x)).toBe(true);
      expect(Number.isFinite(out.positions[id]!.y)).toBe(true);
    }
  });

  it('lays out 2,000 nodes (timings: scripts/bench-lineage.mjs)', () => {
    const nodes = [];
    const edges = [];
    for (let i = 0; i < 2000; i++) {
      nodes.push(box(`n${i}`));
      if (i > 0) edges.push({ id: `e${i}`, source: `n${Math.floor((i - 1) / 5)}`, target: `n${i}` });
      if (i > 10 && i % 7 === 0) edges.push({ id: `m${i}`, source: `n${i - 9}`, target: `n${i}` });
    }
    const out = fastLayered({ nodes, edges });
    expect(Object.keys(out.positions)).toHaveLength(2000);
    // Every edge points down a layer.
    for (const e of edges) expect(out.positions[e.source]!.y).toBeLessThan(out.positions[e.target]!.y);
  });

  it('handles an empty graph', () => {
    expect(fastLayered({ nodes: [], edges: [] })).toEqual({ positions: {}, width: 0, height: 0 });
  });
});

describe('computeLayout', () => {
  it('uses ELK for small graphs and returns positions for every node', async () => {
    const req: LayoutRequest = {
      nodes: ['base', 'ft', 'q'].map(box),
      edges: [
        { id: '1', source: 'base', target: 'ft' },
        { id: '2', source: 'ft', target: 'q' },
      ],
    };
    const out = await computeLayout(req);
    expect(out.engine).toBe('elk');
    expect(out.positions.base!.y).toBeLessThan(out.positions.ft!.y);
    expect(out.positions.ft!.y).toBeLessThan(out.positions.q!.y);
    expect(overlaps(req, out.positions)).toBe(false);
  }, 30_000);

  it('uses the fast layout above the ELK threshold', async () => {
    const out = await computeLayout({ nodes: ['a', 'b', 'c'].map(box), edges: [], elkMaxNodes: 2 });
    expect(out.engine).toBe('fast');
  });
});
