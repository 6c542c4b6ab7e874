import { describe, expect, it } from 'vitest';
import { LazyKeyMap } from './lazyKeyMap';

describe('LazyKeyMap', () => {
  it('answers like a filled Map, filling on the first lookup and not before', () => {
    const keys = ['a', 'b', 'c'];
    const m = new LazyKeyMap(keys);
    expect(m.size).toBe(3);
    expect(m.filled).toBe(false);
    expect(m.get('b')).toBe(1);
    expect(m.filled).toBe(true);
    expect(m.get('zz')).toBeUndefined();
    expect([...m]).toEqual([...new Map(keys.map((k, i) => [k, i]))]);
  });

  it('takes changes like a Map, whichever method comes first', () => {
    const ops: ((m: Map<string, number>) => unknown)[] = [
      (m) => m.set('d', 3).get('d'),
      (m) => m.delete('a'),
      (m) => m.has('c'),
      (m) => [...m.keys()],
      (m) => [...m.values()],
      (m) => [...m.entries()],
      (m) => {
        const seen: string[] = [];
        m.forEach((_, k) => seen.push(k));
        return seen;
      },
    ];
    for (const op of ops) {
      const lazy = new LazyKeyMap(['a', 'b', 'c']);
      const plain = new Map([
        ['a', 0],
        ['b', 1],
        ['c', 2],
      ]);
      expect(op(lazy)).toEqual(op(plain));
      expect([...lazy]).toEqual([...plain]);
      expect(lazy.size).toBe(plain.size);
    }
    const cleared = new LazyKeyMap(['a']);
    cleared.clear();
    expect([cleared.size, cleared.get('a')]).toEqual([0, undefined]);
  });

  it('with repeated keys, fills like new Map (last position wins) and then reports the real size', () => {
    const m = new LazyKeyMap(['a', 'b', 'a']);
    expect(m.size).toBe(3);
    m.fill();
    expect([m.size, m.get('a')]).toEqual([2, 2]);
  });
});
