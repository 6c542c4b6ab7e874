/**
 * Compact, column-wise encoding of catalog rows for the persisted search cache. A row-wise JSON array
 * repeats every property name on every row (a third of the bytes at 100k rows) and parses slowly;
 * columns of strings, dictionary-coded low-cardinality fields and joined lists are about half the size
 * and parse several times faster.
 *
 * The text is two JSON documents on two lines: the head (ids, names, dictionary fields, counts) and the
 * tail (list fields and descriptions, two thirds of the bytes). A cold start needs only the head: facets,
 * sort orders and the search index come from their own caches. Decoded rows parse the tail the first time
 * any of them reads a list or a description. Pure; `decodeRows` validates the head and returns undefined on
 * anything unexpected; a tail that fails to parse leaves empty lists, and `rowsIntact` reports it.
 */
import type { CatalogRow } from './facets';
import { dictColumn, dictReader, stringColumn, type DictColumn } from '../util/columns';

export const ROWS_CODEC_VERSION = 2;

const SEP = '\u001f';

type StringField = 'key' | 'id' | 'name' | 'owner' | 'licenseName' | 'updatedAt';
type DictField = 'kind' | 'task' | 'library' | 'license' | 'licenseFamily' | 'derivative';
type ListField =
  'tasks' | 'baseModels' | 'bases' | 'parents' | 'trainedOn' | 'languages' | 'formats' | 'tags';

const STRING_FIELDS: readonly StringField[] = ['key', 'id', 'name', 'owner', 'licenseName', 'updatedAt'];
const DICT_FIELDS: readonly DictField[] = [
  'kind',
  'task',
  'library',
  'license',
  'licenseFamily',
  'derivative',
];
const LIST_FIELDS: readonly ListField[] = [
  'tasks',
  'baseModels',
  'bases',
  'parents',
  'trainedOn',
  'languages',
  'formats',
  'tags',
];

/** A list column: joined strings when no item holds the separator, else plain arrays. */
type ListColumn = { joined: string[] } | { arrays: string[][] };

export type EncodedRows = {
  v: number;
  n: number;
  strings: Record<StringField, string[]>;
  dicts: Record<DictField, DictColumn>;
  nChildren: number[];
};

export type EncodedTail = { lists: Record<ListField, ListColumn>; desc: string[] };

function listColumn(values: readonly (readonly string[])[]): ListColumn {
  if (values.some((xs) => xs.some((x) => x.includes(SEP)))) return { arrays: values.map((xs) => [...xs]) };
  return { joined: values.map((xs) => xs.join(SEP)) };
}

/** Encodes rows (any order kept) as two lines of JSON: head, then tail. */
export function encodeRows(rows: readonly CatalogRow[]): string {
  const strings = {} as Record<StringField, string[]>;
  for (const f of STRING_FIELDS) strings[f] = rows.map((r) => r[f]);
  const dicts = {} as Record<DictField, DictColumn>;
  for (const f of DICT_FIELDS) dicts[f] = dictColumn(rows.map((r) => r[f]));
  const lists = {} as Record<ListField, ListColumn>;
  for (const f of LIST_FIELDS) lists[f] = listColumn(rows.map((r) => r[f]));
  const head: EncodedRows = {
    v: ROWS_CODEC_VERSION,
    n: rows.length,
    strings,
    dicts,
    nChildren: rows.map((r) => r.nChildren),
  };
  const tail: EncodedTail = { lists, desc: rows.map((r) => r.desc) };
  // JSON.stringify escapes line breaks inside strings: the newline only ever separates the two parts.
  return `${JSON.stringify(head)}\n${JSON.stringify(tail)}`;
}

/** A list field as stored: joined text (split when first read) or the list itself. */
type ListValue = string | string[];

function readList(col: unknown, n: number): ((i: number) => ListValue) | undefined {
  if (typeof col !== 'object' || col === null) return undefined;
  const c = col as Record<string, unknown>;
  const joined = stringColumn(c.joined, n);
  if (joined) return (i) => joined[i] ?? '';
  if (!Array.isArray(c.arrays) || c.arrays.length !== n) return undefined;
  const arrays: string[][] = [];
  for (const xs of c.arrays as unknown[]) {
    const col = stringColumn(xs);
    if (!col) return undefined;
    arrays.push(col);
  }
  return (i) => arrays[i] ?? [];
}

function listOf(v: ListValue): string[] {
  if (typeof v !== 'string') return v;
  return v === '' ? [] : v.split(SEP);
}

/** The tail of one decoded batch of rows, parsed on first use. */
type Tail = {
  n: number;
  text: string;
  lists?: ((i: number) => ListValue)[];
  desc?: string[];
  /** The tail did not parse or validate: rows read empty lists and descriptions. */
  failed: boolean;
};

function parseTail(t: Tail): { lists: ((i: number) => ListValue)[]; desc: string[] } {
  if (t.lists && t.desc) return { lists: t.lists, desc: t.desc };
  let parsed: unknown;
  try {
    parsed = JSON.parse(t.text);
  } catch {
    parsed = undefined;
  }
  t.text = '';
  const e = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<EncodedTail>;
  const lists: ((i: number) => ListValue)[] = [];
  for (const f of LIST_FIELDS) {
    const read = e.lists ? readList(e.lists[f], t.n) : undefined;
    if (!read) break;
    lists.push(read);
  }
  const desc = stringColumn(e.desc, t.n);
  if (lists.length === LIST_FIELDS.length && desc) {
    t.lists = lists;
    t.desc = desc;
  } else {
    t.failed = true;
    t.lists = LIST_FIELDS.map(() => () => '');
    t.desc = [];
  }
  return { lists: t.lists, desc: t.desc };
}

