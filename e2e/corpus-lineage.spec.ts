/**
 * Lineage with real corpus cards (runs where ../shared sits beside the repo; playwright.config
 * ignores corpus-*.spec.ts otherwise). Files are found through the corpus manifest by asset id and
 * uploaded from ../shared at test time; nothing is copied into the repo.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, CORPUS_DIR, type LineageGraph } from './fixtures';

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

async function expectLabelledEdge(
  lineage: LineageGraph,
  child: string,
  parent: string,
  types?: string[],
): Promise<void> {
  const edge = lineage.edge(child, undefined, parent);
  await expect(edge).toHaveCount(1);
  const type = (await edge.getAttribute('data-relation-type')) ?? '';
  if (types) expect(types).toContain(type);
  expect(LABELS[type], `label for ${type}`).toBeDefined();
  await expect(edge).toContainText(LABELS[type]!);
  // The lineage table lists the same edge with the same caption.
  const row = lineage.row(`${child.toLowerCase()}|${type}|${parent.toLowerCase()}`);
  await expect(row).toContainText(LABELS[type]!);
}

test('a real four-step chain: AWQ → Newton → openchat → Mistral, placeholder, impact', async ({
  catalog,
  asset,
  imports,
  lineage,
}) => {
  test.setTimeout(120_000);
  expect(byId.get(AWQ.toLowerCase())?.base_model_in_corpus).toEqual([NEWTON]);
  await catalog.open();
  await imports.importFiles([fileOf(AWQ), fileOf(NEWTON), fileOf(OPENCHAT)]);
  await expect(imports.report).toContainText('3 new');

  await asset.goto(AWQ);
  await lineage.waitReady();
  for (const id of [AWQ, NEWTON, OPENCHAT, MISTRAL]) await expect(lineage.node(id)).toBeVisible();
  await expect(lineage.node(MISTRAL)).toHaveAttribute('data-placeholder', 'true');
  await expect(lineage.node(MISTRAL)).toContainText('not in catalog');
  await expectLabelledEdge(lineage, AWQ, NEWTON, ['quantized_from']);
  await expectLabelledEdge(lineage, NEWTON, OPENCHAT);
  await expectLabelledEdge(lineage, OPENCHAT, MISTRAL, ['finetune_of']);
  // Datasets the cards declare are ancestors too.
  await expect(lineage.node('camel-ai/physics')).toBeVisible();

  await imports.importFiles([fileOf(MISTRAL)]);
  await expect(imports.report).toContainText('1 new');
  await expect(lineage.node(MISTRAL)).toHaveAttribute('data-placeholder', 'false');
  await expect(lineage.node(MISTRAL)).not.toContainText('not in catalog');

  await asset.goto(MISTRAL);
  const usedBy = asset.usedBy;
  for (const id of [OPENCHAT, NEWTON, AWQ])
    await expect(usedBy.locator(`tr[data-impacted-id="${id}"]`)).toBeVisible();
  await expect(usedBy.locator(`tr[data-impacted-id="${AWQ}"]`)).toContainText(`${MISTRAL} ← `);

  // Descendants below: widen the descendant depth to see the whole chain under the base.
  await lineage.region.getByLabel('Descendants depth').selectOption('all');
  await expect(lineage.node(AWQ)).toBeVisible();
  const top = await lineage.node(MISTRAL).boundingBox();
  const bottom = await lineage.node(AWQ).boundingBox();
  expect(top!.y).toBeLessThan(bottom!.y);
});

test('a real merge shows all its parents', async ({ catalog, asset, imports, lineage }) => {
  const MERGE = 'Q-bert/Merged-AGI-7B';
  const parents = byId.get(MERGE.toLowerCase())?.base_model_in_corpus ?? [];
  expect(parents.length).toBeGreaterThanOrEqual(2);
  await catalog.open();
  await imports.importFiles([fileOf(MERGE), ...parents.map(fileOf)]);
  await asset.goto(MERGE);
  await lineage.waitReady();
  for (const p of parents) {
    await expect(lineage.node(p)).toBeVisible();
    await expectLabelledEdge(lineage, MERGE, p, ['merge_of']);
  }
});
