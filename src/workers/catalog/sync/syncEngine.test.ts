import { afterEach, describe, expect, it, vi } from 'vitest';
// pouchdb-browser reads `self` (a browser global) when it loads; in Node that is the global object.
vi.hoisted(() => {
  (globalThis as { self?: unknown }).self ??= globalThis;
});
import PouchDB from 'pouchdb-browser';
import memoryAdapter from 'pouchdb-adapter-memory';
import { applySyncBatch, clearCatalog, getCuration, getSyncRows, readSyncScope, updateCuration } from '@/db';
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
  team: string;
  /** While set, the engine's reads of what a change touched wait for it (a slow read, in order). */
  hold?: Promise<void>;
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
  const m: Machine = { db, writer, events, local, team, engine: undefined as never };
  m.engine = engineOf(m);
  open.push(m);
  return m;
}

function engineOf(m: Machine): SyncEngine {
  return createSyncEngine({
    writer: m.writer,
    repo: {
      readSyncScope: async (t, k) => {
        await m.hold;
        return readSyncScope(t, k, m.db);
      },
      getSyncRows: (t, ids) => getSyncRows(t, ids, m.db),
      applySyncBatch: (b) => applySyncBatch(b, m.db),
    },
    openLocal: () => m.local,
    // Memory databases of one name share one store, and closing one closes it for every machine: an
    // engine that stops leaves the server open for the others (as a CouchDB server would be).
    openRemote: () => Object.assign(teamDb(m.team), { close: () => Promise.resolve() }),
    backOff: () => 20,
  });
}

function teamDb(team: string): LocalDb {
  return new PouchDB(team, { adapter: 'memory' });
}

/**
 * The page reloads: its worker (and engine) goes away mid-flight, without stopping anything, and a new
 * engine starts on the same catalog and mirror (as the app does when it opens with sync enabled).
 */
async function reload(m: Machine): Promise<void> {
  const old = m.engine;
  m.engine = engineOf(m);
  await old.stop();
}

/** A curation edit as the app makes it: through the machine's writer. */
function edit(m: Machine, key: string, patch: { notes?: string; tags?: string[] }) {
  return m.writer.write(
    () => updateCuration(key, patch, m.db),
    () => ({ tables: ['curation', 'audit'], keys: [key] }),
  );
}

