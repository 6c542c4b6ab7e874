import { describe, expect, it } from 'vitest';
import { ancestryIds, buildLineageGraph, lineageFamilies } from '@/core/lineage';
import type { Relation } from '@/core/model';
import { NODE_HEIGHT, NODE_WIDTH, overviewPaths, toFlowElements, viewportAround } from './toFlow';
import {
  catalogNodes,
  catalogView,
  choiceOf,
  factsByKey,
  familyChoices,
  familyPickerOptions,
  NO_LINEAGE_CHOICE,
  pickFamily,
} from './viewModel';

const rel = (child: string, type: string, parent: string): Relation => ({
  child,
  type,
  parent,
  origin: 'declared',
});

const assets = [
  { id: 'big/base', kind: 'model', name: 'base', placeholder: false },
  { id: 'big/data', kind: 'dataset', name: 'data', placeholder: false },
  { id: 'small/base', kind: 'model', name: 'base', placeholder: false },
  { id: 'lonely/one', kind: 'model', name: 'one', placeholder: false },
];
const relations = [
  rel('big/ft', 'finetune_of', 'big/base'),
  rel('big/ft', 'trained_on', 'big/data'),
  rel('big/ft-awq', 'quantized_from', 'big/ft'),
  ...Array.from({ length: 10 }, (_, i) => rel(`big/q${i}`, 'quantized_from', 'big/base')),
  rel('small/ft', 'finetune_of', 'small/base'),
];
const graph = buildLineageGraph(relations, assets);
const facts = factsByKey(assets);

function choicesOf(onlyWithLineage: boolean) {
  return familyChoices(lineageFamilies(catalogNodes(graph, onlyWithLineage), graph.edges));
}

describe('family picker', () => {
  it('lists families largest first, labelled by root and size; lone assets share one last entry', () => {
    expect(choicesOf(true).map((c) => c.label)).toEqual(['big/base (14 assets)', 'small/base (2 assets)']);
    const all = choicesOf(false);
    expect(all.map((c) => [c.value, c.label])).toEqual([
      ['big/base', 'big/base (14 assets)'],
      ['small/base', 'small/base (2 assets)'],
      [NO_LINEAGE_CHOICE, 'Assets without lineage (1)'],
    ]);
  });

  it('picks the family a URL names (any case), or the one holding an asset, else the largest', () => {
    const choices = choicesOf(false);
    expect(pickFamily(choices, null)?.value).toBe('big/base');
    expect(pickFamily(choices, 'SMALL/BASE')?.value).toBe('small/base');
    expect(pickFamily(choices, 'small/ft')?.value).toBe('small/base');
    expect(pickFamily(choices, NO_LINEAGE_CHOICE)?.value).toBe(NO_LINEAGE_CHOICE);
    expect(pickFamily(choices, 'nobody/here')?.value).toBe('big/base');
    expect(choiceOf(choices, 'lonely/one')?.value).toBe(NO_LINEAGE_CHOICE);
  });

  it('lists the largest families up to a limit, plus the current one and the lone assets', () => {
    const g = buildLineageGraph(
      Array.from({ length: 250 }, (_, i) => rel(`fam${i}/ft`, 'finetune_of', `fam${i}/base`)),
      [{ id: 'lonely/one', kind: 'model', name: 'one', placeholder: false }],
    );
    const choices = familyChoices(lineageFamilies(catalogNodes(g, false), g.edges));
    expect(choices).toHaveLength(251);
    const top = familyPickerOptions(choices, choices[0], 200);
    expect(top.options.map((c) => c.value).slice(-2)).toEqual([choices[199]?.value, NO_LINEAGE_CHOICE]);
    expect(top.options).toHaveLength(201);
    expect(top.hidden).toBe(50);
    // A family further down (reached by Find or a URL) is listed too, before the lone assets.
    const far = choices[240];
    const withFar = familyPickerOptions(choices, far, 200);
    expect(withFar.options.at(-2)).toBe(far);
    expect(withFar.hidden).toBe(49);
    expect(familyPickerOptions(choices.slice(0, 3), choices[1], 200).hidden).toBe(0);
  });
});

