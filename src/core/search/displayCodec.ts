/**
 * Column-wise JSON for a snapshot of display rows (what the catalog worker hands the window and what
 * is persisted for a cold start): no property names repeated per row, low-cardinality columns as
 * dictionaries, text columns packed into one string each. Decoding makes no row objects: a row is built
 * when it is first read (a view shows a few dozen of 100k). Pure; `decodeDisplay` validates and returns
 * undefined on anything unexpected.
 */
import type { DisplayRow } from './display';
import {
  dictColumn,
  dictReader,
  packedReader,
  packStrings,
  type DictColumn,
  type PackedStrings,
} from '../util/columns';

const VERSION = 2;

type TextField = 'key' | 'id' | 'name' | 'owner' | 'baseModel' | 'languages' | 'format' | 'updatedAt';
type DictField = 'kind' | 'task' | 'library' | 'license' | 'family' | 'derivative';

const TEXT_FIELDS: readonly TextField[] = [
  'key',
  'id',
  'name',
  'owner',
  'baseModel',
  'languages',
  'format',
  'updatedAt',
];
const DICT_FIELDS: readonly DictField[] = ['kind', 'task', 'library', 'license', 'family', 'derivative'];

/** Rows read by position (built on first read, then the same object each time). */
export type DisplayRows = {
  readonly length: number;
  at(i: number): DisplayRow | undefined;
};

export type DisplaySnapshot = { snapshotId: string; rows: DisplayRows };

export function encodeDisplay(snapshotId: string, rows: readonly DisplayRow[]): string {
  const text: Partial<Record<TextField, PackedStrings>> = {};
  for (const f of TEXT_FIELDS) text[f] = packStrings(rows.map((r) => r[f]));
  const dict: Partial<Record<DictField, DictColumn>> = {};
  for (const f of DICT_FIELDS) dict[f] = dictColumn(rows.map((r) => r[f]));
  return JSON.stringify({ v: VERSION, snapshotId, n: rows.length, text, dict });
}

export function decodeDisplay(json: string): DisplaySnapshot | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const e = parsed as { v?: unknown; snapshotId?: unknown; n?: unknown; text?: unknown; dict?: unknown };
  const n = e.n;
  if (e.v !== VERSION || typeof e.snapshotId !== 'string' || typeof n !== 'number' || !Number.isInteger(n))
    return undefined;
  if (typeof e.text !== 'object' || e.text === null || typeof e.dict !== 'object' || e.dict === null)
    return undefined;
  const textIn = e.text as Record<string, unknown>;
  const dictIn = e.dict as Record<string, unknown>;
  const text = {} as Record<TextField, (i: number) => string>;
  for (const f of TEXT_FIELDS) {
    const read = packedReader(textIn[f], n);
    if (!read) return undefined;
    text[f] = read;
  }
  const dict = {} as Record<DictField, (i: number) => string>;
  for (const f of DICT_FIELDS) {
    const read = dictReader(dictIn[f], n);
    if (!read) return undefined;
    dict[f] = read;
  }
  const made = new Array<DisplayRow | undefined>(n).fill(undefined);
  const build = (i: number): DisplayRow => ({
    key: text.key(i),
    id: text.id(i),
    name: text.name(i),
    kind: dict.kind(i),
    owner: text.owner(i),
    task: dict.task(i),
    library: dict.library(i),
    license: dict.license(i),
    family: dict.family(i),
    baseModel: text.baseModel(i),
    derivative: dict.derivative(i),
    languages: text.languages(i),
    format: text.format(i),
    updatedAt: text.updatedAt(i),
  });
  const rows: DisplayRows = {
    length: n,
    at: (i) => {
      if (!Number.isInteger(i) || i < 0 || i >= n) return undefined;
      return (made[i] ??= build(i));
    },
  };
  return { snapshotId: e.snapshotId, rows };
}
