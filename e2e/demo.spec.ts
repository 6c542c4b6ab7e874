import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';

const demo = JSON.parse(
  readFileSync(fileURLToPath(new URL('../public/demo-catalog.json', import.meta.url)), 'utf8'),
) as {
  assets: { placeholder?: boolean }[];
};
const realAssets = demo.assets.filter((a) => !a.placeholder).length;

test('a fresh browser opens on the demo catalog; it loads only into an empty catalog', async ({ page }) => {
  // Automated browsers start empty unless asked (?demo=1), so other tests see exactly what they import.
  await page.goto('/?demo=1');
  await expect(page.getByText(`Showing ${realAssets} of ${realAssets} assets`)).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('group', { name: 'Kind' })).toContainText('model');
  await expect(page.getByRole('group', { name: 'License', exact: true })).toContainText('Apache-2.0');
  await page.reload();
  await expect(page.getByText(`of ${realAssets} assets`)).toBeVisible();
});

test('"Load demo catalog" and "Clear catalog" (with confirmation)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Showing 0 of 0 assets')).toBeVisible();
  await page.getByRole('button', { name: 'Load demo catalog' }).click();
  await expect(page.getByText(`Showing ${realAssets} of ${realAssets} assets`)).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Clear catalog' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(`of ${realAssets} assets`)).toBeVisible();
  await page.getByRole('button', { name: 'Clear catalog' }).click();
  await page.getByRole('button', { name: 'Yes, clear everything' }).click();
  await expect(page.getByText('Showing 0 of 0 assets')).toBeVisible();
});
