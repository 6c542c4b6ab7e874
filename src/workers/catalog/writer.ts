/**
 * The catalog's single writer. Every write of this tab (import batches, restores, curation, edge
 * decisions, deletions and undo, clear, saved views, settings) runs through `write()`:
 *
 * 1. under the cross-tab write lock (a Web Lock when the platform has `navigator.locks`, an in-thread
 *    queue otherwise), so the writers of every tab take turns, one transaction at a time;
 * 2. after the commit, the change is posted on a BroadcastChannel (`{ tables, keys, search }`), applied
 *    to this tab's search engine, and announced to this tab's window (origin 'local');
 * 3. the writers of other tabs receive the broadcast, apply it to their engine (by keys when known,
 *    else a resync) and announce it to their window (origin 'remote').
 *
 * Each write also posts a 'writing' notice once it holds the lock, so a reader in another tab can wait
 * for the write's broadcast (`remoteSettled`) instead of finding the catalog changed under its engine
 * (which would make the engine rebuild everything).
 *
 * A write that hands its engine the records it stored (`search.stored`: import and subscription batches)
 * hands them to the other tabs too, so their engines need not read them back (a read there would also
 * hold up this tab's next write transaction on the same tables). Only when another tab is known to be
 * there: each writer says 'hello' when it opens the channel and the others answer 'here'.
 *
 * A long run of writes (a subscription storing its shards) marks each write `partOfRun` and ends with
 * `endRun()`: every tab's engine then applies the run's changes as they come but defers its passes over
 * every row (persisting, warming, rebuilding on a moved stamp) to the run's end, and readers in other
 * tabs are served the rows applied so far rather than waiting for the run's next write.
 */
import type { CatalogChange, CatalogTable } from '../catalogEvents';
import type { StoredChange } from './search';

/** Runs `fn` while holding the catalog write lock. */
export type WriteLock = <T>(fn: () => Promise<T>) => Promise<T>;

/** The subset of BroadcastChannel the writer uses (tests pass Node's own or a fake). */
export type ChannelLike = {
  postMessage: (msg: unknown) => void;
  addEventListener: (type: 'message', fn: (e: MessageEvent) => void) => void;
  close: () => void;
};

/** The engine calls a write needs (search.ts exports them). */
export type EngineHooks = {
  applyChange: (change: StoredChange) => Promise<void>;
  resync: () => Promise<void>;
  resetEmpty: () => Promise<void>;
  /** A long run of writes goes on for up to `ms` more (0: it ended); see `CatalogEngine.expectMoreWrites`. */
  expectMoreWrites?: (ms: number) => void;
};

/** What a committed write changed. */
export type CommittedWrite = {
  tables: readonly CatalogTable[];
  /** Asset keys concerned, when known (absent: possibly any). */
  keys?: readonly string[];
  /**
   * What the search engine must do: apply these stored changes (rows of these keys), rebuild from the
   * database, or start empty (after a clear). Absent: the catalog rows did not change.
   */
  search?: StoredChange | 'resync' | 'reset';
};

/** What a write changed, as other tabs receive it. */
type WireChange = {
  tables: CatalogTable[];
  keys?: string[];
  /** `stored`: the records as written (see StoredChange), when another tab is there to take them. */
  search?: { keys: string[]; stored?: StoredChange['stored'] } | 'resync';
};

/** The message other tabs' writers receive. */
type WireMessage =
  | { type: 'writing'; from: string; seq: number }
  | {
      type: 'written';
      from: string;
      seq: number;
      /** Absent when the write changed nothing (or failed). */
      change?: WireChange;
      /** One write of a long run: more follow until a 'run-end'. */
      more?: true;
    }
  | { type: 'run-end'; from: string; seq: number }
  /** A writer opened the channel ('hello'), or answers one ('here'): another tab is there. */
  | { type: 'hello'; from: string; seq: number }
  | { type: 'here'; from: string; seq: number };

export type CatalogWriter = {
  /**
   * Runs one write under the lock; `changeOf` says what it changed (undefined: nothing). Resolves with
   * the write's value once the change is applied to this tab's engine and announced; with `background`,
   * once it is committed and broadcast (this tab's engine applies it meanwhile, in order: `idle`).
   */
  write: <T>(
    fn: () => Promise<T>,
    changeOf: (value: T) => CommittedWrite | undefined,
    opts?: WriteOptions,
  ) => Promise<T>;
  /** Resolves when every committed write is applied to this tab's engine and announced. */
  idle: () => Promise<void>;
  /** Subscribes to this tab's change events (local and remote); starts listening to other tabs. */
  subscribe: (listener: (change: CatalogChange) => void) => () => void;
  /** Ends this tab's long run of writes (see `WriteOptions.partOfRun`), here and in other tabs. */
  endRun: () => void;
  /**
   * Resolves when no write another tab has started is waiting for its broadcast; at once while another
   * tab's long run of writes goes on (its rows so far are what there is to show).
   */
  remoteSettled: () => Promise<void>;
  /** Stops listening (tests). */
  close: () => void;
};

