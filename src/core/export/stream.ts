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
  const layout = layoutOf(env);
  yield layout.head;
  for (const list of layout.lists) {
    yield list.open;
    const rows = env[list.name] as readonly unknown[];
    for (let i = 0; i < rows.length; i++) yield rowLine(rows[i], i === rows.length - 1);
    yield list.close;
  }
  yield layout.tail;
}

/**
 * The same parts as `exportParts`, with the `versions` list read page by page from `versionPages` (the
 * envelope's own `versions` is not read): a whole catalog's raw sources are never all in memory at once.
 */
export async function* exportPartsPaged(
  env: CatalogExport,
  versionPages: AsyncIterable<readonly unknown[]>,
): AsyncGenerator<string> {
  const layout = layoutOf({ ...env, versions: [] });
  yield layout.head;
  for (const list of layout.lists) {
    yield list.open;
    if (list.name === 'versions') {
      // A row's trailing comma says another follows: each row waits for the next (or the end).
      let held: { row: unknown } | undefined;
      for await (const page of versionPages)
        for (const row of page) {
          if (held) yield rowLine(held.row, false);
          held = { row };
        }
      if (held) yield rowLine(held.row, true);
    } else {
      const rows = env[list.name] as readonly unknown[];
      for (let i = 0; i < rows.length; i++) yield rowLine(rows[i], i === rows.length - 1);
    }
    yield list.close;
  }
  yield layout.tail;
}

function rowLine(row: unknown, last: boolean): string {
  return `${JSON.stringify(row)}${last ? '' : ','}\n`;
}

/** The file's first line, each list's opening and closing lines, and the rest (licences) before the end. */
function layoutOf(env: CatalogExport): {
  head: string;
  lists: { name: ListName; open: string; close: string }[];
  tail: string;
} {
  const head: Record<string, unknown> = {};
  const tail: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined || (LISTS as readonly string[]).includes(k)) continue;
    if (k === 'licenses') tail[k] = v;
    else head[k] = v;
  }
  const headJson = JSON.stringify(head);
  const names = LISTS.filter((l) => env[l] !== undefined);
  const hasTail = Object.keys(tail).length > 0;
  const tailJson = hasTail ? JSON.stringify(tail) : '';
  return {
    head: `${headJson.slice(0, -1)},\n`,
    lists: names.map((name, li) => ({
      name,
      open: `${JSON.stringify(name)}:[\n`,
      close: li === names.length - 1 && !hasTail ? ']\n' : '],\n',
    })),
    tail: tailJson ? `${tailJson.slice(1, -1)}\n}\n` : '}\n',
  };
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
