import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CatalogExport } from '../export/envelope';
import { parseFile } from '../formats/parseFile';
import { assetKey } from '../model';
import { toCroissant } from './croissant';
import { toCycloneDx } from './cyclonedx';
import { standardsInput } from './input';
import { toSpdx3 } from './spdx3';
import { closureOf, cycloneDxEdgeType, cycloneDxIds, roundTrip, sameLicense, spdxEdgeType } from './testing';
import { CROISSANT_REQUIRED, cycloneDxErrors, spdxErrors } from './validate';

const demo = JSON.parse(
  readFileSync(new URL('../../../public/demo-catalog.json', import.meta.url), 'utf8'),
) as CatalogExport;
const real = demo.assets.filter((a) => !a.placeholder);
const models = real.filter((a) => a.kind === 'model');
const datasets = real.filter((a) => a.kind === 'dataset');

/** The demo's models with the longest ancestries first: every kind of edge shows up in a few closures. */
const rootsWithLineage = models
  .map((m) => ({ id: m.id, size: closureOf(demo, [m.id]).assets.length }))
  .sort((a, b) => b.size - a.size)
  .slice(0, 12)
  .map((x) => x.id);

describe('standards export over the demo catalog', () => {
  const whole = standardsInput(
    demo,
    real.map((a) => a.id),
    'Demo catalog',
  );

  it('the whole demo catalog as a CycloneDX 1.6 ML-BOM validates and reads back with the same ids, licences and edges', async () => {
    const bom = toCycloneDx(whole);
    expect(await cycloneDxErrors(bom)).toBeNull();
    const text = JSON.stringify(bom);
    const rt = roundTrip(whole, text, 'demo.cdx.json', cycloneDxEdgeType(whole), cycloneDxIds(whole));
    expect(rt).toEqual({ missingIds: [], licenseMismatches: [], missingEdges: [] });
    const components = (bom.components ?? []) as Record<string, unknown>[];
    const card = components.find((c) => c.modelCard !== undefined)?.modelCard as Record<string, unknown>;
    expect(card.modelParameters).toBeDefined();
    expect(components.some((c) => c.type === 'data' && Array.isArray(c.data))).toBe(true);
    expect(components.some((c) => c.pedigree !== undefined)).toBe(true);
    expect(JSON.stringify(bom)).toContain('"expression"');
    const custom = components
      .flatMap((c) => (c.licenses ?? []) as { license?: { name?: string; url?: string } }[])
      .filter((l) => l.license?.name?.startsWith('LicenseRef-'));
    expect(custom.some((l) => l.license?.url?.startsWith('https://'))).toBe(true);
    expect((bom.dependencies as unknown[]).length).toBeGreaterThan(0);
  }, 120_000);

  it('the whole demo catalog as SPDX 3.0.1 JSON-LD validates against the official schema and reads back', () => {
    const doc = toSpdx3(whole);
    expect(spdxErrors(doc)).toBeNull();
    const rt = roundTrip(whole, JSON.stringify(doc), 'demo.spdx3.json', spdxEdgeType, () =>
      whole.assets.map((a) => a.id),
    );
    expect(rt).toEqual({ missingIds: [], licenseMismatches: [], missingEdges: [] });
    const graph = doc['@graph'] as Record<string, unknown>[];
    const types = new Set(graph.map((e) => e.type));
    for (const t of [
      'ai_AIPackage',
      'dataset_DatasetPackage',
      'Relationship',
      'SpdxDocument',
      'CreationInfo',
    ])
      expect(types).toContain(t);
    const rels = new Set(graph.map((e) => e.relationshipType));
    for (const t of ['hasDeclaredLicense', 'hasConcludedLicense', 'trainedOn', 'testedOn', 'descendantOf'])
      expect(rels).toContain(t);
  }, 120_000);

  it('each lineage closure (one chosen model and its ancestry) validates in both standards', async () => {
    for (const root of rootsWithLineage) {
      const input = standardsInput(closureOf(demo, [root]), [root], root);
      expect(input.assets.length).toBeGreaterThan(1);
      expect(await cycloneDxErrors(toCycloneDx(input)), root).toBeNull();
      const spdx = toSpdx3(input);
      expect(spdxErrors(spdx), root).toBeNull();
      const doc = (spdx['@graph'] as Record<string, unknown>[]).find((e) => e.type === 'SpdxDocument');
      expect((doc?.rootElement as string[]).length).toBe(1);
    }
  }, 120_000);

  it('every demo dataset as Croissant 1.1 has the required properties and reads back with the same id, licence and edges', () => {
    let withUrl = 0;
    for (const d of datasets) {
      const input = standardsInput(closureOf(demo, [d.id]), [d.id], d.id);
      const doc = toCroissant(input, d.id);
      expect(doc, d.id).toBeDefined();
      for (const p of CROISSANT_REQUIRED) expect(doc?.[p], `${d.id}: ${p}`).toBeDefined();
      expect(doc?.conformsTo).toBe('http://mlcommons.org/croissant/1.1');
      const parsed = parseFile({ name: 'dataset.croissant.json', text: JSON.stringify(doc) });
      expect(parsed.format).toBe('croissant');
      expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const back = parsed.assets[0];
      if (doc?.url) {
        withUrl++;
        expect(back?.id.toLowerCase(), d.id).toBe(d.key);
      }
      expect(sameLicense(back?.license.normalized, d.license.normalized), d.id).toBe(true);
      const derived = input.relations.filter((r) => assetKey(r.child) === d.key && r.type === 'derived_from');
      for (const r of derived)
        expect(parsed.relations.map((x) => assetKey(x.parent))).toContain(assetKey(r.parent));
      expect(back?.distribution?.length ?? 0).toBe(d.distribution?.length ?? 0);
    }
    expect(withUrl).toBeGreaterThan(datasets.length / 2);
  });

  it('Croissant is offered for datasets only', () => {
    const m = models[0];
    expect(m).toBeDefined();
    if (m) expect(toCroissant(standardsInput(closureOf(demo, [m.id]), [m.id], m.id), m.id)).toBeUndefined();
  });
});
