/**
 * Preparing one file for the writer (no database): read, decode, reject binaries, hash (crypto.subtle)
 * and parse (core's parseFile). Runs in a parse worker of the pool, or in-thread as the fallback; both
 * give the same result. A Tarn export is parsed and validated here too (its JSON is the bulk of its
 * cost); its rows go back to the import pipeline, which restores them.
 */
import { parseCatalogExport, type EnvelopeResult } from '@/core/export/envelope';
import { parseFile } from '@/core/formats/parseFile';
import type { FileReport } from '@/core/catalog/rows';
import type { ParseResult } from '@/core/model';
import { sha256Hex } from '@/core/util/hash';

/** A file to prepare: its bytes as a Blob (picked files) or as an array (zip entries). */
export type ParseInput = { name: string; bytes: number; blob?: Blob; data?: Uint8Array };

/** The source of a parsed file as the writer stores it. */
export type ParsedSource = { name: string; text: string; sha256: string; bytes: number };

export type Prepared =
  | { report: FileReport }
  | { export: { name: string; bytes: number; env: EnvelopeResult } }
  | { parsed: { source: ParsedSource; result: ParseResult } };

export function failedReport(name: string, bytes: number, code: string, message: string): FileReport {
  return {
    name,
    bytes,
    format: 'unknown',
    status: 'failed',
    created: 0,
    updated: 0,
    unchanged: 0,
    relationsAdded: 0,
    assetIds: [],
    issues: [{ severity: 'error', code, message }],
  };
}

function readFailed(input: ParseInput, e: unknown): Prepared {
  return {
    report: failedReport(
      input.name,
      input.bytes,
      'READ_FAILED',
      `Could not read the file: ${e instanceof Error ? e.message : String(e)}`,
    ),
  };
}

async function readText(input: ParseInput, decoder: TextDecoder): Promise<string> {
  if (input.data) {
    // A zip entry handed to a parse worker that then failed: its bytes went with it.
    if (input.data.byteLength === 0 && input.bytes > 0) throw new Error('the parse worker stopped');
    return decoder.decode(input.data);
  }
  if (input.blob) return input.blob.text();
  throw new Error('no content');
}

/** Reads, hashes and parses one file (no writes). Never throws. */
export async function prepareFile(input: ParseInput, decoder: TextDecoder): Promise<Prepared> {
  let text: string;
  try {
    text = await readText(input, decoder);
  } catch (e) {
    return readFailed(input, e);
  }
  return prepareText(input.name, input.bytes, text);
}

/** Hashes and parses one file's text (no writes). Never throws. */
export async function prepareText(name: string, bytes: number, text: string): Promise<Prepared> {
  if (text.includes('\u0000')) {
    return {
      report: failedReport(name, bytes, 'BINARY_FILE', 'This is a binary file, not a metadata text file.'),
    };
  }
  // A Tarn export is parsed once, for the restore path (no generic parse, no hash: its rows carry their
  // own source hashes).
  const looksLikeExport =
    /^\uFEFF?\s*\{/u.test(text) && /"format"\s*:\s*"tarn-catalog"/u.test(text.slice(0, 4096));
  if (looksLikeExport) return { export: { name, bytes, env: parseCatalogExport(text) } };
  const result = parseFile({ name, text });
  if (result.format === 'tarn-catalog') return { export: { name, bytes, env: parseCatalogExport(text) } };
  try {
    const sha256 = await sha256Hex(text);
    return { parsed: { source: { name, text, sha256, bytes }, result } };
  } catch (e) {
    return { report: failedReport(name, bytes, 'READ_FAILED', `Could not hash the file: ${String(e)}`) };
  }
}

/** Messages between the pool and a parse worker. */
export type ParseRequest = { id: number; inputs: ParseInput[] };
/** `ms`: the worker's time on the chunk (recorded by the pool as a `tarn:parse:chunk` measure). */
export type ParseResponse = { id: number; prepared: Prepared[]; ms?: number };
