import { describe, expect, it } from 'vitest';
import { parseFile } from '../formats/parseFile';
import { HubClient, parseHubInput } from './client';

type Reply = { status: number; body?: string; headers?: Record<string, string> };

/** A fake Hub: path → reply (a list is answered in order, the last one repeating); records every request. */
function fakeHub(routes: Record<string, Reply | Reply[] | Error>) {
  const calls: { url: string; auth?: string }[] = [];
  const fetch = (url: string, init: { headers: Record<string, string> }) => {
    const auth = init.headers.Authorization;
    calls.push({ url, ...(auth ? { auth } : {}) });
    const path = url.replace(/^https?:\/\/[^/]+/, '');
    const r = routes[path];
    if (r instanceof Error) return Promise.reject(r);
    const list = r === undefined ? [{ status: 404 }] : Array.isArray(r) ? r : [r];
    const reply = list.length > 1 ? (list.shift() as Reply) : (list[0] as Reply);
    return Promise.resolve({
      status: reply.status,
      headers: { get: (n: string) => reply.headers?.[n.toLowerCase()] ?? null },
      text: () => Promise.resolve(reply.body ?? ''),
    });
  };
  return { fetch, calls };
}

const CARD = '---\nlicense: apache-2.0\nbase_model: acme/base\ndatasets:\n- acme/data\n---\n# Chat\n';

describe('parseHubInput', () => {
  it('reads ids, dataset ids, owners and Hub URLs (the configured mirror too), one per line, once each', () => {
    const refs = parseHubInput(
      [
        'acme/chat',
        'datasets/acme/data',
        'acme',
        'https://huggingface.co/acme/chat/tree/main',
        'https://hf.co/datasets/acme/other',
        'https://mirror.example/acme/mirrored',
        'https://example.com/acme/x',
        'spaces/acme/demo',
        '',
      ].join('\n'),
      'https://mirror.example',
    );
    expect(
      refs.map((r) =>
        r.kind === 'owner'
          ? `owner ${r.owner}`
          : r.kind === 'invalid'
            ? `invalid ${r.input}`
            : `${r.kind} ${r.id}`,
      ),
    ).toEqual([
      'model acme/chat',
      'dataset acme/data',
      'owner acme',
      'dataset acme/other',
      'model acme/mirrored',
      'invalid https://example.com/acme/x',
      'invalid spaces/acme/demo',
    ]);
  });
});

