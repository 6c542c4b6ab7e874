import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, importFiles, importReport, DATA_DIR } from './fixtures';

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

async function openAsset(page: Page, id: string): Promise<void> {
  await page.goto(`/asset/${encodeURIComponent(id)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(id.split('/')[1] ?? id);
}

async function exportCollection(page: Page, name: string): Promise<{ path: string; env: Envelope }> {
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export JSON' });
  await dialog.getByLabel('A collection').check();
  const select = dialog.getByLabel('Collection to export');
  await select.selectOption((await select.locator('option', { hasText: name }).getAttribute('value')) ?? '');
  await expect(dialog.getByLabel(/Include lineage closure/)).toBeChecked();
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const download = await downloadPromise;
  const path = await download.path();
  await expect(dialog).toHaveCount(0);
  return { path, env: JSON.parse(readFileSync(path, 'utf8')) as Envelope };
}

/** What the asset page shows of the curation, for before/after comparison. */
async function curationSnapshot(page: Page, id: string): Promise<string[]> {
  await openAsset(page, id);
  // The license verdict is computed in a worker: wait until it has settled before reading the header.
  await expect(page.getByTestId('asset-license')).not.toContainText(/checking/i);
  return [
    await page.getByTestId('asset-status').innerText(),
    await page.getByTestId('asset-tags').innerText(),
    await page.getByTestId('asset-owner').innerText(),
    await page.getByTestId('asset-license').innerText(),
    await page.getByTestId('curation-notes').innerText(),
    await page.getByRole('list', { name: 'Collections of this asset' }).innerText(),
  ];
}

const byKey = (rows: Row[] | undefined) =>
  [...(rows ?? [])].sort((a, b) => String(a.key ?? a.id).localeCompare(String(b.key ?? b.id)));
const noSeq = (rows: Row[] | undefined) => (rows ?? []).map(({ seq: _s, ...r }) => r);

test('curate, export a collection with lineage closure, clear, import: everything comes back identical', async ({
  page,
}) => {
  await page.goto('/');
  await importFiles(page, CARDS);
  await expect(importReport(page)).toContainText('3 new');

  // Curate: the chat model is tagged, annotated, approved and put in a collection; its base gets a tag too.
  await openAsset(page, 'acme/pocket-llm-chat');
  const panel = page.getByRole('region', { name: 'Curation' });
  await panel.getByLabel('Curation status').selectOption('approved');
  await panel.getByLabel('New tag').fill('release-candidate');
  await panel.getByRole('button', { name: 'Add tag' }).click();
  await panel.getByRole('button', { name: 'Edit notes' }).click();
  await panel.getByLabel('Notes (markdown)').fill('Cleared for *internal* use.');
  await panel.getByRole('button', { name: 'Save notes' }).click();
  await panel.getByLabel('New collection name').fill('Q3 release');
  await panel.getByRole('button', { name: 'Create collection' }).click();
  await expect(panel.getByRole('list', { name: 'Collections of this asset' })).toContainText('Q3 release');
  await openAsset(page, 'acme/pocket-llm-base');
  await page.getByRole('region', { name: 'Curation' }).getByLabel('Curation status').selectOption('draft');
  await expect(page.getByTestId('asset-status')).toHaveText('draft');

  const before = await curationSnapshot(page, 'acme/pocket-llm-chat');
  const first = await exportCollection(page, 'Q3 release');
  const env = first.env;
  expect(env).toMatchObject({
    format: 'tarn-catalog',
    version: 1,
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
  await page.goto('/');
  await page.getByRole('button', { name: 'Clear catalog' }).click();
  await page.getByRole('button', { name: 'Yes, clear everything' }).click();
  await expect(page.getByText('Showing 0 of 0 assets')).toBeVisible();
  await importFiles(page, [first.path]);
  await expect(importReport(page)).toContainText('3 new, 0 updated, 0 unchanged, 0 failed');

  // Same in the UI ...
  expect(await curationSnapshot(page, 'acme/pocket-llm-chat')).toEqual(before);
  await expect(page.getByRole('region', { name: 'Base models' })).not.toContainText('not in catalog');
  await openAsset(page, 'acme/pocket-llm-base');
  await expect(page.getByTestId('asset-status')).toHaveText('draft');

  // ... and in the JSON: exporting the same collection again gives the same rows.
  const second = (await exportCollection(page, 'Q3 release')).env;
  expect(byKey(second.assets)).toEqual(byKey(env.assets));
  expect(byKey(second.relations)).toEqual(byKey(env.relations));
  expect(noSeq(second.versions)).toEqual(noSeq(env.versions));
  expect(byKey(second.curation)).toEqual(byKey(env.curation));
  expect(second.collections).toEqual(env.collections);
  expect(noSeq(second.audit).slice(0, env.audit?.length)).toEqual(noSeq(env.audit));
  expect(second.audit?.at(-1)).toMatchObject({ assetKey: '*', action: 'import:export' });
  expect(second.licenses?.results).toEqual(env.licenses?.results);

  // Re-importing the original cards: nothing changes, the curation is intact; importing the export again merges.
  await importFiles(page, CARDS);
  await expect(importReport(page)).toContainText('0 new, 0 updated, 3 unchanged, 0 failed');
  await importFiles(page, [first.path]);
  await expect(importReport(page)).toContainText('0 new, 0 updated, 3 unchanged, 0 failed');
  expect(await curationSnapshot(page, 'acme/pocket-llm-chat')).toEqual(before);
});

test('export dialog: whole catalog, metadata only, without curation; Escape closes it', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, CARDS);
  await expect(importReport(page)).toContainText('3 new');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export JSON' });
  await expect(dialog.getByLabel('Whole catalog')).toBeChecked();
  await dialog.getByLabel('Metadata only').check();
  await dialog.getByLabel(/Include curation/).uncheck();
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const env = JSON.parse(readFileSync(await (await downloadPromise).path(), 'utf8')) as Envelope;
  expect(env.scope).toMatchObject({ kind: 'catalog', includesSources: false });
  expect(env.versions.length).toBe(3);
  expect(env.versions.every((v) => v.text === undefined)).toBe(true);
  expect(env.curation).toBeUndefined();
  // Escape closes the dialog without exporting.
  await page.getByRole('button', { name: 'Export JSON' }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('bad export files are refused with a clear message and the catalog is untouched', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [CARDS[1] ?? '']);
  await expect(importReport(page)).toContainText('1 new');
  await importFiles(page, [
    `${BAD}/tarn-export-v99.json`,
    `${BAD}/tarn-export-truncated.json`,
    `${BAD}/tarn-export-hostile.json`,
  ]);
  const report = importReport(page);
  await expect(report).toContainText('0 new, 0 updated, 0 unchanged, 3 failed');
  await expect(report).toContainText('tarn-export-v99.json: failed');
  await expect(report).toContainText('This export is version 99; this Tarn reads up to version 1');
  await expect(report).toContainText('tarn-export-truncated.json: failed');
  await expect(report).toContainText('truncated or damaged');
  await expect(report).toContainText('tarn-export-hostile.json: failed');
  await expect(report).toContainText('refused, nothing was imported');
  await expect(report.locator('img')).toHaveCount(0);

  await page.goto('/');
  await expect(page.getByText('Showing 1 of 1 assets')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search catalog' }).fill('ok-model');
  await expect(page.getByText('Showing 0 of 1 assets')).toBeVisible();
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned,
    polluted: ({} as Record<string, unknown>).polluted,
  }));
  expect(state).toEqual({ pwned: undefined, polluted: undefined });
});
