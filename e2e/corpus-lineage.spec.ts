/**
 * Lineage with real corpus cards (runs where ../shared sits beside the repo; playwright.config
 * ignores corpus-*.spec.ts otherwise). Files are found through the corpus manifest by asset id and
 * uploaded from ../shared at test time; nothing is copied into the repo.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, importFiles, importReport, CORPUS_DIR } from './fixtures';

type Entry = { file: string; id?: string; base_model_in_corpus?: string[] };
const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as { files: Entry[] };
const byId = new Map(manifest.files.filter((f) => f.id).map((f) => [f.id!.toLowerCase(), f]));

function fileOf(id: string): string {
  const entry = byId.get(id.toLowerCase());
  if (!entry) throw new Error(`${id} is not in the corpus manifest`);
  return join(CORPUS_DIR, entry.file);
}

/** Edge captions as the graph must show them (relationLabel of core/lineage). */
const LABELS: Record<string, string> = {
  finetune_of: 'fine-tune of',
  adapter_of: 'adapter of',
  quantized_from: 'quantized from',
  merge_of: 'merge of',
  trained_on: 'trained on',
};

const AWQ = 'solidrust/Newton-7B-AWQ';
const NEWTON = 'Weyaxi/Newton-7B';
const OPENCHAT = 'openchat/openchat-3.5-0106';
const MISTRAL = 'mistralai/Mistral-7B-v0.1';

const lineage = (page: Page) => page.getByRole('region', { name: 'Lineage' });
const node = (page: Page, id: string) => lineage(page).locator(`.react-flow__node[data-asset-id="${id}"]`);

async function expectLabelledEdge(
  page: Page,
  child: string,
  parent: string,
  types?: string[],
): Promise<void> {
  const edge = lineage(page).locator(`.react-flow__edge[data-child="${child}"][data-parent="${parent}"]`);
  await expect(edge).toHaveCount(1);
  const type = (await edge.getAttribute('data-relation-type')) ?? '';
  if (types) expect(types).toContain(type);
  expect(LABELS[type], `label for ${type}`).toBeDefined();
  await expect(edge).toContainText(LABELS[type]!);
  // The lineage table lists the same edge with the same caption.
  const row = page
    .getByRole('table', { name: 'Lineage table' })
    .locator(`tr[data-relation-id="${child.toLowerCase()}|${type}|${parent.toLowerCase()}"]`);
  await expect(row).toContainText(LABELS[type]!);
}

test('a real four-step chain: AWQ → Newton → openchat → Mistral, placeholder, impact', async ({ page }) => {
  test.setTimeout(120_000);
  expect(byId.get(AWQ.toLowerCase())?.base_model_in_corpus).toEqual([NEWTON]);
  await page.goto('/');
  await importFiles(page, [fileOf(AWQ), fileOf(NEWTON), fileOf(OPENCHAT)]);
  await expect(importReport(page)).toContainText('3 new');

  await page.goto(`/asset/${encodeURIComponent(AWQ)}`);
  await expect(lineage(page).locator('[data-lineage-canvas][data-ready="true"]')).toBeVisible({
    timeout: 30_000,
  });
  for (const id of [AWQ, NEWTON, OPENCHAT, MISTRAL]) await expect(node(page, id)).toBeVisible();
  await expect(node(page, MISTRAL)).toHaveAttribute('data-placeholder', 'true');
  await expect(node(page, MISTRAL)).toContainText('not in catalog');
  await expectLabelledEdge(page, AWQ, NEWTON, ['quantized_from']);
  await expectLabelledEdge(page, NEWTON, OPENCHAT);
  await expectLabelledEdge(page, OPENCHAT, MISTRAL, ['finetune_of']);
  // Datasets the cards declare are ancestors too.
  await expect(node(page, 'camel-ai/physics')).toBeVisible();

  await importFiles(page, [fileOf(MISTRAL)]);
  await expect(importReport(page)).toContainText('1 new');
  await expect(node(page, MISTRAL)).toHaveAttribute('data-placeholder', 'false');
  await expect(node(page, MISTRAL)).not.toContainText('not in catalog');

  await page.goto(`/asset/${encodeURIComponent(MISTRAL)}`);
  const usedBy = page.getByRole('region', { name: 'Used by' });
  for (const id of [OPENCHAT, NEWTON, AWQ])
    await expect(usedBy.locator(`tr[data-impacted-id="${id}"]`)).toBeVisible();
  await expect(usedBy.locator(`tr[data-impacted-id="${AWQ}"]`)).toContainText(`${MISTRAL} ← `);

  // Descendants below: widen the descendant depth to see the whole chain under the base.
  await lineage(page).getByLabel('Descendants depth').selectOption('all');
  await expect(node(page, AWQ)).toBeVisible();
  const top = await node(page, MISTRAL).boundingBox();
  const bottom = await node(page, AWQ).boundingBox();
  expect(top!.y).toBeLessThan(bottom!.y);
});

test('a real merge shows all its parents', async ({ page }) => {
  const MERGE = 'Q-bert/Merged-AGI-7B';
  const parents = byId.get(MERGE.toLowerCase())?.base_model_in_corpus ?? [];
  expect(parents.length).toBeGreaterThanOrEqual(2);
  await page.goto('/');
  await importFiles(page, [fileOf(MERGE), ...parents.map(fileOf)]);
  await page.goto(`/asset/${encodeURIComponent(MERGE)}`);
  await expect(lineage(page).locator('[data-lineage-canvas][data-ready="true"]')).toBeVisible({
    timeout: 30_000,
  });
  for (const p of parents) {
    await expect(node(page, p)).toBeVisible();
    await expectLabelledEdge(page, MERGE, p, ['merge_of']);
  }
});
