import { test, expect } from './fixtures';

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

test('a full disk: the report says so in words, lists every file not stored, keeps what was stored', async ({
  page,
  context,
  baseURL,
  catalog,
  imports,
}) => {
  await catalog.openEmpty();
  await imports.drop([{ name: 'acme__kept.md', text: '---\nlicense: mit\n---\n# Kept\n' }]);
  await expect(imports.summary).toHaveText('1 new, 0 updated, 0 unchanged, 0 failed');
  const origin = new URL(baseURL ?? '').origin;
  const cdp = await context.newCDPSession(page);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 1_000_000 });

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
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await catalog.open();
  await catalog.expectShowing(stored + 1, stored + 1, 30_000);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('tarn:import:metadata-only'))).toBe('1');
});
