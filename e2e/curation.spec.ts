import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test, expect, DATA_DIR } from './fixtures';

const CUR = `${DATA_DIR}/curation`;
const CHAT = `${CUR}/acme__pocket-llm-chat.md`;
const BASE = `${CUR}/acme__pocket-llm-base.md`;
const DIALOGS = `${CUR}/acme__pocket-dialogs.md`;
const CROISSANT = `${CUR}/pocket-dialogs.croissant.json`;
const V1 = `${DATA_DIR}/versions/v1/acme__evolving-model.md`;
const V2 = `${DATA_DIR}/versions/v2/acme__evolving-model.md`;

test('tag, annotate, approve and collect an asset; re-import keeps the curation; every edit is audited', async ({
  page,
  catalog,
  asset,
  imports,
}) => {
  await catalog.open();
  await imports.importFiles([CHAT, BASE, DIALOGS]);
  await expect(imports.report).toContainText('3 new');
  await asset.openByName('acme/pocket-llm-chat');

  const panel = asset.curation;
  await asset.setStatus('approved');
  await asset.addTag('gold');
  await asset.setOwner('ml-platform');
  await asset.saveNotes(
    '**Reviewed** by legal. <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>',
  );
  await asset.createCollection('Release 1');

  await expect(asset.status).toHaveText('approved');
  await expect(asset.tags).toContainText('gold');
  await expect(asset.owner).toContainText('curated by ml-platform');
  const notes = asset.notes;
  await expect(notes.locator('strong')).toHaveText('Reviewed');
  await expect(notes.locator('script')).toHaveCount(0);
  await expect(notes.locator('[onerror]')).toHaveCount(0);
  await expect(panel.getByRole('list', { name: 'Collections of this asset' })).toContainText('Release 1');

  const audit = asset.audit;
  for (const action of [
    'import:new',
    'curation:status',
    'curation:tags',
    'curation:owner',
    'curation:notes',
    'collection:add',
  ]) {
    await expect(audit).toContainText(action);
  }
  await expect(audit).toContainText('none → approved');

  // Re-importing the original cards changes nothing and leaves the curation alone.
  await imports.importFiles([CHAT, BASE, DIALOGS]);
  await expect(imports.report).toContainText('0 new, 0 updated, 3 unchanged, 0 failed');
  await page.reload();
  await expect(asset.status).toHaveText('approved');
  await expect(asset.tags).toContainText('gold');
  await expect(asset.notes).toContainText('Reviewed by legal.');

  // The catalog-wide audit log lists imports and edits; the filter narrows it.
  await catalog.navigate('Audit log');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  const entries = page.getByRole('table', { name: 'Audit entries' });
  await expect(entries).toContainText('acme/pocket-llm-base');
  await expect(entries).toContainText('collection:create');
  await page.getByLabel('Filter audit log').fill('curation:status');
  await expect(entries.locator('tbody tr')).toHaveCount(1);
  await expect(entries).toContainText('acme/pocket-llm-chat');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a version diff shows the changed license line and the changed license field', async ({
  page,
  catalog,
  asset,
  imports,
}) => {
  await catalog.open();
  await imports.importFiles([V1]);
  await expect(imports.report).toContainText('1 new');
  await imports.importFiles([V2]);
  await expect(imports.report).toContainText('0 new, 1 updated');
  await asset.openByName('acme/evolving-model');
  await expect(asset.license).toContainText('Apache-2.0');

  const versions = page.getByRole('region', { name: 'Versions' });
  await expect(versions.getByRole('heading', { name: 'Versions (2)' })).toBeVisible();
  const diff = versions.getByRole('region', { name: 'Version diff' });
  await expect(diff.locator('.diff-line[data-kind="del"]').filter({ hasText: 'license: mit' })).toHaveCount(
    1,
  );
  await expect(
    diff.locator('.diff-line[data-kind="add"]').filter({ hasText: 'license: apache-2.0' }),
  ).toHaveCount(1);
  const licenseRow = diff.getByRole('table', { name: 'Changed fields' }).locator('tr[data-field="license"]');
  await expect(licenseRow.locator('.diff-before')).toContainText('MIT');
  await expect(licenseRow.locator('.diff-after')).toContainText('Apache-2.0');

  // Raw source per version.
  await versions.getByRole('button', { name: 'View source v1' }).click();
  await expect(versions.getByRole('figure', { name: 'Source of v1' })).toContainText('First release');
  // Swapping the compared versions flips the sides.
  await versions.getByLabel('From version').selectOption('v2');
  await versions.getByLabel('To version').selectOption('v1');
  await expect(diff.locator('.diff-line[data-kind="add"]').filter({ hasText: 'license: mit' })).toHaveCount(
    1,
  );
});

