import { readFileSync } from 'node:fs';
import { AssetPage, CatalogPage, createTeamDb, DATA_DIR, expect, SyncPanel, test } from './fixtures';
import { COUCH_PASSWORD, couchRequests, serverDocs } from './pages/syncPanel';

const BASE = `${DATA_DIR}/acme__tiny-llama-base.md`;
const ID = 'acme/tiny-llama-base';

test('two team members curate one catalog through CouchDB; a note both edit offline is a conflict both see until one value is kept', async ({
  page,
  guard,
  openMember,
  catalog,
  imports,
  asset,
  sync,
}) => {
  // Two browsers, an import and two round trips through the server: triple the usual time on a busy machine.
  test.slow();
  const db = await createTeamDb(guard);

  // Member A starts syncing with the team database.
  await catalog.open();
  await sync.openFromNav();
  await expect(sync.status).toHaveAttribute('data-sync-state', 'idle');
  await sync.connect(db);

  // Member B, on another machine, joins the same database.
  const pageB = await openMember();
  const syncB = new SyncPanel(pageB);
  const assetB = new AssetPage(pageB);
  await new CatalogPage(pageB).open();
  await syncB.openFromNav();
  await syncB.connect(db);

  // A imports a card, tags and annotates it; B sees all of it within seconds.
  await imports.importFiles([BASE]);
  await expect(imports.report).toContainText('1 new');
  await asset.openByName(ID);
  await asset.addTag('team-pick');
  await asset.saveNotes('Checked by A');
  await expect(asset.notes).toContainText('Checked by A');
  await assetB.openByName(ID);
  await expect(assetB.tags).toContainText('team-pick');
  await expect(assetB.notes).toContainText('Checked by A');

  // Both lose the network and edit the same note: each edit waits, counted as pending (top bar).
  await page.context().setOffline(true);
  await pageB.context().setOffline(true);
  await asset.saveNotes('Note from A');
  await assetB.saveNotes('Note from B');
  await sync.expectState('offline', 'Offline — 1 pending', 'bar');
  await syncB.expectState('offline', 'Offline — 1 pending', 'bar');

  // Back online: both edits replicate, and neither is lost — each member sees both values.
  await page.context().setOffline(false);
  await pageB.context().setOffline(false);
  await sync.expectState('up-to-date', 'Up to date', 'bar');
  await syncB.expectState('up-to-date', 'Up to date', 'bar');
  for (const s of [sync, syncB]) {
    await expect(s.conflicts).toBeVisible();
    await expect(s.keep('Note from A')).toBeVisible();
    await expect(s.keep('Note from B')).toBeVisible();
  }
  // Meanwhile both machines show the same value (CouchDB's deterministic winner).
  const shown = (await asset.notes.innerText()).trim();
  await expect(assetB.notes).toHaveText(shown);

  // A keeps B's note: the conflict is gone everywhere and B's note stands on both machines.
  await sync.keep('Note from B').click();
  await expect(sync.conflicts).toBeHidden();
  await expect(asset.notes).toContainText('Note from B');
  await expect(syncB.conflicts).toBeHidden();
  await expect(assetB.notes).toContainText('Note from B');
  await pageB.reload();
  await expect(assetB.notes).toContainText('Note from B');
  await expect(syncB.conflicts).toBeHidden();
});

test('no request reaches CouchDB before "Start sync"; the credentials stay out of exports and URLs; a wrong password shows the server’s message', async ({
  page,
  guard,
  catalog,
  imports,
  exporter,
  sync,
}) => {
  const db = await createTeamDb(guard);
  const requests = couchRequests(page);

  await catalog.open();
  await imports.importFiles([BASE]);
  await sync.openFromNav();
  await sync.url.fill(db);
  await sync.user.fill('tarn-admin');
  await sync.password.fill('not-the-password');
  expect(requests).toEqual([]);

  await sync.start.click();
  await sync.expectState('error', 'Error: Name or password is incorrect.');
  expect(requests.length).toBeGreaterThan(0);

  await sync.password.fill(COUCH_PASSWORD);
  await sync.start.click();
  await sync.expectState('up-to-date', 'Up to date');
  for (const url of requests) expect(url).not.toContain(COUCH_PASSWORD);
  expect(page.url()).not.toContain(COUCH_PASSWORD);

  // The export holds the catalog, not the connection.
  await exporter.open();
  const { path } = await exporter.download();
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(ID);
  expect(text).not.toContain(COUCH_PASSWORD);
  expect(text).not.toContain(db);

  // "Stop sync" stops it; the state says so.
  await page.keyboard.press('Escape');
  await sync.stop.click();
  await sync.expectState('idle', 'Not syncing');
});

test('one tab of a browser replicates: another shows its state, its edits still reach the team, and it takes over when that tab closes', async ({
  page,
  guard,
  openTab,
  catalog,
  imports,
  sync,
}) => {
  test.slow();
  const db = await createTeamDb(guard);

  await catalog.open();
  await imports.importFiles([BASE]);
  await expect(imports.report).toContainText('1 new');
  await sync.openFromNav();
  await sync.connect(db);

  // A second tab of the same browser resumes the sync the person started: the first tab runs it.
  const second = await openTab();
  const secondRequests = couchRequests(second);
  const syncTwo = new SyncPanel(second);
  await new CatalogPage(second).open();
  await syncTwo.expectState('up-to-date', 'Up to date (runs in another tab)', 'bar');

  // An edit in the second tab reaches the team through the first tab's replication.
  const assetTwo = new AssetPage(second);
  await assetTwo.openByName(ID);
  await assetTwo.addTag('second-tab');
  await expect.poll(() => serverDocs(db), { timeout: 20_000 }).toContain('second-tab');
  expect(secondRequests, 'the second tab asked nothing of CouchDB').toEqual([]);

  // The first tab closes: the second takes over, and its next edit goes out from it.
  await page.close();
  await syncTwo.expectState('up-to-date', /^Sync: Up to date$/, 'bar');
  await assetTwo.addTag('after-takeover');
  await expect.poll(() => serverDocs(db), { timeout: 20_000 }).toContain('after-takeover');
  expect(secondRequests.length).toBeGreaterThan(0);
});
