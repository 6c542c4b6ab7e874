import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogChange } from '../catalogEvents';
import type { StoredChange } from './search';
import { fakeChannels } from '@/testing/channels';
import { storedAsset } from '@/testing/builders';
import { createCatalogWriter, createLocalLock, type CatalogWriter } from './writer';

/** An engine that records what it was asked to do. */
function recordingEngine() {
  const calls: string[] = [];
  const changes: StoredChange[] = [];
  return {
    calls,
    changes,
    engine: {
      applyChange: (c: StoredChange) => {
        calls.push(`apply ${c.keys.join(',')}`);
        changes.push(c);
        return Promise.resolve();
      },
      resync: () => {
        calls.push('resync');
        return Promise.resolve();
      },
      resetEmpty: () => {
        calls.push('reset');
        return Promise.resolve();
      },
      expectMoreWrites: (ms: number) => {
        calls.push(ms > 0 ? 'run goes on' : 'run ended');
      },
    },
  };
}

const writers: CatalogWriter[] = [];
afterEach(() => {
  for (const w of writers.splice(0)) w.close();
});

function tab(id: string, channels: ReturnType<typeof fakeChannels>, lock = createLocalLock()) {
  const rec = recordingEngine();
  const writer = createCatalogWriter({ engine: rec.engine, lock, channel: channels.open, id });
  writers.push(writer);
  const events: CatalogChange[] = [];
  writer.subscribe((c) => events.push(c));
  return { writer, events, calls: rec.calls, changes: rec.changes };
}

