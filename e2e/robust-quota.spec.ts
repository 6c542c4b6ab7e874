import type { Page } from '@playwright/test';
import { test, expect, type CatalogPage, type ImportPanel } from './fixtures';
import { limitCatalogStorage } from './support/storageLimit';

/** Text that does not compress (IndexedDB compresses what it stores): words from a seeded generator. */
function noise(seed: number, chars: number): string {
  let x = seed * 2654435761 + 1;
  let out = '';
  while (out.length < chars) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += x.toString(36) + (x % 7 === 0 ? '\n' : ' ');
  }
  return out;
}

/** `n` generated cards of about 24 KB each (a long body, as real cards have). */
function cards(n: number): { name: string; buffer: Buffer; mimeType: string }[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `acme__quota-${String(i).padStart(3, '0')}.md`,
    mimeType: 'text/markdown',
    buffer: Buffer.from(
      `---\nlicense: mit\ntags: [q${i}]\n---\n\n# Quota card ${i}\n\n${noise(i + 1, 24_000)}\n`,
    ),
  }));
}

/** An empty catalog gets one card; then the disk keeps `bytes` free, and the page is opened again on it. */
async function oneCardThenDiskLimit(
  { page, catalog, imports }: { page: Page; catalog: CatalogPage; imports: ImportPanel },
  bytes: number,
): Promise<{ lift: () => Promise<void> }> {
  const disk = await limitCatalogStorage(page);
  await catalog.openEmpty();
  await imports.drop([{ name: 'acme__kept.md', text: '---\nlicense: mit\n---\n# Kept\n' }]);
  await expect(imports.summary).toHaveText('1 new, 0 updated, 0 unchanged, 0 failed');
  await disk.set(bytes);
  await catalog.open();
  await catalog.expectShowing(1, 1);
  return disk;
}

test('a full disk: the report says so in words, lists every file not stored, keeps what was stored', async ({
  page,
  catalog,
  imports,
}) => {
  // About 1 MB left on the disk: some of the 120 cards (24 KB each) fit, the rest do not.
  const disk = await oneCardThenDiskLimit({ page, catalog, imports }, 1_000_000);

  test.setTimeout(240_000);
  const files = cards(120);
  await imports.uploadGenerated(files);
  await expect(imports.summary).toBeVisible({ timeout: 200_000 });
  const alert = imports.report.getByRole('alert');
  await expect(alert).toContainText("The browser's storage for this site is full.");
  await expect(alert).toContainText('free disk space');
  await expect(alert).toContainText('export the catalog');
  await expect(alert).toContainText('remove raw sources');
  // Every file has its line: stored ones "new", the others "not stored".
  await expect(imports.report.locator('ul.file-lines > li')).toHaveCount(120);
  const notStored = await imports.report.locator('li', { hasText: 'not stored (storage full)' }).count();
  const summary = (await imports.summary.innerText()).match(
    /^(\d+) new, 0 updated, 0 unchanged, (\d+) failed$/,
  );
  expect(summary).not.toBeNull();
  const stored = Number(summary?.[1]);
  expect(Number(summary?.[2])).toBe(notStored);
  expect(stored + notStored).toBe(120);
  expect(notStored).toBeGreaterThan(0);
  await expect(alert).toContainText(`${notStored} files were not stored`);

  // "Keep metadata only" for future imports; lift the quota: what was stored is all there.
  await alert.getByLabel(/Keep metadata only/).check();
  await disk.lift();
  await catalog.open();
  await catalog.expectShowing(stored + 1, stored + 1, 30_000);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('tarn:import:metadata-only'))).toBe('1');
});

test('a disk already full: the catalog still opens and shows what it has; a new file is reported not stored', async ({
  page,
  catalog,
  imports,
}) => {
  await oneCardThenDiskLimit({ page, catalog, imports }, 1);
  await imports.drop([{ name: 'acme__more.md', text: '---\nlicense: mit\n---\n# More\n' }]);
  await expect(imports.summary).toHaveText('0 new, 0 updated, 0 unchanged, 1 failed');
  await expect(imports.report.getByRole('alert')).toContainText(
    "The browser's storage for this site is full.",
  );
  await catalog.expectShowing(1, 1);
});
