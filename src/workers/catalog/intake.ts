/**
 * Intake: turns what the user dropped (files, folder entries, zips) into named texts to parse.
 * Runs in the worker. Non-metadata files are skipped (counted, not errors).
 */
import { Inflate, inflateSync, Unzip, type FlateError, type UnzipFile } from 'fflate';
import { MAX_FILE_BYTES } from '@/core/util/safeParse';

/**
 * The most bytes one drop's zips may expand to (zip bombs: 1.2 MB can expand to over 1 GB). Entries past
 * it are not expanded and each gets its own line in the report; the entries before it are imported.
 */
export const MAX_DROP_EXPANDED_BYTES = 512 * 1024 * 1024;

export type IntakeLimits = {
  /** Bound of the drop's expanded zip bytes (default MAX_DROP_EXPANDED_BYTES; tests lower it). */
  maxExpandedBytes?: number;
};

export type InputFile = { name: string; blob: Blob };
export type Entry =
  | {
      kind: 'text';
      name: string;
      bytes: number;
      read: () => Promise<string>;
      /** The content, for the parse pool (absent: only `read` can get it). */
      blob?: Blob;
      data?: Uint8Array;
    }
  | { kind: 'skipped'; name: string; bytes: number; reason: string }
  /** `atLeast`: the size is what was read before stopping (the entry is larger). */
  | { kind: 'too-large'; name: string; bytes: number; atLeast?: boolean }
  /** A Tarn export over the per-file limit: read in parts, never as one string (see core/export/stream). */
  | { kind: 'large-export'; name: string; bytes: number; blob: Blob }
  /** A zip entry not expanded (or expanded only in part) because the drop reached its expansion bound. */
  | { kind: 'over-bound'; name: string; bytes: number; bound: number };

/** Extensions and names that are never metadata (weights, media, git plumbing ...). */
const SKIP_EXT =
  /\.(safetensors|bin|pt|pth|ckpt|onnx|gguf|h5|msgpack|pkl|pickle|npy|npz|tflite|png|jpe?g|gif|webp|svg|ico|bmp|mp3|wav|mp4|pdf|parquet|arrow|tar|gz|tgz|bz2|xz|7z|spm|wasm|so|dll|exe|lock|csv|tsv|txt|py|ipynb|js|css|html|sh)$/i;
const SKIP_NAMES = new Set([
  '.gitattributes',
  '.gitignore',
  '.ds_store',
  'thumbs.db',
  'license',
  'notice',
  'tokenizer.json',
  'vocab.json',
  'merges.txt',
  'config.json',
  'generation_config.json',
  'tokenizer_config.json',
  'special_tokens_map.json',
  'preprocessor_config.json',
  'added_tokens.json',
]);

export function skipReason(name: string): string | undefined {
  const base = (name.split('/').pop() ?? name).toLowerCase();
  if (SKIP_NAMES.has(base)) return 'not a metadata file';
  if (base.startsWith('.')) return 'hidden file';
  if (SKIP_EXT.test(base)) return 'not a metadata file (weights, media, data or code)';
  return undefined;
}

function isZip(name: string): boolean {
  return /\.zip$/i.test(name);
}

const decoder = new TextDecoder('utf-8');

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function unreadableZip(f: InputFile, e: unknown): Entry {
  return {
    kind: 'text',
    name: f.name,
    bytes: f.blob.size,
    read: () => Promise.reject(new Error(`Cannot open zip: ${e instanceof Error ? e.message : String(e)}`)),
  };
}

/** Bytes pushed into the streaming unzip at a time (see expandZip). */
const UNZIP_SLICE_BYTES = 16 * 1024;

/** Entries up to this size, compressed and expanded (as their header declares), are inflated in one call. */
const ONE_SHOT_BYTES = 1024 * 1024;

/**
 * The deflate decoder for zip entries. fflate's streaming `Inflate` allocates and fills a 32 KB window
 * and then a 128 KB output buffer for every entry: 30,000 cards of ~4 KB spent most of their expansion
 * zeroing memory. An entry whose header declares small sizes is gathered (compressed) and inflated in
 * one call into a buffer of the declared size plus one byte; output reaching that extra byte means the
 * header lied, and the entry is inflated again as a stream, in slices, as every other entry is (so the
 * per-file limit and the drop's bound still stop it while it expands).
 */
