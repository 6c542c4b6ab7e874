import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';

const demo = JSON.parse(
  readFileSync(fileURLToPath(new URL('../public/demo-catalog.json', import.meta.url)), 'utf8'),
) as {
  assets: { placeholder?: boolean }[];
};
const realAssets = demo.assets.filter((a) => !a.placeholder).length;

test('a fresh browser opens on the demo catalog; it loads only into an empty catalog', async ({
  page,
  catalog,
}) => {
  // Automated browsers start empty unless asked (?demo=1), so other tests see exactly what they import.
  await catalog.open('?demo=1');
  await catalog.expectShowing(realAssets, realAssets, 30_000);
  await expect(page.getByRole('group', { name: 'Kind' })).toContainText('model');
  await expect(catalog.facet('License')).toContainText('Apache-2.0');
  await page.reload();
  await expect(page.getByText(`of ${realAssets} assets`)).toBeVisible();
});

test('"Load demo catalog" and "Clear catalog" (with confirmation)', async ({ page, catalog }) => {
  await catalog.openEmpty();
  await catalog.loadDemo();
  await catalog.expectShowing(realAssets, realAssets, 30_000);
  await page.getByRole('button', { name: 'Clear catalog' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(`of ${realAssets} assets`)).toBeVisible();
  await catalog.clearCatalog();
  await catalog.expectShowing(0, 0);
});