describe('catalog writer', () => {
  it('the local lock runs writes one at a time, in order, and survives a failing one', async () => {
    const lock = createLocalLock();
    const log: string[] = [];
    const step = (name: string, fail = false) =>
      lock(async () => {
        log.push(`${name} start`);
        await Promise.resolve();
        log.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([step('a'), step('b', true), step('c')]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('applies a committed write here, then to the other tab, which announces it as remote', async () => {
    const channels = fakeChannels();
    const a = tab('a', channels);
    const b = tab('b', channels);
    const value = await a.writer.write(
      () => Promise.resolve(7),
      () => ({ tables: ['assets'], keys: ['x/y'], search: { keys: ['x/y'] } }),
    );
    expect(value).toBe(7);
    expect(a.calls).toEqual(['apply x/y']);
    expect(a.events).toEqual([{ origin: 'local', tables: ['assets'], keys: ['x/y'] }]);
    await b.writer.remoteSettled();
    await Promise.resolve();
    expect(b.calls).toEqual(['apply x/y']);
    expect(b.events).toEqual([{ origin: 'remote', tables: ['assets'], keys: ['x/y'] }]);
  });

  it('a clear resets this engine and makes other tabs resync', async () => {
    const channels = fakeChannels();
    const a = tab('a', channels);
    const b = tab('b', channels);
    await a.writer.write(
      () => Promise.resolve(null),
      () => ({ tables: ['assets'], search: 'reset' }),
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(a.calls).toEqual(['reset']);
    expect(b.calls).toEqual(['resync']);
    expect(b.events).toEqual([{ origin: 'remote', tables: ['assets'] }]);
  });

  it('a reader waits for a write another tab has started until its change is applied', async () => {
    const channels = fakeChannels();
    const a = tab('a', channels);
    const b = tab('b', channels);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const writing = a.writer.write(
      () => gate,
      () => ({ tables: ['curation'], keys: ['k'] }),
    );
    // The 'writing' notice has arrived: b's readers wait.
    await Promise.resolve();
    await Promise.resolve();
    let settled = false;
    const reader = b.writer.remoteSettled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    release();
    await writing;
    await reader;
    expect(settled).toBe(true);
    expect(b.events).toEqual([{ origin: 'remote', tables: ['curation'], keys: ['k'] }]);
  });

  it('a run of writes holds every tab’s engine until it ends; readers elsewhere do not wait for its next write', async () => {
    const channels = fakeChannels();
    const a = tab('a', channels);
    const b = tab('b', channels);
    await a.writer.write(
      () => Promise.resolve(1),
      () => ({ tables: ['assets'], keys: ['x/1'], search: { keys: ['x/1'] } }),
      { partOfRun: true },
    );
    await b.writer.remoteSettled();
    await Promise.resolve();
    expect(a.calls).toEqual(['run goes on', 'apply x/1']);
    expect(b.calls).toEqual(['run goes on', 'apply x/1']);
    // The run's next write has started in a: b's reader is served the rows applied so far.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const next = a.writer.write(
      () => gate.then(() => 2),
      () => ({ tables: ['assets'], keys: ['x/2'], search: { keys: ['x/2'] } }),
      { partOfRun: true },
    );
    await Promise.resolve();
    await Promise.resolve();
    let settled = false;
    await b.writer.remoteSettled().then(() => (settled = true));
    expect(settled).toBe(true);
    release();
    await next;
    a.writer.endRun();
    await a.writer.idle();
    await Promise.resolve();
    await Promise.resolve();
    expect(a.calls).toEqual(['run goes on', 'apply x/1', 'run goes on', 'apply x/2', 'run ended']);
    expect(b.calls).toEqual(['run goes on', 'apply x/1', 'run goes on', 'apply x/2', 'run ended']);
  });

  it('hands the records a write stored to the other tabs (no read-back there), and copies none with no other tab', async () => {
    const channels = fakeChannels();
    // A listener on the channel that is no writer: it says no 'hello', so a writer alone copies nothing.
    const heard: unknown[] = [];
    channels.open().addEventListener('message', (e) => heard.push(e.data));
    const stored = { assets: [storedAsset('x/1')], relations: [] };
    const batch = () => ({ tables: ['assets' as const], keys: ['x/1'], search: { keys: ['x/1'], stored } });
    const a = tab('a', channels);
    await a.writer.write(() => Promise.resolve(1), batch, { partOfRun: true });
    await vi.waitFor(() => expect(heard).toContainEqual(expect.objectContaining({ type: 'written' })));
    expect(heard).toContainEqual(
      expect.objectContaining({ change: { tables: ['assets'], keys: ['x/1'], search: { keys: ['x/1'] } } }),
    );

    const b = tab('b', channels);
    await vi.waitFor(() =>
      expect(heard).toContainEqual(expect.objectContaining({ type: 'here', from: 'a' })),
    );
    await a.writer.write(() => Promise.resolve(2), batch, { partOfRun: true });
    await vi.waitFor(() => expect(b.changes).toHaveLength(1));
    expect(b.changes[0]).toEqual({ keys: ['x/1'], stored });
    expect(a.changes.map((c) => c.stored)).toEqual([stored, stored]);
  });

  it('a failed write announces nothing and releases the readers', async () => {
    const channels = fakeChannels();
    const a = tab('a', channels);
    const b = tab('b', channels);
    await expect(
      a.writer.write(
        () => Promise.reject(new Error('quota')),
        () => ({ tables: ['assets'] }),
      ),
    ).rejects.toThrow('quota');
    await b.writer.remoteSettled();
    expect(a.events).toEqual([]);
    expect(b.events).toEqual([]);
  });

  it('two tabs on one lock take turns', async () => {
    const channels = fakeChannels();
    const lock = createLocalLock();
    const a = tab('a', channels, lock);
    const b = tab('b', channels, lock);
    const log: string[] = [];
    const slow = (name: string) => async () => {
      log.push(`${name} in`);
      await new Promise<void>((r) => queueMicrotask(r));
      log.push(`${name} out`);
      return name;
    };
    await Promise.all([
      a.writer.write(slow('a1'), () => undefined),
      b.writer.write(slow('b1'), () => undefined),
      a.writer.write(slow('a2'), () => undefined),
    ]);
    expect(log).toEqual(['a1 in', 'a1 out', 'b1 in', 'b1 out', 'a2 in', 'a2 out']);
  });

  it('a background write resolves once committed; its engine update and event follow, in write order', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const calls: string[] = [];
    const writer = createCatalogWriter({
      engine: {
        applyChange: async (c: StoredChange) => {
          calls.push(`apply ${c.keys.join(',')} start`);
          if (c.keys[0] === 'k1') await gate;
          calls.push(`apply ${c.keys.join(',')} end`);
        },
        resync: () => Promise.resolve(),
        resetEmpty: () => Promise.resolve(),
      },
      lock: createLocalLock(),
      channel: fakeChannels().open,
      id: 'bg',
    });
    writers.push(writer);
    const events: CatalogChange[] = [];
    writer.subscribe((c) => events.push(c));
    const change = (key: string) => () => ({
      tables: ['assets' as const],
      keys: [key],
      search: { keys: [key] },
    });
    const first = await writer.write(() => Promise.resolve('one'), change('k1'), { background: true });
    expect(first).toBe('one');
    expect(events).toEqual([]);
    // A foreground write waits for the background update before its own, and both are announced in order.
    const second = writer.write(() => Promise.resolve('two'), change('k2'));
    await Promise.resolve();
    expect(calls).toEqual(['apply k1 start']);
    release();
    expect(await second).toBe('two');
    await writer.idle();
    expect(calls).toEqual(['apply k1 start', 'apply k1 end', 'apply k2 start', 'apply k2 end']);
    expect(events.map((e) => e.keys)).toEqual([['k1'], ['k2']]);
  });
});
