/**
 * Cancel in the middle of a large import (a zip of generated model cards, some deriving from others):
 * the report says cancelled, the catalog shows exactly what the report says was stored (also after a
 * reload), and importing the same zip again completes with the rest.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { test, expect, importReport } from './fixtures';

const TOTAL = 8000;

function cardsZip(): string {
  const enc = new TextEncoder();
  const entries: Record<string, Uint8Array> = {};
  const body = 'Trained with care on public text. '.repeat(30);
  for (let i = 0; i < TOTAL; i++) {
    const base = i % 4 === 3 ? `base_model: cancel-org/card-${i - 1}\n` : '';
    const text = `---\nlicense: apache-2.0\npipeline_tag: text-generation\n${base}tags:\n- cancel-test\n---\n\n# card-${i}\n\n${body}\n`;
    entries[`cards/cancel-org__card-${i}.md`] = enc.encode(text);
  }
  const dir = mkdtempSync(join(tmpdir(), 'tarn-cancel-'));
  const path = join(dir, 'cards.zip');
  writeFileSync(path, zipSync(entries));
  return path;
}

test.describe.configure({ timeout: 240_000 });

test('cancel mid-import leaves a consistent catalog; importing again completes it', async ({ page }) => {
  const zip = cardsZip();
  await page.goto('/');
  await expect(page.getByText('Showing 0 of 0 assets')).toBeVisible();
  await page.getByLabel('Import files').setInputFiles(zip);
  const progress = page.getByRole('group', { name: 'Import progress' });
  await expect(progress.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await expect(progress).toContainText(/[1-9]\d* of \d+ files/, { timeout: 60_000 });
  await progress.getByRole('button', { name: 'Cancel' }).click();

  const report = importReport(page);
  await expect(report).toContainText('cancelled', { timeout: 60_000 });
  await expect(progress).toBeHidden();
  const summary = (await report.locator('.import-summary').textContent()) ?? '';
  const m = /(\d+) new, (\d+) updated, (\d+) unchanged, (\d+) failed/.exec(summary);
  expect(m, summary).not.toBeNull();
  const [created, updated, , failed] = (m ?? []).slice(1).map(Number) as [number, number, number, number];
  expect(created).toBeGreaterThan(0);
  expect(created).toBeLessThan(TOTAL);
  expect(updated).toBe(0);
  expect(failed).toBe(0);
  // What the report says was stored is what the catalog holds, before and after a reload.
  await expect(page.getByText(`Showing ${created} of ${created} assets`)).toBeVisible();
  await page.reload();
  await expect(page.getByText(`Showing ${created} of ${created} assets`)).toBeVisible();

  await page.getByLabel('Import files').setInputFiles(zip);
  await expect(report.locator('.import-summary')).toHaveText(
    `${TOTAL - created} new, 0 updated, ${created} unchanged, 0 failed`,
    { timeout: 180_000 },
  );
  await expect(report).not.toContainText('cancelled');
  await expect(page.getByText(`Showing ${TOTAL} of ${TOTAL} assets`)).toBeVisible();
});
