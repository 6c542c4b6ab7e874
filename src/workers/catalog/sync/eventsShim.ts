/**
 * A minimal Node `events` EventEmitter for PouchDB in the browser (pouchdb-browser imports `events`, which
 * browsers lack; vite.config.ts aliases `events` here). Only what PouchDB calls. Methods are made enumerable
 * because PouchDB copies `Object.keys(EventEmitter.prototype)` onto its constructor.
 */
type Listener = (...args: unknown[]) => void;

/**
 * Listeners per emitter, kept beside it: PouchDB also makes emitters by mixing these methods into objects
 * whose constructor never ran, so nothing may rely on an instance field.
 */
const registry = new WeakMap<object, Map<string | symbol, Listener[]>>();

function handlersOf(emitter: object): Map<string | symbol, Listener[]> {
  let map = registry.get(emitter);
  if (!map) {
    map = new Map();
    registry.set(emitter, map);
  }
  return map;
}

export class EventEmitter {
  private get handlers(): Map<string | symbol, Listener[]> {
    return handlersOf(this);
  }

  static listenerCount(emitter: EventEmitter, type: string | symbol): number {
    return emitter.listenerCount(type);
  }

  on(type: string | symbol, fn: Listener): this {
    const list = this.handlers.get(type) ?? [];
    this.handlers.set(type, [...list, fn]);
    return this;
  }

  addListener(type: string | symbol, fn: Listener): this {
    return this.on(type, fn);
  }

  once(type: string | symbol, fn: Listener): this {
    const wrapper: Listener & { listener?: Listener } = (...args) => {
      this.removeListener(type, wrapper);
      fn.apply(this, args);
    };
    wrapper.listener = fn;
    return this.on(type, wrapper);
  }

  removeListener(type: string | symbol, fn: Listener): this {
    const list = this.handlers.get(type);
    if (!list) return this;
    const i = list.findIndex((l) => l === fn || (l as { listener?: Listener }).listener === fn);
    if (i >= 0) {
      const next = [...list.slice(0, i), ...list.slice(i + 1)];
      if (next.length > 0) this.handlers.set(type, next);
      else this.handlers.delete(type);
    }
    return this;
  }

  off(type: string | symbol, fn: Listener): this {
    return this.removeListener(type, fn);
  }

  removeAllListeners(type?: string | symbol): this {
    if (type === undefined) this.handlers.clear();
    else this.handlers.delete(type);
    return this;
  }

  setMaxListeners(_n: number): this {
    return this;
  }

  listeners(type: string | symbol): Listener[] {
    return [...(this.handlers.get(type) ?? [])].map((l) => (l as { listener?: Listener }).listener ?? l);
  }

  listenerCount(type: string | symbol): number {
    return this.handlers.get(type)?.length ?? 0;
  }

  emit(type: string | symbol, ...args: unknown[]): boolean {
    const list = this.handlers.get(type);
    if (!list || list.length === 0) {
      if (type === 'error') throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
      return false;
    }
    for (const fn of [...list]) fn.apply(this, args);
    return true;
  }
}

for (const name of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  const d = Object.getOwnPropertyDescriptor(EventEmitter.prototype, name);
  if (name !== 'constructor' && typeof d?.value === 'function')
    Object.defineProperty(EventEmitter.prototype, name, { enumerable: true });
}

// `import EE from 'events'` (PouchDB) needs a default export.
// eslint-disable-next-line no-restricted-syntax
export default EventEmitter;
