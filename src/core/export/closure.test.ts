import { describe, expect, it } from 'vitest';
import { lineageClosure } from './closure';

describe('lineageClosure', () => {
  it('collects ancestors transitively, roots first, never descendants, cycles visited once', () => {
    const edges = [
      { childKey: 'chat', parentKey: 'base' },
      { childKey: 'chat', parentKey: 'data' },
      { childKey: 'base', parentKey: 'pretrain' },
      { childKey: 'quant', parentKey: 'chat' },
      { childKey: 'pretrain', parentKey: 'chat' },
    ];
    expect(lineageClosure(['chat'], edges)).toEqual(['chat', 'base', 'data', 'pretrain']);
    expect(lineageClosure(['data'], edges)).toEqual(['data']);
    expect(lineageClosure(['quant', 'quant'], edges)).toEqual(['quant', 'chat', 'base', 'data', 'pretrain']);
  });
});
