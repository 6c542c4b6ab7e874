import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, DATA_DIR, type CatalogPage, type ImportPanel } from './fixtures';
import { generateCatalog } from '../bench/generate.mjs';

const CARDS = [
  'alpha-org__sunbeam-7b.md',
  'alpha-org__sunbeam-7b-chat.md',
  'beta-lab__moonlight-classifier.md',
  'beta-lab__helpdesk-dialogs.md',
  'gamma__riverstone-gguf.md',
].map((f) => `${DATA_DIR}/catalog/${f}`);

async function loadFixtures(catalog: CatalogPage, imports: ImportPanel): Promise<void> {
  await catalog.openEmpty();
  await imports.importFiles(CARDS);
  await expect(imports.report).toContainText('5 new');
  await catalog.expectShowing(5, 5);
}

test('free text finds a model by a word of its name, in the top rows', async ({ page, catalog, imports }) => {
  await loadFixtures(catalog, imports);
  await catalog.searchFor('moonlight');
  await catalog.expectShowing(1, 5);
  await expect(catalog.rows.first()).toContainText('moonlight-classifier');
  // Prefix + typo tolerance, ranked by name first.
  await catalog.searchFor('sunbem');
  await expect(catalog.rows.first()).toContainText('sunbeam');
  await catalog.table.getByRole('link', { name: 'moonlight-classifier' }).waitFor({ state: 'detached' });
  await catalog.searchFor('riverstone');
  await catalog.openRow('riverstone-gguf');
  await expect(page).toHaveURL(/\/asset\/gamma%2Friverstone-gguf$/);
});

test('field queries and facet clicks narrow the rows; counts agree with the data', async ({
  page,
  catalog,
  imports,
}) => {
  await loadFixtures(catalog, imports);
  // Facet counts over the whole catalog.
  await expect(catalog.facetValue('Kind', 'model (4)')).toBeVisible();
  await expect(catalog.facetValue('Kind', 'dataset (1)')).toBeVisible();
  await expect(catalog.facetValue('License', 'Apache-2.0 (3)')).toBeVisible();
  await expect(catalog.facetValue('Derivative type', 'adapter (1)')).toBeVisible();
  await expect(catalog.facetValue('Derivative type', 'quantized (1)')).toBeVisible();

  await catalog.searchFor('license:apache-2.0');
  await catalog.expectShowing(3, 5);
  await expect(catalog.table).not.toContainText('moonlight-classifier');

  await catalog.searchFor('license:apache-2.0 task:text-generation -gguf');
  await catalog.expectShowing(2, 5);
  await expect(catalog.table).not.toContainText('riverstone');

  await catalog.searchFor('base:alpha-org/sunbeam-7b');
  await catalog.expectShowing(1, 5);
  await expect(catalog.table).toContainText('sunbeam-7b-chat');

  await catalog.searchFor('trained-on:beta-lab/helpdesk-dialogs');
  await catalog.expectShowing(1, 5);

  await catalog.searchFor('license:permissive');
  await catalog.expectShowing(4, 5);

  // Unknown field: a visible hint, not an error.
  await catalog.searchFor('colour:blue');
  await expect(page.getByText(/Unknown field colour: — try license:, task:/)).toBeVisible();

  // Facets narrow; counts of the other facets follow.
  await catalog.searchFor('task:text-generation');
  await catalog.expectShowing(4, 5);
  await catalog.toggleFacet('Kind', 'model (3)');
  await catalog.expectShowing(3, 5);
  await expect(catalog.facetValue('License', 'Apache-2.0 (3)')).toBeVisible();
  await expect(catalog.facetValue('License', /CC-BY-NC/)).toHaveCount(0);
  await catalog.toggleFacet('Library', 'peft (1)');
  await catalog.expectShowing(1, 5);
  await expect(catalog.table).toContainText('sunbeam-7b-chat');
  // Kind counts ignore the kind filter but respect the others.
  await expect(catalog.facetValue('Kind', 'model (1)')).toBeChecked();
});

