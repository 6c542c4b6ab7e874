/**
 * Live team sync through CouchDB, hosted by the catalog worker. A local PouchDB (its own IndexedDB
 * database) mirrors the replicated tables, one document per row (core/sync/docs.ts), and PouchDB's
 * replicator keeps it in step with the team's CouchDB database, both ways, live, with retry.
 *
 * - Tarn → Pouch: every change the writer announces (this tab's writes and other tabs') is read back from
 *   the tables and put into Pouch where it differs.
 * - Pouch → Tarn: the local changes feed delivers what arrived from the team; it is written through the
 *   one writer (`applySyncBatch`), so every tab hears of it and the search engine updates.
 * - Each document's base: the revision this browser's row stands for (the team's revision written to
 *   Tarn, or the one this engine put) and the row's hash. A row that still hashes to its base is no local
 *   edit, so the writer's announcement of a team row is not put back (no echo); a revision this engine put
 *   is remembered, so the changes feed does not write it back to Tarn either.
 * - A local edit is put as a child of its base, not of whatever the mirror holds by then: if a newer team
 *   revision arrived meanwhile (replication runs on its own), the two become a conflict and both are kept,
 *   instead of the older row being put on top of the revision it never saw. Likewise a team revision is
 *   not written over a local edit not yet put (the edit's put follows and makes them a conflict).
 * - On start, what reached the mirror since the last checkpoint is written to Tarn first (the mirror is
 *   ahead there: a page that reloaded while its replication had stored revisions not yet applied), then
 *   this browser's rows that differ are put.
 * - Conflicts (two machines edited one asset's curation): PouchDB keeps every revision; the asset page
 *   lists the differing fields, and the person's choice is written and the losing revisions removed.
 *
 * Credentials live only in this engine's memory (the window keeps them in localStorage for its origin)
 * and go to PouchDB as `auth`, never into a URL or a log line.
 */
import type { CatalogChange, CatalogTable } from '../../catalogEvents';
import type { CatalogWriter, CommittedWrite } from '../writer';
import {
  childRevision,
  contentHash,
  curationConflicts,
  docIdOf,
  docToRow,
  parseDocId,
  resolveField,
  rowIdOf,
  rowToDoc,
  stableJson,
  SYNC_TABLES,
  type ConflictField,
  type FieldConflict,
  type FieldValue,
  type SyncDoc,
  type SyncRowOf,
  type SyncTable,
} from '@/core/sync/docs';
import type { CurationRow } from '@/core/catalog/rows';
import type { SyncBatch } from '@/db/syncRepo';
import type {} from 'pouchdb-browser';

export type SyncConfig = { url: string; user: string; password: string };
export type SyncState = 'idle' | 'syncing' | 'up-to-date' | 'offline' | 'error';
export type SyncStatus = {
  state: SyncState;
  /** Local changes not yet confirmed on the server. */
  pending: number;
  /** The server's message (state `error`). */
  error?: string;
  /** The origin syncing with (never the credentials). */
  origin?: string;
  /** Another tab of this browser replicates; the state is that tab's (see tabSync.ts). */
  elsewhere?: boolean;
};

type AnyRow = SyncRowOf[SyncTable];
type Body = { kind: string; row: unknown };
export type LocalDb = PouchDB.Database<Body>;

/** What the engine needs from the database module (bound to the catalog's database). */
export type SyncRepo = {
  readSyncScope: (
    table: SyncTable,
    assetKeys: readonly string[] | undefined,
  ) => Promise<{ rows: AnyRow[]; askedIds?: string[] }>;
  getSyncRows: (table: SyncTable, ids: readonly string[]) => Promise<(AnyRow | undefined)[]>;
  applySyncBatch: (batch: SyncBatch) => Promise<void>;
};

export type SyncEngineDeps = {
  writer: CatalogWriter;
  repo: SyncRepo;
  /** This browser's Pouch mirror. */
  openLocal: () => LocalDb;
  /** The team's database (a CouchDB URL with `auth` in the browser; a memory database in tests). */
  openRemote: (config: SyncConfig) => LocalDb;
  /** Retry delay after a failed request (ms, given the last one). */
  backOff?: (last: number) => number;
  now?: () => string;
};

