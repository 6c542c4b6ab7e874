import { test, expect, DATA_DIR, type AssetPage, type ExportDialog } from './fixtures';

const CUR = `${DATA_DIR}/curation`;
const CARDS = [
  `${CUR}/acme__pocket-llm-chat.md`,
  `${CUR}/acme__pocket-llm-base.md`,
  `${CUR}/acme__pocket-dialogs.md`,
];
const BAD = `${DATA_DIR}/bad-exports`;

type Row = Record<string, unknown> & { key?: string; seq?: number; placeholder?: boolean };
type Envelope = {
  format: string;
  version: number;
  scope?: { kind: string; lineageClosure?: boolean; includesSources?: boolean };
  assets: Row[];
  versions: Row[];
  relations: Row[];
  curation?: Row[];
  collections?: Row[];
  audit?: Row[];
  licenses?: { results: { id: string; verdict: string }[]; notice?: string };
};

async function exportCollection(
  exporter: ExportDialog,
  name: string,
): Promise<{ path: string; env: Envelope }> {
  const dialog = await exporter.open();
  await dialog.getByLabel('A collection').check();
  const select = dialog.getByLabel('Collection to export');
  await select.selectOption((await select.locator('option', { hasText: name }).getAttribute('value')) ?? '');
  await expect(dialog.getByLabel(/Include lineage closure/)).toBeChecked();
  const exported = await exporter.download<Envelope>();
  await expect(dialog).toHaveCount(0);
  return exported;
}

/** What the asset page shows of the curation, for before/after comparison. */
async function curationSnapshot(asset: AssetPage, id: string): Promise<string[]> {
  await asset.openByName(id);
  // The license verdict is computed in a worker: wait until it has settled before reading the header.
  await expect(asset.license).not.toContainText(/checking/i);
  return [
    await asset.status.innerText(),
    await asset.tags.innerText(),
    await asset.owner.innerText(),
    await asset.license.innerText(),
    await asset.notes.innerText(),
    await asset.collections.innerText(),
  ];
}

const byKey = (rows: Row[] | undefined) =>
  [...(rows ?? [])].sort((a, b) => String(a.key ?? a.id).localeCompare(String(b.key ?? b.id)));
const noSeq = (rows: Row[] | undefined) => (rows ?? []).map(({ seq: _s, ...r }) => r);

