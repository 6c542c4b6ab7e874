/**
 * Typed RPC between the window and a worker: a handler map on one side, `call<K>()` on the other.
 * Progress events and cancellation travel with each call. If the worker cannot start (or dies), the
 * client runs the same handlers on the main thread (fallback), so the UI never breaks.
 */

export type CallContext = {
  progress: (p: unknown) => void;
  isCancelled: () => boolean;
};

// Handler args/results are structured-clone-safe values.
export type HandlerMap = Record<string, (args: never, ctx: CallContext) => Promise<unknown>>;

type Request = { type: 'call'; id: number; name: string; args: unknown } | { type: 'cancel'; id: number };
type Response =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: string }
  | { type: 'progress'; id: number; value: unknown }
  | { type: 'ready' };

export type CallOptions = { onProgress?: (p: unknown) => void; signal?: AbortSignal };

export type RpcClient<H extends HandlerMap> = {
  call: <K extends keyof H & string>(
    name: K,
    args: Parameters<H[K]>[0],
    opts?: CallOptions,
  ) => Promise<Awaited<ReturnType<H[K]>>>;
  /** Whether calls run in a worker (false after a fallback to the main thread). */
  usesWorker: () => boolean;
};

type WorkerScope = {
  postMessage: (msg: unknown) => void;
  addEventListener: (type: 'message', fn: (e: MessageEvent<Request>) => void) => void;
};

/** Worker side: serve a handler map. */
export function serveHandlers(scope: WorkerScope, handlers: HandlerMap): void {
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
    handler(msg.args as never, ctx).then(
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
  return handler(args as never, {
    progress: (p) => opts?.onProgress?.(p),
    isCancelled: () => opts?.signal?.aborted ?? false,
  });
}

/**
 * Window side. `makeWorker` constructs the worker (may throw); `loadFallback` lazily provides the same
 * handlers for in-thread execution.
 */
export function createRpcClient<H extends HandlerMap>(
  makeWorker: () => Worker,
  loadFallback: () => Promise<H>,
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
      const w = ensureWorker();
      if (!w) {
        return getFallback().then((h) => callInThread(h, name, args, opts)) as Promise<
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
          ...(opts ? { opts } : {}),
          ...(opts?.onProgress ? { onProgress: opts.onProgress } : {}),
        });
        opts?.signal?.addEventListener('abort', () =>
          w.postMessage({ type: 'cancel', id } satisfies Request),
        );
        w.postMessage({ type: 'call', id, name, args } satisfies Request);
      });
    },
  };
}
