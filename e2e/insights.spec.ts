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

// Every test starts from the catalog holding every card.
test.beforeEach(async ({ catalog, imports }) => {
  await catalog.openEmpty();
  await imports.importFiles(CARDS);
  await catalog.expectShowing(CARDS.length, CARDS.length, 30_000);
});

test('each chart is a named figure; clicking a bar filters the catalog to the same count', async ({
  page,
  catalog,
  insights,
}) => {
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
  insights,
}) => {
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

test('base models, lineage depth, completeness and imports over time: each bar filters the catalog to its count', async ({
  page,
  catalog,
  insights,
}) => {
  // The UTC day of the import (the day the cards were first imported).
  const today = new Date().toISOString().slice(0, 10);
  await insights.open();
  const charts = ['Top base models', 'Lineage depth', 'Completeness distribution', 'Imports over time'];
  for (const name of charts) await expect(insights.bars(name).first()).toBeVisible({ timeout: 30_000 });

  // Every asset is in one completeness bucket and one lineage depth, and was first imported today.
  for (const name of ['Completeness distribution', 'Lineage depth']) {
    const bars = await insights.barValues(name);
    expect(bars.reduce((n, b) => n + b.count, 0)).toBe(CARDS.length);
  }
  expect(await insights.barValues('Imports over time')).toEqual([{ label: today, count: CARDS.length }]);
  // Three cards name tarnlab/chat-7b-math as their base; three stand three generations below a root
  // (chat-7b-math-AWQ, chat-7b-tuned and merged-7b: base-7b → chat-7b → chat-7b-math → them).
  expect(await insights.barCount('Top base models', 'tarnlab/chat-7b-math')).toBe(3);
  expect(await insights.barCount('Lineage depth', '3 generations')).toBe(3);
  const [lowest] = await insights.barValues('Completeness distribution');

  const clicks: { chart: string; label: string; url: RegExp }[] = [
    { chart: 'Top base models', label: 'tarnlab/chat-7b-math', url: /\/\?base=tarnlab%2Fchat-7b-math$/ },
    { chart: 'Lineage depth', label: '3 generations', url: /\/\?depth=3$/ },
    { chart: 'Completeness distribution', label: lowest?.label ?? '', url: /\/\?complete=\d+-\d+$/ },
    { chart: 'Imports over time', label: today, url: new RegExp(`/\\?imported=${today}$`) },
  ];
  for (const { chart, label, url } of clicks) {
    await insights.open();
    const bar = insights.bar(chart, label);
    await expect(bar).toBeVisible({ timeout: 30_000 });
    const count = await insights.barCount(chart, label);
    await bar.click();
    await expect(page).toHaveURL(url);
    await catalog.expectShowing(count, CARDS.length);
  }
  // The depth filter is a facet of the catalog like the others.
  await catalog.open('?depth=3');
  await expect(catalog.facetValue('Lineage depth', '3 generations (3)')).toBeChecked();
  await catalog.expectShowing(3, CARDS.length);
});