export type SyncEngine = {
  start: (config: SyncConfig) => Promise<SyncStatus>;
  stop: () => Promise<SyncStatus>;
  status: () => SyncStatus;
  /** The window's network state (offline: replication pauses instead of failing requests). */
  setOnline: (online: boolean) => SyncStatus;
  /** Fields of one asset's curation that differ between conflicting revisions. */
  conflicts: (assetKey: string) => Promise<FieldConflict[]>;
  /** Keeps `value` for `field` of the asset's curation: written, replicated, losing revisions removed. */
  resolve: (assetKey: string, field: ConflictField, value: FieldValue) => Promise<FieldConflict[]>;
  /** Resolves when every queued change (both directions) is handled (tests). */
  settled: () => Promise<void>;
};

const CHECKPOINT_ID = '_local/tarn-applied';
/** Changes read per step when catching up on start. */
const CATCH_UP_BATCH = 500;
/** A base's hash when the row is gone. */
const GONE = '';
const DEFAULT_BACK_OFF = (last: number) => (last === 0 ? 500 : Math.min(last * 2, 5000));
const RANGE_END = '\ufff0';

function isSyncTable(t: CatalogTable): t is SyncTable {
  return (SYNC_TABLES as readonly string[]).includes(t);
}

/** The asset a replicated row belongs to. */
function assetKeyOf(table: SyncTable, row: AnyRow): string | undefined {
  switch (table) {
    case 'curation':
    case 'assets':
      return (row as { key: string }).key;
    case 'relations':
      return (row as SyncRowOf['relations']).childKey;
    case 'edgeDecisions':
      return (row as SyncRowOf['edgeDecisions']).id.split('|')[0];
    default:
      return undefined;
  }
}

