import { readFileSync } from 'node:fs';
import type { Page, Route } from '@playwright/test';
import { test, expect, DATA_DIR } from './fixtures';

/** A stand-in for the Hub (a mirror the person configured): Hub-shaped answers built from e2e/data cards. */
const HUB = 'https://hf-mirror.test';
const card = (name: string) => readFileSync(`${DATA_DIR}/lineage/tarnlab__${name}.md`, 'utf8');
const MODELS: Record<string, string> = {
  'tarnlab/chat-7b-math': card('chat-7b-math'),
  'tarnlab/chat-7b': card('chat-7b'),
  'tarnlab/base-7b': card('base-7b'),
};
const DATASETS: Record<string, string> = { 'tarnlab/dialogs': card('dialogs') };

type Reply = { status: number; body?: string; headers?: Record<string, string> };

/** Answers like the Hub: `/api/models/<id>`, `/<id>/raw/main/README.md`, `/api/datasets/<id>`, listings by author. */
function hubReply(path: string): Reply | 'offline' {
  const json = (v: unknown): Reply => ({ status: 200, body: JSON.stringify(v) });
  if (path.includes('tarnlab/unreachable')) return 'offline';
  if (path.includes('tarnlab/gated')) return { status: 403 };
  if (path.includes('tarnlab/busy')) return { status: 429, headers: { 'retry-after': '1' } };
  const list = /^\/api\/(models|datasets)\?author=([^&]+)/.exec(path);
  if (list) {
    const ids = Object.keys(list[1] === 'models' ? MODELS : DATASETS).filter((id) =>
      id.startsWith(`${list[2]}/`),
    );
    return json(ids.map((id) => ({ id })));
  }
  const api = /^\/api\/(models|datasets)\/(.+)$/.exec(path);
  if (api?.[2]) {
    const found = (api[1] === 'models' ? MODELS : DATASETS)[api[2]];
    return found === undefined
      ? { status: 404, body: '{"error":"Repository not found"}' }
      : json({ id: api[2], sha: 'abc', gated: false });
  }
  const raw = /^\/(datasets\/)?(.+)\/raw\/main\/README\.md$/.exec(path);
  const text = raw?.[2] ? (raw[1] ? DATASETS : MODELS)[raw[2]] : undefined;
  return text === undefined ? { status: 404 } : { status: 200, body: text };
}

/** Routes the mirror's origin to `hubReply`; returns the paths asked, in order. */
async function serveHub(page: Page): Promise<string[]> {
  const asked: string[] = [];
  await page.route(`${HUB}/**`, async (route: Route) => {
    const url = new URL(route.request().url());
    const path = `${url.pathname}${url.search}`;
    asked.push(path);
    const reply = hubReply(path);
    if (reply === 'offline') return route.abort('internetdisconnected');
    return route.fulfill({
      status: reply.status,
      body: reply.body ?? '',
      headers: { 'access-control-allow-origin': '*', ...(reply.headers ?? {}) },
    });
  });
  return asked;
}

test('import models and datasets from a Hub mirror, with clear per-id results, then their missing ancestors', async ({
  page,
  guard,
  catalog,
  imports,
  asset,
  hub,
}) => {
  test.slow(); // three rounds of fetching and importing, and a 429 retried with backoff
  guard.allowOrigin(HUB);
  const asked = await serveHub(page);
  await catalog.openEmpty();
  await hub.open();
  await hub.openSettings();
  await expect(hub.endpoint).toHaveValue('https://huggingface.co');
  await hub.setEndpoint(HUB);
  expect(asked).toEqual([]); // nothing is requested before "Fetch"
  await hub.fetch([
    'tarnlab/chat-7b-math',
    `${HUB}/datasets/tarnlab/dialogs`,
    'tarnlab/nothing-here',
    'tarnlab/gated-model',
    'tarnlab/busy-model',
    'tarnlab/unreachable-model',
  ]);
  await expect(hub.result('tarnlab/chat-7b-math')).toContainText('fetched', { timeout: 30_000 });
  await expect(hub.result('datasets/tarnlab/dialogs')).toContainText('fetched');
  await expect(hub.result('tarnlab/nothing-here')).toContainText('not found');
  await expect(hub.result('tarnlab/gated-model')).toContainText(/gated \(403\).*access token/);
  await expect(hub.result('tarnlab/busy-model')).toContainText('rate-limited', { timeout: 30_000 });
  await expect(hub.result('tarnlab/unreachable-model')).toContainText('offline');
  // The 429 was asked four times (three retries), then reported.
  expect(asked.filter((p) => p === '/api/models/tarnlab/busy-model')).toHaveLength(4);
  await expect(imports.report).toBeVisible();
  await expect(imports.summary).toContainText('2 new');

  // chat-7b-math names tarnlab/chat-7b in base_model: offered with its count, fetched on request, and so on up.
  await hub.ancestorsButton().click();
  await expect(hub.result('tarnlab/chat-7b')).toContainText('fetched');
  await expect(hub.ancestorsButton()).toHaveText('Fetch 1 missing ancestor');
  await hub.ancestorsButton().click();
  await expect(hub.result('tarnlab/base-7b')).toContainText('fetched');
  // The default depth (2 levels of ancestors) is reached: nothing more is offered.
  await expect(hub.ancestorsButton()).toHaveCount(0);
  await hub.close();

  await asset.openByName('tarnlab/chat-7b-math');
  await expect(asset.baseModels.getByRole('link', { name: 'tarnlab/chat-7b' })).toBeVisible();
  await asset.openByName('tarnlab/chat-7b');
  await expect(asset.license).toContainText('Apache-2.0');
  await expect(asset.datasets.getByRole('link', { name: 'tarnlab/dialogs' })).toBeVisible();
  expect(asked.every((p) => p.startsWith('/api/') || p.includes('/raw/main/README.md'))).toBe(true);
});

