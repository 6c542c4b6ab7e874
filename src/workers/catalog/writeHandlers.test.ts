import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogDb } from '@/db/schema';
import { makeCard, makeSource, openTestDb } from '@/testing/builders';
import type { CatalogChange } from '../catalogEvents';
import type { CallContext } from '../rpc';
import type { ImportProgress } from './importFiles';
import { CatalogEngine, timerScheduler } from '@/core/catalog/engine';
import type * as ImportModule from './importFiles';
import type * as DbModule from '@/db';
import type { WriteHandlers } from './writeHandlers';
import type { CatalogWriter, WriteLock } from './writer';
import { createLocalLock } from './writer';

/** One browser tab: its own database module, search engine, writer and write handlers, on the shared db. */
type Tab = {
  dbm: typeof DbModule;
  engine: CatalogEngine;
  importFiles: typeof ImportModule.importFiles;
  writer: CatalogWriter;
  h: WriteHandlers;
  events: CatalogChange[];
  /** Resolves with the next change event this tab's window receives. */
  next: () => Promise<CatalogChange>;
};

let db: CatalogDb;
let channelName: string;
let lock: WriteLock;
const tabs: Tab[] = [];
let tabCounter = 0;

/** Opens a "tab": fresh modules and its own engine (as another tab's worker has), bound to the same database and channel. */
async function openTab(): Promise<Tab> {
  vi.resetModules();
  const dbm = await import('@/db');
  dbm.setDbForTests(db);
  const engine = new CatalogEngine({
    store: dbm.createEngineStore(db),
    scheduler: timerScheduler(),
  });
  const { createCatalogWriter } = await import('./writer');
  const { createWriteHandlers } = await import('./writeHandlers');
  const { importFiles } = await import('./importFiles');
  const writer = createCatalogWriter({
    engine,
    lock,
    channel: () => new BroadcastChannel(channelName),
    id: `tab-${tabCounter++}`,
  });
  const events: CatalogChange[] = [];
  let waiting: ((c: CatalogChange) => void)[] = [];
  writer.subscribe((c) => {
    events.push(c);
    const ws = waiting;
    waiting = [];
    for (const w of ws) w(c);
  });
  const tab: Tab = {
    dbm,
    engine,
    importFiles,
    writer,
    h: createWriteHandlers(writer),
    events,
    next: () => new Promise((resolve) => waiting.push(resolve)),
  };
  tabs.push(tab);
  return tab;
}

const ctx: CallContext = { progress: () => undefined, isCancelled: () => false };

async function seed(dbm: typeof DbModule, ids: string[]): Promise<void> {
  for (const id of ids) {
    await dbm.importParsedFile(
      makeSource(`${id}.md`, `sha-${id}`),
      makeCard({ id, normalized: 'MIT' }),
      '2026-01-01T00:00:00Z',
      undefined,
      db,
    );
  }
}

async function total(tab: Tab): Promise<number> {
  return (await tab.engine.catalogRows({})).total;
}

function card(id: string): { name: string; blob: Blob } {
  const [owner, name] = id.split('/');
  const text = `---\nlicense: mit\ntags: [tabs]\n---\n# ${id}\n`;
  return { name: `${owner}__${name}.md`, blob: new Blob([text]) };
}

// The first load of the import pipeline (every parser) is slow: load it once before the tests do.
beforeAll(async () => {
  await Promise.all([import('./importFiles'), import('./writeHandlers'), import('./search')]);
}, 60_000);

