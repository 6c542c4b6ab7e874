import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Download } from '@playwright/test';
import { test, expect, DATA_DIR, AssetPage, CatalogPage, LineageGraph, TeamPage } from './fixtures';
import { serveFolder } from './support/staticServer';

const LINEAGE = `${DATA_DIR}/lineage`;
const CARDS = readdirSync(LINEAGE).map((f) => join(LINEAGE, f));
const LOCAL_CARD = `${DATA_DIR}/catalog/gamma__riverstone-gguf.md`;
const PORT = 4252;

type Manifest = { name: string; shards: { hash: string; kind: string }[] };

/** Unzips a downloaded publication into the served folder (a static host keeps older shard files). */
async function unzipInto(download: Download, dir: string): Promise<Manifest> {
  const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  expect(Object.keys(files)).toContain('tarn-catalog.json');
  return JSON.parse(new TextDecoder().decode(files['tarn-catalog.json'])) as Manifest;
}

test('publish, subscribe in a fresh browser, refresh fetches only changed shards, unsubscribe removes exactly those assets', async ({
  catalog,
  imports,
  team,
  guard,
  openMember,
}) => {
  // Two people, two imports, two publications: more than the default minute on a shared machine.
  test.setTimeout(180_000);
  const folder = mkdtempSync(join(tmpdir(), 'tarn-published-'));
  const changed = mkdtempSync(join(tmpdir(), 'tarn-changed-'));
  const server = await serveFolder(folder, PORT);
  guard.allowOrigin(server.origin);
  try {
    // Person A imports real cards and publishes.
    await catalog.openEmpty();
    await imports.importFiles(CARDS);
    await expect(imports.report).toContainText(`${CARDS.length} new`);
    await catalog.navigate('Team');
    const first = await unzipInto(await team.publish('Tarn Lab'), folder);
    // Every imported card plus the placeholders they reference.
    const total = Number(/Published (\d+) assets/u.exec((await team.publishResult.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThanOrEqual(CARDS.length);
    expect(first.shards.map((s) => s.kind)).toEqual(['assets', 'relations']);

    // Person B (a fresh browser) has one asset of their own, then subscribes.
    const pageB = await openMember();
    const catalogB = new CatalogPage(pageB);
    const teamB = new TeamPage(pageB);
    const assetB = new AssetPage(pageB);
    const lineageB = new LineageGraph(pageB);
    await catalogB.openEmpty();
    await pageB.getByLabel('Import files').setInputFiles(LOCAL_CARD);
    await catalogB.expectShowing(1, 1);
    // B has the catalog open in a second tab too: it follows the subscription as it is stored.
    const otherTabB = new CatalogPage(await pageB.context().newPage());
    await otherTabB.open();
    await otherTabB.expectShowing(1, 1);
    await catalogB.navigate('Team');
    await teamB.subscribe(`${server.origin}/`);
    await expect(teamB.subscriptionResult).toContainText(`Tarn Lab: ${total} assets`, { timeout: 30_000 });
    await expect(teamB.subscriptionResult).toContainText(
      `Fetched ${first.shards.length} of ${first.shards.length} shards`,
    );
    expect(server.requests.filter((p) => p.startsWith('/shards/'))).toHaveLength(first.shards.length);

    // The other tab shows them without a reload (its engine took the stored records from the writing tab).
    await otherTabB.expectShowing(CARDS.length + 1, CARDS.length + 1);
    await otherTabB.page.close();

    // Same assets, marked with their source; same lineage.
    await catalogB.navigate('Catalog');
    // The table lists real assets (placeholders, counted in `total`, stay out of it).
    await catalogB.expectShowing(CARDS.length + 1, CARDS.length + 1);
    await expect(catalogB.facetValue('Source', `127.0.0.1:4252 (${CARDS.length})`)).toBeVisible();
    await expect(catalogB.facetValue('Source', 'local (1)')).toBeVisible();
    await assetB.goto('tarnlab/chat-7b-math-AWQ');
    await expect(assetB.heading).toHaveText('chat-7b-math-AWQ');
    await expect(pageB.getByTestId('asset-source')).toContainText('subscribed from 127.0.0.1:4252');
    await lineageB.waitReady();
    for (const id of ['tarnlab/chat-7b-math', 'tarnlab/chat-7b', 'tarnlab/base-7b', 'tarnlab/dialogs'])
      await expect(lineageB.node(id)).toBeVisible();
    await assetB.goto('tarnlab/chat-7b');
    await expect(assetB.license).toContainText('Apache-2.0');

    // A changes one asset and republishes: B's refresh fetches the manifest and only the new shard.
    writeFileSync(
      join(changed, 'tarnlab__chat-7b.md'),
      readFileSync(join(LINEAGE, 'tarnlab__chat-7b.md'), 'utf8').replace(
        'license: apache-2.0',
        'license: mit',
      ),
    );
    await catalog.open();
    await imports.importFiles([join(changed, 'tarnlab__chat-7b.md')]);
    await expect(imports.report).toContainText('1 updated');
    await catalog.navigate('Team');
    const second = await unzipInto(await team.publish('Tarn Lab'), folder);
    const before = new Set(first.shards.map((s) => s.hash));
    const added = second.shards.filter((s) => !before.has(s.hash));
    expect(added).toHaveLength(1);
    server.requests.length = 0;
    await teamB.open();
    await teamB.refresh('Tarn Lab');
    await expect(teamB.subscriptionResult).toContainText(`Fetched 1 of ${second.shards.length} shards`, {
      timeout: 30_000,
    });
    expect(server.requests).toEqual(['/tarn-catalog.json', `/shards/${added[0]?.hash}.json.gz`]);
    await assetB.goto('tarnlab/chat-7b');
    await expect(assetB.license).toContainText('MIT');

    // Unsubscribing removes the subscribed assets and nothing else.
    await teamB.open();
    await teamB.unsubscribe('Tarn Lab');
    await expect(teamB.subscriptionResult).toContainText(
      `Unsubscribed from Tarn Lab: ${total} assets removed`,
    );
    await catalogB.navigate('Catalog');
    await catalogB.expectShowing(1, 1);
    await expect(catalogB.table.getByRole('link', { name: 'riverstone-gguf' })).toBeVisible();
  } finally {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
    rmSync(changed, { recursive: true, force: true });
  }
});

test('a bad catalog URL or a folder without a manifest gets a clear message and changes nothing', async ({
  catalog,
  team,
  guard,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'tarn-empty-'));
  writeFileSync(join(folder, 'tarn-catalog.json'), JSON.stringify({ format: 'something-else' }));
  const server = await serveFolder(folder, PORT + 1);
  guard.allowOrigin(server.origin);
  try {
    await catalog.openEmpty();
    await team.open();
    await team.subscribe('ftp://example.org/catalog');
    await expect(team.error).toContainText('The URL must start with https://');
    await team.subscribe(`${server.origin}/missing/`);
    await expect(team.error).toContainText('answered HTTP 404');
    await team.subscribe(server.origin);
    await expect(team.error).toContainText('This is not a published Tarn catalog');
    await catalog.navigate('Catalog');
    await catalog.expectShowing(0, 0);
  } finally {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
