import { describe, expect, it } from 'vitest';
import type { RelationRow, StoredAsset } from '../catalog/rows';
import { summarizeLicenses } from './licenseSummary';

function asset(id: string, license: string, placeholder = false): StoredAsset {
  return {
    id,
    key: id,
    kind: 'model',
    name: id.split('/')[1] ?? id,
    license: { raw: license.toLowerCase(), normalized: license },
    createdAt: 't',
    updatedAt: 't',
    contributions: [],
    fieldSources: {},
    ...(placeholder ? { placeholder: true } : {}),
  };
}

describe('summarizeLicenses', () => {
  it('gives a verdict per real asset and a NOTICE for the chosen roots naming their ancestors', () => {
    const rel: RelationRow = {
      id: 'a/ft|finetune_of|a/base',
      child: 'a/ft',
      childKey: 'a/ft',
      parent: 'a/base',
      parentKey: 'a/base',
      type: 'finetune_of',
      origin: 'declared',
      vias: ['x'],
    };
    const s = summarizeLicenses(
      { assets: [asset('a/ft', 'Apache-2.0'), asset('a/base', 'MIT')], relations: [rel] },
      { roots: ['a/ft'] },
    );
    expect(s?.results.map((r) => r.id)).toEqual(['a/ft', 'a/base']);
    expect(s?.results.every((r) => ['ok', 'warning', 'review', 'conflict'].includes(r.verdict))).toBe(true);
    expect(s?.notice).toContain('NOTICE for ft');
    expect(s?.notice).toContain('base');
    expect(s?.notice).not.toContain('NOTICE for base');
  });
});