test('curate, export a collection with lineage closure, clear, import: everything comes back identical', async ({
  catalog,
  asset,
  imports,
  exporter,
}) => {
  await catalog.open();
  await imports.importFiles(CARDS);
  await expect(imports.report).toContainText('3 new');

  // Curate: the chat model is tagged, annotated, approved and put in a collection; its base gets a tag too.
  await asset.openByName('acme/pocket-llm-chat');
  const panel = asset.curation;
  await asset.setStatus('approved');
  await asset.addTag('release-candidate');
  await asset.saveNotes('Cleared for *internal* use.');
  await asset.createCollection('Q3 release');
  await expect(panel.getByRole('list', { name: 'Collections of this asset' })).toContainText('Q3 release');
  await asset.openByName('acme/pocket-llm-base');
  await asset.setStatus('draft');
  await expect(asset.status).toHaveText('draft');

  const before = await curationSnapshot(asset, 'acme/pocket-llm-chat');
  const first = await exportCollection(exporter, 'Q3 release');
  const env = first.env;
  expect(env).toMatchObject({
    format: 'tarn-catalog',
    version: 2,
    scope: { kind: 'collection', lineageClosure: true, includesSources: true },
  });
  // The collection holds only the chat model; lineage closure brings its base and its dataset.
  const real = env.assets
    .filter((a) => !a.placeholder)
    .map((a) => a.key)
    .sort();
  expect(real).toEqual(['acme/pocket-dialogs', 'acme/pocket-llm-base', 'acme/pocket-llm-chat']);
  expect(env.versions.every((v) => typeof v.text === 'string')).toBe(true);
  expect(byKey(env.curation).map((c) => [c.key, c.status])).toEqual([
    ['acme/pocket-llm-base', 'draft'],
    ['acme/pocket-llm-chat', 'approved'],
  ]);
  expect(env.collections).toMatchObject([{ name: 'Q3 release', assetKeys: ['acme/pocket-llm-chat'] }]);
  expect(env.licenses?.results.map((r) => r.id).sort()).toEqual([
    'acme/pocket-dialogs',
    'acme/pocket-llm-base',
    'acme/pocket-llm-chat',
  ]);
  expect(env.licenses?.notice).toContain('NOTICE for pocket-llm-chat');

  // Clear, then import the export file.
  await catalog.open();
  await catalog.clearCatalog();
  await catalog.expectShowing(0, 0);
  await imports.importFiles([first.path]);
  await expect(imports.report).toContainText('3 new, 0 updated, 0 unchanged, 0 failed');

  // Same in the UI ...
  expect(await curationSnapshot(asset, 'acme/pocket-llm-chat')).toEqual(before);
  await expect(asset.baseModels).not.toContainText('not in catalog');
  await asset.openByName('acme/pocket-llm-base');
  await expect(asset.status).toHaveText('draft');

  // ... and in the JSON: exporting the same collection again gives the same rows.
  const second = (await exportCollection(exporter, 'Q3 release')).env;
  expect(byKey(second.assets)).toEqual(byKey(env.assets));
  expect(byKey(second.relations)).toEqual(byKey(env.relations));
  expect(noSeq(second.versions)).toEqual(noSeq(env.versions));
  expect(byKey(second.curation)).toEqual(byKey(env.curation));
  expect(second.collections).toEqual(env.collections);
  expect(noSeq(second.audit).slice(0, env.audit?.length)).toEqual(noSeq(env.audit));
  expect(second.audit?.at(-1)).toMatchObject({ assetKey: '*', action: 'import:export' });
  expect(second.licenses?.results).toEqual(env.licenses?.results);

  // Re-importing the original cards: nothing changes, the curation is intact; importing the export again merges.
  await imports.importFiles(CARDS);
  await expect(imports.report).toContainText('0 new, 0 updated, 3 unchanged, 0 failed');
  await imports.importFiles([first.path]);
  await expect(imports.report).toContainText('0 new, 0 updated, 3 unchanged, 0 failed');
  expect(await curationSnapshot(asset, 'acme/pocket-llm-chat')).toEqual(before);
});

test('export dialog: whole catalog, metadata only, without curation; Escape closes it', async ({
  page,
  catalog,
  imports,
  exporter,
}) => {
  await catalog.open();
  await imports.importFiles(CARDS);
  await expect(imports.report).toContainText('3 new');
  const dialog = await exporter.open();
  await expect(dialog.getByLabel('Whole catalog')).toBeChecked();
  await dialog.getByLabel('Metadata only').check();
  await dialog.getByLabel(/Include curation/).uncheck();
  const { env } = await exporter.download<Envelope>();
  expect(env.scope).toMatchObject({ kind: 'catalog', includesSources: false });
  expect(env.versions.length).toBe(3);
  expect(env.versions.every((v) => v.text === undefined)).toBe(true);
  expect(env.curation).toBeUndefined();
  // Escape closes the dialog without exporting.
  await exporter.open();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('bad export files are refused with a clear message and the catalog is untouched; markup in ids is data', async ({
  page,
  catalog,
  imports,
}) => {
  await catalog.open();
  await imports.importFiles([CARDS[1] ?? '']);
  await expect(imports.report).toContainText('1 new');
  await imports.importFiles([
    `${BAD}/tarn-export-v99.json`,
    `${BAD}/tarn-export-truncated.json`,
    `${BAD}/tarn-export-hostile.json`,
  ]);
  const report = imports.report;
  await expect(report).toContainText('2 new, 0 updated, 0 unchanged, 2 failed');
  await expect(report).toContainText('tarn-export-v99.json: failed');
  await expect(report).toContainText('This export is version 99; this Tarn reads up to version 2');
  await expect(report).toContainText('tarn-export-truncated.json: failed');
  await expect(report).toContainText('truncated or damaged');
  // Markup in ids and names is data: restored, shown as text, never run.
  await expect(report).not.toContainText('tarn-export-hostile.json: failed');
  await expect(report.locator('img')).toHaveCount(0);

  await catalog.open();
  await catalog.expectShowing(3, 3);
  await expect(catalog.table).toContainText('<script>window.__pwned=1</script>');
  await expect(catalog.table.locator('img, script')).toHaveCount(0);
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned,
    polluted: ({} as Record<string, unknown>).polluted,
  }));
  expect(state).toEqual({ pwned: undefined, polluted: undefined });
});
