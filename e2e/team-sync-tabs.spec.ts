import {
  AssetPage,
  CatalogPage,
  COUCH_ORIGIN,
  createTeamDb,
  DATA_DIR,
  expect,
  SyncPanel,
  test,
} from './fixtures';
import { COUCH_ADMIN, COUCH_PASSWORD } from './pages/syncPanel';

const ID = 'acme/tiny-llama-base';

/** The team database's documents as the server holds them (JSON text), read as its admin. */
async function serverDocs(db: string): Promise<string> {
  const auth = Buffer.from(`${COUCH_ADMIN}:${COUCH_PASSWORD}`).toString('base64');
  const res = await fetch(`${db}/_all_docs?include_docs=true`, {
    headers: { Authorization: `Basic ${auth}` },
  });
  return res.text();
}

test('one tab of a browser replicates: another shows its state, its edits still reach the team, and it takes over when that tab closes', async ({
  page,
  guard,
  openTab,
  catalog,
  imports,
  sync,
}) => {
  test.slow();
  guard.allowOrigin(COUCH_ORIGIN);
  const db = await createTeamDb();

  await catalog.open();
  await imports.importFiles([`${DATA_DIR}/acme__tiny-llama-base.md`]);
  await expect(imports.report).toContainText('1 new');
  await sync.openFromNav();
  await sync.connect(db);

  // A second tab of the same browser resumes the sync the person started: the first tab runs it.
  const second = await openTab();
  const secondRequests: string[] = [];
  second.on('request', (r) => {
    if (r.url().startsWith(COUCH_ORIGIN)) secondRequests.push(r.url());
  });
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
