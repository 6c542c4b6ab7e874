import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, importFiles, importReport, DATA_DIR } from './fixtures';

// Hand-written HF-style cards (e2e/data/licenses):
//   meta-llama/Llama-3.1-8B        llama3.1                          base
//   acme-labs/support-llama-ft      apache-2.0, base_model: Llama     drops the Llama terms -> conflict
//   acme-labs/Llama-3.1-helpdesk    llama3.1,  base_model: Llama      correctly labelled -> ok (conflict above 700M MAU)
//   nc-corp/street-captions         cc-by-nc-4.0 dataset              conflict for commercial use, ok otherwise
//   acme-labs/caption-model         mit, datasets: street-captions    trained on NC data: review / conservative conflict
const CARDS = [
  'meta-llama__Llama-3.1-8B.md',
  'acme-labs__support-llama-ft.md',
  'acme-labs__Llama-3.1-helpdesk.md',
  'nc-corp__street-captions.md',
  'acme-labs__caption-model.md',
].map((f) => `${DATA_DIR}/licenses/${f}`);

async function loadCards(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByText('Showing 0 of 0 assets')).toBeVisible();
  await importFiles(page, CARDS);
  await expect(importReport(page)).toContainText('5 new');
  await expect(page.getByText('Showing 5 of 5 assets')).toBeVisible();
}

const region = (page: Page) => page.getByRole('region', { name: 'License check' });
const facet = (page: Page) => page.getByRole('group', { name: 'License check', exact: true });