class OneShotInflate {
  static readonly compression = 8;
  ondata: (err: FlateError | null, data: Uint8Array, final: boolean) => void = () => undefined;
  private readonly expect: number;
  private parts: Uint8Array[] | undefined;
  private gathered = 0;
  private stream: Inflate | undefined;
  private stopped = false;

  constructor(_name: string, size?: number, originalSize?: number) {
    this.expect = originalSize ?? 0;
    // Without sizes (a data descriptor follows the entry) the entry is streamed.
    if (
      size !== undefined &&
      originalSize !== undefined &&
      size <= ONE_SHOT_BYTES &&
      originalSize <= ONE_SHOT_BYTES
    )
      this.parts = [];
  }

  push(chunk: Uint8Array, final: boolean): void {
    if (this.stopped) return;
    try {
      if (!this.parts) {
        this.streamed().push(chunk, final);
        return;
      }
      if (chunk.byteLength > 0) {
        this.parts.push(chunk);
        this.gathered += chunk.byteLength;
      }
      if (!final) return;
      const data = concat(this.parts, this.gathered);
      this.parts = undefined;
      const out = inflateSync(data, { out: new Uint8Array(this.expect + 1) });
      if (out.byteLength <= this.expect) {
        this.ondata(null, out, true);
        return;
      }
      for (let at = 0; at < data.byteLength && !this.stopped; at += UNZIP_SLICE_BYTES)
        this.streamed().push(
          data.subarray(at, at + UNZIP_SLICE_BYTES),
          at + UNZIP_SLICE_BYTES >= data.byteLength,
        );
    } catch (e) {
      this.ondata(e as FlateError, new Uint8Array(0), final);
    }
  }

  terminate(): void {
    this.stopped = true;
  }

  private streamed(): Inflate {
    this.stream ??= new Inflate((data, final) => this.ondata(null, data, final));
    return this.stream;
  }
}

/**
 * Expands one zip as a stream (fflate's `Unzip`, fed from the Blob's stream): entries are inflated as
 * their bytes arrive, an entry stops at the per-file limit (whatever its header claims), and the drop's
 * expanded bytes (`budget.used`) stop at `budget.bound`; entries past it are listed, not expanded.
 */
async function expandZip(
  f: InputFile,
  budget: { used: number; bound: number },
  emit: (e: Entry) => void,
  stopped: () => boolean,
): Promise<void> {
  let found = 0;
  /** The entry being inflated; finished when its last chunk arrives. */
  let current: { file: UnzipFile; chunks: Uint8Array[]; bytes: number; done: boolean } | undefined;
  const add = (entry: Entry) => {
    found++;
    emit(entry);
  };
  const finish = (entry: Entry) => {
    add(entry);
    current = undefined;
  };
  const unzip = new Unzip((file) => {
    const name = `${f.name}/${file.name}`;
    if (file.name.endsWith('/') || file.name.startsWith('__MACOSX/') || skipReason(file.name)) return;
    if (file.originalSize !== undefined && file.originalSize > MAX_FILE_BYTES) {
      add({ kind: 'too-large', name, bytes: file.originalSize });
      return;
    }
    if (budget.used >= budget.bound) {
      add({ kind: 'over-bound', name, bytes: file.originalSize ?? 0, bound: budget.bound });
      return;
    }
    const cur = { file, chunks: [] as Uint8Array[], bytes: 0, done: false };
    current = cur;
    file.ondata = (err, chunk, final) => {
      if (cur.done) return;
      if (err) {
        cur.done = true;
        finish(unreadableZip({ name, blob: new Blob() }, err));
        return;
      }
      cur.bytes += chunk.byteLength;
      budget.used += chunk.byteLength;
      if (cur.bytes > MAX_FILE_BYTES) {
        cur.done = true;
        file.terminate();
        finish({ kind: 'too-large', name, bytes: cur.bytes, atLeast: true });
        return;
      }
      if (budget.used > budget.bound) {
        cur.done = true;
        file.terminate();
        finish({ kind: 'over-bound', name, bytes: cur.bytes, bound: budget.bound });
        return;
      }
      cur.chunks.push(chunk);
      if (final) {
        cur.done = true;
        const data = concat(cur.chunks, cur.bytes);
        finish({
          kind: 'text',
          name,
          bytes: data.byteLength,
          read: () => Promise.resolve(decoder.decode(data)),
          data,
        });
      }
    };
    file.start();
  });
  unzip.register(OneShotInflate);
  const reader = f.blob.stream().getReader();
  try {
    for (;;) {
      if (stopped()) {
        void reader.cancel().catch(() => undefined);
        return;
      }
      const { done, value } = await reader.read();
      if (done) {
        unzip.push(new Uint8Array(0), true);
        break;
      }
      // fflate's Unzip handles every entry that ends inside one pushed chunk in a nested call: a large
      // chunk of small entries (a browser may hand over megabytes at once) overflows the stack. Push in
      // slices that hold a bounded number of entries.
      for (let at = 0; at < value.byteLength; at += UNZIP_SLICE_BYTES)
        unzip.push(value.subarray(at, at + UNZIP_SLICE_BYTES), false);
    }
  } catch (e) {
    if (current)
      add({
        kind: 'text',
        name: `${f.name}/${current.file.name}`,
        bytes: current.bytes,
        read: () =>
          Promise.reject(
            new Error(
              `Cannot read this zip entry (the archive is truncated or damaged): ${e instanceof Error ? e.message : String(e)}`,
            ),
          ),
      });
    if (found === 0 && !current) add(unreadableZip(f, e));
    return;
  }
  if (current) {
    // The archive ended inside this entry (a truncated zip).
    add({
      kind: 'text',
      name: `${f.name}/${current.file.name}`,
      bytes: current.bytes,
      read: () => Promise.reject(new Error('Cannot open zip entry: the archive ends inside it (truncated).')),
    });
  }
  if (found === 0 && f.blob.size > 0 && !(await looksLikeZip(f.blob)))
    emit(unreadableZip(f, new Error('not a zip archive')));
}