test('the URL restores the view after reload; back and forward work', async ({ page, catalog, imports }) => {
  await loadFixtures(catalog, imports);
  await catalog.toggleFacet('Kind', 'model (4)');
  await catalog.expectShowing(4, 5);
  // riverstone-gguf matches too: its base model is sunbeam-7b-chat.
  await catalog.searchFor('sunbeam');
  await catalog.expectShowing(3, 5);
  await catalog.sortBy('Name');
  await expect(page).toHaveURL(/sort=name/);
  await expect(page).toHaveURL(/kind=model/);
  await expect(page).toHaveURL(/q=sunbeam/);
  await expect(catalog.rows.first()).toContainText('riverstone-gguf');

  // Hide a column through the column menu: in the URL too.
  await page.getByText('Columns', { exact: true }).click();
  await page
    .getByRole('group', { name: 'Visible columns' })
    .getByRole('checkbox', { name: 'Task' })
    .uncheck();
  await expect(page).toHaveURL(/cols=/);
  await expect(catalog.table.getByRole('columnheader', { name: 'Task' })).toHaveCount(0);

  await page.reload();
  await expect(catalog.search).toHaveValue('sunbeam');
  await catalog.expectShowing(3, 5);
  await expect(catalog.facetValue('Kind', 'model (3)')).toBeChecked();
  await expect(catalog.rows.first()).toContainText('riverstone-gguf');
  await expect(catalog.table.getByRole('columnheader', { name: 'Task' })).toHaveCount(0);
  await expect(catalog.table.getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );

  // Back: before the column change; back again: before the sort. Forward restores.
  await page.goBack();
  await expect(catalog.table.getByRole('columnheader', { name: 'Task' })).toHaveCount(1);
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=name/);
  await page.goForward();
  await expect(page).toHaveURL(/sort=name/);
  await expect(catalog.search).toHaveValue('sunbeam');
});

test('autosuggest: a keyboard-navigable listbox', async ({ catalog, imports }) => {
  await loadFixtures(catalog, imports);
  await catalog.searchFor('lic');
  const list = catalog.suggestions;
  await expect(list.getByRole('option', { name: 'license:' })).toBeVisible();
  await catalog.search.press('ArrowDown');
  await catalog.search.press('Enter');
  await expect(catalog.search).toHaveValue('license:');
  await catalog.search.pressSequentially('ap');
  await expect(list.getByRole('option', { name: /license:Apache-2.0/ })).toBeVisible();
  await catalog.search.press('ArrowDown');
  await catalog.search.press('Enter');
  await catalog.expectShowing(3, 5);
});

