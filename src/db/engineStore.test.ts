/**
 * The catalog engine (core) over the Dexie store: persistence of its caches, cold starts from them,
 * incremental changes, and two engines on two databases side by side.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogDb } from '@/db/schema';
import { makeCard, makeSource, openTestDb } from '@/testing/builders';
import { decodeDisplay } from '@/core/search/displayCodec';
import { decodeRows, rowsIntact } from '@/core/catalog/rowsCodec';
import { CatalogEngine, timerScheduler, type EngineChange } from '@/core/catalog/engine';
import * as dbm from './index';
import { createEngineStore } from './engineStore';

let db: CatalogDb;

/** A fresh engine (as after a page reload) over the test database. */
function startEngine(on: CatalogDb = db): CatalogEngine {
  return new CatalogEngine({ store: createEngineStore(on), scheduler: timerScheduler() });
}

async function importCards(ids: string[], at: string, base?: string, on: CatalogDb = db): Promise<void> {
  for (const id of ids) {
    await dbm.importParsedFile(
      makeSource(`${id}.md`, `sha-${id}-${at}`),
      makeCard({ id, normalized: 'MIT', ...(base ? { base } : {}) }),
      at,
      undefined,
      on,
    );
  }
}

async function keysOf(engine: CatalogEngine, order: Uint32Array): Promise<string[]> {
  const snap = await engine.catalogRows({});
  const rows = snap.json !== undefined ? decodeDisplay(snap.json)?.rows : undefined;
  return Array.from(order, (i) => rows?.at(i)?.key ?? '?');
}

beforeEach(async () => {
  db = await openTestDb('engine');
});

describe('catalog stamp', () => {
  it('changes with imports, deletions and clears, not with an unchanged re-import', async () => {
    const s0 = await dbm.catalogStamp(db);
    await importCards(['acme/alpha'], '2026-01-01T00:00:00Z');
    const s1 = await dbm.catalogStamp(db);
    expect(s1).not.toBe(s0);
    await importCards(['acme/alpha'], '2026-01-01T00:00:00Z');
    expect(await dbm.catalogStamp(db)).toBe(s1);
    await dbm.deleteAssets(['acme/alpha'], db);
    const s2 = await dbm.catalogStamp(db);
    expect(s2).not.toBe(s1);
    await importCards(['acme/beta'], '2026-01-02T00:00:00Z');
    const s3 = await dbm.catalogStamp(db);
    await dbm.clearCatalog(db);
    expect(await dbm.catalogStamp(db)).not.toBe(s3);
  });
});

