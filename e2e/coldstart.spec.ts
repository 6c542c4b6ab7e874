import { test, expect, DATA_DIR } from './fixtures';

const CARDS = [
  'alpha-org__sunbeam-7b.md',
  'beta-lab__moonlight-classifier.md',
  'gamma__riverstone-gguf.md',
].map((f) => `${DATA_DIR}/catalog/${f}`);

test('a reload paints the catalog from its caches, and a catalog changed elsewhere never shows stale rows', async ({
  page,
  catalog,
  imports,
}) => {
  await catalog.openEmpty();
  await imports.importFiles(CARDS);
  await expect(imports.report).toContainText('3 new');
  await catalog.expectShowing(3, 3);

  // Reload: the same rows, searchable.
  await page.reload();
  await catalog.expectShowing(3, 3);
  await expect(catalog.rows).toHaveCount(3);
  await catalog.searchFor('riverstone');
  await catalog.expectShowing(1, 3);

  // Clear the catalog from another page, then come back with a reload: the remembered first rows are
  // dropped (the catalog stamp changed) and the empty catalog shows.
  await page.goto('/imports');
  await catalog.clearCatalog();
  // The clear is done when the import history is empty (leaving earlier could abort it).
  await expect(page.getByText('No imports yet.')).toBeVisible();
  await catalog.open();
  await catalog.expectShowing(0, 0);
  await expect(catalog.rows).toHaveCount(0);
  await page.reload();
  await catalog.expectShowing(0, 0);
  await expect(catalog.rows).toHaveCount(0);

  // A new import after the clear: the reload shows exactly it.
  await imports.importFiles([CARDS[1] ?? '']);
  await catalog.expectShowing(1, 1);
  await page.reload();
  await catalog.expectShowing(1, 1);
  await expect(catalog.rows.first()).toContainText('moonlight-classifier');
});