test('keyboard: arrows move the row focus, Enter opens', async ({ page, catalog, imports }) => {
  await loadFixtures(catalog, imports);
  await catalog.sortBy('Name');
  await catalog.rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(catalog.table.locator('tbody tr[data-index="1"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/asset\//);
});

test('keyboard: "/" to search, ArrowDown into the rows, Enter opens the focused asset', async ({
  page,
  catalog,
  imports,
  asset,
}) => {
  await loadFixtures(catalog, imports);
  await page.getByText('Showing 5 of 5 assets').click();
  await page.keyboard.press('/');
  await expect(catalog.search).toBeFocused();
  await page.keyboard.type('sunbeam');
  await catalog.expectResultsFor('sunbeam');
  await catalog.expectShowing(3, 5);
  // With the suggestions dismissed (Esc), ArrowDown leaves the search for the first row, the next one moves on.
  await page.keyboard.press('Escape');
  await expect(catalog.suggestions).toBeHidden();
  await page.keyboard.press('ArrowDown');
  await expect(catalog.row(0)).toBeFocused();
  // ArrowUp on the first row goes back to the search (its suggestions open again), and down again.
  await page.keyboard.press('ArrowUp');
  await expect(catalog.search).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(catalog.suggestions).toBeHidden();
  await page.keyboard.press('ArrowDown');
  await expect(catalog.row(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const second = catalog.row(1);
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('tabindex', '0');
  await expect(catalog.row(0)).toHaveAttribute('tabindex', '-1');
  const name = (await catalog.rowLink(second).textContent()) ?? '';
  const href = (await catalog.rowLink(second).getAttribute('href')) ?? '';
  expect(name).not.toBe('');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(asset.heading).toHaveText(name);
});

test('keyboard: ArrowDown walks the suggestions, then on past the last one into the rows', async ({
  page,
  catalog,
  imports,
}) => {
  await loadFixtures(catalog, imports);
  await catalog.search.click();
  await page.keyboard.type('sun');
  await catalog.expectResultsFor('sun');
  const options = catalog.suggestions.getByRole('option');
  await expect(options.first()).toBeVisible();
  const n = await options.count();
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(i)).toHaveAttribute('aria-selected', 'true');
  }
  await expect(catalog.search).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(catalog.row(0)).toBeFocused();
  await expect(catalog.suggestions).toBeHidden();
});

test('a saved view reappears after reload', async ({ page, catalog, imports }) => {
  await loadFixtures(catalog, imports);
  await catalog.searchFor('license:mit');
  await catalog.expectShowing(1, 5);
  const views = catalog.savedViews;
  await catalog.saveView('MIT only');
  await expect(views.getByRole('link', { name: 'MIT only' })).toBeVisible();
  await catalog.open();
  await catalog.expectShowing(5, 5);
  await page.reload();
  await views.getByRole('link', { name: 'MIT only' }).click();
  await expect(catalog.search).toHaveValue('license:mit');
  await catalog.expectShowing(1, 5);
});

test('row selection reports the selected keys', async ({ page, catalog, imports }) => {
  await loadFixtures(catalog, imports);
  await catalog.select('moonlight-classifier');
  await expect(page.locator('.table-toolbar').getByText(/1 selected/)).toBeVisible();
});

test('with 10k synthetic assets, typing in the search box stays responsive', async ({
  page,
  catalog,
  imports,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'tarn-e2e-'));
  const { files } = generateCatalog({ n: 10_000, seed: 7, prefix: 'e2e-10k' });
  const paths = files.map((f) => {
    const p = join(dir, f.name);
    writeFileSync(p, JSON.stringify(f.env));
    return p;
  });
  await catalog.open();
  await imports.importFiles(paths);
  await catalog.expectShowing(10000, 10000, 60_000);
  // Steady state: the engine has written its index to IndexedDB (a one-off, blocking stringify).
  await page.evaluate(() =>
    (
      window as unknown as { __tarnCatalog: { call: (n: string, a: unknown) => Promise<unknown> } }
    ).__tarnCatalog.call('searchStatus', { waitIndex: true, waitPersist: true }),
  );
  const box = catalog.search;
  await box.click();
  const timings: number[] = [];
  for (const word of ['llama', 'mistral', 'qwen', 'gemma']) {
    await box.fill('');
    await catalog.expectShowing(10000, 10000);
    let typed = '';
    for (const ch of word) {
      typed += ch;
      const t0 = Date.now();
      await box.press(ch);
      // The shown rows answer exactly what is typed.
      await page.locator(`p.count[data-q="${typed}"]`).waitFor({ timeout: 10_000 });
      timings.push(Date.now() - t0);
    }
  }
  timings.sort((a, b) => a - b);
  const p50 = timings[Math.floor(timings.length / 2)] ?? 0;
  const p95 = timings[Math.floor(timings.length * 0.95)] ?? 0;
  console.log(`input → update over ${timings.length} keystrokes: p50 ${p50} ms, p95 ${p95} ms`);
  // Generous (includes Playwright round trips; CI machines are shared): typical keystrokes well under
  // half a second, and no stall beyond 1.5 s. A quiet 2-core machine measures p95 ≈ 200 ms.
  expect(p50).toBeLessThan(500);
  expect(p95).toBeLessThan(1500);
  await expect(catalog.rows.first()).toContainText(/gemma/i);
});
