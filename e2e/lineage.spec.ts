import { readFileSync } from 'node:fs';
import { test, expect, DATA_DIR } from './fixtures';

const DIR = `${DATA_DIR}/lineage`;
const BASE = `${DIR}/tarnlab__base-7b.md`;
const CHAT = `${DIR}/tarnlab__chat-7b.md`;
const MATH = `${DIR}/tarnlab__chat-7b-math.md`;
const AWQ = `${DIR}/tarnlab__chat-7b-math-AWQ.md`;
const MERGED = `${DIR}/tarnlab__merged-7b.md`;
const TUNED = `${DIR}/tarnlab__chat-7b-tuned.md`;
const DIALOGS = `${DIR}/tarnlab__dialogs.md`;

test('a fine-tune chain shows every ancestor, labelled edges and a placeholder that becomes real', async ({
  page,
  catalog,
  asset,
  imports,
  lineage,
}) => {
  await catalog.open();
  await imports.importFiles([AWQ, MATH, CHAT]);
  await expect(imports.report).toContainText('3 new');

  await asset.goto('tarnlab/chat-7b-math-AWQ');
  await expect(asset.heading).toHaveText('chat-7b-math-AWQ');
  await lineage.waitReady();
  for (const id of [
    'tarnlab/chat-7b-math-AWQ',
    'tarnlab/chat-7b-math',
    'tarnlab/chat-7b',
    'tarnlab/base-7b',
    'tarnlab/dialogs',
  ]) {
    await expect(lineage.node(id)).toBeVisible();
  }
  // Laid out by ELK in the layout worker (not the main-thread fallback).
  await expect(lineage.canvas).toHaveAttribute('data-layout-engine', 'elk');
  expect(page.workers().some((w) => w.url().includes('layout.worker'))).toBe(true);
  // Ancestors sit above the asset.
  const focusBox = await lineage.node('tarnlab/chat-7b-math-AWQ').boundingBox();
  const baseBox = await lineage.node('tarnlab/base-7b').boundingBox();
  expect(baseBox!.y).toBeLessThan(focusBox!.y);

  await expect(
    lineage.edge('tarnlab/chat-7b-math-AWQ', 'quantized_from', 'tarnlab/chat-7b-math'),
  ).toContainText('quantized from');
  await expect(lineage.edge('tarnlab/chat-7b-math', 'finetune_of', 'tarnlab/chat-7b')).toContainText(
    'fine-tune of',
  );
  await expect(lineage.edge('tarnlab/chat-7b', 'finetune_of', 'tarnlab/base-7b')).toContainText(
    'fine-tune of',
  );
  await expect(lineage.edge('tarnlab/chat-7b', 'trained_on', 'tarnlab/dialogs')).toContainText('trained on');

  // The missing base is a greyed placeholder.
  const base = lineage.node('tarnlab/base-7b');
  await expect(base).toHaveAttribute('data-placeholder', 'true');
  await expect(base).toHaveClass(/is-placeholder/);
  await expect(base).toContainText('not in catalog');
  // The focus node shows name, license.
  await expect(lineage.node('tarnlab/chat-7b-math-AWQ')).toContainText('MIT');

  // The table lists the same edges.
  const table = lineage.table;
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(
    table.locator('tr[data-relation-id="tarnlab/chat-7b-math-awq|quantized_from|tarnlab/chat-7b-math"]'),
  ).toContainText('quantized from');

  // Import the missing base: the placeholder becomes the real asset.
  await imports.importFiles([BASE]);
  await expect(imports.report).toContainText('1 new');
  await expect(base).toHaveAttribute('data-placeholder', 'false');
  await expect(base).not.toContainText('not in catalog');
  await expect(base).toContainText('Apache-2.0');

  // Click a node to open its page; keyboard works too.
  await lineage.node('tarnlab/chat-7b').click();
  await expect(page).toHaveURL(/\/asset\/tarnlab%2Fchat-7b$/);
  await expect(asset.heading).toHaveText('chat-7b');
  await lineage.waitReady();
  await lineage.node('tarnlab/base-7b').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/asset\/tarnlab%2Fbase-7b$/);
});