describe('catalog engine persistence', () => {
  it('a restarted engine answers from the persisted rows, sort order and index, without a rebuild', async () => {
    const first = startEngine();
    await importCards(['zeta/omega-chat', 'acme/alpha-chat', 'mid/mistral-7b'], '2026-01-01T00:00:00Z');
    await importCards(['acme/alpha-chat-lora'], '2026-01-02T00:00:00Z', 'acme/alpha-chat');
    const before = await first.searchStatus({ waitIndex: true, waitPersist: true });
    expect(before).toMatchObject({ rows: 4, indexReady: true, persisted: true });
    const byName = await first.queryCatalog({ q: '', facets: {}, sort: { id: 'name', desc: false } });
    const chat = await first.queryCatalog({ q: 'chat', facets: {} });
    const nameKeys = await keysOf(first, byName.order);
    const chatKeys = await keysOf(first, chat.order);
    expect(nameKeys).toEqual([
      'acme/alpha-chat',
      'acme/alpha-chat-lora',
      'mid/mistral-7b',
      'zeta/omega-chat',
    ]);
    expect([...chatKeys].sort()).toEqual(['acme/alpha-chat', 'acme/alpha-chat-lora', 'zeta/omega-chat']);

    const second = startEngine();
    const after = await second.searchStatus({ waitIndex: true });
    // Same snapshot: the rows came from the cache, not from a rebuild.
    expect(after.snapshotId).toBe(before.snapshotId);
    expect(after.rows).toBe(4);
    const byName2 = await second.queryCatalog({
      q: '',
      facets: {},
      sort: { id: 'name', desc: false },
    });
    expect(await keysOf(second, byName2.order)).toEqual(nameKeys);
    const chat2 = await second.queryCatalog({ q: 'chat', facets: {} });
    expect(await keysOf(second, chat2.order)).toEqual(chatKeys);
    const lineage = await second.queryCatalog({ q: '', facets: { derivative: ['finetune'] } });
    expect(await keysOf(second, lineage.order)).toEqual(['acme/alpha-chat-lora']);
  });

  it("after a restart, queries that read lists (field clauses, phrases) wait for the rows' tail and answer right", async () => {
    const first = startEngine();
    await importCards(['acme/base-chat'], '2026-01-01T00:00:00Z');
    await importCards(['acme/child-chat'], '2026-01-02T00:00:00Z', 'acme/base-chat');
    await first.searchStatus({ waitIndex: true, waitPersist: true });
    // The rows' tail is its own cache record, read after the head.
    expect(await dbm.getSearchCache('catalog-rows-tail', db)).toBeDefined();
    const queries = [
      'base:acme/base-chat',
      'chat base:acme/base-chat',
      '"child-chat"',
      'chat',
      'chat -child',
    ];
    const want: string[][] = [];
    for (const q of queries) {
      const res = await first.queryCatalog({ q, facets: {} });
      want.push(await keysOf(first, res.order));
    }
    expect(want.map((keys) => keys.length)).toEqual([1, 1, 1, 2, 1]);
    // Each query first thing after a cold start (nothing else has waited for the tail).
    for (const [i, q] of queries.entries()) {
      const engine = startEngine();
      const res = await engine.queryCatalog({ q, facets: {} });
      expect(await keysOf(engine, res.order)).toEqual(want[i]);
    }
    const engine = startEngine();
    const s = await engine.suggest({ q: 'base:acme/b' });
    expect(s.suggestions).toEqual(['base:acme/base-chat ']);
  });

  it("a cold start whose rows' tail is missing rebuilds the rows from the database", async () => {
    const first = startEngine();
    await importCards(['acme/base'], '2026-01-01T00:00:00Z');
    await importCards(['acme/child'], '2026-01-02T00:00:00Z', 'acme/base');
    const before = await first.searchStatus({ waitIndex: true, waitPersist: true });
    const tail = await dbm.getSearchCache('catalog-rows-tail', db);
    if (!tail) throw new Error('tail not cached');
    await dbm.putSearchCache([{ ...tail, stamp: 'other' }], db);
    const second = startEngine();
    await second.queryCatalog({ q: 'base:acme/base', facets: {} });
    // The rebuild replaces the snapshot; once it is there, lists answer again and are persisted whole.
    let status = await second.searchStatus({ waitIndex: true });
    for (let i = 0; i < 100 && status.snapshotId === before.snapshotId; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = await second.searchStatus({ waitIndex: true });
    }
    expect(status.snapshotId).not.toBe(before.snapshotId);
    const res = await second.queryCatalog({ q: 'base:acme/base', facets: {} });
    expect(await keysOf(second, res.order)).toEqual(['acme/child']);
    await second.searchStatus({ waitPersist: true });
    const again = await dbm.getSearchCache('catalog-rows-tail', db);
    expect(again?.stamp).not.toBe('other');
  });

  it('after a restart from the caches, incremental changes keep parent counts ("Has lineage") right', async () => {
    const first = startEngine();
    await importCards(['acme/base', 'solo/one'], '2026-01-01T00:00:00Z');
    await first.searchStatus({ waitIndex: true, waitPersist: true });
    const second = startEngine();
    const before = await second.searchStatus({ waitIndex: true });
    expect(before.rows).toBe(2);
    const linked = async (): Promise<string[]> => {
      const r = await second.queryCatalog({ q: '', facets: { lineage: ['yes'] } });
      return (await keysOf(second, r.order)).sort();
    };
    expect(await linked()).toEqual([]);
    await importCards(['acme/child'], '2026-01-02T00:00:00Z', 'acme/base');
    await second.applyChange({ keys: ['acme/child'] });
    expect(await linked()).toEqual(['acme/base', 'acme/child']);
    await dbm.deleteAssets(['acme/child'], db);
    await second.applyChange({ keys: ['acme/child'] });
    expect(await linked()).toEqual([]);
  });

  it('rebuilds rows whose cached lists are broken instead of persisting them', async () => {
    const first = startEngine();
    await importCards(['acme/base'], '2026-01-01T00:00:00Z');
    await importCards(['acme/child'], '2026-01-01T00:00:00Z', 'acme/base');
    await first.searchStatus({ waitIndex: true, waitPersist: true });
    // Truncate the tail (lists and descriptions) of the cached rows; the head still decodes.
    const cached = await dbm.getSearchCache('catalog-rows-tail', db);
    if (!cached) throw new Error('rows not cached');
    await dbm.putSearchCache([{ ...cached, json: cached.json.slice(0, -20) }], db);

    const second = startEngine();
    expect((await second.searchStatus({ waitIndex: true })).rows).toBe(2);
    await importCards(['solo/new'], '2026-01-03T00:00:00Z');
    await second.applyChange({ keys: ['solo/new'] });
    await second.searchStatus({ waitPersist: true });
    expect((await second.searchStatus({ waitPersist: true })).persisted).toBe(true);
    const head = await dbm.getSearchCache('catalog-rows', db);
    const tail = await dbm.getSearchCache('catalog-rows-tail', db);
    const tailText = tail?.json ?? '';
    const rows = decodeRows({ head: head?.data, tail: tailText.slice(tailText.indexOf('\n') + 1) }) ?? [];
    expect(rowsIntact(rows)).toBe(true);
    expect(rows.find((r) => r.key === 'acme/child')?.baseModels).toEqual(['acme/base']);
    expect(rows).toHaveLength(3);
  });

  it('rebuilds when the catalog changed after the caches were written', async () => {
    const first = startEngine();
    await importCards(['acme/alpha'], '2026-01-01T00:00:00Z');
    const before = await first.searchStatus({ waitIndex: true, waitPersist: true });
    // Another writer (no engine running) adds an asset.
    const second = startEngine();
    await importCards(['acme/beta'], '2026-01-02T00:00:00Z');
    const after = await second.searchStatus({ waitIndex: true });
    expect(after.snapshotId).not.toBe(before.snapshotId);
    expect(after.rows).toBe(2);
    const hits = await second.queryCatalog({ q: 'beta', facets: {} });
    expect(await keysOf(second, hits.order)).toEqual(['acme/beta']);
  });
});

