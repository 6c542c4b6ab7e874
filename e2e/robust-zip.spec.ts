import { zipSync, strToU8 } from 'fflate';
import { test, expect } from './fixtures';

const MB = 1024 * 1024;

function card(i: number): Uint8Array {
  return strToU8(`---\nlicense: mit\npipeline_tag: text-generation\n---\n\n# Zip card ${i}\n`);
}

/** `mb` megabytes of one repeated byte: a few KB once deflated, so the zip is small on disk. */
function filler(mb: number): Uint8Array {
  return new Uint8Array(mb * MB).fill(0x61);
}

test('a zip entry over the 20 MB limit gets its own failed line, the card beside it is imported', async ({
  catalog,
  imports,
}) => {
  await catalog.openEmpty();
  const zip = zipSync({ 'acme__zip-card-1.md': card(1), 'weights-notes/big.json': filler(48) }, { level: 9 });
  expect(zip.byteLength).toBeLessThan(MB);
  await imports.uploadGenerated([{ name: 'mixed.zip', buffer: Buffer.from(zip) }]);
  await expect(imports.summary).toHaveText('1 new, 0 updated, 0 unchanged, 1 failed', { timeout: 30_000 });
  const line = imports.report.locator('li[data-status="failed"]');
  await expect(line).toContainText('mixed.zip/weights-notes/big.json: failed');
  await expect(line).toContainText('48.0 MB, over the 20 MB limit');
  await catalog.expectShowing(1, 1);
});

test('a zip bomb stops at the drop bound with a line per entry past it; the rest and the catalog are kept', async ({
  page,
  catalog,
  imports,
}) => {
  await catalog.openEmpty();
  await imports.drop([{ name: 'acme__before.md', text: new TextDecoder().decode(card(0)) }]);
  await expect(imports.summary).toHaveText('1 new, 0 updated, 0 unchanged, 0 failed');
  // The real bound is 512 MB (unit-tested); this test lowers it to 6 MB so the bomb stays small.
  await page.evaluate(() => localStorage.setItem('tarn:test:max-drop-bytes', String(6 * 1024 * 1024)));
  const files: Record<string, Uint8Array> = {};
  for (let i = 1; i <= 3; i++) files[`cards/acme__zip-card-${i}.md`] = card(i);
  const part = filler(2);
  for (let i = 0; i < 40; i++) files[`parts/part-${String(i).padStart(2, '0')}.md`] = part;
  const zip = zipSync(files, { level: 9 });
  expect(zip.byteLength).toBeLessThan(MB);
  await imports.uploadGenerated([{ name: 'bomb.zip', buffer: Buffer.from(zip) }]);
  // The three cards and the two parts that fit (read as cards without front matter) are imported.
  await expect(imports.summary).toHaveText('5 new, 0 updated, 0 unchanged, 38 failed', { timeout: 30_000 });
  const past = imports.report.locator('li[data-status="failed"]', { hasText: 'bound for one drop' });
  // 6 MB hold the three cards and two 2 MB parts; the third part crosses the bound.
  await expect(past).toHaveCount(38);
  await expect(past.first()).toContainText('bomb.zip/parts/part-02.md: failed');
  await expect(past.first()).toContainText('expand past the 6 MB bound for one drop');
  await expect(imports.report.locator('ul.file-lines > li')).toHaveCount(43);
  await catalog.expectShowing(6, 6);
});
