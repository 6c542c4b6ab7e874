/**
 * The export file in parts: Tarn writes its envelope one record per line, so neither writing nor reading
 * needs the whole file as one string (a 100k catalog with raw sources is larger than a JavaScript string
 * may be). The file is ordinary JSON, read by any JSON parser; `readExportLines` reads this layout line by
 * line, and says when a file is in another layout (hand-edited, pretty-printed) so the caller can fall back.
 */
import type { CatalogExport } from './envelope';

const LISTS = [
  'assets',
  'versions',
  'relations',
  'curation',
  'collections',
  'audit',
  'savedViews',
  'edgeDecisions',
  'imports',
] as const;

type ListName = (typeof LISTS)[number];

/** The envelope's parts in file order: strings to put in a Blob (or write to a file) as they come. */
export function* exportParts(env: CatalogExport): Generator<string> {
  const head: Record<string, unknown> = {};
  const tail: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined || (LISTS as readonly string[]).includes(k)) continue;
    if (k === 'licenses') tail[k] = v;
    else head[k] = v;
  }
  const headJson = JSON.stringify(head);
  yield `${headJson.slice(0, -1)},\n`;
  const lists = LISTS.filter((l) => env[l] !== undefined);
  for (let li = 0; li < lists.length; li++) {
    const name = lists[li] as ListName;
    const rows = env[name] as readonly unknown[];
    yield `${JSON.stringify(name)}:[\n`;
    for (let i = 0; i < rows.length; i++)
      yield `${JSON.stringify(rows[i])}${i < rows.length - 1 ? ',' : ''}\n`;
    const last = li === lists.length - 1 && Object.keys(tail).length === 0;
    yield last ? ']\n' : '],\n';
  }
  const tailJson = Object.keys(tail).length > 0 ? JSON.stringify(tail) : '';
  yield tailJson ? `${tailJson.slice(1, -1)}\n}\n` : '}\n';
}

/** Lines of a text that arrives in chunks (the last line may lack its newline). */
export async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of chunks) {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      yield text.slice(start, nl);
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  if (rest) yield rest;
}

/** Copies own keys as own properties (a `__proto__` key stays a key, for the sanitizer to see and drop). */
function define(target: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const k of Object.keys(from)) {
    Object.defineProperty(target, k, {
      value: from[k],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

const LIST_OPEN = /^"([A-Za-z]+)":\[$/;

function withoutComma(line: string): string {
  return line.endsWith(',') ? line.slice(0, -1) : line;
}

/**
 * Reads an export in Tarn's one-record-per-line layout into a plain value (to validate as any export).
 * `undefined`: the text is not in this layout (or not valid JSON in it); the caller decides what to do.
 */
export async function readExportLines(
  lines: AsyncIterable<string>,
): Promise<Record<string, unknown> | undefined> {
  const out: Record<string, unknown> = {};
  let list: unknown[] | undefined;
  let n = 0;
  let closed = false;
  try {
    for await (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (n++ === 0) {
        if (!line.startsWith('{') || !line.endsWith(',')) return undefined;
        define(out, JSON.parse(`${line.slice(0, -1)}}`) as Record<string, unknown>);
        continue;
      }
      if (closed) {
        if (line.trim() !== '') return undefined;
        continue;
      }
      if (list) {
        if (line === ']' || line === '],') list = undefined;
        else list.push(JSON.parse(withoutComma(line)));
        continue;
      }
      const open = LIST_OPEN.exec(line);
      if (open?.[1]) {
        list = [];
        define(out, { [open[1]]: list });
      } else if (line === '}') closed = true;
      else if (line.startsWith('"')) {
        define(out, JSON.parse(`{${withoutComma(line)}}`) as Record<string, unknown>);
      } else return undefined;
    }
  } catch {
    return undefined;
  }
  return closed && !list ? out : undefined;
}
