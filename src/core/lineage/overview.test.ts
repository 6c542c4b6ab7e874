import { describe, expect, it } from 'vitest';
import { ancestryIds, findAsset, lineageFamilies } from './index';

const edge = (child: string, parent: string) => ({ child, parent });
const nodes = (...ids: string[]) => ids.map((id) => ({ id, name: id.split('/').pop() ?? id }));

describe('lineageFamilies', () => {
  it('splits the view into connected components, largest first, each named by its root', () => {
    const families = lineageFamilies(
      nodes('s/solo', 'a/base', 'a/ft', 'a/ft-q', 'a/data', 'b/base', 'b/ft', 'z/x', 'z/y'),
      [
        edge('a/ft', 'a/base'),
        edge('a/ft', 'a/data'),
        edge('a/ft-q', 'a/ft'),
        edge('b/ft', 'b/base'),
        edge('z/x', 'z/y'),
      ],
    );
    expect(families.map((f) => [f.rootId, f.size, f.edgeCount])).toEqual([
      ['a/base', 4, 3],
      ['b/base', 2, 1],
      ['z/y', 2, 1],
      ['s/solo', 1, 0],
    ]);
    const [a] = families;
    expect(a?.id).toBe('a/base');
    expect(a?.rootIds).toEqual(['a/base', 'a/data']);
    expect(a?.nodeIds).toEqual(expect.arrayContaining(['a/base', 'a/ft', 'a/ft-q', 'a/data']));
  });

  it('names a family by the root that reaches most of it, not the first one', () => {
    const families = lineageFamilies(nodes('d/set', 'm/base', 'm/ft1', 'm/ft2', 'm/ft3'), [
      edge('m/ft1', 'd/set'),
      edge('m/ft1', 'm/base'),
      edge('m/ft2', 'm/base'),
      edge('m/ft3', 'm/ft2'),
    ]);
    expect(families).toHaveLength(1);
    expect(families[0]?.rootId).toBe('m/base');
    expect(families[0]?.rootIds).toEqual(['m/base', 'd/set']);
  });

  it('joins ids case-insensitively, ignores self-edges and edges to nodes outside the view', () => {
    const families = lineageFamilies(nodes('Org/A', 'org/b', 'org/c'), [
      edge('ORG/B', 'org/a'),
      edge('org/c', 'org/c'),
      edge('org/c', 'elsewhere/x'),
    ]);
    expect(families.map((f) => [f.rootId, f.size])).toEqual([
      ['Org/A', 2],
      ['org/c', 1],
    ]);
  });

  it('names a family that is one cycle by its first id', () => {
    const families = lineageFamilies(nodes('c/2', 'c/1', 'c/3'), [
      edge('c/1', 'c/2'),
      edge('c/2', 'c/3'),
      edge('c/3', 'c/1'),
    ]);
    expect(families.map((f) => [f.rootId, f.rootIds, f.size])).toEqual([['c/1', ['c/1'], 3]]);
  });

  it('splits a 2,000-node view in one linear pass', () => {
    const ids: string[] = [];
    const edges: { child: string; parent: string }[] = [];
    for (let b = 0; b < 40; b++) {
      ids.push(`base/${b}`);
      for (let i = 0; i < 49; i++) {
        ids.push(`ft/${b}-${i}`);
        edges.push(edge(`ft/${b}-${i}`, i === 0 ? `base/${b}` : `ft/${b}-${i - 1}`));
      }
    }
    const families = lineageFamilies(nodes(...ids), edges);
    expect(families).toHaveLength(40);
    expect(families.every((f) => f.size === 50 && f.rootId.startsWith('base/'))).toBe(true);
  });
});

describe('ancestryIds', () => {
  const edges = [
    edge('a/ft-q', 'a/ft'),
    edge('a/ft', 'a/base'),
    edge('a/ft', 'a/data'),
    edge('a/other', 'a/base'),
    edge('a/loop1', 'a/loop2'),
    edge('a/loop2', 'a/loop1'),
  ];

  it('lists the asset first, then every ancestor once', () => {
    expect(ancestryIds('a/ft-q', edges)).toEqual(['a/ft-q', 'a/ft', 'a/base', 'a/data']);
    expect(ancestryIds('A/FT', edges)).toEqual(['A/FT', 'a/base', 'a/data']);
  });

  it('never lists descendants or siblings, and walks cycles once', () => {
    expect(ancestryIds('a/base', edges)).toEqual(['a/base']);
    expect(ancestryIds('a/loop1', edges)).toEqual(['a/loop1', 'a/loop2']);
  });
});

describe('findAsset', () => {
  const candidates = nodes('tarnlab/chat-7b-math', 'tarnlab/chat-7b', 'tarnlab/base-7b', 'other/chat');

  it('prefers an exact id, then an exact name, then the shortest prefix, then the shortest substring', () => {
    expect(findAsset('TarnLab/Chat-7B', candidates)?.id).toBe('tarnlab/chat-7b');
    expect(findAsset(' chat-7b ', candidates)?.id).toBe('tarnlab/chat-7b');
    expect(findAsset('chat-7b-m', candidates)?.id).toBe('tarnlab/chat-7b-math');
    expect(findAsset('cha', candidates)?.id).toBe('other/chat');
    expect(findAsset('7b', candidates)?.id).toBe('tarnlab/base-7b');
  });

  it('finds nothing for an empty or unknown query', () => {
    expect(findAsset('  ', candidates)).toBeUndefined();
    expect(findAsset('llama', candidates)).toBeUndefined();
  });
});
