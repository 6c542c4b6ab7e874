import { describe, expect, it } from 'vitest';
import { matchQuery } from '@tanstack/react-query';
import { catalogInvalidations, catalogKeys, type CatalogQueryArgs } from './queryKeys';
import type { CatalogTable } from '@/workers/catalogEvents';

const args: CatalogQueryArgs = {
  q: 'llama',
  facets: { license: ['mit'] },
  sort: undefined,
  licenseKey: 'k1',
};

/** Whether invalidating `prefix` reaches a query with `key` (react-query's own matching). */
function reaches(prefix: readonly unknown[], key: readonly unknown[]): boolean {
  return matchQuery({ queryKey: prefix }, { queryHash: JSON.stringify(key), queryKey: key } as never);
}

describe('catalogKeys', () => {
  it('puts every catalog read under catalogKeys.all', () => {
    for (const key of [
      catalogKeys.rows(),
      catalogKeys.persistedRows(),
      catalogKeys.query(args, 's1'),
      catalogKeys.suggest('lla'),
    ])
      expect(reaches(catalogKeys.all, key)).toBe(true);
  });

  it('gives a query a key per view and per snapshot', () => {
    expect(catalogKeys.query(args, 's1')).toEqual(catalogKeys.query({ ...args }, 's1'));
    expect(catalogKeys.query(args, 's1')).not.toEqual(catalogKeys.query(args, 's2'));
    expect(catalogKeys.query(args, 's1')).not.toEqual(catalogKeys.query({ ...args, q: 'mistral' }, 's1'));
    expect(catalogKeys.query(args, 's1')).not.toEqual(catalogKeys.query({ ...args, licenseKey: 'k2' }, 's1'));
    expect(reaches(catalogKeys.queries(), catalogKeys.query(args, 's1'))).toBe(true);
    expect(reaches(catalogKeys.suggestions(), catalogKeys.suggest('lla'))).toBe(true);
    expect(reaches(catalogKeys.rows(), catalogKeys.persistedRows())).toBe(false);
  });
});

describe('catalogInvalidations', () => {
  const change = (...tables: CatalogTable[]) => ({ origin: 'local' as const, tables });

  it.each<CatalogTable>(['assets', 'relations', 'versions'])(
    'a write to %s makes rows and suggestions stale',
    (t) => {
      expect(catalogInvalidations(change(t))).toEqual([catalogKeys.rows(), catalogKeys.suggestions()]);
      expect(catalogInvalidations({ ...change(t), origin: 'remote', keys: ['a/b'] })).toEqual([
        catalogKeys.rows(),
        catalogKeys.suggestions(),
      ]);
    },
  );

  it.each<CatalogTable>([
    'curation',
    'collections',
    'edgeDecisions',
    'savedViews',
    'settings',
    'imports',
    'audit',
  ])('a write to %s alone changes nothing search shows', (t) => {
    expect(catalogInvalidations(change(t))).toEqual([]);
  });

  it('never names query results: a new snapshot is a new key, and the persisted rows are read once', () => {
    const keys = catalogInvalidations(change('assets', 'relations', 'versions', 'curation'));
    expect(keys.some((k) => reaches(k, catalogKeys.query(args, 's1')))).toBe(false);
    expect(keys.some((k) => reaches(k, catalogKeys.persistedRows()))).toBe(false);
    expect(keys.some((k) => reaches(k, catalogKeys.rows()))).toBe(true);
    expect(keys.some((k) => reaches(k, catalogKeys.suggest('x')))).toBe(true);
  });
});
