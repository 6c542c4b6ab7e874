/**
 * Insights: charts of the catalog for the current search and facets; every bar is a link, and following
 * one opens the catalog filtered to exactly that bar's count.
 */
import { readdirSync } from 'node:fs';
import { test, expect, DATA_DIR } from './fixtures';

const CARDS = [
  ...readdirSync(`${DATA_DIR}/catalog`).map((f) => `${DATA_DIR}/catalog/${f}`),
  ...readdirSync(`${DATA_DIR}/lineage`).map((f) => `${DATA_DIR}/lineage/${f}`),
];

test('each chart is a named figure; clicking a bar filters the catalog to the same count', async ({
  page,
  catalog,
  imports,
  insights,
}) => {
  await catalog.openEmpty();
  await imports.importFiles(CARDS);
  await catalog.expectShowing(CARDS.length, CARDS.length, 30_000);
  await insights.open();
  await expect(page).toHaveURL(/\/insights$/);
  for (const name of ['Assets by kind', 'Assets by source format', 'License families', 'Top tasks']) {
    await expect(insights.chart(name)).toBeVisible();
  }
  const bar = insights.bar('Assets by kind', 'dataset');
  await expect(bar).toBeVisible({ timeout: 30_000 });
  const count = await insights.barCount('Assets by kind', 'dataset');
  expect(count).toBeGreaterThan(0);
  await bar.click();
  await expect(page).toHaveURL(/\/\?kind=dataset$/);
  await catalog.expectShowing(count, CARDS.length);
});

test('the charts follow the current search and facets, and the catalog strip leads to them', async ({
  page,
  catalog,
  imports,
  insights,
}) => {
  await catalog.openEmpty();
  await imports.importFiles(CARDS);
  await catalog.expectShowing(CARDS.length, CARDS.length, 30_000);
  await catalog.toggleFacet('Kind', /^model/);
  await page.getByRole('link', { name: 'Insights for this view' }).click();
  await expect(insights.heading).toBeVisible();
  await expect(page).toHaveURL(/\/insights\?kind=model$/);
  // Only models are counted: the kind chart has one bar.
  await expect(insights.bar('Assets by kind', 'model')).toBeVisible({ timeout: 30_000 });
  await expect(insights.bar('Assets by kind', 'dataset')).toHaveCount(0);
  const library = insights.bar('Top libraries', 'transformers');
  const n = await insights.barCount('Top libraries', 'transformers');
  await library.click();
  await expect(page).toHaveURL(/kind=model&library=transformers/);
  await catalog.expectShowing(n, CARDS.length);
});