describe('catalogView of one family', () => {
  const [big] = choicesOf(true);

  it('shows only that family, with its wide fan-out grouped', () => {
    const view = catalogView(graph, facts, { only: big?.ids ?? [], threshold: 8 });
    expect(view.nodes.every((n) => n.id.startsWith('big/'))).toBe(true);
    expect(view.edges.every((e) => e.child.startsWith('big/'))).toBe(true);
    expect(view.groups.map((g) => g.label)).toEqual(['+ 2 quantizations']);
  });

  it('never hides a kept (searched) asset in a group', () => {
    const grouped = catalogView(graph, facts, { only: big?.ids ?? [], threshold: 8 });
    const hidden = grouped.groups[0]?.hiddenIds[0] ?? '';
    const kept = catalogView(graph, facts, { only: big?.ids ?? [], threshold: 8, keep: [hidden] });
    expect(kept.nodes.some((n) => n.id === hidden)).toBe(true);
    expect(kept.groups[0]?.hiddenIds).not.toContain(hidden);
  });
});

describe('highlight', () => {
  const view = catalogView(graph, facts, { only: choicesOf(true)[0]?.ids ?? [], threshold: 8 });

  it('marks the asset found and its ancestors, dims the rest, never changes the layout key', () => {
    const flow = toFlowElements(view, undefined, {
      match: 'big/ft-awq',
      ids: ancestryIds('big/ft-awq', view.allEdges),
    });
    const role = (id: string) =>
      (flow.nodes.find((n) => n.id === id)?.domAttributes as Record<string, string> | undefined)?.[
        'data-highlight'
      ];
    expect(role('big/ft-awq')).toBe('match');
    expect(['big/ft', 'big/base', 'big/data'].map(role)).toEqual(['ancestor', 'ancestor', 'ancestor']);
    expect(role('big/q0')).toBe('dimmed');
    expect(flow.nodes.find((n) => n.id === 'big/ft-awq')?.ariaLabel).toContain(', found');
    const lit = flow.edges.filter((e) => e.className?.includes('is-highlighted'));
    expect(lit.map((e) => `${e.target}>${e.source}`).sort()).toEqual([
      'big/ft-awq>big/ft',
      'big/ft>big/base',
      'big/ft>big/data',
    ]);
    expect(flow.nodes.find((n) => n.type === 'fanout')?.className).toContain('is-dimmed');
  });
});

describe('viewportAround', () => {
  const box = (x: number, y: number) => ({ x, y, width: NODE_WIDTH, height: NODE_HEIGHT });

  it('fits the boxes when they fit at a readable zoom', () => {
    const v = viewportAround([box(0, 0), box(300, 200)], box(300, 200), { width: 1000, height: 800 });
    expect(v.zoom).toBe(1.2);
    // centred: the middle of the boxes is the middle of the container
    expect(v.x + ((0 + 520) / 2) * v.zoom).toBeCloseTo(500);
    expect(v.y + ((0 + 264) / 2) * v.zoom).toBeCloseTo(400);
  });

  it('centres on the asset at the minimum zoom when its ancestry is too far spread', () => {
    const v = viewportAround([box(0, 0), box(20_000, 9_000)], box(20_000, 9_000), {
      width: 1000,
      height: 800,
    });
    expect(v.zoom).toBe(0.5);
    expect(v.x + (20_000 + NODE_WIDTH / 2) * 0.5).toBeCloseTo(500);
    expect(v.y + (9_000 + NODE_HEIGHT / 2) * 0.5).toBeCloseTo(400);
  });
});

describe('overviewPaths', () => {
  it('draws every placed node as a box in a path per class and every edge as one line', () => {
    const view = catalogView(graph, facts, { only: choicesOf(true)[0]?.ids ?? [] });
    const flow = toFlowElements(view);
    const positions = Object.fromEntries(flow.nodes.map((n, i) => [n.id, { x: i * 300, y: i * 100 }]));
    const paths = overviewPaths(flow, { positions });
    expect(paths.count).toBe(flow.nodes.length);
    const boxes = paths.boxes.reduce((s, b) => s + (b.d.match(/z/g)?.length ?? 0), 0);
    expect(boxes).toBe(flow.nodes.length);
    expect(paths.boxes.map((b) => b.className).sort()).toEqual(
      ['is-placeholder', 'kind-dataset', 'kind-model'].sort(),
    );
    expect(paths.edges.match(/M/g)).toHaveLength(flow.edges.length);
    expect(paths.litEdges).toBe('');
  });
});
