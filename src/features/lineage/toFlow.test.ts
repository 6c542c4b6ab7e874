import { describe, expect, it } from 'vitest';
import { buildLineageGraph } from '@/core/lineage';
import type { Relation } from '@/core/model';
import { applyLayout, layoutKey, layoutRequestOf, NODE_HEIGHT, NODE_WIDTH, toFlowElements } from './toFlow';
import { catalogView, factsByKey, neighbourhoodView, parseDepth } from './viewModel';

const rel = (
  child: string,
  type: string,
  parent: string,
  origin: 'declared' | 'inferred' = 'declared',
): Relation => ({
  child,
  type,
  parent,
  origin,
  evidence: `${origin} in test`,
});

const assets = [
  { id: 'org/ft2', kind: 'model', name: 'ft2', placeholder: false, license: 'MIT' },
  { id: 'org/ft1', kind: 'model', name: 'ft1', placeholder: false, license: 'Apache-2.0' },
  { id: 'org/data', kind: 'dataset', name: 'data', placeholder: false },
];
const relations = [
  rel('org/ft2', 'finetune_of', 'org/ft1', 'inferred'),
  rel('org/ft1', 'finetune_of', 'base/missing'),
  rel('org/ft1', 'trained_on', 'org/data'),
  ...Array.from({ length: 12 }, (_, i) => rel(`q/ft1-q${i}`, 'quantized_from', 'org/ft1')),
];

describe('neighbourhoodView', () => {
  const graph = buildLineageGraph(relations, assets);
  const facts = factsByKey(assets);

  it('shows ancestors to the requested depth, placeholders and grouped fan-outs', () => {
    const view = neighbourhoodView(graph, facts, 'org/ft2', { up: 'all', down: 1 });
    const ids = view.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['org/ft2', 'org/ft1', 'base/missing', 'org/data']));
    expect(view.nodes.find((n) => n.id === 'base/missing')).toMatchObject({
      placeholder: true,
      kind: 'model',
    });
    expect(view.nodes.find((n) => n.id === 'org/ft2')).toMatchObject({
      focus: true,
      license: 'MIT',
      level: 0,
    });
    const inferred = view.edges.find((e) => e.child === 'org/ft2');
    expect(inferred).toMatchObject({ origin: 'inferred', label: 'fine-tune of', type: 'finetune_of' });
    // Depth 1 upwards stops at the parent.
    const one = neighbourhoodView(graph, facts, 'org/ft2', { up: 1, down: 1 });
    expect(one.nodes.map((n) => n.id).sort()).toEqual(['org/ft1', 'org/ft2']);
  });

  it('groups wide fan-outs and expands them on request', () => {
    const view = neighbourhoodView(graph, facts, 'org/ft1', { up: 'all', down: 1 });
    expect(view.groups).toHaveLength(1);
    expect(view.groups[0]!.label).toBe('+ 4 quantizations');
    expect(view.allEdges.length).toBeGreaterThan(view.edges.length);
    const open = neighbourhoodView(graph, facts, 'org/ft1', {
      up: 'all',
      down: 1,
      expanded: [view.groups[0]!.id],
    });
    expect(open.groups).toHaveLength(0);
    expect(open.nodes.filter((n) => n.id.startsWith('q/'))).toHaveLength(12);
  });

  it('unknown ids give an empty view', () => {
    expect(neighbourhoodView(graph, facts, 'nope/nope', { up: 'all', down: 'all' }).nodes).toEqual([]);
  });
});

describe('catalogView', () => {
  it('lists every asset with lineage (or all) and every edge', () => {
    const graph = buildLineageGraph(relations, [
      ...assets,
      { id: 'lonely/one', kind: 'model', name: 'one', placeholder: false },
    ]);
    const facts = factsByKey(assets);
    const withLineage = catalogView(graph, facts);
    expect(withLineage.nodes.some((n) => n.id === 'lonely/one')).toBe(false);
    expect(withLineage.edges).toHaveLength(relations.length);
    const all = catalogView(graph, facts, { onlyWithLineage: false, threshold: 8 });
    expect(all.nodes.some((n) => n.id === 'lonely/one')).toBe(true);
    expect(all.groups).toHaveLength(1);
  });
});

describe('toFlowElements', () => {
  const graph = buildLineageGraph(relations, assets);
  const view = neighbourhoodView(graph, factsByKey(assets), 'org/ft1', { up: 'all', down: 1 });

  it('makes asset and group nodes with data-asset-id and edges parent → child', () => {
    const flow = toFlowElements(view, (id) => (id === 'org/ft1' ? 'conflict' : undefined));
    const ft1 = flow.nodes.find((n) => n.id === 'org/ft1');
    expect(ft1).toMatchObject({ type: 'asset', width: NODE_WIDTH, height: NODE_HEIGHT });
    expect(ft1?.domAttributes).toMatchObject({ 'data-asset-id': 'org/ft1' });
    expect(ft1?.type === 'asset' && ft1.data.verdict).toBe('conflict');
    expect(ft1?.className).toContain('is-focus');
    const missing = flow.nodes.find((n) => n.id === 'base/missing');
    expect(missing?.className).toContain('is-placeholder');
    const group = flow.nodes.find((n) => n.type === 'fanout');
    expect(group?.domAttributes).toMatchObject({ 'data-group-id': view.groups[0]!.id });
    const edge = flow.edges.find((e) => e.target === 'org/ft1' && e.source === 'base/missing');
    expect(edge).toMatchObject({ type: 'lineage', data: { label: 'fine-tune of', origin: 'declared' } });
    expect(edge?.className).toContain('rel-finetune_of');
    const inferred = flow.edges.find((e) => e.target === 'org/ft2');
    expect(inferred?.className).toContain('is-inferred');
    expect(flow.edges.some((e) => e.source === 'org/ft1' && e.target === view.groups[0]!.id)).toBe(true);
    // every edge end is a node
    const ids = new Set(flow.nodes.map((n) => n.id));
    for (const e of flow.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('a throwing verdict hook is ignored', () => {
    const flow = toFlowElements(view, () => {
      throw new Error('boom');
    });
    expect(flow.nodes.every((n) => n.type !== 'asset' || n.data.verdict === undefined)).toBe(true);
  });

  it('builds the layout request and applies positions; the layout key ignores labels', () => {
    const flow = toFlowElements(view);
    const req = layoutRequestOf(flow);
    expect(req.nodes).toHaveLength(flow.nodes.length);
    expect(req.edges).toHaveLength(flow.edges.length);
    const placed = applyLayout(flow.nodes, { positions: { 'org/ft1': { x: 10, y: 20 } } });
    expect(placed.find((n) => n.id === 'org/ft1')?.position).toEqual({ x: 10, y: 20 });
    expect(layoutKey(toFlowElements(view, () => 'ok'))).toBe(layoutKey(flow));
  });
});

describe('parseDepth', () => {
  it('reads 1, 2, 3 and all', () => {
    expect(parseDepth('all', 1)).toBe('all');
    expect(parseDepth('2', 1)).toBe(2);
    expect(parseDepth('x', 1)).toBe(1);
    expect(parseDepth(null, 'all')).toBe('all');
  });
});