test('asset page: fields with their sources, sortable evaluations, files with hashes, RAI, completeness, provenance', async ({
  page,
  catalog,
  asset,
  imports,
}) => {
  await catalog.open();
  await imports.importFiles([CHAT, BASE, DIALOGS, CROISSANT]);
  await expect(imports.report).toContainText('0 failed');

  await asset.openByName('acme/pocket-llm-chat');
  await expect(asset.baseModels).not.toContainText('not in catalog');
  await expect(asset.datasets).toContainText('acme/pocket-dialogs');
  const fields = page.getByRole('table', { name: 'Parsed fields' });
  await expect(fields.getByRole('row', { name: /^license/ })).toContainText(
    'hf-model-card: acme__pocket-llm-chat.md',
  );
  const evals = page.getByRole('table', { name: 'Evaluation results table' });
  await evals.getByRole('button', { name: 'Value' }).click();
  await expect(evals.locator('tbody tr').first()).toContainText('0.71');
  await evals.getByRole('button', { name: /Value/ }).click();
  await expect(evals.locator('tbody tr').first()).toContainText('55.2');
  await expect(page.getByRole('region', { name: 'Completeness' })).toContainText('Hugging Face model card');
  const sha = createHash('sha256').update(readFileSync(CHAT, 'utf8')).digest('hex');
  await expect(page.getByRole('region', { name: 'Provenance' })).toContainText(sha);

  // A dataset described by an HF card and a Croissant file: both sources, files with hashes, RAI.
  await asset.openByName('acme/pocket-dialogs');
  await expect(fields.getByRole('row', { name: /^version/ })).toContainText(
    'croissant: pocket-dialogs.croissant.json',
  );
  await expect(fields.getByRole('row', { name: /^extra\.prettyName/ })).toContainText(
    'hf-dataset-card: acme__pocket-dialogs.md',
  );
  await expect(page.getByRole('region', { name: 'Files' })).toContainText(
    '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  );
  await expect(page.getByRole('region', { name: 'Responsible AI' })).toContainText(
    'anonymised support tickets',
  );
  const completeness = page.getByRole('region', { name: 'Completeness' });
  await expect(completeness.getByTestId('completeness-croissant')).toContainText('Missing');
  await expect(completeness.getByTestId('completeness-hf-dataset-card')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sources' }).locator('tbody tr')).toHaveCount(2);
});

test('bulk actions on a table selection: tag, collect, set status, export, delete with undo', async ({
  catalog,
  asset,
  imports,
  exporter,
}) => {
  await catalog.open();
  await imports.importFiles([CHAT, BASE, DIALOGS]);
  await expect(imports.report).toContainText('3 new');
  const table = catalog.table;
  await catalog.select('pocket-llm-chat');
  await catalog.select('pocket-llm-base');
  const bulk = catalog.bulkActions;
  await expect(bulk).toContainText('2 selected');

  await bulk.getByLabel('Tag for selection').fill('llm');
  await bulk.getByRole('button', { name: 'Tag', exact: true }).click();
  await expect(bulk.getByRole('status')).toHaveText('Tagged 2 assets "llm".');
  await bulk.getByLabel('New collection name for selection').fill('Models');
  await bulk.getByRole('button', { name: 'Add to collection' }).click();
  await expect(bulk.getByRole('status')).toHaveText('Created collection "Models" with 2 assets.');
  await bulk.getByLabel('Status for selection').selectOption('deprecated');
  await bulk.getByRole('button', { name: 'Set status' }).click();
  await expect(bulk.getByRole('status')).toHaveText('Set 2 assets to deprecated.');

  // Export selection: the dialog opens on the selection.
  await bulk.getByRole('button', { name: 'Export selection' }).click();
  const dialog = exporter.dialog;
  await expect(dialog.getByLabel('The selection (2 assets)')).toBeChecked();
  await dialog.getByLabel(/Include lineage closure/).uncheck();
  const { env } = await exporter.download<{
    assets: { key: string; placeholder?: boolean }[];
    curation: { key: string; tags: string[]; status: string }[];
  }>();
  expect(
    env.assets
      .filter((a) => !a.placeholder)
      .map((a) => a.key)
      .sort(),
  ).toEqual(['acme/pocket-llm-base', 'acme/pocket-llm-chat']);
  // Without closure the dataset travels as a placeholder only.
  expect(env.assets.find((a) => a.key === 'acme/pocket-dialogs')?.placeholder).toBe(true);
  expect(env.curation.every((c) => c.tags.includes('llm') && c.status === 'deprecated')).toBe(true);

  // Delete, then undo.
  await bulk.getByRole('button', { name: 'Delete' }).click();
  await bulk.getByRole('button', { name: 'Delete 2 assets' }).click();
  await catalog.expectShowing(1, 1);
  await expect(table).not.toContainText('pocket-llm-chat');
  await catalog.bulkActions.getByRole('button', { name: 'Undo' }).click();
  await catalog.expectShowing(3, 3);
  await asset.openByName('acme/pocket-llm-chat');
  await expect(asset.status).toHaveText('deprecated');
  await expect(asset.tags).toContainText('llm');
  await expect(asset.curation.getByRole('list', { name: 'Collections of this asset' })).toContainText(
    'Models',
  );
  const audit = asset.audit;
  await expect(audit).toContainText('undo-delete');
  await expect(audit).toContainText('delete');
});
