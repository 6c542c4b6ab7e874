import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { radixTreeFrom, type RadixTree } from './radixTree';

/** The parts of MiniSearch's SearchableMap the test uses. */
type Searchable = Map<string, number> & {
  _tree: RadixTree<number>;
  atPrefix(prefix: string): Map<string, number>;
  fuzzyGet(key: string, maxEditDistance: number): Map<string, [number, number]>;
};

/** A SearchableMap (MiniSearch's index map) with `keys` set one by one. */
function mapOf(keys: readonly string[]) {
  const idx = new MiniSearch({ fields: ['t'] });
  const map = (idx as unknown as { _index: Searchable })._index;
  keys.forEach((k, i) => map.set(k, i));
  return map;
}

const KEYS = ['llama', 'llamas', 'llm', 'mistral', 'mist', 'mi', 'a', 'ab', 'abc', 'abd', 'b', 'zz', 'z'];

describe('radix tree from keys in iteration order', () => {
  it('builds the tree set() builds, iterating in the same order', () => {
    const map = mapOf(KEYS);
    const order = [...map.keys()];
    const values = new Map([...map.entries()]);
    const tree = radixTreeFrom(order, (i) => values.get(order[i] ?? '') ?? -1);
    expect(tree).toEqual(map._tree);
    const rebuilt = mapOf([]);
    if (!tree) throw new Error('no tree');
    rebuilt._tree = tree;
    expect([...rebuilt.entries()]).toEqual([...map.entries()]);
    expect(rebuilt.get('mist')).toBe(KEYS.indexOf('mist'));
    expect([...rebuilt.atPrefix('ll').keys()].sort()).toEqual(['llama', 'llamas', 'llm']);
    expect([...rebuilt.fuzzyGet('mistrla', 2).keys()]).toEqual(['mistral']);
  });

  it('handles no keys, one key and the empty key', () => {
    expect(radixTreeFrom([], () => 0)).toEqual(new Map());
    const one = mapOf(['solo']);
    expect(radixTreeFrom(['solo'], () => 0)).toEqual(one._tree);
    const withEmpty = mapOf(['', 'x']);
    const order = [...withEmpty.keys()];
    expect(radixTreeFrom(order, (i) => (order[i] === '' ? 0 : 1))).toEqual(withEmpty._tree);
  });

  it('refuses repeated keys and keys not in any iteration order', () => {
    expect(radixTreeFrom(['a', 'b', 'a'], () => 0)).toBeUndefined();
    expect(radixTreeFrom(['ab', 'b', 'ac'], () => 0)).toBeUndefined();
    expect(radixTreeFrom(['x', 'x'], () => 0)).toBeUndefined();
  });
});
