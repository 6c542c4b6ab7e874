import { describe, expect, it } from 'vitest';
import { isPermutation } from './columns';

describe('isPermutation', () => {
  it('accepts each of 0..n-1 once, in any order', () => {
    expect(isPermutation(Uint32Array.from([2, 0, 1]), 3)).toBe(true);
    expect(isPermutation(new Uint32Array(0), 0)).toBe(true);
  });

  it('refuses repeats, out-of-range values and other lengths', () => {
    expect(isPermutation(Uint32Array.from([0, 0, 1]), 3)).toBe(false);
    expect(isPermutation(Uint32Array.from([0, 1, 3]), 3)).toBe(false);
    expect(isPermutation(Uint32Array.from([0, 1]), 3)).toBe(false);
    expect(isPermutation(Uint32Array.from([0, 1, 2, 3]), 3)).toBe(false);
  });
});
