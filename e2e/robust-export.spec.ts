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