/**
 * A decoded row: head fields as own properties; list fields and the description read from the batch's
 * tail (parsed on first use), lists split from their joined text on first read. Reads and writes like a
 * plain row.
 */
class DecodedRow implements CatalogRow {
  private lists: (string[] | undefined)[] | undefined;
  private ownDesc: string | undefined;
  constructor(
    public key: string,
    public id: string,
    public name: string,
    public kind: CatalogRow['kind'],
    public owner: string,
    public task: string,
    public library: string,
    public license: string,
    public licenseName: string,
    public licenseFamily: CatalogRow['licenseFamily'],
    public derivative: CatalogRow['derivative'],
    public nChildren: number,
    public updatedAt: string,
    private readonly tail: Tail,
    /** This row's position in its batch's columns. */
    private readonly at: number,
  ) {}
  /** List `k` (LIST_FIELDS order). */
  private list(k: number): string[] {
    const own = (this.lists ??= []);
    const got = own[k];
    if (got) return got;
    const xs = listOf(parseTail(this.tail).lists[k]?.(this.at) ?? '');
    own[k] = xs;
    return xs;
  }
  private setList(k: number, v: string[]): void {
    (this.lists ??= [])[k] = v;
  }
  get desc(): string {
    return this.ownDesc ?? parseTail(this.tail).desc[this.at] ?? '';
  }
  set desc(v: string) {
    this.ownDesc = v;
  }
  get tasks(): string[] {
    return this.list(0);
  }
  set tasks(v: string[]) {
    this.setList(0, v);
  }
  get baseModels(): string[] {
    return this.list(1);
  }
  set baseModels(v: string[]) {
    this.setList(1, v);
  }
  get bases(): string[] {
    return this.list(2);
  }
  set bases(v: string[]) {
    this.setList(2, v);
  }
  get parents(): string[] {
    return this.list(3);
  }
  set parents(v: string[]) {
    this.setList(3, v);
  }
  get trainedOn(): string[] {
    return this.list(4);
  }
  set trainedOn(v: string[]) {
    this.setList(4, v);
  }
  get languages(): string[] {
    return this.list(5);
  }
  set languages(v: string[]) {
    this.setList(5, v);
  }
  get formats(): string[] {
    return this.list(6);
  }
  set formats(v: string[]) {
    this.setList(6, v);
  }
  get tags(): string[] {
    return this.list(7);
  }
  set tags(v: string[]) {
    this.setList(7, v);
  }
  /** Parses the batch's tail now; false when it did not parse (the rows then hold empty lists). */
  tailIntact(): boolean {
    parseTail(this.tail);
    return !this.tail.failed;
  }
}

/** Decodes `encodeRows` output; undefined when the head is not a valid encoding of this version. */
export function decodeRows(json: string): CatalogRow[] | undefined {
  const cut = json.indexOf('\n');
  if (cut < 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.slice(0, cut));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const e = parsed as Partial<EncodedRows>;
  const n = e.n;
  if (e.v !== ROWS_CODEC_VERSION || typeof n !== 'number' || !Number.isInteger(n) || n < 0) return undefined;
  if (!e.strings || !e.dicts || !Array.isArray(e.nChildren) || e.nChildren.length !== n) return undefined;
  const strings = {} as Record<StringField, string[]>;
  for (const f of STRING_FIELDS) {
    const col = e.strings[f];
    if (!stringColumn(col, n)) return undefined;
    strings[f] = col;
  }
  const dicts = {} as Record<DictField, (i: number) => string>;
  for (const f of DICT_FIELDS) {
    const read = dictReader(e.dicts[f], n);
    if (!read) return undefined;
    dicts[f] = read;
  }
  const tail: Tail = { n, text: json.slice(cut + 1), failed: false };
  const nChildren = e.nChildren;
  const { key, id, name, owner, licenseName, updatedAt } = strings;
  const rows = new Array<CatalogRow>(n);
  for (let i = 0; i < n; i++) {
    rows[i] = new DecodedRow(
      key[i] ?? '',
      id[i] ?? '',
      name[i] ?? '',
      dicts.kind(i),
      owner[i] ?? '',
      dicts.task(i),
      dicts.library(i),
      dicts.license(i),
      licenseName[i] ?? '',
      dicts.licenseFamily(i) as CatalogRow['licenseFamily'],
      dicts.derivative(i) as CatalogRow['derivative'],
      Number(nChildren[i]) || 0,
      updatedAt[i] ?? '',
      tail,
      i,
    );
  }
  return rows;
}

/**
 * Parses the tails of decoded rows now (idle time after a cold start) and tells whether every one was
 * intact; false means the rows read empty lists and should be rebuilt from the database.
 */
export function rowsIntact(rows: readonly CatalogRow[]): boolean {
  for (const r of rows) if (r instanceof DecodedRow && !r.tailIntact()) return false;
  return true;
}
