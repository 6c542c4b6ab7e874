/**
 * One tab of a profile replicates with CouchDB at a time. The catalog worker that holds the Web Lock
 * `tarn-sync` runs the sync engine (PouchDB); the other tabs' workers wait for the lock and meanwhile
 * report the replicating tab's state, which it posts on the BroadcastChannel `tarn-sync` (marked
 * `elsewhere`). Their own edits reach CouchDB all the same: the replicating tab's writer hears of every
 * tab's writes. When that tab closes, its lock is released and a waiting tab takes over with its own
 * configuration (the same, from this browser's settings). "Stop sync" in any tab stops it in all of them.
 *
 * Without Web Locks (an old browser, the main-thread fallback in tests), every tab replicates on its own.
 */
import type { ChannelLike } from '../writer';
import type { SyncConfig, SyncEngine, SyncStatus } from './syncEngine';

/** The lock the replicating tab holds. */
export const SYNC_LOCK = 'tarn-sync';
/** The channel the replicating tab posts its state on. */
export const SYNC_CHANNEL = 'tarn-sync';
/** How often the replicating tab looks whether its state changed (and posts it). */
const STATUS_EVERY_MS = 500;

/** The subset of the Web Locks API used here (tests pass a fake). */
export type SyncLocks = {
  request: (
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void>,
  ) => Promise<unknown>;
};

type Wire =
  | { type: 'status'; status: SyncStatus }
  /** A tab that waits asks for the state. */
  | { type: 'hello' }
  /** "Stop sync" in some tab: every tab stops. */
  | { type: 'stop' };

function isWire(x: unknown): x is Wire {
  const t = (x as { type?: unknown } | null)?.type;
  return t === 'status' || t === 'hello' || t === 'stop';
}

function platformLocks(): SyncLocks | undefined {
  const nav = (globalThis as { navigator?: { locks?: SyncLocks } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : undefined;
}

function platformChannel(): ChannelLike | undefined {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(SYNC_CHANNEL) : undefined;
}

const IDLE: SyncStatus = { state: 'idle', pending: 0 };

export type TabSync = SyncEngine & {
  /** Lets go of the lock and the channel without stopping other tabs (a closing tab; tests). */
  dispose: () => void;
};

/** The sync of this tab: the engine (`engine()`, loaded on first use) while this tab holds the lock. */
export function createTabSync(deps: {
  engine: () => Promise<SyncEngine>;
  locks?: SyncLocks | undefined;
  channel?: () => ChannelLike | undefined;
}): TabSync {
  const locks = 'locks' in deps ? deps.locks : platformLocks();
  const openChannel = deps.channel ?? platformChannel;
  let role: 'none' | 'leading' | 'waiting' = 'none';
  let config: SyncConfig | undefined;
  let online = true;
  let engine: SyncEngine | undefined;
  let loading: Promise<SyncEngine> | undefined;
  /** The one engine of this tab: loaded once, whoever asks first (taking the lead, reading conflicts). */
  const loadEngine = (): Promise<SyncEngine> => (loading ??= deps.engine().then((e) => (engine = e)));
  /** The replicating tab's last state (while waiting). */
  let leaderStatus: SyncStatus | undefined;
  let release: (() => void) | undefined;
  let waiting: AbortController | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let posted = '';
  let channel: ChannelLike | undefined;

  const post = (msg: Wire) => {
    try {
      channel?.postMessage(msg);
    } catch (e) {
      console.warn('could not post the sync state', e);
    }
  };

  const postStatus = (force: boolean) => {
    if (role !== 'leading' || !engine) return;
    const status = engine.status();
    const json = JSON.stringify(status);
    if (!force && json === posted) return;
    posted = json;
    post({ type: 'status', status });
  };

  const stopLocal = async (): Promise<SyncStatus> => {
    waiting?.abort();
    waiting = undefined;
    leaderStatus = undefined;
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    const was = role;
    role = 'none';
    const s = was === 'leading' && engine ? await engine.stop() : IDLE;
    release?.();
    release = undefined;
    posted = '';
    return s;
  };

  const onMessage = (e: MessageEvent) => {
    const msg: unknown = e.data;
    if (!isWire(msg)) return;
    if (msg.type === 'hello') postStatus(true);
    else if (msg.type === 'status' && role === 'waiting') leaderStatus = msg.status;
    else if (msg.type === 'stop') void stopLocal();
  };

  const ensureChannel = () => {
    if (channel) return;
    channel = openChannel();
    channel?.addEventListener('message', onMessage);
  };

  /** Requests the lock; resolves whether it was granted (then held until `release`). */
  const acquire = (options: { ifAvailable?: boolean; signal?: AbortSignal }): Promise<boolean> =>
    new Promise<boolean>((granted) => {
      if (!locks) {
        granted(true);
        return;
      }
      locks
        .request(SYNC_LOCK, options, async (lock) => {
          if (lock === null) {
            granted(false);
            return;
          }
          await new Promise<void>((done) => {
            release = done;
            granted(true);
          });
        })
        // A wait given up (Stop sync) rejects with an AbortError.
        .catch(() => granted(false));
    });

  const lead = async (cfg: SyncConfig): Promise<SyncStatus> => {
    role = 'leading';
    leaderStatus = undefined;
    const e = await loadEngine();
    let s = await e.start(cfg);
    if (!online) s = e.setOnline(false);
    timer ??= setInterval(() => postStatus(false), STATUS_EVERY_MS);
    postStatus(true);
    return s;
  };

  const waitingStatus = (): SyncStatus => ({
    ...(leaderStatus ?? { state: 'syncing', pending: 0 }),
    elsewhere: true,
  });

  return {
    start: async (cfg) => {
      config = cfg;
      ensureChannel();
      if (role === 'leading') return lead(cfg);
      if (role === 'waiting') return waitingStatus();
      if (await acquire({ ifAvailable: true })) return lead(cfg);
      // Another tab replicates: wait for its lock (it is released when that tab closes), show its state.
      role = 'waiting';
      const abort = new AbortController();
      waiting = abort;
      void acquire({ signal: abort.signal }).then(async (got) => {
        if (!got) return;
        if (waiting !== abort || !config) {
          release?.();
          return;
        }
        waiting = undefined;
        await lead(config);
      });
      post({ type: 'hello' });
      return waitingStatus();
    },
    stop: async () => {
      config = undefined;
      post({ type: 'stop' });
      return stopLocal();
    },
    status: () => {
      if (role === 'waiting') return waitingStatus();
      return role === 'leading' && engine ? engine.status() : IDLE;
    },
    setOnline: (next) => {
      online = next;
      if (role === 'leading' && engine) return engine.setOnline(next);
      return role === 'waiting' ? waitingStatus() : IDLE;
    },
    // Conflicts live in this browser's Pouch mirror, which every tab can read.
    conflicts: async (key) => (await loadEngine()).conflicts(key),
    resolve: async (key, field, value) => (await loadEngine()).resolve(key, field, value),
    settled: () => engine?.settled() ?? Promise.resolve(),
    dispose: () => {
      waiting?.abort();
      if (timer !== undefined) clearInterval(timer);
      release?.();
      channel?.close();
      channel = undefined;
    },
  };
}