export type WriteOptions = {
  /**
   * Resolve once committed: the engine update runs while the caller goes on (an import stores its next
   * batch while the engine indexes the last one). Updates and events still follow the writes' order.
   */
  background?: boolean;
  /**
   * One write of a long run (a subscription's shards): more follow, and `endRun()` ends the run. Every
   * tab's engine defers its whole-catalog passes until then.
   */
  partOfRun?: boolean;
};

/** The lock name every tab's writer requests. */
export const WRITE_LOCK = 'tarn-catalog-write';
/** The BroadcastChannel name writers announce on. */
export const WRITE_CHANNEL = 'tarn-catalog';
/** How long a started remote write may go unannounced before readers stop waiting (its tab died). */
const REMOTE_WRITE_PATIENCE_MS = 5000;
/** How long a run of writes may go without its next write before engines stop waiting for it (its tab died). */
const RUN_PATIENCE_MS = 30_000;

/** A lock that queues the callers of this thread only (no other tab can take part). */
export function createLocalLock(): WriteLock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

type LockManagerLike = {
  request: <T>(name: string, cb: () => Promise<T>) => Promise<T>;
};

function platformLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : undefined;
}

/** The cross-tab write lock: a Web Lock when `navigator.locks` exists, else an in-thread queue. */
export function createWriteLock(name: string = WRITE_LOCK): WriteLock {
  const locks = platformLocks();
  if (!locks) return createLocalLock();
  return <T>(fn: () => Promise<T>) => locks.request(name, fn);
}

/** A BroadcastChannel when the platform has one (Node 20 and every browser do). */
export function openChannel(name: string = WRITE_CHANNEL): ChannelLike | undefined {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
}

function searchKeys(search: StoredChange): string[] {
  const keys = new Set(search.keys);
  for (const a of search.created?.assets ?? []) keys.add(a.key);
  return [...keys];
}

/** Beyond this many keys, other tabs rebuild rather than read every row back (a big restore). */
const MAX_WIRE_KEYS = 20_000;

/** The change as other tabs receive it; `withRecords`: with the stored records, when there are any. */
function toWire(change: CommittedWrite, withRecords: boolean): WireChange {
  const s = change.search;
  const keys = s === undefined || typeof s === 'string' ? undefined : searchKeys(s);
  const big = keys !== undefined && keys.length > MAX_WIRE_KEYS;
  const stored = withRecords && typeof s === 'object' && !s.created ? s.stored : undefined;
  return {
    tables: [...change.tables],
    ...(change.keys && change.keys.length <= MAX_WIRE_KEYS ? { keys: [...change.keys] } : {}),
    ...(s === undefined
      ? {}
      : { search: keys === undefined || big ? 'resync' : { keys, ...(stored ? { stored } : {}) } }),
  };
}

function isWire(x: unknown): x is WireMessage {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as { type?: unknown; from?: unknown; seq?: unknown };
  return (
    (m.type === 'writing' ||
      m.type === 'written' ||
      m.type === 'run-end' ||
      m.type === 'hello' ||
      m.type === 'here') &&
    typeof m.from === 'string' &&
    typeof m.seq === 'number'
  );
}

/**
 * Creates a writer. `channel` is opened on first use (a writer that never subscribes nor writes opens
 * none); `lock` defaults to the cross-tab Web Lock.
 */
