import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogDb } from '@/db/schema';
import { makeCard, makeSource, openTestDb } from '@/testing/builders';
import { decodeDisplay } from '@/core/search/displayCodec';
import { decodeRows, rowsIntact } from '@/core/catalog/rowsCodec';

import type * as SearchModule from './search';
import type * as DbModule from '@/db';

type Engine = typeof SearchModule;
type Db = typeof DbModule;

let db: CatalogDb;

/** A fresh engine and db module (as after a page reload), bound to the test database. */
async function restart(): Promise<{ engine: Engine; dbm: Db }> {
  vi.resetModules();
  const dbm = await import('@/db');
  dbm.setDbForTests(db);
  const engine = await import('./search');
  return { engine, dbm };
}

async function importCards(dbm: Db, ids: string[], at: string, base?: string): Promise<void> {
  for (const id of ids) {
    await dbm.importParsedFile(
      makeSource(`${id}.md`, `sha-${id}-${at}`),
      makeCard({ id, normalized: 'MIT', ...(base ? { base } : {}) }),
      at,
      undefined,
      db,
    );
  }
}

async function keysOf(engine: Engine, order: Uint32Array): Promise<string[]> {
  const snap = await engine.catalogRows({});
  const rows = snap.json !== undefined ? decodeDisplay(snap.json)?.rows : undefined;
  return Array.from(order, (i) => rows?.at(i)?.key ?? '?');
}

beforeEach(async () => {
  db = await openTestDb('engine');
});

describe('catalog stamp', () => {
  it('changes with imports, deletions and clears, not with an unchanged re-import', async () => {
    const { dbm } = await restart();
    const s0 = await dbm.catalogStamp(db);
    await importCards(dbm, ['acme/alpha'], '2026-01-01T00:00:00Z');
    const s1 = await dbm.catalogStamp(db);
    expect(s1).not.toBe(s0);
    await importCards(dbm, ['acme/alpha'], '2026-01-01T00:00:00Z');
    expect(await dbm.catalogStamp(db)).toBe(s1);
    await dbm.deleteAssets(['acme/alpha'], db);
    const s2 = await dbm.catalogStamp(db);
    expect(s2).not.toBe(s1);
    await importCards(dbm, ['acme/beta'], '2026-01-02T00:00:00Z');
    const s3 = await dbm.catalogStamp(db);
    await dbm.clearCatalog(db);
    expect(await dbm.catalogStamp(db)).not.toBe(s3);
  });
});