function errorStatus(e: unknown): number | undefined {
  const s = (e as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

/** The server's words for a failure (CouchDB's `reason`), without anything from the request. */
function errorMessage(e: unknown): string {
  const r = e as { reason?: unknown; message?: unknown; name?: unknown } | null;
  if (typeof r?.reason === 'string' && r.reason !== '') return r.reason;
  if (typeof r?.message === 'string' && r.message !== '') return r.message;
  if (typeof r?.name === 'string') return r.name;
  return 'sync failed';
}

/** A failure that says the server answered (an HTTP status), not that it could not be reached. */
function isServerError(e: unknown): boolean {
  const s = errorStatus(e);
  return s !== undefined && s >= 400;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Checks a CouchDB database URL: http(s), no credentials or query in it. */
export function checkSyncUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'The CouchDB URL is not a URL';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return 'The CouchDB URL must start with http:// or https://';
  if (u.username !== '' || u.password !== '')
    return 'Put the user and password in their own fields, not in the URL';
  if (u.pathname === '/' || u.pathname === '') return 'The CouchDB URL must name a database (…/<database>)';
  return undefined;
}

type Replication = PouchDB.Replication.Replication<Body>;
/** The event side of a replication or changes feed (both are also promises). */
type Emitter = { on: (event: string, fn: (arg: unknown) => void) => unknown };

/** The revision a row of Tarn stands for, and the hash of that row (`GONE`: deleted). */
type Base = { rev: string; hash: string };

type Write = SyncDoc & { _rev: string; _revisions: { start: number; ids: string[] }; _deleted?: boolean };

type Session = {
  config: SyncConfig;
  remote: LocalDb;
  push?: Replication;
  pull?: Replication;
  feed?: PouchDB.Core.Changes<Body>;
};

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const now = deps.now ?? (() => new Date().toISOString());
  let local: LocalDb | undefined;
  const localDb = () => (local ??= deps.openLocal());

  let session: Session | undefined;
  let online = true;
  let fatal: string | undefined;
  let requestError: unknown;
  let pushPaused = true;
  let pullPaused = true;
  /** Doc ids put locally and not yet confirmed pushed. */
  const pending = new Set<string>();
  /** `id@rev` of revisions this engine put into Pouch (not to be written back to Tarn). */
  const ownRevs = new Set<string>();
  /**
   * Doc id → the revision Tarn's row stands for and the row's hash. A row differing from its base is a local
   * edit not put yet; only a doc whose base is a row may be deleted in Pouch when the row goes.
   */
  const bases = new Map<string, Base>();
  /** Curation doc ids currently in conflict. */
  const conflicted = new Set<string>();
  let queue: Promise<void> = Promise.resolve();
  let unsubscribe: (() => void) | undefined;
  let incoming: PouchDB.Core.ChangesResponseChange<Body>[] = [];
  let flushQueued = false;

  const enqueue = (fn: () => Promise<void>): Promise<void> => {
    const run = queue.then(fn);
    queue = run.catch((e: unknown) => {
      console.warn('team sync step failed:', errorMessage(e));
    });
    return run;
  };

  const status = (): SyncStatus => {
    if (!session) return { state: 'idle', pending: pending.size };
    const origin = originOf(session.config.url);
    const base = { pending: pending.size, ...(origin ? { origin } : {}) };
    if (fatal !== undefined) return { state: 'error', error: fatal, ...base };
    if (!online) return { state: 'offline', ...base };
    if (requestError !== undefined)
      return isServerError(requestError)
        ? { state: 'error', error: errorMessage(requestError), ...base }
        : { state: 'offline', ...base };
    if (pushPaused && pullPaused && pending.size === 0) return { state: 'up-to-date', ...base };
    return { state: 'syncing', ...base };
  };

  // ---------------------------------------------------------------------------------------------
  // Tarn → Pouch

  /** The Pouch docs a scope covers: exact ids, or id ranges (a table, or an asset's relations). */
  const coveredDocs = async (
    table: SyncTable,
    assetKeys: readonly string[] | undefined,
    askedIds: readonly string[] | undefined,
    wantedIds: readonly string[],
  ): Promise<Map<string, PouchDB.Core.ExistingDocument<Body>>> => {
    const db = localDb();
    const out = new Map<string, PouchDB.Core.ExistingDocument<Body>>();
    type Row = { id?: string; doc?: PouchDB.Core.ExistingDocument<Body> | null } | { error: string };
    const take = (res: { rows: readonly Row[] }) => {
      for (const r of res.rows) if ('doc' in r && r.doc && r.id !== undefined) out.set(r.id, r.doc);
    };
    if (askedIds) {
      take(
        await db.allDocs({
          keys: [...new Set([...askedIds.map((k) => docIdOf(table, k)), ...wantedIds])],
          include_docs: true,
        }),
      );
    } else if (assetKeys && (table === 'relations' || table === 'edgeDecisions')) {
      for (const k of assetKeys) {
        const start = docIdOf(table, `${k}|`);
        take(await db.allDocs({ startkey: start, endkey: start + RANGE_END, include_docs: true }));
      }
    } else {
      const start = docIdOf(table, '');
      take(await db.allDocs({ startkey: start, endkey: start + RANGE_END, include_docs: true }));
    }
    return out;
  };

  const rememberPut = (results: (PouchDB.Core.Response | PouchDB.Core.Error)[]) => {
    for (const r of results) {
      if ('ok' in r && r.ok) {
        ownRevs.add(`${r.id}@${r.rev}`);
        pending.add(r.id);
      } else {
        console.warn('team sync could not store a change:', errorMessage(r));
      }
    }
  };

  /** The write of a row (null: its deletion) as a child of `base`. */
  const childOf = (docId: string, kind: string, row: unknown, base: string | undefined): Write => {
    const body = row === null ? { kind, row: null, _deleted: true } : { kind, row };
    return { _id: docId, ...body, ...childRevision(base, body) };
  };

  /** Puts revisions whose ids this engine chose (`new_edits: false` answers only the failures). */
  const putChildren = async (writes: readonly { write: Write; hash: string }[]) => {
    if (writes.length === 0) return;
    const failed = await localDb().bulkDocs(
      writes.map((w) => w.write),
      { new_edits: false },
    );
    const bad = new Set<string>();
    for (const r of failed) {
      if ('error' in r && r.error) {
        console.warn('team sync could not store a change:', errorMessage(r));
        if (r.id !== undefined) bad.add(r.id);
      }
    }
    for (const { write, hash } of writes) {
      if (bad.has(write._id)) continue;
      ownRevs.add(`${write._id}@${write._rev}`);
      pending.add(write._id);
      bases.set(write._id, { rev: write._rev, hash });
    }
  };

  /**
   * Puts the local edits among the rows a catalog change touched; `deletions`: rows gone are removed.
   * `sweep` (on start, after catching up): a row without a base stands for the mirror's revision.
   */
  const pushLocal = async (
    change: { tables: readonly CatalogTable[]; keys?: readonly string[] },
    opts: { deletions: boolean; sweep?: boolean },
  ) => {
    for (const table of change.tables.filter(isSyncTable)) {
      const scope = await deps.repo.readSyncScope(table, change.keys);
      const wanted = scope.rows.map((row) => rowToDoc(table, row as never));
      const existing = await coveredDocs(
        table,
        change.keys,
        scope.askedIds,
        wanted.map((d) => d._id),
      );
      const writes: { write: Write; hash: string }[] = [];
      const wantedIds = new Set<string>();
      for (const doc of wanted) {
        wantedIds.add(doc._id);
        const json = stableJson(doc.row);
        const hash = contentHash(json);
        const base = bases.get(doc._id);
        if (base?.hash === hash) continue; // no local edit (a team row announced back, or put already)
        const ex = existing.get(doc._id);
        if (ex && stableJson(ex.row) === json) {
          bases.set(doc._id, { rev: ex._rev, hash });
          continue;
        }
        // On a base the mirror has moved past (a team revision not applied yet), this makes a conflict.
        const parent = base?.rev ?? (opts.sweep ? ex?._rev : undefined);
        writes.push({ write: childOf(doc._id, doc.kind, doc.row, parent), hash });
      }
      for (const [id, ex] of existing) {
        const base = bases.get(id);
        if (wantedIds.has(id) || base === undefined || base.hash === GONE) continue;
        if (opts.deletions) writes.push({ write: childOf(id, ex.kind, null, base.rev), hash: GONE });
        // Gone from this browser only (a clear): no deletion pending, and the team's next revision applies.
        else bases.set(id, { rev: base.rev, hash: GONE });
      }
      await putChildren(writes);
    }
  };

  const onCatalogChange = (change: CatalogChange) => {
    if (!session || !change.tables.some(isSyncTable)) return;
    // A clear (every table, no keys) empties this browser only: nothing is deleted for the team.
    const deletions = !(change.keys === undefined && change.tables.includes('assets'));
    void enqueue(() => pushLocal(change, { deletions }));
  };

  // ---------------------------------------------------------------------------------------------
  // Pouch → Tarn

  const flushIncoming = () => {
    flushQueued = false;
    const batch = incoming;
    incoming = [];
    return applyChanges(batch, false);
  };

  /**
   * Writes what arrived in the mirror to Tarn (the winning revisions), then saves the checkpoint past it.
   * A row with a local edit not put yet is left alone: its put follows and makes the two a conflict.
   * `catchUp` (on start): a row without a base is taken to be behind the mirror.
   */
  const applyChanges = async (
    batch: readonly PouchDB.Core.ChangesResponseChange<Body>[],
    catchUp: boolean,
  ) => {
    if (batch.length === 0) return;
    const touched = new Set<string>();
    const candidates = new Map<
      string,
      { table: SyncTable; rowId: string; row: AnyRow | null; rev: string }
    >();
    for (const c of batch) {
      const doc = c.doc;
      if (c.id.startsWith('_')) continue;
      const hasConflicts = (doc?._conflicts?.length ?? 0) > 0;
      const id = parseDocId(c.id);
      if (id?.table === 'curation' && (hasConflicts || conflicted.has(c.id))) {
        if (hasConflicts) conflicted.add(c.id);
        else conflicted.delete(c.id);
        touched.add(id.rowId);
      }
      const rev = doc?._rev ?? c.changes[0]?.rev;
      if (rev === undefined || ownRevs.delete(`${c.id}@${rev}`)) continue;
      if (c.deleted) {
        if (id) candidates.set(c.id, { ...id, row: null, rev });
        continue;
      }
      const parsed = doc ? docToRow(doc) : undefined;
      if (parsed) candidates.set(c.id, { ...parsed, rev });
    }
    const last = batch[batch.length - 1];
    const write = async () => {
      const out: SyncBatch = { puts: [], deletes: [] };
      for (const table of SYNC_TABLES) {
        const items = [...candidates.entries()].filter(([, c]) => c.table === table);
        if (items.length === 0) continue;
        const current = await deps.repo.getSyncRows(
          table,
          items.map(([, c]) => c.rowId),
        );
        items.forEach(([docId, c], i) => {
          const cur = current[i];
          const curHash = cur === undefined ? GONE : contentHash(stableJson(cur));
          const base = bases.get(docId);
          const localEdit = base ? base.hash !== curHash : !catchUp && cur !== undefined;
          if (localEdit) return;
          if (c.row === null) {
            if (cur !== undefined) out.deletes.push({ table, id: c.rowId });
            bases.set(docId, { rev: c.rev, hash: GONE });
          } else {
            const hash = contentHash(stableJson(c.row));
            bases.set(docId, { rev: c.rev, hash });
            if (hash !== curHash) out.puts.push({ table, row: c.row });
          }
        });
      }
      if (out.puts.length > 0 || out.deletes.length > 0) await deps.repo.applySyncBatch(out);
      return out;
    };
    await deps.writer.write(write, (out) => changeOf(out, touched));
    if (last) await saveCheckpoint(last.seq);
  };

  /** Writes to Tarn what reached the mirror since the checkpoint; answers the last sequence read. */
  const catchUp = async (since: number | string): Promise<number | string> => {
    let seq = since;
    for (;;) {
      const res = await localDb().changes({
        since: seq,
        limit: CATCH_UP_BATCH,
        include_docs: true,
        conflicts: true,
      });
      if (res.results.length === 0) return seq;
      await applyChanges(res.results, true);
      seq = res.last_seq;
    }
  };

  const changeOf = (out: SyncBatch, touched: ReadonlySet<string>): CommittedWrite | undefined => {
    const tables = new Set<CatalogTable>();
    const keys = new Set<string>(touched);
    const searchKeys = new Set<string>();
    let keyless = false;
    for (const p of out.puts) {
      tables.add(p.table);
      const k = assetKeyOf(p.table, p.row);
      if (k !== undefined) keys.add(k);
      else keyless = true;
      if (k !== undefined && (p.table === 'assets' || p.table === 'relations')) searchKeys.add(k);
    }
    for (const d of out.deletes) {
      tables.add(d.table);
      const k = d.table === 'curation' || d.table === 'assets' ? d.id : d.id.split('|')[0];
      if (k !== undefined && d.table !== 'collections' && d.table !== 'savedViews') keys.add(k);
      else keyless = true;
      if (k !== undefined && (d.table === 'assets' || d.table === 'relations')) searchKeys.add(k);
    }
    if (out.puts.some((p) => p.table === 'curation')) tables.add('audit');
    if (touched.size > 0) tables.add('curation');
    if (tables.size === 0) return undefined;
    return {
      tables: [...tables],
      ...(keyless || keys.size === 0 ? {} : { keys: [...keys] }),
      ...(searchKeys.size > 0 ? { search: { keys: [...searchKeys] } } : {}),
    };
  };

  const saveCheckpoint = async (seq: number | string) => {
    const db = localDb();
    try {
      const prev = await db.get<{ seq: number | string }>(CHECKPOINT_ID).catch(() => undefined);
      await db.put({ _id: CHECKPOINT_ID, ...(prev ? { _rev: prev._rev } : {}), seq } as never);
    } catch (e) {
      console.warn('team sync checkpoint not saved:', errorMessage(e));
    }
  };

  const readCheckpoint = async (): Promise<number | string> => {
    try {
      const doc = await localDb().get<{ seq: number | string }>(CHECKPOINT_ID);
      return doc.seq;
    } catch {
      return 0;
    }
  };

  const onIncoming = (c: PouchDB.Core.ChangesResponseChange<Body>) => {
    incoming.push(c);
    if (flushQueued) return;
    flushQueued = true;
    void enqueue(flushIncoming);
  };

  // ---------------------------------------------------------------------------------------------
  // Replication

  const replicate = (s: Session) => {
    const db = localDb();
    const opts: PouchDB.Replication.ReplicateOptions = {
      live: true,
      retry: true,
      batch_size: 200,
      back_off_function: deps.backOff ?? DEFAULT_BACK_OFF,
    };
    const wire = (rep: Replication, side: 'push' | 'pull') => {
      const setPaused = (p: boolean) => {
        if (side === 'push') pushPaused = p;
        else pullPaused = p;
      };
      // A replication is also a promise: its failure is reported through 'error' below, not as a rejection.
      rep.catch(() => undefined);
      const emitter = rep as unknown as Emitter;
      // Events of a replication cancelled since (offline, stop) say nothing about the current one.
      const ev = {
        on: (event: string, fn: (arg: unknown) => void) =>
          emitter.on(event, (arg) => {
            if (s.push === rep || s.pull === rep) fn(arg);
          }),
      };
      ev.on('active', () => {
        setPaused(false);
        requestError = undefined;
      });
      ev.on('paused', (err) => {
        setPaused(true);
        if (err) requestError = err;
        else {
          requestError = undefined;
          if (side === 'push') pending.clear();
        }
      });
      ev.on('change', (info) => {
        requestError = undefined;
        if (side === 'push')
          for (const d of (info as PouchDB.Replication.ReplicationResult<Body>).docs) pending.delete(d._id);
      });
      ev.on('requestError', (err) => {
        requestError = err;
      });
      ev.on('denied', (err) => {
        fatal = errorMessage(err);
      });
      ev.on('error', (err) => {
        fatal = errorMessage(err);
      });
      return rep;
    };
    pushPaused = false;
    pullPaused = false;
    s.push = wire(db.replicate.to(s.remote, opts), 'push');
    s.pull = wire(db.replicate.from(s.remote, opts), 'pull');
  };

  const cancelReplication = (s: Session) => {
    const { push, pull } = s;
    delete s.push;
    delete s.pull;
    push?.cancel();
    pull?.cancel();
    pushPaused = true;
    pullPaused = true;
  };

  const stopSession = async () => {
    const s = session;
    session = undefined;
    unsubscribe?.();
    unsubscribe = undefined;
    if (!s) return;
    cancelReplication(s);
    s.feed?.cancel();
    await queue;
    await s.remote.close().catch(() => undefined);
  };

  const conflictLeaves = async (
    docId: string,
  ): Promise<
    { winner: PouchDB.Core.ExistingDocument<Body>; losers: PouchDB.Core.ExistingDocument<Body>[] } | undefined
  > => {
    const db = localDb();
    let winner: PouchDB.Core.ExistingDocument<Body> & PouchDB.Core.GetMeta;
    try {
      winner = await db.get(docId, { conflicts: true });
    } catch {
      return undefined;
    }
    const losers = await Promise.all((winner._conflicts ?? []).map((rev) => db.get(docId, { rev })));
    return { winner, losers };
  };

  const curationOf = (doc: PouchDB.Core.ExistingDocument<Body>): CurationRow | undefined => {
    const parsed = docToRow(doc);
    return parsed?.table === 'curation' ? (parsed.row as CurationRow) : undefined;
  };

  const conflictsOf = async (assetKey: string): Promise<FieldConflict[]> => {
    const leaves = await conflictLeaves(docIdOf('curation', assetKey));
    if (!leaves || leaves.losers.length === 0) return [];
    const rows = [leaves.winner, ...leaves.losers].map(curationOf);
    return curationConflicts(rows.filter((r): r is CurationRow => r !== undefined));
  };

  return {
    start: async (config) => {
      const bad = checkSyncUrl(config.url);
      await stopSession();
      fatal = undefined;
      requestError = undefined;
      if (bad) {
        session = { config, remote: localDb() };
        fatal = bad;
        return status();
      }
      const s: Session = { config, remote: deps.openRemote(config) };
      session = s;
      try {
        await s.remote.info();
      } catch (e) {
        if (isServerError(e)) {
          fatal = errorMessage(e);
          return status();
        }
        requestError = e;
      }
      unsubscribe = deps.writer.subscribe(onCatalogChange);
      incoming = [];
      // What reached the mirror and is not in Tarn yet first, then this browser's rows that differ.
      let since: number | string = 0;
      await enqueue(async () => {
        since = await catchUp(await readCheckpoint());
      });
      await enqueue(() => pushLocal({ tables: SYNC_TABLES }, { deletions: false, sweep: true }));
      if (session !== s) return status();
      s.feed = localDb().changes({
        since,
        live: true,
        include_docs: true,
        conflicts: true,
        return_docs: false,
      });
      s.feed.catch(() => undefined);
      const feed = s.feed as unknown as Emitter;
      feed.on('change', (c) => onIncoming(c as PouchDB.Core.ChangesResponseChange<Body>));
      feed.on('error', (e) => {
        fatal = errorMessage(e);
      });
      if (online) replicate(s);
      return status();
    },
    stop: async () => {
      await stopSession();
      fatal = undefined;
      requestError = undefined;
      return status();
    },
    status,
    setOnline: (next) => {
      if (next === online) return status();
      online = next;
      const s = session;
      if (s && fatal === undefined) {
        if (!next) cancelReplication(s);
        else {
          requestError = undefined;
          replicate(s);
        }
      }
      return status();
    },
    conflicts: conflictsOf,
    resolve: async (assetKey, field, value) => {
      const docId = docIdOf('curation', assetKey);
      await enqueue(async () => {
        const leaves = await conflictLeaves(docId);
        const winnerRow = leaves ? curationOf(leaves.winner) : undefined;
        if (!leaves || !winnerRow || leaves.losers.length === 0) return;
        const loserRows = leaves.losers.map(curationOf);
        const { winner, losers } = resolveField(
          [winnerRow, ...loserRows.filter((r): r is CurationRow => r !== undefined)],
          field,
          value,
          now(),
        );
        let li = 0;
        const writes: (SyncDoc & { _rev: string; _deleted?: boolean })[] = [
          { ...rowToDoc('curation', winner), _rev: leaves.winner._rev },
        ];
        leaves.losers.forEach((doc, i) => {
          if (loserRows[i] === undefined) {
            writes.push({ _id: docId, _rev: doc._rev, _deleted: true, kind: doc.kind, row: null });
            return;
          }
          const next = losers[li++];
          writes.push(
            next
              ? { ...rowToDoc('curation', next), _rev: doc._rev }
              : { _id: docId, _rev: doc._rev, _deleted: true, kind: doc.kind, row: null },
          );
        });
        const results = await localDb().bulkDocs(writes);
        rememberPut(results);
        const put = results[0];
        if (put && 'ok' in put && put.ok && put.rev !== undefined)
          bases.set(docId, { rev: put.rev, hash: contentHash(stableJson(winner)) });
        await deps.writer.write(
          () => deps.repo.applySyncBatch({ puts: [{ table: 'curation', row: winner }], deletes: [] }),
          () => ({ tables: ['curation', 'audit'], keys: [rowIdOf('curation', winner)] }),
        );
      });
      return conflictsOf(assetKey);
    },
    settled: () => queue,
  };
}
