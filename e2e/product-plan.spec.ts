import { test, expect, DATA_DIR, type CatalogPage, type ImportPanel, type PlanPage } from './fixtures';

// Hand-written HF-style cards (e2e/data/plans):
//   northwind/harbor-captioner   apache-2.0, datasets: dockside-photos   the model the product builds on
//   northwind/dockside-photos    cc-by-nc-4.0 dataset                    non-commercial training data
//   copyleft-co/wavekit          AGPL-3.0-only                           a network-copyleft component
const CARDS = [
  'northwind__harbor-captioner.md',
  'northwind__dockside-photos.md',
  'copyleft-co__wavekit.md',
].map((f) => `${DATA_DIR}/plans/${f}`);
const MODEL = 'northwind/harbor-captioner';
const DATASET = 'northwind/dockside-photos';
const LIBRARY = 'copyleft-co/wavekit';

async function loadCards(catalog: CatalogPage, imports: ImportPanel): Promise<void> {
  await catalog.openEmpty();
  await imports.importFiles(CARDS);
  await expect(imports.report).toContainText('3 new');
  await catalog.expectShowing(3, 3);
}

/** A commercial, redistributed, proprietary product that fine-tunes the Apache-2.0 captioner. */
async function captionerPlan(plan: PlanPage): Promise<void> {
  await plan.create('Harbor Assistant');
  await expect(plan.license).toHaveValue('LicenseRef-Proprietary');
  await plan.addFromSuggestion('harbor-cap', MODEL);
  await expect(plan.useOf(MODEL)).toHaveValue('fine-tune');
}

test('a product built on an Apache-2.0 model trained on NC data: the training-data finding follows the profile and the intended use', async ({
  catalog,
  imports,
  plan,
}) => {
  await loadCards(catalog, imports);
  await captionerPlan(plan);

  await plan.expectVerdict('review');
  const finding = plan.finding('TRAINING_DATA_NC_UNSETTLED');
  await expect(finding).toHaveCount(1);
  // The path runs from the product through the model to the dataset.
  await expect(finding.getByLabel('Lineage path')).toContainText('Harbor Assistant');
  await expect(finding.locator(`.license-path a[title="${MODEL}"]`)).toBeVisible();
  await expect(finding.locator(`.license-path a[title="${DATASET}"]`)).toBeVisible();
  await expect(finding).toContainText('Remedy:');
  // The product's own terms are not reported as unreadable.
  await expect(plan.finding('UNRESOLVED_LICENSE_REF')).toHaveCount(0);
  await expect(plan.check.getByLabel('NOTICE text')).toContainText('NOTICE for Harbor Assistant');

  await plan.profile.selectOption('conservative');
  await plan.expectVerdict('conflict');
  await expect(finding.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'conflict');

  await plan.profile.selectOption('balanced');
  await plan.expectVerdict('review');
  await plan.intendedUse('Commercial use').uncheck();
  await plan.expectVerdict('ok');
  await expect(finding).toHaveCount(0);
  await expect(
    plan.changes.locator('[data-change="disappeared"][data-code="TRAINING_DATA_NC_UNSETTLED"]'),
  ).toBeVisible();

  // The plan is listed on the Licenses page and reopens as it was left.
  await catalog.navigate('Licenses');
  await plan.plans.getByRole('link', { name: 'Harbor Assistant' }).click();
  await expect(plan.heading).toHaveText('Harbor Assistant');
  await expect(plan.intendedUse('Commercial use')).not.toBeChecked();
  await plan.expectVerdict('ok');
});

test('a copyleft component: the finding and its remedy change with the link mode and modification', async ({
  catalog,
  imports,
  plan,
}) => {
  await loadCards(catalog, imports);
  await plan.create('Voice Desk');
  await plan.add(LIBRARY);

  await plan.useOf(LIBRARY).selectOption('static-link');
  await plan.expectVerdict('conflict');
  const combined = plan.finding('COPYLEFT_CODE_COMBINED');
  await expect(combined).toContainText('static');
  await expect(combined).toContainText(/Remedy:.*network API/);

  // Over a network API, as a hosted service: nothing is combined or distributed.
  await plan.intendedUse('Hosted as a service').check();
  await plan.useOf(LIBRARY).selectOption('network-api');
  await plan.expectVerdict('ok');
  await expect(combined).toHaveCount(0);
  await expect(
    plan.changes.locator('[data-change="disappeared"][data-code="COPYLEFT_CODE_COMBINED"]'),
  ).toBeVisible();

  // Modified and hosted without its source: AGPL section 13.
  await plan.fact('Modified', LIBRARY).check();
  await plan.expectVerdict('conflict');
  const saas = plan.finding('NETWORK_COPYLEFT_SAAS');
  await expect(saas).toContainText(/Remedy:.*modified source/);
  await expect(
    plan.changes.locator('[data-change="appeared"][data-code="NETWORK_COPYLEFT_SAAS"]'),
  ).toBeVisible();

  await plan.fact('Source offered', LIBRARY).check();
  await plan.expectVerdict('ok');
  await expect(saas).toHaveCount(0);
});

test('export, clear, import: the plan comes back with the same verdict; its report prints and downloads', async ({
  page,
  catalog,
  imports,
  plan,
  exporter,
}) => {
  await loadCards(catalog, imports);
  await captionerPlan(plan);
  await plan.expectVerdict('review');

  // The compliance report: JSON download and a printable page.
  const reportDownload = page.waitForEvent('download');
  await plan.check.getByRole('button', { name: 'Download compliance report' }).click();
  const reportPath = await (await reportDownload).path();
  const report = JSON.parse(await (await import('node:fs/promises')).readFile(reportPath, 'utf8')) as {
    format: string;
    verdict: string;
    findings: { code: string; path: string[] }[];
  };
  expect(report).toMatchObject({ format: 'tarn-plan-report', verdict: 'review' });
  expect(report.findings.find((f) => f.code === 'TRAINING_DATA_NC_UNSETTLED')?.path[0]).toBe(
    'Harbor Assistant',
  );
  await plan.check.getByRole('link', { name: 'Printable report' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compliance report: Harbor Assistant');
  await expect(page.locator('[data-code="TRAINING_DATA_NC_UNSETTLED"]')).toContainText('Remedy:');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await catalog.open();
  await exporter.open();
  const { path, env } = await exporter.download<{ version: number; plans?: { name: string }[] }>();
  expect(env.version).toBe(2);
  expect(env.plans?.map((p) => p.name)).toEqual(['Harbor Assistant']);
  await page.keyboard.press('Escape');

  await catalog.clearCatalog();
  await catalog.expectShowing(0, 0);
  await catalog.navigate('Licenses');
  await expect(plan.plans).toContainText('No product plans yet.');

  await imports.importFiles([path]);
  await expect(imports.report).toContainText('3 new');
  await plan.plans.getByRole('link', { name: 'Harbor Assistant' }).click();
  await expect(plan.heading).toHaveText('Harbor Assistant');
  await expect(plan.useOf(MODEL)).toHaveValue('fine-tune');
  await plan.expectVerdict('review');
  await expect(plan.finding('TRAINING_DATA_NC_UNSETTLED')).toHaveCount(1);
});
