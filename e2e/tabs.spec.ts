import type { Page } from '@playwright/test';
import { test, expect, importReport } from './fixtures';

/** A folder of model cards, generated: `tabs__model-00.md` … (id tabs/model-00 …). */
const CARDS = Array.from({ length: 40 }, (_, i) => {
  const n = String(i).padStart(2, '0');
  return {
    name: `tabs__model-${n}.md`,
    mimeType: 'text/markdown',
    buffer: Buffer.from(
      `---\nlicense: apache-2.0\npipeline_tag: text-generation\ntags: [tabs]\n---\n# Model ${n}\n\nCard ${n} for the two-tab test.\n`,
    ),
  };
});
const HALF = CARDS.length / 2;

function showing(page: Page, n: number) {
  return page.getByText(`Showing ${n} of ${n} assets`);
}

async function openAsset(page: Page, id: string): Promise<void> {
  await page.goto(`/asset/${encodeURIComponent(id)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(id.split('/')[1] ?? id);
}

/** Two tabs of the same catalog, both on the catalog page, the catalog empty. */
async function twoTabs(page: Page, openTab: () => Promise<Page>): Promise<[Page, Page]> {
  await page.goto('/');
  await expect(showing(page, 0)).toBeVisible();
  const other = await openTab();
  await other.goto('/');
  await expect(showing(other, 0)).toBeVisible();
  return [page, other];
}

test('two tabs importing the two halves of a folder at once both show the union, without reload', async ({
  page,
  openTab,
}) => {
  const [a, b] = await twoTabs(page, openTab);
  await Promise.all([
    a.getByLabel('Import files').setInputFiles(CARDS.slice(0, HALF)),
    b.getByLabel('Import files').setInputFiles(CARDS.slice(HALF)),
  ]);
  await expect(importReport(a)).toContainText(`${HALF} new`, { timeout: 60_000 });
  await expect(importReport(b)).toContainText(`${HALF} new`, { timeout: 60_000 });
  // Each tab shows its own half and the other tab's: nothing lost, no reload.
  await expect(showing(a, CARDS.length)).toBeVisible();
  await expect(showing(b, CARDS.length)).toBeVisible();
  const table = (p: Page) => p.getByRole('table', { name: 'Catalog' });
  // A's half is searchable in B (B's engine indexed it), and B's in A.
  await b.getByRole('searchbox', { name: 'Search catalog' }).fill('model-03');
  await expect(b.getByText(`Showing 1 of ${CARDS.length} assets`)).toBeVisible();
  await expect(table(b)).toContainText('model-03');
  await a.getByRole('searchbox', { name: 'Search catalog' }).fill('model-33');
  await expect(a.getByText(`Showing 1 of ${CARDS.length} assets`)).toBeVisible();
  await expect(table(a)).toContainText('model-33');

  // After a reload, both agree.
  await a.goto('/');
  await b.goto('/');
  await expect(showing(a, CARDS.length)).toBeVisible();
  await expect(showing(b, CARDS.length)).toBeVisible();
});

test('a tag added in one tab shows in the other tab’s page of that asset within a second', async ({
  page,
  openTab,
}) => {
  const [a, b] = await twoTabs(page, openTab);
  await a.getByLabel('Import files').setInputFiles(CARDS.slice(0, 3));
  await expect(importReport(a)).toContainText('3 new');
  await expect(showing(b, 3)).toBeVisible();

  await openAsset(a, 'tabs/model-01');
  await openAsset(b, 'tabs/model-01');
  const tagsInB = b.getByTestId('asset-tags');
  await expect(tagsInB).not.toContainText('cross-tab');

  const panel = a.getByRole('region', { name: 'Curation' });
  await panel.getByLabel('New tag').fill('cross-tab');
  await panel.getByRole('button', { name: 'Add tag' }).click();
  await expect(a.getByTestId('asset-tags')).toContainText('cross-tab');
  await expect(tagsInB).toContainText('cross-tab', { timeout: 1000 });
  // And the other way round.
  await b.getByRole('region', { name: 'Curation' }).getByLabel('Curation status').selectOption('approved');
  await expect(a.getByTestId('asset-status')).toHaveText('approved', { timeout: 1000 });
});

test('a deletion and a clear in one tab show in the other', async ({ page, openTab }) => {
  const [a, b] = await twoTabs(page, openTab);
  await a.getByLabel('Import files').setInputFiles(CARDS.slice(0, 5));
  await expect(importReport(a)).toContainText('5 new');
  await expect(showing(b, 5)).toBeVisible();

  const table = a.getByRole('table', { name: 'Catalog' });
  await table.getByLabel('Select model-02').check();
  const bulk = a.getByRole('toolbar', { name: 'Bulk actions' });
  await bulk.getByRole('button', { name: 'Delete', exact: true }).click();
  await bulk.getByRole('button', { name: 'Delete 1 assets' }).click();
  await expect(bulk.getByRole('status')).toHaveText('Deleted 1 assets.');
  await expect(showing(a, 4)).toBeVisible();
  await expect(showing(b, 4)).toBeVisible();
  await expect(b.getByRole('table', { name: 'Catalog' })).not.toContainText('model-02');

  // Undo in A brings it back in B.
  await bulk.getByRole('button', { name: 'Undo' }).click();
  await expect(showing(b, 5)).toBeVisible();

  await b.getByRole('button', { name: 'Clear catalog' }).click();
  await b.getByRole('button', { name: 'Yes, clear everything' }).click();
  await expect(showing(b, 0)).toBeVisible();
  await expect(showing(a, 0)).toBeVisible();
});