/** Waits until the team's database holds `fields` in the document's row (`m` put it there). */
async function onServer(m: Machine, docId: string, fields: Record<string, unknown>): Promise<void> {
  await m.engine.settled();
  await vi.waitFor(
    async () => expect((await teamDb(m.team).get<{ row: unknown }>(docId)).row).toMatchObject(fields),
    { timeout: 5000 },
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

// Two machines and a server in memory, each step waiting for replication: well within 20 s on a busy machine.
describe('team sync engine', { timeout: 20_000 }, () => {
  /** Two members syncing one team database; A's note 'base' reached B, and B is up to date. */
  const twoMembersOnBase = async () => {
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
    await b.engine.settled();
    return { team, a, b };
  };

  /** B's tag and A's note, made on the same base, are a conflict both members see (neither lost). */
  const expectBothEditsKept = async (members: readonly Machine[]) => {
    const both = [
      { field: 'tags', values: expect.arrayContaining([[], ['b-tag']]) as unknown },
      { field: 'notes', values: expect.arrayContaining(['from A', 'base']) as unknown },
    ];
    for (const m of members)
      await vi.waitFor(
        async () => expect(await m.engine.conflicts('acme/tiny')).toEqual(expect.arrayContaining(both)),
        { timeout: 5000 },
      );
  };

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
    const { a, b } = await twoMembersOnBase();
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

  it('a page reloaded while the team’s newer revision waits in its mirror applies it, and puts no older row over it', async () => {
    // Member A tags an asset, then saves a note: two revisions. B's replication had brought the second into
    // B's mirror when B's page reloaded (its feed had not written it to the catalog yet).
    const team = `team-${counter++}`;
    const a = await machine(team);
    const b = await machine(team);
    await a.engine.start(config);
    await b.engine.start(config);
    await edit(a, 'acme/tiny', { tags: ['team-pick'] });
    await vi.waitFor(
      async () => expect((await getCuration('acme/tiny', b.db))?.tags).toEqual(['team-pick']),
      {
        timeout: 5000,
      },
    );
    await b.engine.settled();
    await reload(b); // the new engine is not started yet: the old page is gone, the new one loads
    await edit(a, 'acme/tiny', { notes: 'Checked by A' });
    await onServer(a, 'curation:acme/tiny', { notes: 'Checked by A' });
    await b.local.replicate.from(teamDb(team)); // what B's replication had stored before the reload
    await b.engine.start(config);
    await vi.waitFor(async () => expect((await getCuration('acme/tiny', b.db))?.notes).toBe('Checked by A'), {
      timeout: 5000,
    });
    await vi.waitFor(() => expect(b.engine.status().state).toBe('up-to-date'), { timeout: 5000 });
    await a.engine.settled();
    expect(await getCuration('acme/tiny', a.db)).toMatchObject({
      tags: ['team-pick'],
      notes: 'Checked by A',
    });
    expect(await a.engine.conflicts('acme/tiny')).toEqual([]);
    expect((await teamDb(team).get<{ row: { notes: string } }>('curation:acme/tiny')).row.notes).toBe(
      'Checked by A',
    );
  });

  it('a team revision that reaches the mirror while a local edit is being put is kept as a conflict, not overwritten', async () => {
    const { team, a, b } = await twoMembersOnBase();
    // B's replication is driven by hand from here; B's engine reads slowly (held).
    b.engine.setOnline(false);
    let release = () => {};
    b.hold = new Promise((r) => (release = r));
    const bEdit = edit(b, 'acme/tiny', { tags: ['b-tag'] });
    await bEdit; // committed and announced: B's engine is reading what it touched
    await edit(a, 'acme/tiny', { notes: 'from A' });
    await onServer(a, 'curation:acme/tiny', { notes: 'from A' });
    await b.local.replicate.from(teamDb(team)); // A's revision reaches B's mirror meanwhile
    release();
    b.hold = undefined;
    await b.engine.settled();
    b.engine.setOnline(true);
    await expectBothEditsKept([a, b]);
  });

  it('a team revision applied before a committed local edit is put does not overwrite that edit', async () => {
    const { team, a, b } = await twoMembersOnBase();
    b.engine.setOnline(false);
    // B's edit is committed; the writer announces it once this tab's search engine has taken it (later).
    await updateCuration('acme/tiny', { tags: ['b-tag'] }, b.db);
    await edit(a, 'acme/tiny', { notes: 'from A' });
    await onServer(a, 'curation:acme/tiny', { notes: 'from A' });
    await b.local.replicate.from(teamDb(team));
    // B's engine has handled A's revision (its checkpoint is past it) before B's edit is announced.
    const { update_seq } = await b.local.info();
    await vi.waitFor(
      async () => expect((await b.local.get<{ seq: unknown }>('_local/tarn-applied')).seq).toBe(update_seq),
      { timeout: 5000 },
    );
    await b.engine.settled();
    await b.writer.write(
      () => Promise.resolve(),
      () => ({ tables: ['curation', 'audit'], keys: ['acme/tiny'] }),
    );
    await b.engine.settled();
    b.engine.setOnline(true);
    await expectBothEditsKept([a, b]);
  });

  it('a catalog cleared in one browser deletes nothing for the team, and the team’s next edit arrives there', async () => {
    const team = `team-${counter++}`;
    const a = await machine(team);
    const b = await machine(team);
    await a.engine.start(config);
    await b.engine.start(config);
    await edit(a, 'acme/tiny', { notes: 'one' });
    await vi.waitFor(async () => expect((await getCuration('acme/tiny', b.db))?.notes).toBe('one'), {
      timeout: 5000,
    });
    await b.engine.settled();
    await b.writer.write(
      () => clearCatalog(b.db),
      () => ({ tables: ['assets', 'relations', 'curation', 'collections', 'edgeDecisions', 'savedViews'] }),
    );
    await b.engine.settled();
    expect(await getCuration('acme/tiny', b.db)).toBeUndefined();
    await edit(a, 'acme/tiny', { notes: 'two' });
    await vi.waitFor(async () => expect((await getCuration('acme/tiny', b.db))?.notes).toBe('two'), {
      timeout: 5000,
    });
    expect((await getCuration('acme/tiny', a.db))?.notes).toBe('two');
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
