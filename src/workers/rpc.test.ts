import { afterEach, describe, expect, it } from 'vitest';
import { createRpcClient, serveHandlers, type CallContext } from './rpc';

type Step = { done: number; of: number };
type Note = { note: string };

const handlers = {
  count: async (args: { to: number }, ctx: CallContext<Step>) => {
    for (let i = 1; i <= args.to; i++) ctx.progress({ done: i, of: args.to });
    return Promise.resolve(args.to * 2);
  },
  plain: (args: { s: string }, _ctx: CallContext) => Promise.resolve(args.s.toUpperCase()),
};

const open: MessageChannel[] = [];
afterEach(() => {
  for (const c of open.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** A "worker" on one end of a MessageChannel serving `handlers`, and a client on the other. */
function connect(onEvent: (n: Note) => void) {
  const channel = new MessageChannel();
  open.push(channel);
  const server = serveHandlers<Note>(
    {
      postMessage: (m) => channel.port1.postMessage(m),
      addEventListener: (type, fn) => channel.port1.addEventListener(type, fn),
    },
    handlers,
  );
  channel.port1.start();
  const fakeWorker = {
    postMessage: (m: unknown) => channel.port2.postMessage(m),
    addEventListener: (type: string, fn: (e: MessageEvent) => void) => {
      if (type === 'message') channel.port2.addEventListener('message', fn);
    },
    terminate: () => channel.port2.close(),
  };
  channel.port2.start();
  const client = createRpcClient<typeof handlers, Note>(
    () => fakeWorker as unknown as Worker,
    () => Promise.resolve(handlers),
    { onEvent },
  );
  return { server, client };
}

describe('rpc', () => {
  it('delivers typed progress to the caller', async () => {
    const { client } = connect(() => undefined);
    const seen: Step[] = [];
    // `p` is a Step here, declared by the handler's CallContext<Step>: no cast.
    const result = await client.call('count', { to: 3 }, { onProgress: (p) => seen.push(p) });
    expect(result).toBe(6);
    expect(seen).toEqual([
      { done: 1, of: 3 },
      { done: 2, of: 3 },
      { done: 3, of: 3 },
    ]);
    expect(await client.call('plain', { s: 'ok' })).toBe('OK');
  });

  it('sends worker events that belong to no call to the client', async () => {
    const notes: Note[] = [];
    let arrived: () => void = () => undefined;
    const both = new Promise<void>((r) => (arrived = r));
    const { server, client } = connect((n) => {
      notes.push(n);
      if (notes.length === 2) arrived();
    });
    // The client connects on its first call; events follow it.
    await client.call('plain', { s: 'hi' });
    server.emit({ note: 'one' });
    server.emit({ note: 'two' });
    await both;
    expect(notes).toEqual([{ note: 'one' }, { note: 'two' }]);
  });

  it('runs the same handlers in-thread when the worker cannot start, progress included', async () => {
    const client = createRpcClient<typeof handlers>(
      () => {
        throw new Error('no workers here');
      },
      () => Promise.resolve(handlers),
    );
    const seen: number[] = [];
    expect(await client.call('count', { to: 2 }, { onProgress: (p) => seen.push(p.done) })).toBe(4);
    expect(seen).toEqual([1, 2]);
    expect(client.usesWorker()).toBe(false);
  });
});
