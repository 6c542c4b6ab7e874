/**
 * Column-wise JSON for a snapshot of display rows (what the catalog worker hands the window and what
 * is persisted for a cold start): no property names repeated per row, low-cardinality columns as
 * dictionaries. Pure; `decodeDisplay` validates and returns undefined on anything unexpected.
 */
import type { DisplayRow } from './display';
import { dictColumn, dictReader, stringColumn, type DictColumn } from '../util/columns';

const VERSION = 1;

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

export type DisplaySnapshot = { snapshotId: string; rows: DisplayRow[] };

export function encodeDisplay(snapshotId: string, rows: readonly DisplayRow[]): string {
  const text: Partial<Record<TextField, string[]>> = {};
  for (const f of TEXT_FIELDS) text[f] = rows.map((r) => r[f]);
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
  const text = {} as Record<TextField, string[]>;
  for (const f of TEXT_FIELDS) {
    const col = stringColumn(textIn[f], n);
    if (!col) return undefined;
    text[f] = col;
  }
  const dict = {} as Record<DictField, (i: number) => string>;
  for (const f of DICT_FIELDS) {
    const read = dictReader(dictIn[f], n);
    if (!read) return undefined;
    dict[f] = read;
  }
  const pick = (f: DictField, i: number): string => dict[f](i);
  const rows = new Array<DisplayRow>(n);
  for (let i = 0; i < n; i++) {
    rows[i] = {
      key: text.key[i] ?? '',
      id: text.id[i] ?? '',
      name: text.name[i] ?? '',
      kind: pick('kind', i),
      owner: text.owner[i] ?? '',
      task: pick('task', i),
      library: pick('library', i),
      license: pick('license', i),
      family: pick('family', i),
      baseModel: text.baseModel[i] ?? '',
      derivative: pick('derivative', i),
      languages: text.languages[i] ?? '',
      format: text.format[i] ?? '',
      updatedAt: text.updatedAt[i] ?? '',
    };
  }
  return { snapshotId: e.snapshotId, rows };
}
