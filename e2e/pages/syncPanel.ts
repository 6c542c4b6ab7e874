import { expect, type Locator, type Page } from '@playwright/test';

/** The test CouchDB (pouchdb-server started by e2e/couchServer.ts) and the admin the specs sign in as. */
export const COUCH_ORIGIN = `http://127.0.0.1:${process.env.TARN_COUCH_PORT ?? '5985'}`;
export const COUCH_ADMIN = 'tarn-admin';
export const COUCH_PASSWORD = 'team-secret-7fq2';

let dbCounter = 0;

/**
 * Creates a fresh team database on the test server (as the README tells a team to) and returns its URL;
 * the test's guard (any `allowOrigin`) is told that requests to the server are expected.
 */
export async function createTeamDb(guard?: { allowOrigin: (origin: string) => void }): Promise<string> {
  guard?.allowOrigin(COUCH_ORIGIN);
  const url = `${COUCH_ORIGIN}/team-${Date.now()}-${dbCounter++}`;
  const auth = Buffer.from(`${COUCH_ADMIN}:${COUCH_PASSWORD}`).toString('base64');
  const res = await fetch(url, { method: 'PUT', headers: { Authorization: `Basic ${auth}` } });
  expect(res.status, 'team database created').toBe(201);
  return url;
}

/** The team database's documents as the server holds them (JSON text), read as its admin. */
export async function serverDocs(db: string): Promise<string> {
  const auth = Buffer.from(`${COUCH_ADMIN}:${COUCH_PASSWORD}`).toString('base64');
  const res = await fetch(`${db}/_all_docs?include_docs=true`, {
    headers: { Authorization: `Basic ${auth}` },
  });
  return res.text();
}

/** The URLs of the requests a page (and its workers) sends to the test CouchDB, as they go. */
export function couchRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(COUCH_ORIGIN)) urls.push(r.url());
  });
  return urls;
}

/** The Team page's "Sync" panel (live sync through CouchDB) and an asset page's "Conflicts" region. */
export class SyncPanel {
  readonly url: Locator;
  readonly user: Locator;
  readonly password: Locator;
  readonly start: Locator;
  readonly stop: Locator;
  readonly status: Locator;
  readonly conflicts: Locator;
  /** The top bar's sync state (every page, while sync runs). */
  readonly indicator: Locator;

  constructor(readonly page: Page) {
    this.url = page.getByRole('textbox', { name: 'CouchDB URL' });
    this.user = page.getByRole('textbox', { name: 'CouchDB user' });
    this.password = page.getByLabel('CouchDB password');
    this.start = page.getByRole('button', { name: 'Start sync' });
    this.stop = page.getByRole('button', { name: 'Stop sync' });
    this.status = page.getByRole('status', { name: 'Sync status' });
    this.conflicts = page.getByRole('region', { name: 'Conflicts' });
    this.indicator = page.getByRole('status', { name: 'Team sync' });
  }

  /** Opens the Team page by its navigation link (no reload: works offline too). */
  async openFromNav(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Team');
  }

  /** Fills the connection and starts sync; waits until it is up to date. */
  async connect(url: string, user = COUCH_ADMIN, password = COUCH_PASSWORD): Promise<void> {
    await this.url.fill(url);
    await this.user.fill(user);
    await this.password.fill(password);
    await this.start.click();
    await this.expectState('up-to-date', 'Up to date');
  }

  /** The Team page's sync state (`where`: 'bar' for the top bar's, on any page). */
  async expectState(state: string, words?: string | RegExp, where: 'panel' | 'bar' = 'panel'): Promise<void> {
    const el = where === 'bar' ? this.indicator : this.status;
    await expect(el).toHaveAttribute('data-sync-state', state);
    if (words !== undefined) await expect(el).toContainText(words);
  }

  /** The "Keep <value>" button of a conflict. */
  keep(value: string): Locator {
    return this.conflicts.getByRole('button', { name: `Keep ${value}`, exact: true });
  }
}