describe('catalog engine persistence', () => {
  it('a restarted engine answers from the persisted rows, sort order and index, without a rebuild', async () => {
    const first = await restart();
    await importCards(
      first.dbm,
      ['zeta/omega-chat', 'acme/alpha-chat', 'mid/mistral-7b'],
      '2026-01-01T00:00:00Z',
    );
    await importCards(first.dbm, ['acme/alpha-chat-lora'], '2026-01-02T00:00:00Z', 'acme/alpha-chat');
    const before = await first.engine.searchStatus({ waitIndex: true, waitPersist: true });
    expect(before).toMatchObject({ rows: 4, indexReady: true, persisted: true });
    const byName = await first.engine.queryCatalog({ q: '', facets: {}, sort: { id: 'name', desc: false } });
    const chat = await first.engine.queryCatalog({ q: 'chat', facets: {} });
    const nameKeys = await keysOf(first.engine, byName.order);
    const chatKeys = await keysOf(first.engine, chat.order);
    expect(nameKeys).toEqual([
      'acme/alpha-chat',
      'acme/alpha-chat-lora',
      'mid/mistral-7b',
      'zeta/omega-chat',
    ]);
    expect([...chatKeys].sort()).toEqual(['acme/alpha-chat', 'acme/alpha-chat-lora', 'zeta/omega-chat']);

    const second = await restart();
    const after = await second.engine.searchStatus({ waitIndex: true });
    // Same snapshot: the rows came from the cache, not from a rebuild.
    expect(after.snapshotId).toBe(before.snapshotId);
    expect(after.rows).toBe(4);
    const byName2 = await second.engine.queryCatalog({
      q: '',
      facets: {},
      sort: { id: 'name', desc: false },
    });
    expect(await keysOf(second.engine, byName2.order)).toEqual(nameKeys);
    const chat2 = await second.engine.queryCatalog({ q: 'chat', facets: {} });
    expect(await keysOf(second.engine, chat2.order)).toEqual(chatKeys);
    const lineage = await second.engine.queryCatalog({ q: '', facets: { derivative: ['finetune'] } });
    expect(await keysOf(second.engine, lineage.order)).toEqual(['acme/alpha-chat-lora']);
  });

  it("after a restart, queries that read lists (field clauses, phrases) wait for the rows' tail and answer right", async () => {
    const first = await restart();
    await importCards(first.dbm, ['acme/base-chat'], '2026-01-01T00:00:00Z');
    await importCards(first.dbm, ['acme/child-chat'], '2026-01-02T00:00:00Z', 'acme/base-chat');
    await first.engine.searchStatus({ waitIndex: true, waitPersist: true });
    // The rows' tail is its own cache record, read after the head.
    expect(await first.dbm.getSearchCache('catalog-rows-tail', db)).toBeDefined();
    const queries = [
      'base:acme/base-chat',
      'chat base:acme/base-chat',
      '"child-chat"',
      'chat',
      'chat -child',
    ];
    const want: string[][] = [];
    for (const q of queries) {
      const res = await first.engine.queryCatalog({ q, facets: {} });
      want.push(await keysOf(first.engine, res.order));
    }
    expect(want.map((keys) => keys.length)).toEqual([1, 1, 1, 2, 1]);
    // Each query first thing after a cold start (nothing else has waited for the tail).
    for (const [i, q] of queries.entries()) {
      const { engine } = await restart();
      const res = await engine.queryCatalog({ q, facets: {} });
      expect(await keysOf(engine, res.order)).toEqual(want[i]);
    }
    const { engine } = await restart();
    const s = await engine.suggest({ q: 'base:acme/b' });
    expect(s.suggestions).toEqual(['base:acme/base-chat ']);
  });

  it("a cold start whose rows' tail is missing rebuilds the rows from the database", async () => {
    const first = await restart();
    await importCards(first.dbm, ['acme/base'], '2026-01-01T00:00:00Z');
    await importCards(first.dbm, ['acme/child'], '2026-01-02T00:00:00Z', 'acme/base');
    const before = await first.engine.searchStatus({ waitIndex: true, waitPersist: true });
    const tail = await first.dbm.getSearchCache('catalog-rows-tail', db);
    if (!tail) throw new Error('tail not cached');
    await first.dbm.putSearchCache([{ ...tail, stamp: 'other' }], db);
    const second = await restart();
    await second.engine.queryCatalog({ q: 'base:acme/base', facets: {} });
    // The rebuild replaces the snapshot; once it is there, lists answer again and are persisted whole.
    let status = await second.engine.searchStatus({ waitIndex: true });
    for (let i = 0; i < 100 && status.snapshotId === before.snapshotId; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = await second.engine.searchStatus({ waitIndex: true });
    }
    expect(status.snapshotId).not.toBe(before.snapshotId);
    const res = await second.engine.queryCatalog({ q: 'base:acme/base', facets: {} });
    expect(await keysOf(second.engine, res.order)).toEqual(['acme/child']);
    await second.engine.searchStatus({ waitPersist: true });
    const again = await second.dbm.getSearchCache('catalog-rows-tail', db);
    expect(again?.stamp).not.toBe('other');
  });

  it('after a restart from the caches, incremental changes keep parent counts ("Has lineage") right', async () => {
    const first = await restart();
    await importCards(first.dbm, ['acme/base', 'solo/one'], '2026-01-01T00:00:00Z');
    await first.engine.searchStatus({ waitIndex: true, waitPersist: true });
    const second = await restart();
    const before = await second.engine.searchStatus({ waitIndex: true });
    expect(before.rows).toBe(2);
    const linked = async (): Promise<string[]> => {
      const r = await second.engine.queryCatalog({ q: '', facets: { lineage: ['yes'] } });
      return (await keysOf(second.engine, r.order)).sort();
    };
    expect(await linked()).toEqual([]);
    await importCards(second.dbm, ['acme/child'], '2026-01-02T00:00:00Z', 'acme/base');
    await second.engine.applyChange({ keys: ['acme/child'] });
    expect(await linked()).toEqual(['acme/base', 'acme/child']);
    await second.dbm.deleteAssets(['acme/child'], db);
    await second.engine.applyChange({ keys: ['acme/child'] });
    expect(await linked()).toEqual([]);
  });

  it('rebuilds rows whose cached lists are broken instead of persisting them', async () => {
    const first = await restart();
    await importCards(first.dbm, ['acme/base'], '2026-01-01T00:00:00Z');
    await importCards(first.dbm, ['acme/child'], '2026-01-01T00:00:00Z', 'acme/base');
    await first.engine.searchStatus({ waitIndex: true, waitPersist: true });
    // Truncate the tail (lists and descriptions) of the cached rows; the head still decodes.
    const cached = await first.dbm.getSearchCache('catalog-rows-tail', db);
    if (!cached) throw new Error('rows not cached');
    await first.dbm.putSearchCache([{ ...cached, json: cached.json.slice(0, -20) }], db);

    const second = await restart();
    expect((await second.engine.searchStatus({ waitIndex: true })).rows).toBe(2);
    await importCards(second.dbm, ['solo/new'], '2026-01-03T00:00:00Z');
    await second.engine.applyChange({ keys: ['solo/new'] });
    await second.engine.searchStatus({ waitPersist: true });
    expect((await second.engine.searchStatus({ waitPersist: true })).persisted).toBe(true);
    const head = await second.dbm.getSearchCache('catalog-rows', db);
    const tail = await second.dbm.getSearchCache('catalog-rows-tail', db);
    const tailText = tail?.json ?? '';
    const rows = decodeRows({ head: head?.data, tail: tailText.slice(tailText.indexOf('\n') + 1) }) ?? [];
    expect(rowsIntact(rows)).toBe(true);
    expect(rows.find((r) => r.key === 'acme/child')?.baseModels).toEqual(['acme/base']);
    expect(rows).toHaveLength(3);
  });

  it('rebuilds when the catalog changed after the caches were written', async () => {
    const first = await restart();
    await importCards(first.dbm, ['acme/alpha'], '2026-01-01T00:00:00Z');
    const before = await first.engine.searchStatus({ waitIndex: true, waitPersist: true });
    // Another writer (no engine running) adds an asset.
    const second = await restart();
    await importCards(second.dbm, ['acme/beta'], '2026-01-02T00:00:00Z');
    const after = await second.engine.searchStatus({ waitIndex: true });
    expect(after.snapshotId).not.toBe(before.snapshotId);
    expect(after.rows).toBe(2);
    const hits = await second.engine.queryCatalog({ q: 'beta', facets: {} });
    expect(await keysOf(second.engine, hits.order)).toEqual(['acme/beta']);
  });
});

