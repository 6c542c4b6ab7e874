/**
 * Licence check on real corpus cards (runs where ../shared sits beside the repo): a Llama 3 adapter whose card
 * says apache-2.0 (conflict: the Llama terms were dropped) and a CC-BY-NC fine-tune of an Apache base
 * (conflict for commercial use only), with their bases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, CORPUS_DIR } from './fixtures';

type Entry = { file: string; id?: string; license?: string; base_model_in_corpus?: string | string[] };
const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as { files: Entry[] };

function entry(id: string): Entry {
  const e = manifest.files.find((f) => f.id === id);
  if (!e) throw new Error(`${id} is not in the corpus manifest`);
  return e;
}

// Pairs chosen from the manifest (fields `license` and `base_model_in_corpus`).
const LLAMA_BASE = entry('meta-llama/Meta-Llama-3-8B-Instruct');
const LLAMA_CHILD = entry('eswardivi/llamathon_v1');
const SOLAR_BASE = entry('upstage/SOLAR-10.7B-v1.0');
const SOLAR_CHILD = entry('upstage/SOLAR-10.7B-Instruct-v1.0');

test('corpus cards: a Llama 3 adapter relabelled Apache-2.0 conflicts; an NC fine-tune conflicts only for commercial use', async ({
  page,
  catalog,
  asset,
  imports,
  licenses,
}) => {
  expect(LLAMA_BASE.license).toBe('llama3');
  expect(LLAMA_CHILD.license).toBe('apache-2.0');
  expect([LLAMA_CHILD.base_model_in_corpus].flat()).toContain(LLAMA_BASE.id);
  expect(SOLAR_CHILD.license).toBe('cc-by-nc-4.0');
  expect([SOLAR_CHILD.base_model_in_corpus].flat()).toContain(SOLAR_BASE.id);

  await catalog.openEmpty();
  await imports.importFiles(
    [LLAMA_BASE, LLAMA_CHILD, SOLAR_BASE, SOLAR_CHILD].map((e) => join(CORPUS_DIR, e.file)),
  );
  await expect(imports.report).toContainText('4 new');
  await catalog.expectShowing(4, 4);

  // The catalog facet (commercial use by default): the two derivatives conflict.
  await expect(catalog.facetValue('License check', 'conflict (2)')).toBeVisible({ timeout: 20_000 });
  await expect(catalog.facetValue('License check', 'ok (2)')).toBeVisible();

  await asset.open('eswardivi/llamathon_v1');
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', 'conflict');
  const dropped = asset.licenseCheck.locator('li[data-code="CUSTOM_TERMS_DROPPED"]');
  await expect(dropped).toBeVisible();
  await expect(asset.licenseCheck.getByTestId('license-normalized')).toContainText('Apache-2.0');
  await expect(asset.licenseCheck.getByTestId('license-effective')).toContainText(
    'LicenseRef-Llama-3-Community',
  );
  await expect(asset.licenseCheck.getByLabel('NOTICE text', { exact: true })).toContainText('Meta Llama 3');
  await dropped
    .getByLabel('Lineage path')
    .getByRole('link', { name: /Meta-Llama-3-8B-Instruct/ })
    .click();
  await expect(page).toHaveURL(/meta-llama%2FMeta-Llama-3-8B-Instruct$/);
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', 'ok');

  await asset.open('upstage/SOLAR-10.7B-Instruct-v1.0');
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', 'conflict');
  await expect(asset.licenseCheck.locator('li[data-code="NC_COMMERCIAL_USE"]').first()).toBeVisible();

  // Non-commercial use: the NC licence is no longer in the way (its training data is undocumented: review).
  await page.goto('/licenses/settings');
  await licenses.commercialUse().uncheck();
  await expect(page.getByTestId('intended-use-summary')).toContainText('non-commercial');
  await expect(page.getByRole('status', { name: 'Intended use saved state' })).toHaveAttribute(
    'data-saved',
    'true',
  );
  await asset.open('upstage/SOLAR-10.7B-Instruct-v1.0');
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', /^(ok|warning|review)$/);
  await expect(asset.licenseCheck.locator('li[data-code="NC_COMMERCIAL_USE"]')).toHaveCount(0);
  await asset.open('eswardivi/llamathon_v1');
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', 'conflict');
});