test('an owner name imports its models and datasets; the endpoint setting stays in this browser', async ({
  page,
  guard,
  catalog,
  imports,
  hub,
}) => {
  guard.allowOrigin(HUB);
  const asked = await serveHub(page);
  await catalog.openEmpty();
  await hub.open();
  await hub.openSettings();
  await hub.setEndpoint(HUB);
  await hub.depth.fill('0');
  await hub.fetch(['tarnlab']);
  await expect(hub.results).toHaveCount(4, { timeout: 30_000 });
  for (const id of ['tarnlab/chat-7b-math', 'tarnlab/chat-7b', 'tarnlab/base-7b', 'datasets/tarnlab/dialogs'])
    await expect(hub.result(id)).toContainText('fetched');
  expect(asked.slice(0, 2)).toEqual([
    '/api/models?author=tarnlab&limit=50',
    '/api/datasets?author=tarnlab&limit=50',
  ]);
  await expect(imports.summary).toContainText('4 new');
  await expect(hub.ancestorsButton()).toHaveCount(0);
  await hub.close();
  await catalog.expectShowing(4, 4);

  // Reopened after a reload: the mirror is remembered.
  await page.reload();
  await hub.open();
  await hub.openSettings();
  await expect(hub.endpoint).toHaveValue(HUB);
});

test('an access token is sent as a Bearer header to the configured Hub origin only, and never lands in a URL or an export', async ({
  page,
  guard,
  catalog,
  imports,
  hub,
  exporter,
}) => {
  const TOKEN = 'hf_e2eTokenNeverInExports0123456789';
  guard.allowOrigin(HUB);
  const asked = await serveHub(page);
  // Every request of the page and its workers, with the Authorization header it carried.
  const sent: { method: string; url: string; authorization: string | undefined }[] = [];
  page.on('request', (req) =>
    sent.push({ method: req.method(), url: req.url(), authorization: req.headers()['authorization'] }),
  );
  await catalog.openEmpty();
  await hub.open();
  await hub.openSettings();
  await hub.setEndpoint(HUB);
  await hub.token.fill(TOKEN);
  await hub.fetch(['tarnlab/chat-7b-math', 'datasets/tarnlab/dialogs', 'tarnlab/gated-model']);
  await expect(hub.result('tarnlab/chat-7b-math')).toContainText('fetched', { timeout: 30_000 });
  await expect(hub.result('datasets/tarnlab/dialogs')).toContainText('fetched');
  // With a token, a 403 says the token may not read the repository (not "paste a token").
  await expect(hub.result('tarnlab/gated-model')).toContainText(/gated \(403\).*this access token/);
  await expect(imports.summary).toContainText('2 new');
  await hub.close();

  // The GETs (a CORS preflight, if the browser reports one, carries no credentials by design).
  const toHub = sent.filter((r) => new URL(r.url).origin === HUB && r.method === 'GET');
  expect(toHub.map((r) => new URL(r.url).pathname)).toEqual(asked.map((p) => p.split('?')[0]));
  expect(toHub.length).toBeGreaterThanOrEqual(5);
  expect(toHub.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  // Nothing else (the app's own files, workers) carries it, and no URL holds the token.
  expect(sent.filter((r) => new URL(r.url).origin !== HUB && r.authorization !== undefined)).toEqual([]);
  expect(sent.filter((r) => r.url.includes(TOKEN))).toEqual([]);
  expect(page.url()).not.toContain(TOKEN);

  // The whole catalog exported as JSON (raw sources, curation, import history) does not hold it either.
  await exporter.open();
  const { path } = await exporter.download<unknown>();
  const text = readFileSync(path, 'utf8');
  expect(text).toContain('tarnlab/chat-7b-math');
  expect(text).not.toContain(TOKEN);
  // It stays in this browser's settings, for the next fetch.
  await page.reload();
  await hub.open();
  await hub.openSettings();
  await expect(hub.token).toHaveValue(TOKEN);
});