export function createCatalogWriter(deps: {
  engine: EngineHooks;
  lock?: WriteLock;
  channel?: () => ChannelLike | undefined;
  /** This writer's id on the channel (tests name their "tabs"). */
  id?: string;
}): CatalogWriter {
  const id = deps.id ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const lock = deps.lock ?? createWriteLock();
  const openCh = deps.channel ?? (() => openChannel());
  const listeners = new Set<(change: CatalogChange) => void>();
  let channel: ChannelLike | undefined;
  let opened = false;
  let seq = 0;
  /** Writes other tabs started and have not announced yet, with their patience timers. */
  const started = new Map<string, ReturnType<typeof setTimeout>>();
  let waiters: (() => void)[] = [];
  /** This tab's engine updates and events, in the order of the writes. */
  let applied: Promise<void> = Promise.resolve();
  /** Another tab's long run of writes goes on until then (ms since the epoch). */
  let remoteRunUntil = -Infinity;
  /** Other tabs' writers heard from (one closed since costs only a copy of the records nobody takes). */
  const peers = new Set<string>();

  const emit = (change: CatalogChange) => {
    for (const l of Array.from(listeners)) {
      try {
        l(change);
      } catch (e) {
        console.warn('catalog change listener failed', e);
      }
    }
  };

  const settleWaiters = () => {
    if (started.size > 0) return;
    const ws = waiters;
    waiters = [];
    for (const w of ws) w();
  };

  const forget = (tag: string) => {
    const t = started.get(tag);
    if (t === undefined) return;
    clearTimeout(t);
    started.delete(tag);
    settleWaiters();
  };

  const applyRemote = async (change: WireChange) => {
    const s = change.search;
    try {
      if (s === 'resync') await deps.engine.resync();
      else if (s && s.keys.length > 0)
        await deps.engine.applyChange({ keys: s.keys, ...(s.stored ? { stored: s.stored } : {}) });
    } catch (e) {
      console.warn('applying another tab’s change failed', e);
    }
    emit({ origin: 'remote', tables: change.tables, ...(change.keys ? { keys: change.keys } : {}) });
  };

  const onMessage = (e: MessageEvent) => {
    const msg: unknown = e.data;
    if (!isWire(msg) || msg.from === id) return;
    peers.add(msg.from);
    if (msg.type === 'hello') post({ type: 'here', from: id, seq: 0 });
    if (msg.type === 'hello' || msg.type === 'here') return;
    const tag = `${msg.from}:${msg.seq}`;
    if (msg.type === 'run-end') {
      remoteRunUntil = -Infinity;
      deps.engine.expectMoreWrites?.(0);
      return;
    }
    if (msg.type === 'writing') {
      started.set(
        tag,
        setTimeout(() => forget(tag), REMOTE_WRITE_PATIENCE_MS),
      );
      return;
    }
    if (msg.more) {
      remoteRunUntil = Date.now() + RUN_PATIENCE_MS;
      deps.engine.expectMoreWrites?.(RUN_PATIENCE_MS);
    }
    // The engine queues the update now (its calls run in order), so a reader released below finds it.
    if (msg.change) void applyRemote(msg.change);
    forget(tag);
  };

  const ensureChannel = (): ChannelLike | undefined => {
    if (!opened) {
      opened = true;
      channel = openCh();
      channel?.addEventListener('message', onMessage);
      post({ type: 'hello', from: id, seq: 0 });
    }
    return channel;
  };

  const post = (msg: WireMessage) => {
    try {
      ensureChannel()?.postMessage(msg);
    } catch (e) {
      console.warn('could not announce a catalog write', e);
    }
  };

  const applyLocal = async (change: CommittedWrite) => {
    const s = change.search;
    try {
      if (s === 'reset') await deps.engine.resetEmpty();
      else if (s === 'resync') await deps.engine.resync();
      else if (s) await deps.engine.applyChange(s);
    } catch (e) {
      console.warn('search update failed', e);
    }
  };

  return {
    write: async <T>(
      fn: () => Promise<T>,
      changeOf: (value: T) => CommittedWrite | undefined,
      opts?: WriteOptions,
    ) => {
      let change: CommittedWrite | undefined;
      const value = await lock(async () => {
        const n = ++seq;
        post({ type: 'writing', from: id, seq: n });
        let out: T;
        try {
          out = await fn();
          change = changeOf(out);
        } catch (e) {
          post({ type: 'written', from: id, seq: n });
          throw e;
        }
        // Before this engine applies the change: the stamp has moved ahead of it, which is expected now.
        if (opts?.partOfRun) deps.engine.expectMoreWrites?.(RUN_PATIENCE_MS);
        // Announced while still holding the lock: the next writer's notice follows this one.
        post({
          type: 'written',
          from: id,
          seq: n,
          ...(change ? { change: toWire(change, peers.size > 0) } : {}),
          ...(opts?.partOfRun ? { more: true as const } : {}),
        });
        return out;
      });
      if (change) {
        const c = change;
        applied = applied.then(async () => {
          await applyLocal(c);
          // A write that changed no table (a failed restore dropping its prepared rows) is not announced.
          if (c.tables.length > 0)
            emit({
              origin: 'local',
              tables: [...c.tables],
              ...(c.keys ? { keys: [...c.keys] } : {}),
            });
        });
        if (!opts?.background) await applied;
      }
      return value;
    },
    idle: () => applied,
    endRun: () => {
      // After the run's last change is applied here.
      applied = applied.then(() => deps.engine.expectMoreWrites?.(0));
      post({ type: 'run-end', from: id, seq: ++seq });
    },
    subscribe: (listener) => {
      ensureChannel();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    remoteSettled: () =>
      started.size === 0 || Date.now() < remoteRunUntil
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push(resolve)),
    close: () => {
      for (const t of started.values()) clearTimeout(t);
      started.clear();
      settleWaiters();
      channel?.close();
      channel = undefined;
    },
  };
}
