import { describe, expect, it } from 'vitest';
import { prepareFile, type ParseInput, type ParseRequest, type Prepared } from './prepare';
import { ParsePool } from './pool';

const enc = new TextEncoder();

function card(i: number): ParseInput {
  const text = `---\nlicense: mit\npipeline_tag: text-generation\n---\n\n# card ${i}\n`;
  return { name: `acme__card-${i}.md`, bytes: text.length, data: enc.encode(text) };
}

/** A stand-in for a parse worker: answers after `delay(id)` macrotasks, or fails on its `failOn`th chunk. */
class FakeWorker extends EventTarget {
  chunks = 0;
  terminated = false;
  constructor(
    private readonly delay: (id: number) => number,
    private readonly failOn?: number,
  ) {
    super();
    setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: { ready: true } })));
  }
  postMessage(msg: ParseRequest): void {
    this.chunks++;
    if (this.chunks === this.failOn) {
      setTimeout(() => this.dispatchEvent(new Event('error', { cancelable: true })));
      return;
    }
    const decoder = new TextDecoder();
    void (async () => {
      for (let i = 0; i < this.delay(msg.id); i++) await new Promise((r) => setTimeout(r));
      const prepared: Prepared[] = [];
      for (const input of msg.inputs) prepared.push(await prepareFile(input, decoder));
      if (!this.terminated)
        this.dispatchEvent(new MessageEvent('message', { data: { id: msg.id, prepared } }));
    })();
  }
  terminate(): void {
    this.terminated = true;
  }
}

function names(p: Prepared[]): string[] {
  return p.map((x) => ('parsed' in x ? x.parsed.source.name : 'report' in x ? x.report.name : x.export.name));
}

describe('ParsePool', () => {
  it('answers each chunk with its files in order, whichever worker finishes first', async () => {
    const workers: FakeWorker[] = [];
    // Earlier chunks take longer: they complete last.
    const pool = new ParsePool(2, () => {
      const w = new FakeWorker((id) => 20 - id);
      workers.push(w);
      return w as unknown as Worker;
    });
    expect(pool.size).toBe(2);
    const chunks = Array.from({ length: 6 }, (_, c) => Array.from({ length: 3 }, (_, k) => card(c * 3 + k)));
    const done: number[] = [];
    const results = await Promise.all(
      chunks.map((inputs, c) => pool.prepare(inputs).then((r) => (done.push(c), r))),
    );
    results.forEach((r, c) => {
      expect(names(r)).toEqual(chunks[c]?.map((i) => i.name));
      for (const p of r) expect('parsed' in p && p.parsed.result.format).toBe('hf-model-card');
    });
    expect(done).not.toEqual([0, 1, 2, 3, 4, 5]);
    expect(workers.every((w) => w.chunks > 0)).toBe(true);
    pool.terminate();
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('gives the same results as preparing in-thread, hashes included', async () => {
    const inputs = [card(1), card(2), { name: 'bin.md', bytes: 3, data: new Uint8Array([1, 0, 2]) }];
    const inThread = await new ParsePool(0).prepare(inputs.map((i) => ({ ...i, data: i.data?.slice() })));
    const pooled = new ParsePool(1, () => new FakeWorker(() => 0) as unknown as Worker);
    expect(await pooled.prepare(inputs)).toEqual(inThread);
    const bin = inThread[2];
    expect(bin && 'report' in bin && bin.report.issues[0]?.code).toBe('BINARY_FILE');
  });

  it('prepares in-thread what a failed worker held; files whose bytes went with it are reported unreadable', async () => {
    const pool = new ParsePool(1, () => new FakeWorker(() => 0, 2) as unknown as Worker);
    const first = await pool.prepare([card(1)]);
    expect(names(first)).toEqual(['acme__card-1.md']);
    // The fake keeps the bytes (a real worker would have received them): a detached buffer reads as empty.
    const lost: ParseInput = { name: 'lost.md', bytes: 10, data: new Uint8Array(0) };
    const second = await pool.prepare([card(2), lost]);
    expect(names(second)).toEqual(['acme__card-2.md', 'lost.md']);
    expect('parsed' in (second[0] as Prepared)).toBe(true);
    const l = second[1];
    expect(l && 'report' in l && l.report.issues[0]?.code).toBe('READ_FAILED');
    expect(pool.size).toBe(0);
    // Later chunks run in-thread.
    expect(names(await pool.prepare([card(3)]))).toEqual(['acme__card-3.md']);
  });

  it('runs everything in-thread when no worker can be made', async () => {
    const pool = new ParsePool(2, () => {
      throw new Error('no workers here');
    });
    expect(pool.size).toBe(0);
    const blob = new Blob(['---\nlicense: mit\n---\n# x\n']);
    const r = await pool.prepare([{ name: 'acme__x.md', bytes: blob.size, blob }]);
    expect('parsed' in (r[0] as Prepared)).toBe(true);
  });
});
