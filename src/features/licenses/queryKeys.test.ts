import { describe, expect, it } from 'vitest';
import { matchQuery } from '@tanstack/react-query';
import { licenseInvalidations, licenseKeys } from './queryKeys';
import type { CatalogTable } from '@/workers/catalogEvents';

function reaches(prefix: readonly unknown[], key: readonly unknown[]): boolean {
  return matchQuery({ queryKey: prefix }, { queryHash: JSON.stringify(key), queryKey: key } as never);
}

const every = [
  licenseKeys.asset('acme/model', 's'),
  licenseKeys.report('s'),
  licenseKeys.lineage('acme/model', 's'),
  licenseKeys.sweep('s'),
  licenseKeys.facet('s'),
];

describe('licenseKeys', () => {
  it('puts every licence read under licenseKeys.all, with the settings as the last part', () => {
    for (const key of every) {
      expect(reaches(licenseKeys.all, key)).toBe(true);
      expect(key[key.length - 1]).toBe('s');
    }
    expect(licenseKeys.asset('a', 's1')).not.toEqual(licenseKeys.asset('a', 's2'));
    expect(licenseKeys.asset('a', 's1')).not.toEqual(licenseKeys.asset('b', 's1'));
    expect(licenseKeys.sweep('s')).not.toEqual(licenseKeys.facet('s'));
  });
});

describe('licenseInvalidations', () => {
  const change = (tables: CatalogTable[], keys?: string[]) => ({
    origin: 'local' as const,
    tables,
    ...(keys ? { keys } : {}),
  });

  it.each<CatalogTable>(['assets', 'relations', 'edgeDecisions'])(
    'a write to %s makes every verdict stale (a verdict depends on the whole ancestry)',
    (t) => {
      const keys = licenseInvalidations(change([t], ['acme/other']));
      expect(keys).toEqual([licenseKeys.all]);
      for (const key of every) expect(keys.some((k) => reaches(k, key))).toBe(true);
    },
  );

  it.each<CatalogTable>([
    'versions',
    'curation',
    'collections',
    'savedViews',
    'settings',
    'imports',
    'audit',
  ])('a write to %s alone leaves verdicts alone (settings are part of the keys)', (t) => {
    expect(licenseInvalidations(change([t]))).toEqual([]);
  });
});
