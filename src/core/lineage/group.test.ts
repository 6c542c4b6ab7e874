import { describe, expect, it } from 'vitest';
import type { Relation } from '../model';
import {
  buildLineageGraph,
  groupFanOut,
  groupLabel,
  relationChildNoun,
  relationLabel,
  subgraphAround,
} from './index';

function rel(child: string, type: string, parent: string): Relation {
  return { child, type, parent, origin: 'declared' };
}

function fanOut(): Relation[] {
  const rels: Relation[] = [rel('base', 'finetune_of', 'grand')];
  for (let i = 0; i < 40; i++) rels.push(rel(`ft-${i}`, 'finetune_of', 'base'));
  for (let i = 0; i < 15; i++) rels.push(rel(`q-${i}`, 'quantized_from', 'base'));
  rels.push(rel('adapter-1', 'adapter_of', 'base'));
  // ft-0 has its own child, merge-x has a second parent: neither may be hidden.
  rels.push(rel('ft-0-q', 'quantized_from', 'ft-0'));
  rels.push(rel('merge-x', 'finetune_of', 'base'));
  rels.push(rel('merge-x', 'finetune_of', 'grand'));
  return rels;
}

describe('groupFanOut', () => {
  const g = buildLineageGraph(fanOut());
  const view = subgraphAround(g, 'base');

  it('collapses children of one type beyond the threshold, per type', () => {
    const r = groupFanOut(view, { threshold: 3, keep: ['base'] });
    const ft = r.groups.find((x) => x.type === 'finetune_of');
    const q = r.groups.find((x) => x.type === 'quantized_from' && x.parent === 'base');
    // 41 fine-tune children: ft-0 and merge-x are fixed, 1 more fits in the budget of 3.
    expect(ft?.count).toBe(38);
    expect(ft?.label).toBe('+ 38 fine-tunes');
    expect(ft?.hiddenIds).not.toContain('ft-0');
    expect(ft?.hiddenIds).not.toContain('merge-x');
    expect(ft?.hiddenIds).not.toContain('ft-1');
    expect(ft?.hiddenIds[0]).toBe('ft-2');
    expect(q?.count).toBe(12);
    expect(q?.label).toBe('+ 12 quantizations');
    expect(r.groups).toHaveLength(2); // adapters (1) and ft-0's quantization (1) stay
    const visibleFt = r.edges.filter((e) => e.parent === 'base' && e.type === 'finetune_of');
    expect(visibleFt.map((e) => e.child)).toEqual(['ft-0', 'ft-1', 'merge-x']);
    expect(r.nodes).toHaveLength(view.nodes.length - 38 - 12);
    expect(r.groupEdges).toEqual([
      { id: `${ft?.id}|edge`, child: ft?.id, parent: 'base', type: 'finetune_of' },
      { id: `${q?.id}|edge`, child: q?.id, parent: 'base', type: 'quantized_from' },
    ]);
    const hidden = new Set([...(ft?.hiddenIds ?? []), ...(q?.hiddenIds ?? [])]);
    expect(r.nodes.some((n) => hidden.has(n.id))).toBe(false);
    expect(r.edges.some((e) => hidden.has(e.child) || hidden.has(e.parent))).toBe(false);
  });

  it('leaves expanded groups open, never hides kept ids and does not mutate the input', () => {
    const before = view.nodes.length;
    const first = groupFanOut(view, { threshold: 3 });
    const ftGroup = first.groups.find((x) => x.type === 'finetune_of');
    const r = groupFanOut(view, { threshold: 3, expanded: [ftGroup!.id], keep: ['Q-14'] });
    expect(r.groups.map((x) => x.type)).toEqual(['quantized_from']);
    expect(r.groups[0]?.hiddenIds).not.toContain('q-14');
    expect(r.nodes.some((n) => n.id === 'q-14')).toBe(true);
    expect(view.nodes).toHaveLength(before);
  });

  it('does nothing below the threshold or with a non-number threshold; 0 groups all collapsible', () => {
    expect(groupFanOut(view, { threshold: 100 }).groups).toEqual([]);
    expect(groupFanOut(view, { threshold: Number.NaN }).nodes).toHaveLength(view.nodes.length);
    const zero = groupFanOut(view, { threshold: 0 });
    expect(zero.groups.find((x) => x.type === 'adapter_of')?.label).toBe('+ 1 adapter');
    expect(groupFanOut({ nodes: [], edges: [] }, { threshold: 2 })).toEqual({
      nodes: [],
      edges: [],
      groups: [],
      groupEdges: [],
    });
  });

  it('works on plain UI-shaped nodes and edges, case-insensitively', () => {
    const nodes = [{ id: 'P' }, { id: 'c1' }, { id: 'c2' }, { id: 'c3' }];
    const edges = ['C1', 'c2', 'c3'].map((c) => ({ child: c, parent: 'p', type: 'trained_on', label: 'x' }));
    const r = groupFanOut({ nodes, edges }, { threshold: 1 });
    expect(r.groups[0]).toMatchObject({
      parent: 'P',
      count: 2,
      hiddenIds: ['c2', 'c3'],
      label: '+ 2 models trained on it',
    });
    expect(r.edges).toEqual([edges[0]]);
  });
});

describe('relation labels', () => {
  it('labels every known relation type and falls back for unknown ones', () => {
    expect(relationLabel('finetune_of')).toBe('fine-tune of');
    expect(relationLabel('quantized_from')).toBe('quantized from');
    expect(relationLabel('trained_on')).toBe('trained on');
    expect(relationLabel('custom_link')).toBe('custom link');
    expect(relationLabel('')).toBe('related to');
    expect(relationLabel('toString')).toBe('toString');
  });

  it('uses singular and plural nouns for groups', () => {
    expect(relationChildNoun('finetune_of', 1)).toBe('fine-tune');
    expect(relationChildNoun('finetune_of', 2)).toBe('fine-tunes');
    expect(groupLabel('finetune_of', 37)).toBe('+ 37 fine-tunes');
    expect(groupLabel('quantized_from', 12)).toBe('+ 12 quantizations');
    expect(groupLabel('merge_of', 1)).toBe('+ 1 merge');
    expect(groupLabel('adapter_of', 3)).toBe('+ 3 adapters');
    expect(groupLabel('weird', 2)).toBe('+ 2 related assets');
    expect(groupLabel('finetune_of', Number.NaN)).toBe('+ 0 fine-tunes');
  });
});