describe('licence check facet', () => {
  it('takes verdicts: counts and filters by them, other facets unchanged, warm again after idle time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const { engine, dbm } = await restart();
      await importCards(dbm, ['acme/alpha', 'acme/beta', 'acme/gamma'], '2026-01-01T00:00:00Z');
      await engine.searchStatus({ waitIndex: true });
      const before = await engine.queryCatalog({ q: '', facets: {} });
      expect(before.counts.check.values).toEqual([]);
      // Idle time warms the query paths for the current facets.
      await vi.advanceTimersByTimeAsync(5000);
      expect((await engine.searchStatus({})).warm).toBe(true);

      engine.setLicenseVerdicts({ key: 'k1', verdicts: { 'acme/alpha': 'ok', 'acme/beta': 'conflict' } });
      expect((await engine.searchStatus({})).warm).toBe(false);
      const after = await engine.queryCatalog({ q: '', facets: {} });
      expect(after.counts.check.values).toEqual([
        { value: 'conflict', count: 1 },
        { value: 'ok', count: 1 },
      ]);
      // The other facets are unchanged.
      expect(after.counts.kind).toEqual(before.counts.kind);
      expect(after.counts.license).toEqual(before.counts.license);
      const ok = await engine.queryCatalog({ q: '', facets: { check: ['ok'] } });
      expect(await keysOf(engine, ok.order)).toEqual(['acme/alpha']);
      // A licence clause still works on the facet index that shares its other columns.
      const mit = await engine.queryCatalog({ q: 'license:mit', facets: {} });
      expect(mit.order.length).toBe(3);
      await vi.advanceTimersByTimeAsync(5000);
      expect((await engine.searchStatus({})).warm).toBe(true);

      engine.setLicenseVerdicts({ key: 'k2', verdicts: null });
      const cleared = await engine.queryCatalog({ q: '', facets: {} });
      expect(cleared.counts.check.values).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('index after persisting', () => {
  it('answers the same after persisting (index packed as on a cold start) and takes changes afterwards', async () => {
    const { engine, dbm } = await restart();
    await importCards(dbm, ['acme/alpha-chat', 'acme/beta-chat', 'other/gamma'], '2026-01-01T00:00:00Z');
    await engine.searchStatus({ waitIndex: true });
    const queries = ['chat', 'gam', 'chat -beta', 'acme', 'license:mit chat'];
    const before: string[][] = [];
    for (const q of queries)
      before.push(await keysOf(engine, (await engine.queryCatalog({ q, facets: {} })).order));
    const status = await engine.searchStatus({ waitPersist: true });
    expect(status.persisted).toBe(true);
    for (const [i, q] of queries.entries())
      expect(await keysOf(engine, (await engine.queryCatalog({ q, facets: {} })).order)).toEqual(before[i]);
    // A change after persisting: the new asset is found, the others still are, a removal is honoured.
    await importCards(dbm, ['acme/delta-chat'], '2026-01-02T00:00:00Z');
    await engine.applyChange({ keys: ['acme/delta-chat'] });
    const chat = await keysOf(engine, (await engine.queryCatalog({ q: 'chat', facets: {} })).order);
    expect([...chat].sort()).toEqual(['acme/alpha-chat', 'acme/beta-chat', 'acme/delta-chat']);
    expect(await keysOf(engine, (await engine.queryCatalog({ q: 'gamma', facets: {} })).order)).toEqual([
      'other/gamma',
    ]);
    await engine.searchStatus({ waitPersist: true });
    const again = await keysOf(engine, (await engine.queryCatalog({ q: 'delta', facets: {} })).order);
    expect(again).toEqual(['acme/delta-chat']);
  });
});
