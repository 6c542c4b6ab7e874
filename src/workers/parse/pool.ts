/**
 * The import's parse pool: files (picked Blobs, or zip entries as bytes, transferred) go in chunks to
 * N parse workers (N = hardwareConcurrency - 1, at least 1); each chunk's result comes back as its
 * worker finishes it (the caller consumes chunks in file order). Each worker takes a new chunk as soon as
 * it has fewer than PER_WORKER. Where Worker is unavailable (Node, tests) or a worker fails, chunks are prepared
 * in-thread with the same code; a zip entry already handed to a failed worker is reported as unreadable.
 */
import {
  prepareFile,
  type ParseInput,
  type ParseRequest,
  type ParseResponse,
  type Prepared,
} from './prepare';

type Chunk = { id: number; inputs: ParseInput[]; resolve: (p: Prepared[]) => void };
type Slot = { worker: Worker; ready: boolean; dead: boolean; inFlight: Map<number, Chunk> };

/**
 * Chunks a worker holds at once: one being parsed, the others waiting. A worker gets its next chunk only
 * when the importing thread handles a result, and that thread is busy for a few hundred ms at a time (a
 * batch's writes, the search update): with two per worker, the one parse worker of a 2-core machine sat
 * idle through each of those spans (the writer then waited for parsing, 5-10 s of a 30k-card import).
 * The import bounds what is handed to the pool (see importFiles), so this only bounds the imbalance
 * between workers.
 */
const PER_WORKER = 8;

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Chunk[] = [];
  private readonly decoder = new TextDecoder('utf-8');
  private nextId = 1;
  private inThread: Promise<unknown> = Promise.resolve();
  private closed = false;

  /** `size` workers made by `makeWorker` (0, or a throwing `makeWorker`: everything in-thread). */
  constructor(size: number, makeWorker?: () => Worker) {
    for (let i = 0; i < size && makeWorker; i++) {
      let worker: Worker;
      try {
        worker = makeWorker();
      } catch {
        break;
      }
      const slot: Slot = { worker, ready: false, dead: false, inFlight: new Map() };
      worker.addEventListener('message', (e: MessageEvent<ParseResponse | { ready: true }>) =>
        this.onMessage(slot, e.data),
      );
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        this.onFailure(slot);
      });
      worker.addEventListener('messageerror', () => this.onFailure(slot));
      this.slots.push(slot);
    }
  }

  /** Workers in use (0: in-thread). */
  get size(): number {
    return this.slots.filter((s) => !s.dead).length;
  }

  /** Prepares a chunk of files; resolves with their results in the chunk's order. */
  prepare(inputs: ParseInput[]): Promise<Prepared[]> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, inputs, resolve });
      this.dispatch();
    });
  }

  /** Stops the workers and drops every chunk not answered yet (their promises never settle). */
  terminate(): void {
    this.closed = true;
    this.queue.length = 0;
    for (const s of this.slots) {
      if (s.dead) continue;
      s.dead = true;
      s.worker.terminate();
      s.inFlight.clear();
    }
  }

  private onMessage(slot: Slot, msg: ParseResponse | { ready: true }): void {
    if ('ready' in msg) {
      slot.ready = true;
    } else {
      const chunk = slot.inFlight.get(msg.id);
      slot.inFlight.delete(msg.id);
      if (msg.ms !== undefined) {
        const end = performance.now();
        performance.measure('tarn:parse:chunk', { start: Math.max(0, end - msg.ms), end });
      }
      chunk?.resolve(msg.prepared);
    }
    this.dispatch();
  }

  private onFailure(slot: Slot): void {
    if (slot.dead) return;
    slot.dead = true;
    slot.worker.terminate();
    for (const c of slot.inFlight.values()) this.runInThread(c);
    slot.inFlight.clear();
    this.dispatch();
  }

  private dispatch(): void {
    if (this.closed) return;
    const live = this.slots.filter((s) => !s.dead);
    if (live.length === 0) {
      for (const c of this.queue.splice(0)) this.runInThread(c);
      return;
    }
    // While a worker is still starting, the ready ones take two chunks each (not all of a short import's).
    const cap = live.every((s) => s.ready) ? PER_WORKER : 2;
    while (this.queue.length > 0) {
      let best: Slot | undefined;
      for (const s of live) {
        if (!s.ready || s.inFlight.size >= cap) continue;
        if (!best || s.inFlight.size < best.inFlight.size) best = s;
      }
      if (!best) return;
      const chunk = this.queue.shift() as Chunk;
      best.inFlight.set(chunk.id, chunk);
      best.worker.postMessage(
        { id: chunk.id, inputs: chunk.inputs } satisfies ParseRequest,
        transferables(chunk.inputs),
      );
    }
  }

  private runInThread(chunk: Chunk): void {
    this.inThread = this.inThread.then(async () => {
      if (this.closed) return;
      const out: Prepared[] = [];
      for (const input of chunk.inputs) out.push(await prepareFile(input, this.decoder));
      chunk.resolve(out);
    });
  }
}

/** Zip entries' own buffers are moved, not copied (an entry that is a view into a larger buffer is copied). */
function transferables(inputs: readonly ParseInput[]): Transferable[] {
  const out: Transferable[] = [];
  for (const i of inputs) {
    const d = i.data;
    if (d && d.byteOffset === 0 && d.byteLength === d.buffer.byteLength && d.buffer instanceof ArrayBuffer)
      out.push(d.buffer);
  }
  return out;
}

/** Parse workers for an import: hardwareConcurrency - 1, at least 1; none where Worker is unavailable. */
export function createParsePool(): ParsePool {
  if (typeof Worker === 'undefined') return new ParsePool(0);
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return new ParsePool(
    Math.max(1, cores - 1),
    () => new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'tarn-parse' }),
  );
}
