/**
 * Standards export over the real corpus: every corpus file through `parseFile`, assets joined by key (the first
 * file that names an asset wins), the lineage closures of the models with the longest real chains exported as
 * CycloneDX and SPDX 3 (validated against their schemas, read back with the same ids, licences and edges), and
 * every dataset that a closure or a Croissant file holds exported as Croissant and read back.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogExport } from '../export/envelope';
import type { RelationRow, StoredAsset } from '../catalog/rows';
import { parseFile } from '../formats/parseFile';
import { normalizeLicense } from '../licenses/normalize';
import { assetKey } from '../model';
import { CORPUS_DIR, requireShared } from '../../testing/shared';
import { toCroissant } from './croissant';
import { toCycloneDx } from './cyclonedx';
import { standardsInput } from './input';
import { toSpdx3 } from './spdx3';
import { closureOf, cycloneDxEdgeType, cycloneDxIds, roundTrip, sameLicense, spdxEdgeType } from './testing';
import { CROISSANT_REQUIRED, cycloneDxErrors, spdxErrors } from './validate';

let env: CatalogExport;

beforeAll(() => {
  requireShared();
  const manifest = JSON.parse(readFileSync(`${CORPUS_DIR}/manifest.json`, 'utf8')) as {
    files: { file: string }[];
  };
  const assets = new Map<string, StoredAsset>();
  const relations = new Map<string, RelationRow>();
  const at = '2026-12-02T00:00:00.000Z';
  for (const { file } of manifest.files) {
    const parsed = parseFile({ name: file, text: readFileSync(`${CORPUS_DIR}/${file}`, 'utf8') });
    for (const a of parsed.assets) {
      const key = assetKey(a.id);
      if (assets.has(key)) continue;
      const { body: _body, ...rest } = a;
      assets.set(key, { ...rest, key, createdAt: at, updatedAt: at, contributions: [], fieldSources: {} });
    }
    for (const r of parsed.relations) {
      const childKey = assetKey(r.child);
      const parentKey = assetKey(r.parent);
      const id = `${childKey}|${r.type}|${parentKey}`;
      if (!relations.has(id)) relations.set(id, { ...r, id, childKey, parentKey, vias: [parsed.format] });
    }
  }
  // Parents no file describes travel as placeholders, as in the catalog.
  for (const r of relations.values())
    if (!assets.has(r.parentKey))
      assets.set(r.parentKey, {
        id: r.parent,
        key: r.parentKey,
        kind: 'unknown',
        name: r.parent,
        license: { raw: undefined },
        placeholder: true,
        createdAt: at,
        updatedAt: at,
        contributions: [],
        fieldSources: {},
      });
  env = {
    format: 'tarn-catalog',
    version: 1,
    exportedAt: at,
    app: { name: 'Tarn', version: 'test' },
    assets: [...assets.values()],
    versions: [],
    relations: [...relations.values()],
  };
}, 300_000);

describe('standards export over corpus chains', () => {
  it('the longest lineage closures validate as CycloneDX 1.6 and SPDX 3.0.1 and read back unchanged', async () => {
    const models = env.assets.filter((a) => a.kind === 'model' && !a.placeholder);
    const roots = models
      .map((m) => ({ id: m.id, size: closureOf(env, [m.id]).assets.length }))
      .filter((x) => x.size > 2)
      .sort((a, b) => b.size - a.size)
      .slice(0, 12)
      .map((x) => x.id);
    expect(roots.length).toBeGreaterThan(10);
    for (const root of roots) {
      const input = standardsInput(closureOf(env, [root]), [root], root);
      const bom = toCycloneDx(input);
      expect(await cycloneDxErrors(bom), root).toBeNull();
      expect(
        roundTrip(input, JSON.stringify(bom), 'x.cdx.json', cycloneDxEdgeType(input), cycloneDxIds(input)),
        root,
      ).toEqual({ missingIds: [], licenseMismatches: [], missingEdges: [] });
      const spdx = toSpdx3(input);
      expect(spdxErrors(spdx), root).toBeNull();
      expect(
        roundTrip(input, JSON.stringify(spdx), 'x.spdx3.json', spdxEdgeType, () =>
          input.assets.map((a) => a.id),
        ),
        root,
      ).toEqual({ missingIds: [], licenseMismatches: [], missingEdges: [] });
    }
  }, 600_000);

  it('every corpus dataset exports as Croissant 1.1 and reads back with its licence (and its id where it has a URL form)', () => {
    const datasets = env.assets.filter((a) => a.kind === 'dataset' && !a.placeholder);
    expect(datasets.length).toBeGreaterThan(50);
    let sameId = 0;
    const unstable: string[] = [];
    for (const d of datasets) {
      const input = standardsInput(closureOf(env, [d.id]), [d.id], d.id);
      const doc = toCroissant(input, d.id);
      for (const p of CROISSANT_REQUIRED) expect(doc?.[p], `${d.id}: ${p}`).toBeDefined();
      const parsed = parseFile({ name: 'd.croissant.json', text: JSON.stringify(doc) });
      const back = parsed.assets[0];
      expect(parsed.format, d.id).toBe('croissant');
      // A few unresolved free-text references are not fixed points of the normalizer (it trims a trailing dot):
      // those are counted, not compared.
      const expr = d.license.normalized ?? 'NONE';
      if (normalizeLicense({ raw: expr, format: 'croissant' }).expression !== expr) unstable.push(expr);
      else
        expect(
          sameLicense(back?.license.normalized, expr),
          `${d.id}: ${expr} -> ${back?.license.normalized}`,
        ).toBe(true);
      if (doc?.url) {
        expect(back?.id.toLowerCase(), d.id).toBe(d.key);
        sameId++;
      }
    }
    expect(sameId).toBeGreaterThan(datasets.length / 2);
    expect(unstable.length).toBeLessThan(datasets.length / 20);
  }, 600_000);
});
