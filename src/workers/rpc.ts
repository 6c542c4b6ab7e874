/**
 * Typed RPC between the window and a worker: a handler map on one side, `call<K>()` on the other.
 * Progress events and cancellation travel with each call; a handler declares its progress type
 * (`CallContext<P>`) and the caller's `onProgress` receives that type. The worker may also send events
 * that belong to no call (`serveHandlers(…).emit`, received by the client's `onEvent`). If the worker
 * cannot start (or dies), the client runs the same handlers on the main thread (fallback), so the UI
 * never breaks.
 */

/** What a handler gets besides its arguments; `P` is the type of its progress values. */
export type CallContext<P = unknown> = {
  progress: (p: P) => void;
  isCancelled: () => boolean;
};

// Handler args/results are structured-clone-safe values. `ctx: never` accepts any `CallContext<P>`.
export type HandlerMap = Record<string, (args: never, ctx: never) => Promise<unknown>>;

/** The progress type a handler declared (`unknown` when it took a plain `CallContext`). */
export type ProgressOf<F> = F extends (args: never, ctx: CallContext<infer P>) => unknown ? P : never;

type Request = { type: 'call'; id: number; name: string; args: unknown } | { type: 'cancel'; id: number };
type Response =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: string }
  | { type: 'progress'; id: number; value: unknown }
  | { type: 'event'; value: unknown }
  | { type: 'ready' };

export type CallOptions<P = unknown> = { onProgress?: (p: P) => void; signal?: AbortSignal };

export type RpcClient<H extends HandlerMap> = {
  call: <K extends keyof H & string>(
    name: K,
    args: Parameters<H[K]>[0],
    opts?: CallOptions<ProgressOf<H[K]>>,
  ) => Promise<Awaited<ReturnType<H[K]>>>;
  /** Whether calls run in a worker (false after a fallback to the main thread). */
  usesWorker: () => boolean;
};

/** The worker side of a connection: sends events (of type `E`) to the window. */
export type RpcServer<E> = { emit: (event: E) => void };

/** Client options: `onEvent` receives the worker's events (the fallback delivers its own, see loadFallback). */
export type RpcClientOptions<E> = { onEvent?: (event: E) => void };

type WorkerScope = {
  postMessage: (msg: unknown) => void;
  addEventListener: (type: 'message', fn: (e: MessageEvent<Request>) => void) => void;
};

/** Worker side: serve a handler map; the returned `emit` sends events to the window. */
export function serveHandlers<E = never>(scope: WorkerScope, handlers: HandlerMap): RpcServer<E> {
  const cancelled = new Set<number>();
  scope.addEventListener('message', (e) => {
    const msg = e.data;
    if (msg.type === 'cancel') {
      cancelled.add(msg.id);
      return;
    }
    const handler = handlers[msg.name];
    if (!handler) {
      scope.postMessage({
        type: 'result',
        id: msg.id,
        ok: false,
        error: `Unknown call ${msg.name}`,
      } satisfies Response);
      return;
    }
    const ctx: CallContext = {
      progress: (value) => scope.postMessage({ type: 'progress', id: msg.id, value } satisfies Response),
      isCancelled: () => cancelled.has(msg.id),
    };
    handler(msg.args as never, ctx as never).then(
      (value) => {
        cancelled.delete(msg.id);
        scope.postMessage({ type: 'result', id: msg.id, ok: true, value } satisfies Response);
      },
      (err: unknown) => {
        cancelled.delete(msg.id);
        scope.postMessage({
          type: 'result',
          id: msg.id,
          ok: false,
          error: err instanceof Error ? err.message : String(err),
        } satisfies Response);
      },
    );
  });
  scope.postMessage({ type: 'ready' } satisfies Response);
  return { emit: (value) => scope.postMessage({ type: 'event', value } satisfies Response) };
}

/** Runs a handler in-thread with the same context contract as the worker. */
function callInThread(
  handlers: HandlerMap,
  name: string,
  args: unknown,
  opts?: CallOptions,
): Promise<unknown> {
  const handler = handlers[name];
  if (!handler) return Promise.reject(new Error(`Unknown call ${name}`));
  const ctx: CallContext = {
    progress: (p) => opts?.onProgress?.(p),
    isCancelled: () => opts?.signal?.aborted ?? false,
  };
  return handler(args as never, ctx as never);
}

/**
 * Window side. `makeWorker` constructs the worker (may throw); `loadFallback` lazily provides the same
 * handlers for in-thread execution (and wires their events to the same place as `onEvent`, if any).
 */
export function createRpcClient<H extends HandlerMap, E = never>(
  makeWorker: () => Worker,
  loadFallback: () => Promise<H>,
  options: RpcClientOptions<E> = {},
): RpcClient<H> {
  let worker: Worker | undefined;
  let failed = false;
  let nextId = 1;
  const pending = new Map<
    number,
    {
      resolve: (v: unknown) => void;
      reject: (e: Error) => void;
      onProgress?: (p: unknown) => void;
      name: string;
      args: unknown;
      opts?: CallOptions;
    }
  >();
  let fallback: Promise<H> | undefined;

  const getFallback = () => {
    fallback ??= loadFallback();
    return fallback;
  };

  const failOver = () => {
    failed = true;
    worker?.terminate();
    worker = undefined;
    // Re-run everything that was in flight on the main thread.
    const inFlight = Array.from(pending.values());
    pending.clear();
    for (const p of inFlight) {
      getFallback()
        .then((h) => callInThread(h, p.name, p.args, p.opts))
        .then(p.resolve, (e: unknown) => p.reject(e instanceof Error ? e : new Error(String(e))));
    }
  };

  const ensureWorker = (): Worker | undefined => {
    if (failed) return undefined;
    if (worker) return worker;
    try {
      worker = makeWorker();
    } catch {
      failed = true;
      return undefined;
    }
    worker.addEventListener('message', (e: MessageEvent<Response>) => {
      const msg = e.data;
      if (msg.type === 'ready') return;
      if (msg.type === 'event') {
        // The worker's own protocol: its events are of the type it was served with.
        options.onEvent?.(msg.value as E);
        return;
      }
      const p = pending.get(msg.id);
      if (!p) return;
      if (msg.type === 'progress') {
        p.onProgress?.(msg.value);
        return;
      }
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(new Error(msg.error));
    });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      failOver();
    });
    return worker;
  };

  return {
    usesWorker: () => !failed,
    call: (name, args, opts) => {
      // Progress values come from the handler `name`, which declared their type (ProgressOf).
      const untyped = opts as CallOptions | undefined;
      const w = ensureWorker();
      if (!w) {
        return getFallback().then((h) => callInThread(h, name, args, untyped)) as Promise<
          Awaited<ReturnType<H[typeof name]>>
        >;
      }
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, {
          resolve: resolve as (v: unknown) => void,
          reject,
          name,
          args,
          ...(untyped ? { opts: untyped } : {}),
          ...(untyped?.onProgress ? { onProgress: untyped.onProgress } : {}),
        });
        opts?.signal?.addEventListener('abort', () =>
          w.postMessage({ type: 'cancel', id } satisfies Request),
        );
        w.postMessage({ type: 'call', id, name, args } satisfies Request);
      });
    },
  };
}
