import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StoredAsset } from '../catalog/rows';
import { toCatalogRow } from '../catalog/catalogRow';
import { buildFacetIndex } from '../catalog/facets';
import { normalizeCatalogLicense } from './evaluate';
import { licenseFamily, licenseIdFamily, LICENSE_FAMILIES, CATEGORY_FAMILY } from './family';
import { licenseInfo } from './info';
import { KB } from './kb';

/** The family the catalog's "License family" facet shows for an asset (its row's value in the facet index). */
function catalogFamily(asset: StoredAsset): string {
  const col = buildFacetIndex([toCatalogRow(asset, [], 0)]).columns.family;
  return col.labels[col.ids[0] ?? 0] ?? '';
}

/** The family the Licenses page shows for an asset (the licence worker's derivation and report). */
function licensesPageFamily(asset: StoredAsset): string {
  return licenseFamily(normalizeCatalogLicense(asset).expression);
}

describe('one licence-family classifier', () => {
  it('the catalog facet and the Licenses page give the same family for every licence in the demo catalog', () => {
    const demo = JSON.parse(readFileSync('public/demo-catalog.json', 'utf8')) as { assets: StoredAsset[] };
    const assets = demo.assets.filter((a) => !a.placeholder);
    expect(assets.length).toBeGreaterThan(100);
    const seen = new Map<string, string>();
    for (const a of assets) {
      const family = catalogFamily(a);
      expect({ id: a.id, license: a.license.normalized, family }).toEqual({
        id: a.id,
        license: a.license.normalized,
        family: licensesPageFamily(a),
      });
      seen.set(a.license.normalized ?? '', family);
    }
    // The demo covers most families.
    expect(new Set(seen.values())).toEqual(
      new Set(['permissive', 'copyleft', 'non-commercial', 'responsible-ai', 'custom', 'unknown']),
    );
  });

  it('gives every KB licence its category family, on the Licenses page and in the catalog alike', () => {
    for (const [id, lic] of Object.entries(KB.licenses)) {
      const want = CATEGORY_FAMILY[lic.category];
      expect({ id, family: licenseFamily(id) }).toEqual({ id, family: want });
      expect({ id, family: licenseInfo(id).family }).toEqual({ id, family: want });
    }
  });

  it('decides the disputed cases once: CC-BY-ND is custom, unknown ids are unknown', () => {
    expect(licenseFamily('CC-BY-ND-4.0')).toBe('custom');
    expect(licenseFamily('CC-BY-ND-3.0')).toBe('custom');
    expect(licenseFamily('CC-BY-NC-ND-4.0')).toBe('non-commercial');
    expect(licenseFamily('Made-Up-License-2.0')).toBe('unknown');
    expect(licenseInfo('Made-Up-License-2.0').family).toBe('unknown');
    expect(licenseIdFamily('LicenseRef-acme-terms')).toBe('custom');
    expect(licenseFamily('LicenseRef-other-unresolved')).toBe('unknown');
    expect(licenseFamily('')).toBe('unknown');
    expect(licenseFamily(undefined)).toBe('unknown');
    expect(licenseFamily('MIT AND (')).toBe('unknown');
    expect(LICENSE_FAMILIES).toHaveLength(6);
  });
});
