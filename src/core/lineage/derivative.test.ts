import { describe, expect, it } from 'vitest';
import type { Relation } from '../model';
import { buildLineageGraph, derivativeType, hasLineage } from './index';

function rel(child: string, type: string, parent: string): Relation {
  return { child, type, parent, origin: 'declared' };
}

const g = buildLineageGraph([
  rel('ft', 'finetune_of', 'base'),
  rel('ft', 'trained_on', 'data'),
  rel('lora', 'adapter_of', 'base'),
  rel('gguf', 'quantized_from', 'ft'),
  rel('merge', 'merge_of', 'ft'),
  rel('merge', 'merge_of', 'lora'),
  rel('q-of-merge', 'quantized_from', 'merge'),
  rel('multi-base', 'finetune_of', 'a'),
  rel('multi-base', 'finetune_of', 'b'),
  rel('self', 'finetune_of', 'self'),
  rel('only-data', 'trained_on', 'data'),
  rel('declared-merge', 'merge_of', 'a'),
  rel('declared-merge', 'finetune_of', 'b'),
]);

describe('derivativeType', () => {
  it('reads the type from outgoing model relations', () => {
    expect(derivativeType(g, 'ft')).toBe('finetune');
    expect(derivativeType(g, 'LORA')).toBe('adapter');
    expect(derivativeType(g, 'gguf')).toBe('quantized');
    expect(derivativeType(g, 'merge')).toBe('merge');
    expect(derivativeType(g, 'q-of-merge')).toBe('quantized');
    expect(derivativeType(g, 'declared-merge')).toBe('merge');
  });

  it('calls a fine-tune of several bases a merge (HF Hub rule)', () => {
    expect(derivativeType(g, 'multi-base')).toBe('merge');
  });

  it('returns original for bases, datasets-only, self-relations and unknown ids', () => {
    expect(derivativeType(g, 'base')).toBe('original');
    expect(derivativeType(g, 'only-data')).toBe('original');
    expect(derivativeType(g, 'self')).toBe('original');
    expect(derivativeType(g, 'nope')).toBe('original');
    expect(derivativeType(g, null as unknown as string)).toBe('original');
  });
});

describe('hasLineage', () => {
  it('is true with a parent or a child, false otherwise', () => {
    expect(hasLineage(g, 'ft')).toBe(true);
    expect(hasLineage(g, 'base')).toBe(true);
    expect(hasLineage(g, 'data')).toBe(true);
    expect(hasLineage(g, 'self')).toBe(false);
    expect(hasLineage(g, 'unknown')).toBe(false);
    const lonely = buildLineageGraph([], [{ id: 'lonely' }]);
    expect(hasLineage(lonely, 'lonely')).toBe(false);
  });
});
