import { describe, expect, it, vi } from 'vitest';
import { fakeChannels } from '@/testing/channels';
import type { SyncConfig, SyncEngine, SyncStatus } from './syncEngine';
import { createTabSync, type SyncLocks } from './tabSync';

/** One browser's Web Locks: one holder per name, `ifAvailable` answers null, a wait can be given up. */
function fakeLocks(): SyncLocks {
  let held = false;
  const queue: (() => void)[] = [];
  return {
    request: async (_name, options, callback) => {
      if (held) {
        if (options.ifAvailable) return callback(null);
        await new Promise<void>((resolve, reject) => {
          const turn = () => resolve();
          queue.push(turn);
          options.signal?.addEventListener('abort', () => {
            queue.splice(queue.indexOf(turn), 1);
            reject(new DOMException('given up', 'AbortError'));
          });
        });
      }
      held = true;
      try {
        return await callback({});
      } finally {
        held = false;
        queue.shift()?.();
      }
    },
  };
}

/** A sync engine that records what it is asked and answers a fixed state while started. */
function fakeEngine(name: string, log: string[]): SyncEngine {
  let running = false;
  const status = (): SyncStatus =>
    running
      ? { state: 'up-to-date', pending: 0, origin: 'http://couch.test' }
      : { state: 'idle', pending: 0 };
  return {
    start: (config: SyncConfig) => {
      running = true;
      log.push(`${name} replicates ${config.url}`);
      return Promise.resolve(status());
    },
    stop: () => {
      running = false;
      log.push(`${name} stops`);
      return Promise.resolve(status());
    },
    status,
    setOnline: () => status(),
    conflicts: () => Promise.resolve([]),
    resolve: () => Promise.resolve([]),
    settled: () => Promise.resolve(),
  };
}

const CONFIG: SyncConfig = { url: 'http://couch.test/team', user: 'ann', password: 'pw' };

describe('team sync across the tabs of one browser', () => {
  it('one tab replicates; another shows its state, takes over when it closes, and a stop stops every tab', async () => {
    const locks = fakeLocks();
    const channels = fakeChannels();
    const log: string[] = [];
    const tab = (name: string) =>
      createTabSync({
        engine: () => Promise.resolve(fakeEngine(name, log)),
        locks,
        channel: channels.open,
      });
    const a = tab('a');
    const b = tab('b');
    const c = tab('c');

    expect(await a.start(CONFIG)).toMatchObject({ state: 'up-to-date' });
    expect((await b.start(CONFIG)).elsewhere).toBe(true);
    await vi.waitFor(() =>
      expect(b.status()).toEqual({
        state: 'up-to-date',
        pending: 0,
        origin: 'http://couch.test',
        elsewhere: true,
      }),
    );
    expect(log).toEqual(['a replicates http://couch.test/team']);

    // a's tab closes: its lock goes, b replicates now.
    a.dispose();
    await vi.waitFor(() =>
      expect(b.status()).toEqual({ state: 'up-to-date', pending: 0, origin: 'http://couch.test' }),
    );
    expect(log).toEqual(['a replicates http://couch.test/team', 'b replicates http://couch.test/team']);

    // "Stop sync" in a tab that waits stops the one that replicates, and nobody takes over.
    expect((await c.start(CONFIG)).elsewhere).toBe(true);
    expect(await c.stop()).toEqual({ state: 'idle', pending: 0 });
    await vi.waitFor(() => expect(log.slice(2)).toEqual(['b stops']));
    expect([b.status().state, c.status().state]).toEqual(['idle', 'idle']);
    for (const t of [b, c]) t.dispose();
  });

  it('loads one engine, even when conflicts are read while the tab takes the lead', async () => {
    const log: string[] = [];
    let made = 0;
    const sync = createTabSync({
      // Loading takes a moment (a dynamic import): both callers ask before it is there.
      engine: async () => {
        await Promise.resolve();
        made++;
        return fakeEngine(`engine ${made}`, log);
      },
      locks: fakeLocks(),
      channel: fakeChannels().open,
    });
    const [started] = await Promise.all([sync.start(CONFIG), sync.conflicts('acme/tiny')]);
    expect(started).toMatchObject({ state: 'up-to-date' });
    expect(made).toBe(1);
    expect(sync.status()).toMatchObject({ state: 'up-to-date' });
    sync.dispose();
  });
});
