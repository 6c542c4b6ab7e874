import { readFileSync } from 'node:fs';
import { test, expect, DATA_DIR } from './fixtures';

const CHAT = `${DATA_DIR}/acme__tiny-llama-chat.md`;
const BASE = `${DATA_DIR}/acme__tiny-llama-base.md`;

test('import a model card, find it, open it, re-import is unchanged, data survives reload', async ({
  page,
  catalog,
  asset,
  imports,
}) => {
  await catalog.openEmpty();
  await imports.importFiles([CHAT]);
  await expect(imports.report).toContainText('1 new, 0 updated, 0 unchanged, 0 failed');
  await expect(imports.report).toContainText('acme__tiny-llama-chat.md');

  const table = catalog.table;
  await expect(table).toContainText('tiny-llama-chat');
  await catalog.expectShowing(1, 1);

  // Prefix and typo tolerance.
  await catalog.searchFor('tiny-lla');
  await expect(table).toContainText('tiny-llama-chat');
  await catalog.searchFor('lama chatt');
  await expect(table).toContainText('tiny-llama-chat');
  await catalog.searchFor('zzzqqq');
  await catalog.expectShowing(0, 1);
  await catalog.searchFor('');

  // Same file again: nothing new.
  await imports.importFiles([CHAT]);
  await expect(imports.report).toContainText('0 new, 0 updated, 1 unchanged, 0 failed');

  // Open the asset page.
  await catalog.openRow('tiny-llama-chat');
  await expect(page).toHaveURL(/\/asset\/acme%2Ftiny-llama-chat$/);
  await expect(asset.heading).toHaveText('tiny-llama-chat');
  await expect(asset.license).toContainText('Apache-2.0');
  const bases = asset.baseModels;
  await expect(bases).toContainText('acme/tiny-llama-base');
  await expect(bases).toContainText('not in catalog');
  await expect(asset.datasets).toContainText('tatsu-lab/alpaca');
  await expect(page.getByRole('region', { name: 'Card' })).toContainText('customer-support dialogs');

  // Import the base: the link is now to a real asset.
  await imports.importFiles([BASE]);
  await expect(imports.report).toContainText('1 new');
  await expect(bases).not.toContainText('not in catalog');

  await page.reload();
  await expect(asset.heading).toHaveText('tiny-llama-chat');
  await catalog.open();
  await catalog.expectShowing(2, 2);
});

test('drop a card on the window imports it', async ({ catalog, imports }) => {
  await catalog.open();
  await imports.drop([{ name: 'acme__tiny-llama-chat.md', text: readFileSync(CHAT, 'utf8') }]);
  await expect(imports.report).toContainText('1 new, 0 updated, 0 unchanged, 0 failed');
  await expect(catalog.table).toContainText('tiny-llama-chat');
});

test('bad files get a clear per-file message and the catalog keeps its assets', async ({
  catalog,
  imports,
}) => {
  await catalog.open();
  await imports.importFiles([BASE]);
  await expect(imports.report).toContainText('1 new');
  await imports.importFiles([`${DATA_DIR}/unknown.json`, `${DATA_DIR}/broken-yaml.md`, CHAT]);
  const report = imports.report;
  await expect(report).toContainText('unknown.json: failed');
  await expect(report).toContainText('Unknown format');
  await expect(report).toContainText(/Invalid YAML at line \d+/);
  await expect(report).toContainText('1 failed');
  await expect(catalog.table).toContainText('tiny-llama-base');
  await expect(catalog.table).toContainText('tiny-llama-chat');
});

test('a hostile card renders inert', async ({ page, catalog, asset, imports }) => {
  await catalog.open();
  await imports.importFiles([`${DATA_DIR}/evil__hostile-card.md`]);
  await asset.goto('evil/hostile-card');
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

test('export JSON, clear, import the export restores the catalog', async ({
  catalog,
  asset,
  imports,
  exporter,
}) => {
  await catalog.open();
  await imports.importFiles([CHAT, BASE]);
  await expect(imports.report).toContainText('2 new');
  await exporter.open();
  const { path, env } = await exporter.download<{
    format: string;
    version: number;
    assets: unknown[];
    relations: unknown[];
  }>();
  expect(env.format).toBe('tarn-catalog');
  expect(env.version).toBe(2);
  const realAssets = (env.assets as { placeholder?: boolean }[]).filter((a) => !a.placeholder);
  expect(realAssets).toHaveLength(2);
  expect(env.relations.length).toBeGreaterThanOrEqual(3);

  await catalog.clearCatalog();
  await catalog.expectShowing(0, 0);

  await imports.importFiles([path]);
  await expect(imports.report).toContainText('2 new, 0 updated, 0 unchanged, 0 failed');
  await catalog.expectShowing(2, 2);
  await asset.goto('acme/tiny-llama-chat');
  await expect(asset.baseModels).not.toContainText('not in catalog');
});