async function openAsset(page: Page, id: string): Promise<void> {
  await page.goto(`/asset/${encodeURIComponent(id)}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Waits until the intended-use form has stored its last change. */
async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'Intended use saved state' }).first()).toHaveAttribute(
    'data-saved',
    'true',
  );
}

/** Uses the intended-use form at /licenses/settings. */
async function settingsPage(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Licenses' }).click();
  await expect(page).toHaveURL(/\/licenses$/);
  await page.goto('/licenses/settings');
  const form = page.getByRole('form', { name: 'Intended use' });
  await expect(form).toBeVisible();
  return form;
}

test('a fine-tune that drops the Llama terms is a conflict, with reasons, path, obligations and a NOTICE', async ({
  page,
}) => {
  await loadCards(page);
  await openAsset(page, 'acme-labs/support-llama-ft');
  const r = region(page);
  await expect(r).toHaveAttribute('data-verdict', 'conflict');
  // Badge in the header slot.
  await expect(page.getByTestId('license-badge')).toHaveAttribute('data-verdict', 'conflict');
  // The lineage graph colours its nodes by verdict.
  await expect(page.locator('.react-flow [data-verdict="conflict"]').first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator('.react-flow [data-verdict="ok"]').first()).toBeVisible();
  // Finding with its code, plain-language explanation and the lineage path (links).
  const finding = r.locator('li[data-code="CUSTOM_TERMS_DROPPED"]');
  await expect(finding).toBeVisible();
  await expect(finding).toContainText('must accompany every derivative');
  await expect(r.locator('li[data-code="USE_RESTRICTIONS_DROPPED"]')).toBeVisible();
  const path = finding.getByLabel('Lineage path');
  await expect(path.getByRole('link', { name: 'support-llama-ft' })).toBeVisible();
  await expect(path.getByRole('link', { name: 'Llama-3.1-8B' })).toHaveAttribute(
    'href',
    '/asset/meta-llama%2FLlama-3.1-8B',
  );
  // Normalised licence and how it was derived.
  await expect(r.getByTestId('license-raw')).toContainText('apache-2.0');
  await expect(r.getByTestId('license-normalized')).toContainText('Apache-2.0');
  await expect(r.getByTestId('license-how')).toContainText(/HF licence id/i);
  await expect(r.getByTestId('license-effective')).toContainText('LicenseRef-Llama-3.1-Community');
  await expect(r.getByRole('table', { name: 'Licences in the lineage' })).toContainText(
    'LicenseRef-Llama-3.1-Community',
  );
  // Obligations checklist.
  const obligation = r.getByRole('checkbox', { name: /Display the attribution: Built with Llama/ });
  await expect(obligation).not.toBeChecked();
  await obligation.check();
  await expect(obligation).toBeChecked();
  // NOTICE for the asset and its ancestors, downloadable.
  const notice = r.getByLabel('NOTICE text', { exact: true });
  await expect(notice).toContainText('Llama 3.1 is licensed under the Llama 3.1 Community License');
  await expect(notice).toContainText('Llama-3.1-8B (meta-llama/Llama-3.1-8B)');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    r.getByRole('button', { name: 'Download NOTICE' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('NOTICE-acme-labs__support-llama-ft.txt');
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain('NOTICE for support-llama-ft');
  expect(text).toContain('Built with Llama');
  await r.getByRole('button', { name: 'Copy' }).click();
  await expect(r.getByRole('status')).toHaveText(/Copied|select the text/);
  // The path link leads to the base, which is fine.
  await path.getByRole('link', { name: 'Llama-3.1-8B' }).click();
  await expect(page).toHaveURL(/\/asset\/meta-llama%2FLlama-3\.1-8B$/);
  await expect(region(page)).toHaveAttribute('data-verdict', 'ok');
  // The correctly labelled fine-tune is fine too.
  await openAsset(page, 'acme-labs/Llama-3.1-helpdesk');
  await expect(region(page)).toHaveAttribute('data-verdict', 'ok');
});

test('the intended use changes verdicts: NC data, profiles and the MAU threshold', async ({ page }) => {
  await loadCards(page);
  // Commercial use (default): an NC dataset conflicts; a model trained on it needs review.
  await openAsset(page, 'nc-corp/street-captions');
  await expect(region(page)).toHaveAttribute('data-verdict', 'conflict');
  await expect(region(page).locator('li[data-code="NC_COMMERCIAL_USE"]')).toBeVisible();
  await openAsset(page, 'acme-labs/caption-model');
  await expect(region(page)).toHaveAttribute('data-verdict', 'review');
  const unsettled = region(page).locator('li[data-code="TRAINING_DATA_NC_UNSETTLED"]');
  await expect(unsettled).toContainText('legally unsettled');
  await expect(
    unsettled.getByLabel('Lineage path').getByRole('link', { name: 'street-captions' }),
  ).toBeVisible();

  let form = await settingsPage(page);
  await form.getByRole('checkbox', { name: /Commercial use/ }).uncheck();
  await expect(form.getByTestId('intended-use-summary')).toContainText('non-commercial');
  await saved(page);
  await openAsset(page, 'nc-corp/street-captions');
  await expect(region(page)).toHaveAttribute('data-verdict', 'ok');
  await expect(region(page).getByTestId('license-intended-use')).toContainText('non-commercial');

  // Conservative profile: trained weights count as adaptations of their NC data.
  form = await settingsPage(page);
  await form.getByRole('checkbox', { name: /Commercial use/ }).check();
  await form.getByLabel('Profile').selectOption('conservative');
  await saved(page);
  await openAsset(page, 'acme-labs/caption-model');
  await expect(region(page)).toHaveAttribute('data-verdict', 'conflict');
  form = await settingsPage(page);
  await form.getByLabel('Profile').selectOption('permissive');
  await saved(page);
  await openAsset(page, 'acme-labs/caption-model');
  await expect(region(page)).toHaveAttribute('data-verdict', 'ok');

  // Above 700M monthly active users the Llama licence needs Meta's permission.
  form = await settingsPage(page);
  await form.getByLabel('Profile').selectOption('balanced');
  await form.getByLabel(/Monthly active users/).fill('800000000');
  await saved(page);
  await openAsset(page, 'acme-labs/Llama-3.1-helpdesk');
  await expect(region(page)).toHaveAttribute('data-verdict', 'conflict');
  await expect(region(page).locator('li[data-code="MAU_THRESHOLD"]').first()).toContainText(
    'monthly active users',
  );
  // Settings persist across reloads.
  await page.reload();
  await expect(region(page)).toHaveAttribute('data-verdict', 'conflict');
});

test('the "License check" facet filters the catalog for the current intended use; counts agree', async ({
  page,
}) => {
  await loadCards(page);
  await expect(facet(page).getByRole('checkbox', { name: 'conflict (2)' })).toBeVisible({ timeout: 20_000 });
  await expect(facet(page).getByRole('checkbox', { name: 'ok (2)' })).toBeVisible();
  await expect(facet(page).getByRole('checkbox', { name: 'review (1)' })).toBeVisible();
  await facet(page).getByRole('checkbox', { name: 'conflict (2)' }).check();
  await expect(page).toHaveURL(/[?&]check=conflict/);
  await expect(page.getByText('Showing 2 of 5 assets')).toBeVisible();
  const table = page.getByRole('table', { name: 'Catalog' });
  await expect(table).toContainText('support-llama-ft');
  await expect(table).toContainText('street-captions');
  await expect(table).not.toContainText('caption-model');

  // Non-commercial use: the NC dataset is fine, only the relabelled fine-tune conflicts.
  const form = await settingsPage(page);
  await form.getByRole('checkbox', { name: /Commercial use/ }).uncheck();
  await expect(form.getByTestId('intended-use-summary')).toContainText('non-commercial');
  await saved(page);
  await page.goto('/?check=conflict');
  await expect(facet(page).getByRole('checkbox', { name: 'conflict (1)' })).toBeChecked({ timeout: 20_000 });
  await expect(page.getByText('Showing 1 of 5 assets')).toBeVisible();
  await expect(table).toContainText('support-llama-ft');
  await expect(table).not.toContainText('street-captions');
  await expect(facet(page).getByRole('checkbox', { name: 'ok (3)' })).toBeVisible();
});

test('the licence report counts verdicts and families, lists conflicts and reviews, exports JSON and CSV', async ({
  page,
}) => {
  await loadCards(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Licenses' }).click();
  const report = page.getByRole('region', { name: 'License report' });
  await expect(report.getByTestId('count-conflict')).toHaveText('2');
  await expect(report.getByTestId('count-review')).toHaveText('1');
  await expect(report.getByTestId('count-ok')).toHaveText('2');
  await expect(report.getByRole('table', { name: 'License families' })).toContainText('non-commercial');
  const issues = report.getByRole('table', { name: 'Conflicts and reviews' });
  await expect(issues.locator('tbody tr')).toHaveCount(3);
  await expect(issues.locator('tbody tr').first()).toHaveAttribute('data-verdict', 'conflict');
  await expect(issues).toContainText('CUSTOM_TERMS_DROPPED');
  await expect(issues).toContainText('TRAINING_DATA_NC_UNSETTLED');
  await expect(issues.getByRole('link', { name: 'support-llama-ft' })).toHaveAttribute(
    'href',
    '/asset/acme-labs%2Fsupport-llama-ft',
  );

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    report.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(json.suggestedFilename()).toMatch(/^tarn-license-report-.*\.json$/);
  const parsed = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
    byVerdict: Record<string, number>;
    issues: { id: string; verdict: string; codes: string[] }[];
    profile: string;
  };
  expect(parsed.byVerdict).toEqual({ ok: 2, warning: 0, review: 1, conflict: 2 });
  expect(parsed.profile).toBe('balanced');
  expect(parsed.issues.find((i) => i.id === 'acme-labs/support-llama-ft')?.codes).toContain(
    'CUSTOM_TERMS_DROPPED',
  );
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    report.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const lines = readFileSync(await csv.path(), 'utf8')
    .trim()
    .split(/\r\n/);
  expect(lines[0]).toContain('"verdict"');
  expect(lines).toHaveLength(4);
  expect(lines.some((l) => l.includes('"acme-labs/caption-model"') && l.includes('"review"'))).toBe(true);

  // The intended-use panel on the same page updates the report live.
  await page
    .getByRole('form', { name: 'Intended use' })
    .getByRole('checkbox', { name: /Commercial use/ })
    .uncheck();
  await expect(report.getByTestId('count-conflict')).toHaveText('1');
  await expect(report.getByTestId('count-ok')).toHaveText('3');
});
