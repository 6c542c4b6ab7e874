import { afterEach, describe, expect, it, vi } from 'vitest';
// pouchdb-browser reads `self` (a browser global) when it loads; in Node that is the global object.
vi.hoisted(() => {
  (globalThis as { self?: unknown }).self ??= globalThis;
});
import PouchDB from 'pouchdb-browser';
import memoryAdapter from 'pouchdb-adapter-memory';
import { getSyncRows, readSyncScope, applySyncBatch, updateCuration, getCuration } from '@/db';
import type { CatalogDb } from '@/db/schema';
import { openTestDb } from '@/testing/builders';
import type { CatalogChange } from '../../catalogEvents';
import { createCatalogWriter, createLocalLock, type CatalogWriter } from '../writer';
import { createSyncEngine, type LocalDb, type SyncEngine } from './syncEngine';

PouchDB.plugin(memoryAdapter);

type Machine = {
  db: CatalogDb;
  writer: CatalogWriter;
  engine: SyncEngine;
  events: CatalogChange[];
  local: LocalDb;
};

let counter = 0;
const open: Machine[] = [];

async function machine(team: string): Promise<Machine> {
  const db = await openTestDb('sync');
  const writer = createCatalogWriter({
    engine: { applyChange: async () => {}, resync: async () => {}, resetEmpty: async () => {} },
    lock: createLocalLock(),
    channel: () => undefined,
  });
  const events: CatalogChange[] = [];
  writer.subscribe((c) => events.push(c));
  const local = new PouchDB<{ kind: string; row: unknown }>(`local-${Date.now()}-${counter++}`, {
    adapter: 'memory',
  });
  const engine = createSyncEngine({
    writer,
    repo: {
      readSyncScope: (t, k) => readSyncScope(t, k, db),
      getSyncRows: (t, ids) => getSyncRows(t, ids, db),
      applySyncBatch: (b) => applySyncBatch(b, db),
    },
    openLocal: () => local,
    openRemote: () => new PouchDB(team, { adapter: 'memory' }),
    backOff: () => 20,
  });
  const m = { db, writer, engine, events, local };
  open.push(m);
  return m;
}

/** A curation edit as the app makes it: through the machine's writer. */
function edit(m: Machine, key: string, patch: { notes?: string; tags?: string[] }) {
  return m.writer.write(
    () => updateCuration(key, patch, m.db),
    () => ({ tables: ['curation', 'audit'], keys: [key] }),
  );
}

const config = { url: 'http://127.0.0.1:5985/team', user: '', password: '' };

afterEach(async () => {
  for (const m of open.splice(0)) {
    await m.engine.stop();
    m.writer.close();
    m.db.close();
  }
});

describe('team sync engine', () => {
  it('replicates a curation edit to another machine, through its writer, without echoing it back', async () => {
    const team = `team-${counter++}`;
    const a = await machine(team);
    const b = await machine(team);
    await a.engine.start(config);
    await b.engine.start(config);
    await edit(a, 'acme/tiny', { notes: 'from A', tags: ['nlp'] });
    await vi.waitFor(async () => expect((await getCuration('acme/tiny', b.db))?.notes).toBe('from A'), {
      timeout: 5000,
    });
    expect(b.events.some((e) => e.tables.includes('curation') && e.keys?.includes('acme/tiny'))).toBe(true);
    await vi.waitFor(() => expect(a.engine.status().state).toBe('up-to-date'), { timeout: 5000 });
    await b.engine.settled();
    // B applied the row; its writer's announcement was not put back as a new revision.
    const doc = await b.local.get('curation:acme/tiny');
    expect(doc._rev.startsWith('1-')).toBe(true);
    expect((await getCuration('acme/tiny', a.db))?.notes).toBe('from A');
  });

  it('keeps both values of a concurrent edit until a person picks one, and the pick replicates', async () => {
    const team = `team-${counter++}`;
    const a = await machine(team);
    const b = await machine(team);
    await a.engine.start(config);
    await b.engine.start(config);
    await edit(a, 'acme/tiny', { notes: 'base' });
    await vi.waitFor(async () => expect((await getCuration('acme/tiny', b.db))?.notes).toBe('base'), {
      timeout: 5000,
    });
    await vi.waitFor(() => expect(b.engine.status().state).toBe('up-to-date'), { timeout: 5000 });
    a.engine.setOnline(false);
    b.engine.setOnline(false);
    await edit(a, 'acme/tiny', { notes: 'note from A' });
    await edit(b, 'acme/tiny', { notes: 'note from B' });
    await a.engine.settled();
    await b.engine.settled();
    expect(a.engine.status()).toMatchObject({ state: 'offline', pending: 1 });
    a.engine.setOnline(true);
    b.engine.setOnline(true);
    const both = [
      { field: 'notes', values: expect.arrayContaining(['note from A', 'note from B']) as unknown },
    ];
    await vi.waitFor(async () => expect(await a.engine.conflicts('acme/tiny')).toEqual(both), {
      timeout: 5000,
    });
    await vi.waitFor(async () => expect(await b.engine.conflicts('acme/tiny')).toEqual(both), {
      timeout: 5000,
    });
    // Both machines show the same winner meanwhile; the other value is kept as a revision.
    await vi.waitFor(
      async () =>
        expect((await getCuration('acme/tiny', a.db))?.notes).toBe(
          (await getCuration('acme/tiny', b.db))?.notes,
        ),
      { timeout: 5000 },
    );
    expect(await a.engine.resolve('acme/tiny', 'notes', 'note from B')).toEqual([]);
    expect((await getCuration('acme/tiny', a.db))?.notes).toBe('note from B');
    await vi.waitFor(async () => expect(await b.engine.conflicts('acme/tiny')).toEqual([]), {
      timeout: 5000,
    });
    await vi.waitFor(async () => expect((await getCuration('acme/tiny', b.db))?.notes).toBe('note from B'), {
      timeout: 5000,
    });
  });

  it('reports the server’s message for a rejected URL and makes no request', async () => {
    const a = await machine(`team-${counter++}`);
    const s = await a.engine.start({ url: 'http://admin:pw@127.0.0.1:5985/team', user: '', password: '' });
    expect(s).toMatchObject({
      state: 'error',
      error: 'Put the user and password in their own fields, not in the URL',
    });
  });
});
