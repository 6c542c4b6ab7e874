import { statSync } from 'node:fs';
import { exportParts } from '../src/core/export/stream';
import { test, expect, type CatalogPage, type ImportPanel } from './fixtures';

type Envelope = { format: string; assets: { id: string; placeholder?: boolean }[] };

/** Generated cards: ids of bases and datasets with markup characters, as real cards sometimes have. */
function oddCards(): { name: string; text: string }[] {
  const card = (i: number, base: string, dataset: string) =>
    [
      '---',
      'license: apache-2.0',
      `base_model: ${JSON.stringify(base)}`,
      'datasets:',
      `  - ${JSON.stringify(dataset)}`,
      'pipeline_tag: text-generation',
      '---',
      '',
      `# Odd model ${i}`,
      '',
      'A card whose references carry markup characters.',
    ].join('\n');
  return [
    { name: 'acme__odd-1.md', text: card(1, 'acme/<b>base</b>', 'data/<set>') },
    { name: 'acme__odd-2.md', text: card(2, 'acme/odd-1', 'data/a > b') },
    { name: 'acme__odd-3.md', text: card(3, 'acme/<img src=x onerror="window.__pwned=1">', 'data/ok') },
  ];
}

async function importOddCards(catalog: CatalogPage, imports: ImportPanel): Promise<void> {
  await catalog.openEmpty();
  await imports.drop(oddCards());
  await expect(imports.report).toContainText('3 new, 0 updated, 0 unchanged, 0 failed');
}

test('an export whose ids carry < and > restores, and the ids show as text', async ({
  page,
  catalog,
  asset,
  imports,
  exporter,
}) => {
  await importOddCards(catalog, imports);
  await exporter.open();
  const { path, env } = await exporter.download<Envelope>();
  expect(env.assets.map((a) => a.id)).toContain('acme/<b>base</b>');

  await catalog.clearCatalog();
  await catalog.expectShowing(0, 0);
  await imports.importFiles([path]);
  await expect(imports.report).toContainText('3 new, 0 updated, 0 unchanged, 0 failed');
  await expect(imports.report).not.toContainText('refused');
  await catalog.expectShowing(3, 3);

  await asset.openByName('acme/odd-1');
  await expect(asset.baseModels).toContainText('acme/<b>base</b>');
  await expect(asset.datasets).toContainText('data/<set>');
  await asset.openByName('acme/odd-3');
  await expect(asset.baseModels).toContainText('acme/<img src=x onerror="window.__pwned=1">');
  await expect(page.locator('main img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('re-importing a just-made, unchanged export reports every asset unchanged', async ({
  catalog,
  imports,
  exporter,
}) => {
  await importOddCards(catalog, imports);
  for (const sources of ['Metadata and raw sources', 'Metadata only']) {
    const dialog = await exporter.open();
    await dialog.getByLabel(sources).check();
    const { path } = await exporter.download<Envelope>();
    await imports.importFiles([path]);
    await expect(imports.report).toContainText('0 new, 0 updated, 3 unchanged, 0 failed');
    await expect(imports.report).not.toContainText(/differ|merged/);
  }
  await catalog.expectShowing(3, 3);
});

/** A Tarn export of `n` assets with ~12 KB raw sources each, in the layout Tarn writes. */
function largeExport(n: number): Buffer {
  const at = '2026-01-01T00:00:00.000Z';
  const filler = 'Generated raw source text of a model card. '.repeat(280);
  const assets = Array.from({ length: n }, (_, i) => {
    const id = `bulk/model-${i}`;
    return {
      id,
      key: id,
      kind: 'model',
      name: `model-${i}`,
      license: { raw: 'mit', normalized: 'MIT' },
      createdAt: at,
      updatedAt: at,
      contributions: [],
      fieldSources: {},
    };
  });
  const versions = assets.map((a, i) => ({
    assetKey: a.key,
    assetId: a.id,
    sha256: `sha-${i}`,
    sourceName: `bulk__model-${i}.md`,
    format: 'hf-model-card',
    importedAt: at,
    text: `---\nlicense: mit\n---\n# model ${i}\n\n${filler}\n`,
  }));
  const env = {
    format: 'tarn-catalog' as const,
    version: 1 as const,
    exportedAt: at,
    app: { name: 'Tarn', version: '0.1.0' },
    assets,
    versions,
    relations: [],
  };
  return Buffer.from([...exportParts(env as never)].join(''));
}

test('an export over 20 MB (raw sources) imports, exports again in parts, and re-imports unchanged', async ({
  catalog,
  imports,
  exporter,
}) => {
  test.setTimeout(300_000);
  await catalog.openEmpty();
  const file = largeExport(2000);
  expect(file.byteLength).toBeGreaterThan(21 * 1024 * 1024);
  await imports.uploadGenerated([{ name: 'big-export.json', buffer: file, mimeType: 'application/json' }]);
  await expect(imports.summary).toHaveText('2000 new, 0 updated, 0 unchanged, 0 failed', { timeout: 90_000 });
  await expect(catalog.showingAnyOf(2000)).toBeVisible();

  const dialog = await exporter.open();
  await dialog.getByLabel('Metadata and raw sources').check();
  const { path, env } = await exporter.download<Envelope & { versions: { text?: string }[] }>();
  expect(env.versions.filter((v) => v.text).length).toBe(2000);
  expect(statSync(path).size).toBeGreaterThan(21 * 1024 * 1024);
  await imports.importFiles([path]);
  await expect(imports.summary).toHaveText('0 new, 0 updated, 2000 unchanged, 0 failed', { timeout: 90_000 });
});
