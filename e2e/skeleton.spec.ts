import { readFileSync } from 'node:fs';
import { test, expect, importFiles, importReport, dropFiles, DATA_DIR } from './fixtures';

const CHAT = `${DATA_DIR}/acme__tiny-llama-chat.md`;
const BASE = `${DATA_DIR}/acme__tiny-llama-base.md`;

test('import a model card, find it, open it, re-import is unchanged, data survives reload', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByText('Showing 0 of 0 assets')).toBeVisible();
  await importFiles(page, [CHAT]);
  await expect(importReport(page)).toContainText('1 new, 0 updated, 0 unchanged, 0 failed');
  await expect(importReport(page)).toContainText('acme__tiny-llama-chat.md');

  const table = page.getByRole('table', { name: 'Catalog' });
  await expect(table).toContainText('tiny-llama-chat');
  await expect(page.getByText('Showing 1 of 1 assets')).toBeVisible();

  // Prefix and typo tolerance.
  const search = page.getByRole('searchbox', { name: 'Search catalog' });
  await search.fill('tiny-lla');
  await expect(table).toContainText('tiny-llama-chat');
  await search.fill('lama chatt');
  await expect(table).toContainText('tiny-llama-chat');
  await search.fill('zzzqqq');
  await expect(page.getByText('Showing 0 of 1 assets')).toBeVisible();
  await search.fill('');

  // Same file again: nothing new.
  await importFiles(page, [CHAT]);
  await expect(importReport(page)).toContainText('0 new, 0 updated, 1 unchanged, 0 failed');

  // Open the asset page.
  await table.getByRole('link', { name: 'tiny-llama-chat' }).click();
  await expect(page).toHaveURL(/\/asset\/acme%2Ftiny-llama-chat$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('tiny-llama-chat');
  await expect(page.getByTestId('asset-license')).toContainText('Apache-2.0');
  const bases = page.getByRole('region', { name: 'Base models' });
  await expect(bases).toContainText('acme/tiny-llama-base');
  await expect(bases).toContainText('not in catalog');
  await expect(page.getByRole('region', { name: 'Datasets' })).toContainText('tatsu-lab/alpaca');
  await expect(page.getByRole('region', { name: 'Card' })).toContainText('customer-support dialogs');

  // Import the base: the link is now to a real asset.
  await importFiles(page, [BASE]);
  await expect(importReport(page)).toContainText('1 new');
  await expect(bases).not.toContainText('not in catalog');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('tiny-llama-chat');
  await page.goto('/');
  await expect(page.getByText('Showing 2 of 2 assets')).toBeVisible();
});

test('drop a card on the window imports it', async ({ page }) => {
  await page.goto('/');
  await dropFiles(page, [{ name: 'acme__tiny-llama-chat.md', text: readFileSync(CHAT, 'utf8') }]);
  await expect(importReport(page)).toContainText('1 new, 0 updated, 0 unchanged, 0 failed');
  await expect(page.getByRole('table', { name: 'Catalog' })).toContainText('tiny-llama-chat');
});

test('bad files get a clear per-file message and the catalog keeps its assets', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [BASE]);
  await expect(importReport(page)).toContainText('1 new');
  await importFiles(page, [`${DATA_DIR}/unknown.json`, `${DATA_DIR}/broken-yaml.md`, CHAT]);
  const report = importReport(page);
  await expect(report).toContainText('unknown.json: failed');
  await expect(report).toContainText('Unknown format');
  await expect(report).toContainText(/Invalid YAML at line \d+/);
  await expect(report).toContainText('1 failed');
  await expect(page.getByRole('table', { name: 'Catalog' })).toContainText('tiny-llama-base');
  await expect(page.getByRole('table', { name: 'Catalog' })).toContainText('tiny-llama-chat');
});

test('a hostile card renders inert', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [`${DATA_DIR}/evil__hostile-card.md`]);
  await page.goto(`/asset/${encodeURIComponent('evil/hostile-card')}`);
  const card = page.getByRole('region', { name: 'Card' });
  await expect(card).toContainText('Normal bold text stays.');
  await expect(card.locator('script')).toHaveCount(0);
  await expect(card.locator('iframe')).toHaveCount(0);
  await expect(card.locator('[onerror]')).toHaveCount(0);
  await expect(card.locator('a[href^="javascript"]')).toHaveCount(0);
  const links = card.getByRole('link', { name: /click me|also me/ });
  for (const l of await links.all()) await l.click({ force: true });
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('export JSON, clear, import the export restores the catalog', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [CHAT, BASE]);
  await expect(importReport(page)).toContainText('2 new');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  await page.getByRole('dialog', { name: 'Export JSON' }).getByRole('button', { name: 'Download' }).click();
  const download = await downloadPromise;
  const path = await download.path();
  const env = JSON.parse(readFileSync(path, 'utf8')) as {
    format: string;
    version: number;
    assets: unknown[];
    relations: unknown[];
  };
  expect(env.format).toBe('tarn-catalog');
  expect(env.version).toBe(1);
  const realAssets = (env.assets as { placeholder?: boolean }[]).filter((a) => !a.placeholder);
  expect(realAssets).toHaveLength(2);
  expect(env.relations.length).toBeGreaterThanOrEqual(3);

  await page.getByRole('button', { name: 'Clear catalog' }).click();
  await page.getByRole('button', { name: 'Yes, clear everything' }).click();
  await expect(page.getByText('Showing 0 of 0 assets')).toBeVisible();

  await importFiles(page, [path]);
  await expect(importReport(page)).toContainText('2 new, 0 updated, 0 unchanged, 0 failed');
  await expect(page.getByText('Showing 2 of 2 assets')).toBeVisible();
  await page.goto(`/asset/${encodeURIComponent('acme/tiny-llama-chat')}`);
  await expect(page.getByRole('region', { name: 'Base models' })).not.toContainText('not in catalog');
});