test('depth selectors limit ancestors and descendants', async ({ catalog, asset, imports, lineage }) => {
  await catalog.open();
  await imports.importFiles([BASE, CHAT, MATH, AWQ]);
  await asset.goto('tarnlab/chat-7b-math');
  await lineage.waitReady();
  await expect(lineage.node('tarnlab/base-7b')).toBeVisible();
  await expect(lineage.node('tarnlab/chat-7b-math-AWQ')).toBeVisible();
  await lineage.region.getByLabel('Ancestors depth').selectOption('1');
  await expect(lineage.node('tarnlab/base-7b')).toHaveCount(0);
  await expect(lineage.node('tarnlab/chat-7b')).toBeVisible();
  await lineage.region.getByLabel('Descendants depth').selectOption('all');
  await expect(lineage.node('tarnlab/chat-7b-math-AWQ')).toBeVisible();
});

test('a merge shows all its parents', async ({ catalog, asset, imports, lineage }) => {
  await catalog.open();
  await imports.importFiles([MERGED, CHAT, MATH]);
  await asset.goto('tarnlab/merged-7b');
  await lineage.waitReady();
  for (const parent of ['tarnlab/chat-7b', 'otherlab/helper-7b', 'tarnlab/chat-7b-math']) {
    await expect(lineage.node(parent)).toBeVisible();
    await expect(lineage.edge('tarnlab/merged-7b', 'merge_of', parent)).toContainText('merge of');
  }
  await expect(lineage.node('otherlab/helper-7b')).toHaveAttribute('data-placeholder', 'true');
});

test('impact analysis of the base lists its descendants and exports them', async ({
  page,
  catalog,
  asset,
  imports,
}) => {
  await catalog.open();
  await imports.importFiles([BASE, CHAT, MATH, AWQ, MERGED, TUNED, DIALOGS]);
  await expect(imports.report).toContainText('7 new');
  await asset.goto('tarnlab/base-7b');
  const usedBy = asset.usedBy;
  for (const id of [
    'tarnlab/chat-7b',
    'tarnlab/chat-7b-math',
    'tarnlab/chat-7b-math-AWQ',
    'tarnlab/merged-7b',
    'tarnlab/chat-7b-tuned',
  ]) {
    await expect(usedBy.locator(`tr[data-impacted-id="${id}"]`)).toBeVisible();
  }
  await expect(usedBy.getByTestId('impact-summary')).toContainText('5 downstream assets');
  await expect(usedBy.locator('tr[data-impacted-id="tarnlab/chat-7b-math-AWQ"]')).toContainText(
    'quantized from',
  );

  const jsonDownload = page.waitForEvent('download');
  await usedBy.getByRole('button', { name: 'Export impact JSON' }).click();
  const json = JSON.parse(readFileSync(await (await jsonDownload).path(), 'utf8')) as {
    total: number;
    impacted: { id: string; path: { ids: string[] } }[];
  };
  expect(json.total).toBe(5);
  expect(json.impacted.find((a) => a.id === 'tarnlab/chat-7b-math-AWQ')?.path.ids).toEqual([
    'tarnlab/base-7b',
    'tarnlab/chat-7b',
    'tarnlab/chat-7b-math',
    'tarnlab/chat-7b-math-AWQ',
  ]);
  const csvDownload = page.waitForEvent('download');
  await usedBy.getByRole('button', { name: 'Export impact CSV' }).click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toContain('id,name,kind');
  expect(csv).toContain('tarnlab/chat-7b-tuned');

  // A dataset: which models were trained on it, directly or through fine-tune chains.
  await asset.goto('tarnlab/dialogs');
  const trained = page.getByRole('group', { name: 'Models trained on it' });
  await expect(trained).toContainText('tarnlab/chat-7b');
  await expect(trained.locator('li', { hasText: 'tarnlab/chat-7b-math-AWQ' })).toContainText('through');
  await expect(trained.locator('li').first()).toContainText('directly');
});