describe('HubClient', () => {
  it('fetches the API metadata and the raw README of a model, only from the endpoint origin, with the token', async () => {
    const hub = fakeHub({
      '/api/models/acme/chat': { status: 200, body: JSON.stringify({ id: 'acme/chat', gated: false }) },
      '/acme/chat/raw/main/README.md': { status: 200, body: CARD },
    });
    const client = new HubClient({ endpoint: 'https://mirror.example/sub', token: 'hf_x', fetch: hub.fetch });
    const r = await client.fetchRepo('model', 'acme/chat');
    expect(r.status).toBe('imported');
    expect(r.baseModels).toEqual(['acme/base']);
    expect(hub.calls.map((c) => c.url)).toEqual([
      'https://mirror.example/api/models/acme/chat',
      'https://mirror.example/acme/chat/raw/main/README.md',
    ]);
    expect(hub.calls.every((c) => c.auth === 'Bearer hf_x')).toBe(true);
    // The file goes through the ordinary parser and gets the repository's id.
    const parsed = parseFile(r.file ?? { name: '', text: '' });
    expect(parsed.assets[0]?.id).toBe('acme/chat');
    expect(parsed.assets[0]?.license.normalized).toBe('Apache-2.0');
  });

  it('reads datasets under /datasets/ and falls back to the API card data when there is no README', async () => {
    const hub = fakeHub({
      '/api/datasets/acme/data': {
        status: 200,
        body: JSON.stringify({
          id: 'acme/data',
          cardData: { license: 'cc-by-4.0', task_categories: ['text-generation'] },
        }),
      },
    });
    const r = await new HubClient({ fetch: hub.fetch }).fetchRepo('dataset', 'acme/data');
    expect(r.status).toBe('imported');
    expect(r.message).toContain('API card data');
    expect(hub.calls.map((c) => c.url)).toEqual([
      'https://huggingface.co/api/datasets/acme/data',
      'https://huggingface.co/datasets/acme/data/raw/main/README.md',
    ]);
    const parsed = parseFile(r.file ?? { name: '', text: '' });
    expect(parsed.format).toBe('hf-dataset-card');
    expect(parsed.assets[0]?.id).toBe('acme/data');
  });

  it('reports not found, gated (with what to do), offline and other answers per repository', async () => {
    const hub = fakeHub({
      '/api/models/acme/gated': { status: 200, body: '{"gated":"manual"}' },
      '/acme/gated/raw/main/README.md': { status: 403 },
      '/api/models/acme/private': { status: 401 },
      '/api/models/acme/down': new TypeError('Failed to fetch'),
      '/api/models/acme/broken': { status: 500 },
    });
    const client = new HubClient({ fetch: hub.fetch });
    const missing = await client.fetchRepo('model', 'acme/missing');
    expect(missing.status).toBe('not-found');
    const gated = await client.fetchRepo('model', 'acme/gated');
    expect(gated.status).toBe('gated');
    expect(gated.message).toMatch(/Accept its conditions.*access token/);
    expect((await client.fetchRepo('model', 'acme/private')).status).toBe('gated');
    const down = await client.fetchRepo('model', 'acme/down');
    expect(down.status).toBe('offline');
    expect(down.message).toContain('could not be reached');
    expect((await client.fetchRepo('model', 'acme/broken')).message).toContain('500');
  });

  it('retries a 429 with backoff (Retry-After honoured), then reports rate-limited', async () => {
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    };
    const flaky = fakeHub({
      '/api/models/acme/chat': [
        { status: 429, headers: { 'retry-after': '2' } },
        { status: 429 },
        { status: 200, body: '{}' },
      ],
      '/acme/chat/raw/main/README.md': { status: 200, body: CARD },
    });
    const ok = await new HubClient({ fetch: flaky.fetch, sleep }).fetchRepo('model', 'acme/chat');
    expect(ok.status).toBe('imported');
    expect(waits).toEqual([2000, 2000]);

    waits.length = 0;
    const limited = fakeHub({ '/api/models/acme/chat': { status: 429 } });
    const r = await new HubClient({ fetch: limited.fetch, sleep, retries: 3 }).fetchRepo(
      'model',
      'acme/chat',
    );
    expect(r.status).toBe('rate-limited');
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(limited.calls).toHaveLength(4);
  });

  it("lists an owner's models and datasets", async () => {
    const hub = fakeHub({
      '/api/models?author=acme&limit=50': {
        status: 200,
        body: JSON.stringify([{ id: 'acme/chat' }, { id: 'acme/base' }]),
      },
      '/api/datasets?author=acme&limit=50': { status: 200, body: JSON.stringify([{ id: 'acme/data' }]) },
    });
    const { refs, result } = await new HubClient({ fetch: hub.fetch }).listOwner('acme');
    expect(result).toBeUndefined();
    expect(refs.map((r) => (r.kind === 'model' || r.kind === 'dataset' ? `${r.kind} ${r.id}` : ''))).toEqual([
      'model acme/chat',
      'model acme/base',
      'dataset acme/data',
    ]);
    const empty = await new HubClient({ fetch: fakeHub({}).fetch }).listOwner('nobody');
    expect(empty.result?.status).toBe('not-found');
  });

  it('refuses an endpoint that is not an http(s) URL without any request', async () => {
    const hub = fakeHub({});
    const r = await new HubClient({ endpoint: 'ftp://x', fetch: hub.fetch }).fetchRepo('model', 'acme/chat');
    expect(r.status).toBe('error');
    expect(hub.calls).toEqual([]);
  });
});
