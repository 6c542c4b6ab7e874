import { describe, expect, it } from 'vitest';
import type { Relation } from '../model';
import { buildLineageGraph, getNode } from './index';

function rel(child: string, type: string, parent: string, origin: Relation['origin'] = 'declared'): Relation {
  return { child, type, parent, origin };
}

describe('buildLineageGraph', () => {
  it('indexes nodes by case-insensitive key and keeps the asset spelling as display id', () => {
    const g = buildLineageGraph(
      [rel('ORG/Child', 'finetune_of', 'meta-llama/llama-3-8b'), rel('org/child', 'trained_on', 'Data/Set')],
      [
        { id: 'Meta-Llama/Llama-3-8B', kind: 'model', name: 'Llama 3 8B' },
        { id: 'org/child', kind: 'model' },
      ],
    );
    expect(g.nodes.size).toBe(3);
    expect(getNode(g, 'meta-llama/LLAMA-3-8b')?.id).toBe('Meta-Llama/Llama-3-8B');
    expect(getNode(g, '  ORG/CHILD  ')?.id).toBe('org/child');
    const e = g.edges[0];
    expect(e?.child).toBe('org/child');
    expect(e?.parent).toBe('Meta-Llama/Llama-3-8B');
    expect(g.parents.get('org/child')?.map((x) => x.type)).toEqual(['finetune_of', 'trained_on']);
    expect(g.children.get('meta-llama/llama-3-8b')?.map((x) => x.child)).toEqual(['org/child']);
  });

  it('marks ids that are only referenced as placeholders and infers their kind', () => {
    const g = buildLineageGraph(
      [
        rel('a/ft', 'finetune_of', 'base/model'),
        rel('a/ft', 'trained_on', 'some/data'),
        rel('a/ft', 'uses_code', 'gh/repo'),
        rel('a/ft', 'depends_on', 'lib/x'),
      ],
      [{ id: 'a/ft', kind: 'model' }],
    );
    expect(getNode(g, 'a/ft')).toMatchObject({ placeholder: false, kind: 'model' });
    expect(getNode(g, 'base/model')).toMatchObject({ placeholder: true, kind: 'model' });
    expect(getNode(g, 'some/data')).toMatchObject({ placeholder: true, kind: 'dataset' });
    expect(getNode(g, 'gh/repo')).toMatchObject({ placeholder: true, kind: 'code' });
    expect(getNode(g, 'lib/x')).toMatchObject({ placeholder: true, kind: 'unknown' });
  });

  it('keeps a real asset kind and a self-declared placeholder flag', () => {
    const g = buildLineageGraph(
      [rel('m/x', 'trained_on', 'd/y')],
      [
        { id: 'd/y', kind: 'code' },
        { id: 'p/q', placeholder: true },
        { id: 'P/Q', kind: 'model' },
      ],
    );
    expect(getNode(g, 'd/y')).toMatchObject({ kind: 'code', placeholder: false });
    // The real asset replaces the earlier placeholder entry with the same key.
    expect(getNode(g, 'p/q')).toMatchObject({ id: 'P/Q', kind: 'model', placeholder: false });
  });

  it('creates nodes for assets without relations, and every node is a placeholder without assets', () => {
    const withAssets = buildLineageGraph([], [{ id: 'lonely/one', kind: 'dataset' }]);
    expect(getNode(withAssets, 'lonely/one')).toMatchObject({ placeholder: false, kind: 'dataset' });
    const noAssets = buildLineageGraph([rel('a', 'finetune_of', 'b')]);
    expect([...noAssets.nodes.values()].every((n) => n.placeholder)).toBe(true);
  });

  it('deduplicates relations by key and prefers a declared one over an inferred one', () => {
    const inferred = rel('a/b', 'finetune_of', 'c/d', 'inferred');
    const declared = rel('A/B', 'finetune_of', 'C/D', 'declared');
    const g = buildLineageGraph([inferred, declared, rel('a/b', 'finetune_of', 'c/d', 'inferred')]);
    expect(g.edges).toHaveLength(1);
    expect(g.edges[0]?.relation).toBe(declared);
    expect(g.edges[0]?.id).toBe('a/b|finetune_of|c/d');
    // Same pair, different type: a distinct edge.
    const g2 = buildLineageGraph([rel('a', 'finetune_of', 'b'), rel('a', 'adapter_of', 'b')]);
    expect(g2.edges).toHaveLength(2);
  });

  it('excludes rejected relations and lists them', () => {
    const bad = rel('x', 'finetune_of', 'y');
    const g = buildLineageGraph([bad, rel('x', 'trained_on', 'z')], undefined, {
      isRejected: (r) => r === bad,
    });
    expect(g.edges.map((e) => e.type)).toEqual(['trained_on']);
    expect(g.rejected).toEqual([bad]);
    // Only ids of kept relations become nodes.
    expect(getNode(g, 'y')).toBeUndefined();
  });

  it('treats a throwing isRejected as "not rejected"', () => {
    const g = buildLineageGraph([rel('x', 'finetune_of', 'y')], [], {
      isRejected: () => {
        throw new Error('boom');
      },
    });
    expect(g.edges).toHaveLength(1);
  });

  it('never throws on malformed input', () => {
    const junk = [
      null,
      42,
      { child: '', type: 'finetune_of', parent: 'b', origin: 'declared' },
      { child: 'a', type: 'finetune_of', origin: 'declared' },
      { child: 'a', type: 7, parent: 'b', origin: 'declared' },
      rel('ok/child', 'finetune_of', 'ok/parent'),
    ] as unknown as Relation[];
    const assets = [null, { id: '' }, { id: 3 }, { id: 'fine/asset' }] as unknown as { id: string }[];
    const g = buildLineageGraph(junk, assets);
    expect(g.edges).toHaveLength(1);
    expect(g.invalid).toHaveLength(5);
    expect(g.nodes.size).toBe(3);
    expect(buildLineageGraph(undefined as unknown as Relation[], 5 as unknown as []).nodes.size).toBe(0);
    expect(getNode(g, undefined as unknown as string)).toBeUndefined();
  });

  it('keeps self-relations (reported by findCycles, skipped by traversal)', () => {
    const g = buildLineageGraph([rel('Self/Ref', 'finetune_of', 'self/ref')]);
    expect(g.nodes.size).toBe(1);
    expect(g.edges[0]?.childKey).toBe(g.edges[0]?.parentKey);
  });
});
