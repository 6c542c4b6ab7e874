import { writeFileSync } from 'node:fs';
import { cycloneDxErrors, spdxErrors, CROISSANT_REQUIRED } from '../src/core/standards/validate';
import { test, expect, DATA_DIR } from './fixtures';

const LIN = `${DATA_DIR}/lineage`;
const CARDS = ['base-7b', 'chat-7b', 'chat-7b-math', 'dialogs', 'merged-7b'].map(
  (n) => `${LIN}/tarnlab__${n}.md`,
);

type Component = { name: string; 'bom-ref': string; type: string; pedigree?: unknown; modelCard?: unknown };
type Bom = { bomFormat: string; specVersion: string; components: Component[]; dependencies: unknown[] };
type Spdx = { '@graph': { type: string; relationshipType?: string; name?: string }[] };

test('the asset page exports the model and its lineage as a valid CycloneDX ML-BOM and SPDX 3 document', async ({
  catalog,
  imports,
  asset,
  standards,
}) => {
  test.slow(); // imports, exports, clears and imports again
  await catalog.openEmpty();
  await imports.importFiles(CARDS);
  await asset.openByName('tarnlab/chat-7b-math');
  // A model page offers the two SBOM standards, not Croissant.
  await expect(standards.group().getByRole('button')).toHaveText(['Export CycloneDX', 'Export SPDX 3']);

  const cdx = await standards.download<Bom>('Export CycloneDX');
  expect(cdx.fileName).toMatch(/^tarnlab__chat-7b-math-.*\.cdx\.json$/);
  expect(cdx.doc.bomFormat).toBe('CycloneDX');
  expect(cdx.doc.specVersion).toBe('1.6');
  expect(await cycloneDxErrors(cdx.doc)).toBeNull();
  // The closure: the model, its fine-tune parent, that one's base and training data; not the merge below it.
  expect(cdx.doc.components.map((c) => c['bom-ref']).sort()).toEqual([
    'tarnlab/base-7b',
    'tarnlab/chat-7b',
    'tarnlab/chat-7b-math',
    'tarnlab/dialogs',
  ]);

  const spdx = await standards.download<Spdx>('Export SPDX 3');
  expect(spdx.fileName).toMatch(/\.spdx3\.json$/);
  expect(spdxErrors(spdx.doc)).toBeNull();
  const types = spdx.doc['@graph'].map((e) => e.type);
  expect(types.filter((t) => t === 'ai_AIPackage')).toHaveLength(3);
  expect(types.filter((t) => t === 'dataset_DatasetPackage')).toHaveLength(1);
  expect(spdx.doc['@graph'].map((e) => e.relationshipType)).toEqual(
    expect.arrayContaining(['trainedOn', 'descendantOf', 'hasDeclaredLicense', 'hasConcludedLicense']),
  );

  // Round trip: an empty catalog imports the BOM back with the same ids, licences and lineage.
  const file = test.info().outputPath(cdx.fileName);
  writeFileSync(file, cdx.text);
  // Clear on the catalog page and wait for it: navigating right after "Yes, clear everything" could unload the
  // page (and its catalog worker) before the clear is stored.
  await catalog.open();
  await catalog.clearCatalog();
  await catalog.expectShowing(0, 0);
  await imports.importFiles([file]);
  await expect(imports.summary).toContainText('4 new');
  await asset.openByName('tarnlab/chat-7b');
  await expect(asset.baseModels).toContainText('tarnlab/base-7b');
  await expect(asset.datasets).toContainText('tarnlab/dialogs');
  await expect(asset.license).toContainText('Apache-2.0');
  await asset.openByName('tarnlab/dialogs');
  await expect(asset.license).toContainText('CC-BY-4.0');
});

test('a dataset page also exports Croissant; a table selection and a collection export CycloneDX and SPDX 3', async ({
  page,
  catalog,
  imports,
  asset,
  standards,
  exporter,
}) => {
  await catalog.openEmpty();
  await imports.importFiles(CARDS);
  await asset.openByName('tarnlab/dialogs');
  const croissant = await standards.download<Record<string, unknown>>('Export Croissant');
  expect(croissant.fileName).toMatch(/\.croissant\.json$/);
  for (const p of CROISSANT_REQUIRED) expect(croissant.doc[p]).toBeDefined();
  expect(croissant.doc.url).toBe('https://huggingface.co/datasets/tarnlab/dialogs');

  // The table selection: both models' closures in one BOM.
  await catalog.open();
  await catalog.select('merged-7b');
  const selection = await standards.download<Bom>('Export CycloneDX', page.getByRole('main'));
  expect(await cycloneDxErrors(selection.doc)).toBeNull();
  const refs = selection.doc.components.map((c) => c['bom-ref']);
  expect(refs).toEqual(expect.arrayContaining(['tarnlab/merged-7b', 'tarnlab/chat-7b', 'tarnlab/base-7b']));
  const merged = selection.doc.components.find((c) => c['bom-ref'] === 'tarnlab/merged-7b');
  expect(merged?.pedigree).toBeDefined();

  // A collection, through the export dialog.
  await catalog.bulkActions.getByLabel('New collection name for selection').fill('Ship list');
  await catalog.bulkActions.getByRole('button', { name: 'Add to collection' }).click();
  await expect(catalog.bulkActions.getByRole('status')).toContainText('Created collection "Ship list"');
  const dialog = await exporter.open();
  await dialog.getByLabel('A collection').check();
  const spdx = await standards.download<Spdx>('Export SPDX 3', dialog);
  expect(spdx.fileName).toMatch(/^tarn-ship-list-.*\.spdx3\.json$/);
  expect(spdxErrors(spdx.doc)).toBeNull();
  await expect(dialog).toHaveCount(0);
});
