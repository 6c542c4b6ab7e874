/**
 * A catalog people enjoy: the empty catalog's welcome, words instead of ids (the id in the tooltip), and a
 * dark theme that follows the system with a remembered "Theme" toggle.
 */
import { test, expect, DATA_DIR } from './fixtures';

const UI_CARDS = ['delta__unlicensed-tagger.md', 'delta__custom-terms-model.md'].map(
  (f) => `${DATA_DIR}/ui/${f}`,
);

test('an empty catalog says what Tarn does, offers a drop zone, the formats and the demo', async ({
  catalog,
}) => {
  await catalog.openEmpty();
  const welcome = catalog.welcome;
  await expect(welcome).toContainText('Drop model cards');
  await expect(welcome).toContainText('Hugging Face model card');
  await expect(welcome).toContainText('CycloneDX ML-BOM');
  await expect(welcome.getByRole('button', { name: 'Load demo catalog' })).toBeVisible();
  // The drop zone can also be clicked to pick files.
  await welcome.getByLabel('Choose files to add').setInputFiles(UI_CARDS);
  await catalog.expectShowing(2, 2, 30_000);
  await expect(welcome).toHaveCount(0);
  await expect(catalog.rows).toHaveCount(2);
});

test('licence sentinels read as words in the table, the facets and the asset page; the id is the tooltip', async ({
  catalog,
  imports,
  asset,
}) => {
  await catalog.openEmpty();
  await imports.importFiles(UI_CARDS);
  await catalog.expectShowing(2, 2);
  const none = catalog.facetValue('License', 'No license declared (1)');
  await expect(none).toBeVisible();
  await expect(catalog.facet('License').locator('label', { hasText: 'No license declared' })).toHaveAttribute(
    'title',
    'NONE',
  );
  await expect(catalog.facetValue('License', 'Other (terms not resolved) (1)')).toBeVisible();
  await expect(catalog.facet('License')).not.toContainText('LicenseRef-other-unresolved');
  await expect(catalog.facetValue('Source format', 'Hugging Face model card (2)')).toBeVisible();
  await expect(catalog.table.getByTitle('NONE')).toHaveText('No license declared');
  await none.check();
  await catalog.expectShowing(1, 2);
  await catalog.openRow('unlicensed-tagger');
  await expect(asset.license).toContainText('No license declared');
  await expect(asset.license.getByTitle('NONE')).toBeVisible();
});

test('the theme follows the system, and the "Theme" toggle is remembered', async ({ page, catalog }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  await catalog.openEmpty();
  const theme = page.getByRole('button', { name: 'Theme' });
  await expect(theme).toHaveAttribute('aria-pressed', 'true');
  const dark = await background();
  await theme.click();
  await expect(theme).toHaveAttribute('aria-pressed', 'false');
  expect(await background()).not.toBe(dark);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Theme' })).toHaveAttribute('aria-pressed', 'false');
  expect(await background()).not.toBe(dark);
});

test('on a 360 px phone the facets are a drawer behind "Filters"; the table keeps name, license and verdict', async ({
  page,
  catalog,
  imports,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await catalog.openEmpty();
  await imports.importFiles(UI_CARDS);
  await catalog.expectShowing(2, 2);
  await expect(catalog.facet('License')).toBeHidden();
  const headers = catalog.table.getByRole('columnheader');
  await expect(headers.filter({ hasText: /^(Name|License|License check)/ })).toHaveCount(3);
  await expect(catalog.table.getByRole('columnheader', { name: 'Updated' })).toHaveCount(0);
  await expect(catalog.rows.first().locator('[data-verdict]')).toBeVisible({ timeout: 30_000 });
  // Nothing is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await catalog.openFilters();
  await catalog.toggleFacet('License', 'No license declared (1)');
  await catalog.expectShowing(1, 2);
  await page.keyboard.press('Escape');
  await expect(catalog.facet('License')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeFocused();
});

test('keyboard: "/" focuses the search, "?" opens the shortcuts sheet and Esc closes it', async ({
  page,
  catalog,
}) => {
  await catalog.openEmpty();
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  await expect(catalog.search).toBeFocused();
  await catalog.search.blur();
  await page.keyboard.press('Shift+?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Search the catalog');
  // The arrow keys, Enter and Esc of the catalog table are listed too.
  await expect(sheet.getByRole('term').filter({ hasText: '↑ ↓' })).toBeVisible();
  await expect(sheet).toContainText('Move between catalog rows');
  await expect(sheet).toContainText('Open the focused asset');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('after one online visit the app reloads and works offline (precached app shell)', async ({
  page,
  context,
  catalog,
}) => {
  test.setTimeout(180_000);
  await catalog.openEmpty();
  // The first visit installs the service worker and precaches the app shell.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await context.setOffline(true);
  await page.reload();
  await catalog.expectShowing(0, 0, 30_000);
  await expect(catalog.welcome).toContainText('Drop model cards');
  await catalog.navigate('Insights');
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
  await context.setOffline(false);
});
