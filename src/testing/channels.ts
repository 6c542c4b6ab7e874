import type { ChannelLike } from '@/workers/catalog/writer';

/**
 * In-memory broadcast channels (the tabs of one browser, in a Node test): each `open()` is one member;
 * a message goes to every other member, in order, asynchronously.
 */
export function fakeChannels(): { open: () => ChannelLike } {
  const members = new Set<{ fn?: (e: MessageEvent) => void }>();
  const open = (): ChannelLike => {
    const me: { fn?: (e: MessageEvent) => void } = {};
    members.add(me);
    return {
      postMessage: (msg) => {
        for (const m of members)
          if (m !== me) queueMicrotask(() => m.fn?.(new MessageEvent('message', { data: msg })));
      },
      addEventListener: (_type, fn) => {
        me.fn = fn;
      },
      close: () => members.delete(me),
    };
  };
  return { open };
}