describe('licence check facet', () => {
  it('takes verdicts: counts and filters by them, other facets unchanged, warm again after idle time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const engine = startEngine();
      await importCards(['acme/alpha', 'acme/beta', 'acme/gamma'], '2026-01-01T00:00:00Z');
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
    const engine = startEngine();
    await importCards(['acme/alpha-chat', 'acme/beta-chat', 'other/gamma'], '2026-01-01T00:00:00Z');
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
    await importCards(['acme/delta-chat'], '2026-01-02T00:00:00Z');
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

describe('two engines side by side', () => {
  it('on two databases share no state: rows, queries, licence verdicts, caches and change events', async () => {
    const other = await openTestDb('engine-other');
    await importCards(['acme/alpha-chat', 'acme/beta'], '2026-01-01T00:00:00Z');
    await importCards(['zeta/omega-chat'], '2026-01-01T00:00:00Z', undefined, other);
    const a = startEngine(db);
    const b = startEngine(other);
    const eventsA: EngineChange[] = [];
    const eventsB: EngineChange[] = [];
    a.onChange((e) => eventsA.push(e));
    b.onChange((e) => eventsB.push(e));
    const a0 = await a.searchStatus({ waitIndex: true });
    const b0 = await b.searchStatus({ waitIndex: true });
    expect([a0.rows, b0.rows]).toEqual([2, 1]);
    expect(await keysOf(a, (await a.queryCatalog({ q: 'chat', facets: {} })).order)).toEqual([
      'acme/alpha-chat',
    ]);
    expect(await keysOf(b, (await b.queryCatalog({ q: 'chat', facets: {} })).order)).toEqual([
      'zeta/omega-chat',
    ]);

    // An import into one: the other is unchanged (same snapshot, same answers, no event).
    await importCards(['acme/gamma-chat'], '2026-01-02T00:00:00Z');
    await a.applyChange({ keys: ['acme/gamma-chat'] });
    const a1 = await a.searchStatus({});
    expect(a1.rows).toBe(3);
    expect(a1.snapshotId).not.toBe(a0.snapshotId);
    expect(eventsA).toEqual([{ snapshotId: a1.snapshotId, stamp: a1.stamp, keys: ['acme/gamma-chat'] }]);
    const b1 = await b.searchStatus({});
    expect(b1).toMatchObject({ rows: 1, snapshotId: b0.snapshotId, stamp: b0.stamp });
    expect(eventsB).toEqual([]);
    expect((await b.queryCatalog({ q: 'gamma', facets: {} })).order.length).toBe(0);

    // Licence verdicts given to one engine stay there.
    a.setLicenseVerdicts({ key: 'k', verdicts: { 'acme/beta': 'conflict' } });
    expect((await a.queryCatalog({ q: '', facets: {} })).counts.check.values).toEqual([
      { value: 'conflict', count: 1 },
    ]);
    expect((await b.queryCatalog({ q: '', facets: {} })).counts.check.values).toEqual([]);

    // Each persists to its own database; a restart on each comes back to its own snapshot.
    const aDone = await a.searchStatus({ waitPersist: true });
    const bDone = await b.searchStatus({ waitPersist: true });
    expect([aDone.persisted, bDone.persisted]).toEqual([true, true]);
    expect((await dbm.getSearchCache('catalog-rows', db))?.json).toBe(aDone.snapshotId);
    expect((await dbm.getSearchCache('catalog-rows', other))?.json).toBe(bDone.snapshotId);
    const a2 = await startEngine(db).searchStatus({ waitIndex: true });
    const b2 = await startEngine(other).searchStatus({ waitIndex: true });
    expect([a2.snapshotId, a2.rows]).toEqual([aDone.snapshotId, 3]);
    expect([b2.snapshotId, b2.rows]).toEqual([bDone.snapshotId, 1]);
    other.close();
  });

  it('announce resyncs and resets (without keys) to their own listeners only', async () => {
    await importCards(['acme/alpha'], '2026-01-01T00:00:00Z');
    const a = startEngine();
    const b = startEngine(await openTestDb('engine-other'));
    const events: EngineChange[] = [];
    const stop = a.onChange((e) => events.push(e));
    b.onChange(() => events.push({ snapshotId: 'wrong engine', stamp: '' }));
    await a.resync();
    const afterResync = await a.searchStatus({});
    expect(events).toEqual([{ snapshotId: afterResync.snapshotId, stamp: afterResync.stamp }]);
    await dbm.clearCatalog(db);
    await a.resetEmpty();
    const afterReset = await a.searchStatus({});
    expect(afterReset.rows).toBe(0);
    expect(events.at(-1)).toEqual({ snapshotId: afterReset.snapshotId, stamp: afterReset.stamp });
    stop();
    await a.resync();
    expect(events).toHaveLength(2);
  });
});
