import type { Page } from '@playwright/test';
import { test, expect, importFiles, importReport, DATA_DIR } from './fixtures';

const CARDS = [
  'alpha-org__sunbeam-7b.md',
  'beta-lab__moonlight-classifier.md',
  'gamma__riverstone-gguf.md',
].map((f) => `${DATA_DIR}/catalog/${f}`);

const table = (page: Page) => page.getByRole('table', { name: 'Catalog' });

test('a reload paints the catalog from its caches, and a catalog changed elsewhere never shows stale rows', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByText('Showing 0 of 0 assets')).toBeVisible();
  await importFiles(page, CARDS);
  await expect(importReport(page)).toContainText('3 new');
  await expect(page.getByText('Showing 3 of 3 assets')).toBeVisible();

  // Reload: the same rows, searchable.
  await page.reload();
  await expect(page.getByText('Showing 3 of 3 assets')).toBeVisible();
  await expect(table(page).locator('tbody tr')).toHaveCount(3);
  await page.getByRole('searchbox', { name: 'Search catalog' }).fill('riverstone');
  await expect(page.getByText('Showing 1 of 3 assets')).toBeVisible();

  // Clear the catalog from another page, then come back with a reload: the remembered first rows are
  // dropped (the catalog stamp changed) and the empty catalog shows.
  await page.goto('/imports');
  await page.getByRole('button', { name: 'Clear catalog' }).click();
  await page.getByRole('button', { name: 'Yes, clear everything' }).click();
  await page.goto('/');
  await expect(page.getByText('Showing 0 of 0 assets')).toBeVisible();
  await expect(table(page).locator('tbody tr')).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('Showing 0 of 0 assets')).toBeVisible();
  await expect(table(page).locator('tbody tr')).toHaveCount(0);

  // A new import after the clear: the reload shows exactly it.
  await importFiles(page, [CARDS[1] ?? '']);
  await expect(page.getByText('Showing 1 of 1 assets')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Showing 1 of 1 assets')).toBeVisible();
  await expect(table(page).locator('tbody tr').first()).toContainText('moonlight-classifier');
});