beforeEach(async () => {
  db = await openTestDb('writes');
  channelName = `tarn-catalog-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  // Both tabs share one lock, as the tabs of a browser share the Web Lock.
  lock = createLocalLock();
});

afterEach(() => {
  for (const t of tabs.splice(0)) t.writer.close();
});

describe('write handlers', () => {
  it('a curation write announces a local change here and a remote one in the other tab', async () => {
    const a = await openTab();
    const b = await openTab();
    await seed(a.dbm, ['acme/alpha']);
    const remote = b.next();
    const changed = await a.h.addTags({ keys: ['Acme/Alpha'], tags: ['reviewed'] }, ctx);
    expect(changed).toBe(1);
    expect(a.events).toEqual([{ origin: 'local', tables: ['curation', 'audit'], keys: ['acme/alpha'] }]);
    expect(await remote).toEqual({ origin: 'remote', tables: ['curation', 'audit'], keys: ['acme/alpha'] });
    expect((await b.dbm.getCuration('acme/alpha'))?.tags).toEqual(['reviewed']);
  });

  it('a write that changes nothing announces nothing', async () => {
    const a = await openTab();
    await seed(a.dbm, ['acme/alpha']);
    expect(await a.h.removeTags({ keys: ['acme/alpha'], tags: ['absent'] }, ctx)).toBe(0);
    expect(a.events).toEqual([]);
  });

  it('every kind of write says which tables it touched', async () => {
    const a = await openTab();
    await seed(a.dbm, ['acme/alpha']);
    const col = await a.h.createCollection({ name: 'Shortlist', keys: ['acme/alpha'] }, ctx);
    await a.h.renameCollection({ id: col.id, name: 'Final' }, ctx);
    await a.h.setStatus({ keys: ['acme/alpha'], status: 'approved' }, ctx);
    await a.h.updateCuration({ key: 'acme/alpha', patch: { notes: 'ok' } }, ctx);
    const view = await a.h.saveView({ name: 'Mine', search: 'q=x' }, ctx);
    await a.h.deleteSavedView({ id: view.id }, ctx);
    await a.h.setSettings({ values: { demoOffered: true } }, ctx);
    await a.h.decideEdge({ relationId: 'acme/alpha|finetune_of|acme/base', decision: 'rejected' }, ctx);
    await a.h.decideEdge({ relationId: 'acme/alpha|finetune_of|acme/base', decision: null }, ctx);
    await a.h.deleteCollection({ id: col.id }, ctx);
    expect(a.events.map((e) => [e.tables.join(','), e.keys?.join(',') ?? '*'])).toEqual([
      ['collections,audit', 'acme/alpha'],
      ['collections,audit', '*'],
      ['curation,audit', 'acme/alpha'],
      ['curation,audit', 'acme/alpha'],
      ['savedViews', '*'],
      ['savedViews', '*'],
      ['settings', '*'],
      ['edgeDecisions,audit', 'acme/alpha'],
      ['edgeDecisions,audit', 'acme/alpha'],
      ['collections,audit', '*'],
    ]);
    expect(await a.dbm.getSetting('demoOffered', false)).toBe(true);
    expect(await a.dbm.listCollections()).toEqual([]);
    expect((await a.dbm.getCuration('acme/alpha'))?.status).toBe('approved');
  });

  it('a plan is stored, announced to both tabs, emptied by a clear', async () => {
    const a = await openTab();
    const b = await openTab();
    const { newPlan } = await import('@/core/licenses/plan');
    const plan = newPlan({ id: 'p1', now: '2026-12-02T00:00:00.000Z', name: 'Acme Assistant' });
    const heard = b.next();
    await a.h.savePlan({ plan }, ctx);
    expect((await heard).tables).toEqual(['plans']);
    expect(await b.dbm.listPlans()).toEqual([plan]);
    await a.h.savePlan({ plan: { ...plan, name: 'Renamed' } }, ctx);
    expect((await a.dbm.getPlan('p1'))?.name).toBe('Renamed');
    await a.h.clearCatalog({}, ctx);
    expect(await a.dbm.listPlans()).toEqual([]);
    await a.h.savePlan({ plan }, ctx);
    await a.h.deletePlan({ id: 'p1' }, ctx);
    expect(await a.dbm.listPlans()).toEqual([]);
    expect(a.events.at(-1)?.tables).toEqual(['plans']);
  });

  it('a deletion and its undo reach the other tab’s engine incrementally (no rebuild)', async () => {
    const a = await openTab();
    const b = await openTab();
    await seed(a.dbm, ['acme/alpha', 'acme/beta', 'acme/gamma']);
    expect(await total(a)).toBe(3);
    expect(await total(b)).toBe(3);
    const appliesBefore = (await b.engine.searchStatus({})).timings.applies;
    const snapshotBefore = (await b.engine.catalogRows({})).snapshotId;

    const remote = b.next();
    const snap = await a.h.deleteAssets({ keys: ['acme/beta'] }, ctx);
    expect(snap.keys).toEqual(['acme/beta']);
    expect(a.events.at(-1)).toMatchObject({ origin: 'local', keys: ['acme/beta'] });
    expect(a.events.at(-1)?.tables).toContain('assets');
    expect(await total(a)).toBe(2);
    expect(await remote).toMatchObject({ origin: 'remote', keys: ['acme/beta'] });
    expect(await total(b)).toBe(2);
    const status = await b.engine.searchStatus({});
    // Applied as a change (the engine counts them), and the engine's stamp is the database's: no
    // full rebuild is due on the next read.
    expect(status.timings.applies).toBe(appliesBefore + 1);
    expect(status.stamp).toBe(await b.dbm.catalogStamp());
    expect(status.snapshotId).not.toBe(snapshotBefore);
    expect((await b.engine.queryCatalog({ q: 'beta', facets: {} })).order.length).toBe(0);

    const back = b.next();
    await a.h.undoDelete({ snap }, ctx);
    await back;
    expect(await total(a)).toBe(3);
    expect(await total(b)).toBe(3);
    expect((await b.engine.queryCatalog({ q: 'beta', facets: {} })).order.length).toBe(1);
  });

  it('a clear empties this tab’s engine and makes the other tab rebuild', async () => {
    const a = await openTab();
    const b = await openTab();
    await seed(a.dbm, ['acme/alpha', 'acme/beta']);
    expect(await total(b)).toBe(2);
    const remote = b.next();
    await a.h.clearCatalog({}, ctx);
    expect(await total(a)).toBe(0);
    expect((await remote).tables).toContain('assets');
    expect(await total(b)).toBe(0);
  });

  it('two tabs importing at once take turns per batch and both see the union', async () => {
    const a = await openTab();
    const b = await openTab();
    expect(await total(a)).toBe(0);
    expect(await total(b)).toBe(0);
    const left = Array.from({ length: 12 }, (_, i) => `left/model-${i}`);
    const right = Array.from({ length: 12 }, (_, i) => `right/model-${i}`);
    const progress: ImportProgress[] = [];
    const typed: CallContext<ImportProgress> = {
      progress: (p) => progress.push(p),
      isCancelled: () => false,
    };
    const [ra, rb] = await Promise.all([
      a.importFiles({ files: left.map(card) }, typed, { write: a.writer.write }),
      b.importFiles({ files: right.map(card) }, ctx, { write: b.writer.write }),
    ]);
    expect(ra.summary.new).toBe(12);
    expect(rb.summary.new).toBe(12);
    expect(progress.at(-1)).toMatchObject({ filesDone: 12, filesTotal: 12 });
    // Each tab's engine has its own files and, from the other tab's broadcast, the other half.
    await a.writer.remoteSettled();
    await b.writer.remoteSettled();
    expect(await total(a)).toBe(24);
    expect(await total(b)).toBe(24);
    expect(await a.dbm.countAssets()).toBe(24);
    expect(a.events.some((e) => e.origin === 'remote' && e.keys?.includes('right/model-0'))).toBe(true);
    expect(b.events.some((e) => e.origin === 'remote' && e.keys?.includes('left/model-0'))).toBe(true);
  });
});