test('a rejected inferred edge stays rejected after reload and re-import', async ({
  page,
  catalog,
  asset,
  imports,
  lineage,
}) => {
  await catalog.open();
  await imports.importFiles([MATH, TUNED]);
  await asset.goto('tarnlab/chat-7b-tuned');
  await lineage.waitReady();
  const inferred = lineage.edge('tarnlab/chat-7b-tuned', 'finetune_of', 'tarnlab/chat-7b-math');
  await expect(inferred).toHaveAttribute('data-origin', 'inferred');
  await expect(inferred).toHaveClass(/is-inferred/);
  const row = page
    .getByRole('table', { name: 'Lineage table' })
    .locator('tr[data-relation-id="tarnlab/chat-7b-tuned|finetune_of|tarnlab/chat-7b-math"]');
  await expect(row).toContainText('inferred');
  await expect(row).toContainText('base_model in');
  await row.getByRole('button', { name: 'Reject' }).click();
  await expect(row).toContainText('inferred, rejected');
  await expect(inferred).toHaveCount(0);
  await expect(lineage.node('tarnlab/chat-7b-math')).toHaveCount(0);

  await page.reload();
  await expect(row).toContainText('inferred, rejected');
  await expect(lineage.region).toContainText('No lineage recorded for this asset.');

  // Same card again (unchanged), then an edited card (relation row re-created): still rejected.
  await imports.importFiles([TUNED]);
  await expect(imports.report).toContainText('1 unchanged');
  const edited = readFileSync(TUNED, 'utf8').replace('Further tuned', 'Tuned some more');
  await imports.drop([{ name: 'tarnlab__chat-7b-tuned.md', text: edited }]);
  await expect(imports.report).toContainText('1 updated');
  await page.reload();
  await expect(row).toContainText('inferred, rejected');
  await expect(lineage.node('tarnlab/chat-7b-math')).toHaveCount(0);

  // The decision is in the audit log; undo brings the edge back.
  await page.goto('/audit');
  await expect(page.locator('tr[data-action="edge:reject"]')).toHaveCount(1);
  await asset.goto('tarnlab/chat-7b-tuned');
  await row.getByRole('button', { name: 'Undo' }).click();
  await lineage.waitReady();
  await expect(inferred).toBeVisible();
  await row.getByRole('button', { name: 'Confirm' }).click();
  await expect(row).toContainText('inferred, confirmed');
});

test('a wide fan-out is grouped and expands on click', async ({ catalog, asset, imports, lineage }) => {
  await catalog.open();
  await imports.importFiles([CHAT]);
  const quants = Array.from({ length: 12 }, (_, i) => ({
    name: `tarnlab__chat-7b-q${i}-GGUF.md`,
    text: `---\nlicense: apache-2.0\nbase_model: tarnlab/chat-7b\nbase_model_relation: quantized\n---\n\n# Quantization ${i}\n`,
  }));
  await imports.drop(quants);
  await expect(imports.report).toContainText('12 new');
  await asset.goto('tarnlab/chat-7b');
  await lineage.waitReady();
  const group = lineage.region.locator('.react-flow__node[data-group-id]');
  await expect(group).toHaveCount(1);
  await expect(group).toContainText('+ 4 quantizations');
  await expect(lineage.region.locator('.react-flow__node[data-asset-id^="tarnlab/chat-7b-q"]')).toHaveCount(
    8,
  );
  // The table still lists every edge.
  await expect(lineage.table.locator('tbody tr')).toHaveCount(14);
  await group.click();
  await expect(group).toHaveCount(0);
  await expect(lineage.region.locator('.react-flow__node[data-asset-id^="tarnlab/chat-7b-q"]')).toHaveCount(
    12,
  );
});

test('catalog-wide lineage page: all assets or one root', async ({ page, catalog, imports }) => {
  await catalog.open();
  await imports.importFiles([BASE, CHAT, MATH, AWQ, MERGED, DIALOGS]);
  await catalog.navigate('Lineage');
  await expect(page).toHaveURL(/\/lineage/);
  const canvas = page.locator('[data-lineage-canvas][data-ready="true"]');
  await expect(canvas).toBeVisible({ timeout: 30_000 });
  for (const id of ['tarnlab/base-7b', 'tarnlab/merged-7b', 'otherlab/helper-7b', 'tarnlab/dialogs']) {
    await expect(page.locator(`.react-flow__node[data-asset-id="${id}"]`)).toBeVisible();
  }
  await page.getByLabel('Root asset').fill('tarnlab/chat-7b-math');
  await page.getByRole('button', { name: 'Show lineage' }).click();
  await expect(page).toHaveURL(/root=tarnlab%2Fchat-7b-math/);
  await expect(page.locator('.react-flow__node[data-asset-id="tarnlab/chat-7b-math-AWQ"]')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-asset-id="tarnlab/dialogs"]')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-asset-id="otherlab/helper-7b"]')).toHaveCount(0);
});
