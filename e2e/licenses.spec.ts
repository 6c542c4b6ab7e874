import { readFileSync } from 'node:fs';
import { test, expect, DATA_DIR, type CatalogPage, type ImportPanel } from './fixtures';

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

async function loadCards(catalog: CatalogPage, imports: ImportPanel): Promise<void> {
  await catalog.openEmpty();
  await imports.importFiles(CARDS);
  await expect(imports.report).toContainText('5 new');
  await catalog.expectShowing(5, 5);
}

test('a fine-tune that drops the Llama terms is a conflict, with reasons, path, obligations and a NOTICE', async ({
  page,
  catalog,
  asset,
  imports,
}) => {
  await loadCards(catalog, imports);
  await asset.open('acme-labs/support-llama-ft');
  const r = asset.licenseCheck;
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
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', 'ok');
  // The correctly labelled fine-tune is fine too.
  await asset.open('acme-labs/Llama-3.1-helpdesk');
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', 'ok');
});

test('the intended use changes verdicts: NC data, profiles and the MAU threshold', async ({
  page,
  catalog,
  asset,
  imports,
  licenses,
}) => {
  await loadCards(catalog, imports);
  // Commercial use (default): an NC dataset conflicts; a model trained on it needs review.
  await asset.open('nc-corp/street-captions');
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', 'conflict');
  await expect(asset.licenseCheck.locator('li[data-code="NC_COMMERCIAL_USE"]')).toBeVisible();
  await asset.open('acme-labs/caption-model');
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', 'review');
  const unsettled = asset.licenseCheck.locator('li[data-code="TRAINING_DATA_NC_UNSETTLED"]');
  await expect(unsettled).toContainText('legally unsettled');
  await expect(
    unsettled.getByLabel('Lineage path').getByRole('link', { name: 'street-captions' }),
  ).toBeVisible();

  let form = await licenses.openSettings();
  await licenses.commercialUse().uncheck();
  await expect(form.getByTestId('intended-use-summary')).toContainText('non-commercial');
  await licenses.waitSaved();
  await asset.open('nc-corp/street-captions');
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', 'ok');
  await expect(asset.licenseCheck.getByTestId('license-intended-use')).toContainText('non-commercial');

  // Conservative profile: trained weights count as adaptations of their NC data.
  form = await licenses.openSettings();
  await licenses.commercialUse().check();
  await form.getByLabel('Profile').selectOption('conservative');
  await licenses.waitSaved();
  await asset.open('acme-labs/caption-model');
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', 'conflict');
  form = await licenses.openSettings();
  await form.getByLabel('Profile').selectOption('permissive');
  await licenses.waitSaved();
  await asset.open('acme-labs/caption-model');
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', 'ok');

  // Above 700M monthly active users the Llama licence needs Meta's permission.
  form = await licenses.openSettings();
  await form.getByLabel('Profile').selectOption('balanced');
  await form.getByLabel(/Monthly active users/).fill('800000000');
  await licenses.waitSaved();
  await asset.open('acme-labs/Llama-3.1-helpdesk');
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', 'conflict');
  await expect(asset.licenseCheck.locator('li[data-code="MAU_THRESHOLD"]').first()).toContainText(
    'monthly active users',
  );
  // Settings persist across reloads.
  await page.reload();
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', 'conflict');
});

test('the "License check" facet filters the catalog for the current intended use; counts agree', async ({
  page,
  catalog,
  imports,
  licenses,
}) => {
  await loadCards(catalog, imports);
  await expect(catalog.facetValue('License check', 'conflict (2)')).toBeVisible({ timeout: 20_000 });
  await expect(catalog.facetValue('License check', 'ok (2)')).toBeVisible();
  await expect(catalog.facetValue('License check', 'review (1)')).toBeVisible();
  await catalog.facetValue('License check', 'conflict (2)').check();
  await expect(page).toHaveURL(/[?&]check=conflict/);
  await catalog.expectShowing(2, 5);
  const table = catalog.table;
  await expect(table).toContainText('support-llama-ft');
  await expect(table).toContainText('street-captions');
  await expect(table).not.toContainText('caption-model');

  // Non-commercial use: the NC dataset is fine, only the relabelled fine-tune conflicts.
  const form = await licenses.openSettings();
  await licenses.commercialUse().uncheck();
  await expect(form.getByTestId('intended-use-summary')).toContainText('non-commercial');
  await licenses.waitSaved();
  await catalog.open('?check=conflict');
  await expect(catalog.facetValue('License check', 'conflict (1)')).toBeChecked({ timeout: 20_000 });
  await catalog.expectShowing(1, 5);
  await expect(table).toContainText('support-llama-ft');
  await expect(table).not.toContainText('street-captions');
  await expect(catalog.facetValue('License check', 'ok (3)')).toBeVisible();
});

test('the licence report counts verdicts and families, lists conflicts and reviews, exports JSON and CSV', async ({
  page,
  catalog,
  imports,
  licenses,
}) => {
  await loadCards(catalog, imports);
  await licenses.openReport();
  const report = licenses.report;
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
  await licenses.commercialUse().uncheck();
  await expect(report.getByTestId('count-conflict')).toHaveText('1');
  await expect(report.getByTestId('count-ok')).toHaveText('3');
});