/** True when the blob starts like a Tarn export (its format tag in the first 4 KB). */
async function looksLikeExport(blob: Blob): Promise<boolean> {
  const head = await blob.slice(0, 4096).text();
  return /^\uFEFF?\s*\{/u.test(head) && /"format"\s*:\s*"tarn-catalog"/u.test(head);
}

/** A blob's text in decoded chunks (never the whole text as one string). */
export async function* textChunks(blob: Blob): AsyncGenerator<string> {
  const reader = blob.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** True when the blob starts like a zip (local file header, or the end record of an empty archive). */
async function looksLikeZip(blob: Blob): Promise<boolean> {
  const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
}

/**
 * Where entries go as they are found (an import parses and stores the first ones while a big zip is still
 * expanding); `stopped`: expand no further (the import was cancelled).
 */
export type EntrySink = { add: (e: Entry) => void; stopped?: () => boolean };

/**
 * Expands inputs into entries; zips are opened in place (nested paths kept as `archive.zip/inner/path`).
 * Each entry also goes to `sink` as soon as it is found, in the same order.
 */
export async function expandInputs(
  inputs: InputFile[],
  limits: IntakeLimits = {},
  sink?: EntrySink,
): Promise<Entry[]> {
  const out: Entry[] = [];
  const emit = (e: Entry) => {
    out.push(e);
    sink?.add(e);
  };
  const stopped = () => sink?.stopped?.() ?? false;
  const budget = { used: 0, bound: limits.maxExpandedBytes ?? MAX_DROP_EXPANDED_BYTES };
  for (const f of inputs) {
    if (stopped()) break;
    if (isZip(f.name)) {
      await expandZip(f, budget, emit, stopped);
      continue;
    }
    const reason = skipReason(f.name);
    if (reason) {
      emit({ kind: 'skipped', name: f.name, bytes: f.blob.size, reason });
      continue;
    }
    if (f.blob.size > MAX_FILE_BYTES) {
      emit(
        (await looksLikeExport(f.blob))
          ? { kind: 'large-export', name: f.name, bytes: f.blob.size, blob: f.blob }
          : { kind: 'too-large', name: f.name, bytes: f.blob.size },
      );
      continue;
    }
    emit({ kind: 'text', name: f.name, bytes: f.blob.size, read: () => f.blob.text(), blob: f.blob });
  }
  return out;
}
