/**
 * Intake: turns what the user dropped (files, folder entries, zips) into named texts to parse.
 * Runs in the worker. Non-metadata files are skipped (counted, not errors).
 */
import { unzipSync } from 'fflate';
import { MAX_FILE_BYTES } from '@/core/util/safeParse';

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
  | { kind: 'too-large'; name: string; bytes: number };

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

/** Expands inputs into entries; zips are opened in place (nested paths kept as `archive.zip/inner/path`). */
export async function expandInputs(inputs: InputFile[]): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const f of inputs) {
    if (isZip(f.name)) {
      let files: Record<string, Uint8Array>;
      try {
        files = unzipSync(new Uint8Array(await f.blob.arrayBuffer()), {
          filter: (info) =>
            !info.name.endsWith('/') && !skipReason(info.name) && info.originalSize <= MAX_FILE_BYTES,
        });
      } catch (e) {
        out.push({
          kind: 'text',
          name: f.name,
          bytes: f.blob.size,
          read: () =>
            Promise.reject(new Error(`Cannot open zip: ${e instanceof Error ? e.message : String(e)}`)),
        });
        continue;
      }
      for (const [inner, data] of Object.entries(files)) {
        if (inner.startsWith('__MACOSX/')) continue;
        out.push({
          kind: 'text',
          name: `${f.name}/${inner}`,
          bytes: data.byteLength,
          read: () => Promise.resolve(decoder.decode(data)),
          data,
        });
      }
      continue;
    }
    const reason = skipReason(f.name);
    if (reason) {
      out.push({ kind: 'skipped', name: f.name, bytes: f.blob.size, reason });
      continue;
    }
    if (f.blob.size > MAX_FILE_BYTES) {
      out.push({ kind: 'too-large', name: f.name, bytes: f.blob.size });
      continue;
    }
    out.push({ kind: 'text', name: f.name, bytes: f.blob.size, read: () => f.blob.text(), blob: f.blob });
  }
  return out;
}
