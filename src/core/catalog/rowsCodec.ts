/**
 * Compact, column-wise encoding of catalog rows for the persisted search cache. A row-wise JSON array
 * repeats every property name on every row (a third of the bytes at 100k rows) and parses slowly;
 * columns of strings, dictionary-coded low-cardinality fields and joined lists are about half the size
 * and parse several times faster.
 *
 * Two parts: the head (ids, names, dictionary fields, counts) as typed arrays and packed strings, and the
 * tail as JSON documents on lines: one per list field and one for the descriptions (two thirds of the bytes). A cold start needs only the
 * head: facets, sort orders and the search index come from their own caches. Decoded rows parse a tail
 * column the first time any of them reads it. Pure; `decodeRows` validates the head and returns undefined on
 * anything unexpected; a tail column that fails to parse reads empty, and `rowsIntact` reports it.
 */
import type { CatalogRow } from './catalogRow';
import {
  dictReader,
  packedReader,
  packStrings,
  stringColumn,
  typedDictColumn,
  type PackedStrings,
  type TypedDictColumn,
} from '../util/columns';

export const ROWS_CODEC_VERSION = 7;

const SEP = '\u001f';

type StringField = 'key' | 'id' | 'name' | 'owner' | 'licenseName' | 'createdAt' | 'updatedAt';
type DictField = 'kind' | 'task' | 'library' | 'license' | 'licenseFamily' | 'derivative' | 'source';
type ListField =
  'tasks' | 'baseModels' | 'bases' | 'parents' | 'trainedOn' | 'languages' | 'formats' | 'tags';

const STRING_FIELDS: readonly StringField[] = [
  'key',
  'id',
  'name',
  'owner',
  'licenseName',
  'createdAt',
  'updatedAt',
];
const DICT_FIELDS: readonly DictField[] = [
  'kind',
  'task',
  'library',
  'license',
  'licenseFamily',
  'derivative',
  'source',
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

/**
 * The head, as a value for IndexedDB's structured clone: text columns packed into one string each, numbers
 * in typed arrays. Reading it back parses nothing (a JSON head of 100k rows took ~90 ms to parse).
 */
export type EncodedHead = {
  v: number;
  n: number;
  strings: Record<StringField, PackedStrings>;
  dicts: Record<DictField, TypedDictColumn>;
  nChildren: Uint32Array;
  /** Completeness percentages (0..100). */
  completeness: Uint8Array;
};

/** Encoded rows: the head, and the tail as text (see `TAIL_LINES`). */
export type EncodedRows = { head: EncodedHead; tail: string };

/** The tail, one line each: the list columns in LIST_FIELDS order, then the descriptions. */
const TAIL_LINES = LIST_FIELDS.length + 1;

function listColumn(values: readonly (readonly string[])[]): ListColumn {
  if (values.some((xs) => xs.some((x) => x.includes(SEP)))) return { arrays: values.map((xs) => [...xs]) };
  return { joined: values.map((xs) => xs.join(SEP)) };
}

/** Encodes rows (any order kept): the head's columns, and the tail's columns as lines of JSON. */
export function encodeRows(rows: readonly CatalogRow[]): EncodedRows {
  const strings = {} as Record<StringField, PackedStrings>;
  for (const f of STRING_FIELDS)
    strings[f] = packStrings(
      rows.map((r) => r[f]),
      true,
    );
  const dicts = {} as Record<DictField, TypedDictColumn>;
  for (const f of DICT_FIELDS) dicts[f] = typedDictColumn(rows.map((r) => r[f]));
  const lists = {} as Record<ListField, ListColumn>;
  for (const f of LIST_FIELDS) lists[f] = listColumn(rows.map((r) => r[f]));
  const head: EncodedHead = {
    v: ROWS_CODEC_VERSION,
    n: rows.length,
    strings,
    dicts,
    nChildren: Uint32Array.from(rows, (r) => r.nChildren),
    completeness: Uint8Array.from(rows, (r) => r.completeness),
  };
  const tail = [...LIST_FIELDS.map((f) => lists[f]), rows.map((r) => r.desc)];
  // JSON.stringify escapes line breaks inside strings: a newline only ever separates two parts.
  return { head, tail: tail.map((part) => JSON.stringify(part)).join('\n') };
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

/** The tail of one decoded batch of rows: its columns, each parsed on first use. */
type Tail = {
  n: number;
  text: string;
  /** Decoded without its tail, which has not been supplied yet (see `supplyTail`). */
  pending: boolean;
  lines?: string[];
  lists: (((i: number) => ListValue) | undefined)[];
  desc?: string[];
  /** Some column did not parse or validate: it reads empty. */
  failed: boolean;
};

function tailLine(t: Tail, k: number): unknown {
  // A programming error, not bad data: the caller must wait for the tail (see `supplyTail`).
  if (t.pending) throw new Error("Catalog rows: a list column was read before the rows' tail was supplied");
  t.lines ??= t.text.split('\n');
  t.text = '';
  const line = t.lines.length === TAIL_LINES ? t.lines[k] : undefined;
  if (t.lines.length === TAIL_LINES) t.lines[k] = '';
  try {
    return line === undefined ? undefined : (JSON.parse(line) as unknown);
  } catch {
    return undefined;
  }
}

function tailList(t: Tail, k: number): (i: number) => ListValue {
  let read = t.lists[k];
  if (!read) {
    read = readList(tailLine(t, k), t.n);
    if (!read) {
      t.failed = true;
      read = () => '';
    }
    t.lists[k] = read;
  }
  return read;
}

function tailDesc(t: Tail): string[] {
  if (!t.desc) {
    const desc = stringColumn(tailLine(t, LIST_FIELDS.length), t.n);
    if (!desc) t.failed = true;
    t.desc = desc ?? [];
  }
  return t.desc;
}

/** Parses tail column `k` (LIST_FIELDS order, then descriptions); false when it is broken. */
function parseTailColumn(t: Tail, k: number): boolean {
  if (k < LIST_FIELDS.length) tailList(t, k);
  else tailDesc(t);
  return !t.failed;
}

/** The head columns of one decoded batch: a row reads its own fields from them when first asked. */
type Head = Record<StringField | DictField, (i: number) => string>;

/** Head fields a decoded row reads from its batch's columns (the key is read at once). */
type LazyField = Exclude<StringField, 'key'> | DictField;
const LAZY_FIELDS: readonly LazyField[] = [
  ...STRING_FIELDS.filter((f): f is Exclude<StringField, 'key'> => f !== 'key'),
  ...DICT_FIELDS,
];

/**
 * A decoded row: the key and child count as own properties; the other head fields read from the batch's
 * columns when first asked (then kept); list fields and the description read from the batch's tail (parsed
 * on first use), lists split from their joined text on first read. Reads and writes like a plain row.
 * Decoding 100k rows thus makes 100k small objects and keys, not a dozen strings per row.
 */
class DecodedRow implements CatalogRow {
  private lists: (string[] | undefined)[] | undefined;
  private ownDesc: string | undefined;
  /** Head fields read or written so far. */
  private own: Partial<Record<LazyField, string>> | undefined;
  declare id: string;
  declare name: string;
  declare kind: CatalogRow['kind'];
  declare owner: string;
  declare task: string;
  declare library: string;
  declare license: string;
  declare licenseName: string;
  declare licenseFamily: CatalogRow['licenseFamily'];
  declare derivative: CatalogRow['derivative'];
  declare source: string;
  declare createdAt: string;
  declare updatedAt: string;
  constructor(
    public key: string,
    public nChildren: number,
    public completeness: number,
    private readonly head: Head,
    private readonly tail: Tail,
    /** This row's position in its batch's columns. */
    private readonly at: number,
  ) {}
  /** Head field `f`, read from the batch's column the first time. */
  field(f: LazyField): string {
    const own = (this.own ??= {});
    return (own[f] ??= this.head[f](this.at));
  }
  setField(f: LazyField, v: string): void {
    (this.own ??= {})[f] = v;
  }
  /** List `k` (LIST_FIELDS order). */
  private list(k: number): string[] {
    const own = (this.lists ??= []);
    const got = own[k];
    if (got) return got;
    const xs = listOf(tailList(this.tail, k)(this.at));
    own[k] = xs;
    return xs;
  }
  private setList(k: number, v: string[]): void {
    (this.lists ??= [])[k] = v;
  }
  get desc(): string {
    return this.ownDesc ?? tailDesc(this.tail)[this.at] ?? '';
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
  /** The batch's tail (for `rowsIntactSteps`). */
  batchTail(): Tail {
    return this.tail;
  }
}

for (const f of LAZY_FIELDS) {
  Object.defineProperty(DecodedRow.prototype, f, {
    get(this: DecodedRow) {
      return this.field(f);
    },
    set(this: DecodedRow, v: string) {
      this.setField(f, v);
    },
    enumerable: true,
    configurable: true,
  });
}

/**
 * Decodes `encodeRows` output (after a structured clone); undefined when the head is not a valid encoding
 * of this version. The tail is only checked when first read. Without a tail, the rows' head fields read at
 * once and their lists and descriptions only after `supplyTail` (a cold start reads the tail later).
 */
export function decodeRows(encoded: { head: unknown; tail?: string }): CatalogRow[] | undefined {
  const parsed = encoded.head;
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const e = parsed as Partial<EncodedHead>;
  const n = e.n;
  if (e.v !== ROWS_CODEC_VERSION || typeof n !== 'number' || !Number.isInteger(n) || n < 0) return undefined;
  if (!e.strings || !e.dicts || !(e.nChildren instanceof Uint32Array) || e.nChildren.length !== n)
    return undefined;
  if (!(e.completeness instanceof Uint8Array) || e.completeness.length !== n) return undefined;
  const head = {} as Head;
  for (const f of STRING_FIELDS) {
    const read = packedReader(e.strings[f], n);
    if (!read) return undefined;
    head[f] = read;
  }
  for (const f of DICT_FIELDS) {
    const read = dictReader(e.dicts[f], n);
    if (!read) return undefined;
    head[f] = read;
  }
  const pending = encoded.tail === undefined;
  const tail: Tail = { n, text: encoded.tail ?? '', pending, lists: [], failed: false };
  const { nChildren, completeness } = e;
  const key = head.key;
  const rows = new Array<CatalogRow>(n);
  for (let i = 0; i < n; i++)
    rows[i] = new DecodedRow(key(i), nChildren[i] ?? 0, completeness[i] ?? 0, head, tail, i);
  return rows;
}

/** The tails of the decoded rows among `rows`. */
function tailsOf(rows: readonly CatalogRow[]): Set<Tail> {
  const tails = new Set<Tail>();
  for (const r of rows) if (r instanceof DecodedRow) tails.add(r.batchTail());
  return tails;
}

/**
 * Gives rows decoded without a tail their tail (`encodeRows(...).tail` of the same rows), or undefined when
 * it could not be read: their lists and descriptions then read empty and `rowsIntact` reports false.
 */
export function supplyTail(rows: readonly CatalogRow[], text: string | undefined): void {
  for (const t of tailsOf(rows)) {
    if (!t.pending) continue;
    t.pending = false;
    t.text = text ?? '';
    if (text === undefined) t.failed = true;
  }
}

/**
 * Steps that parse the tails of decoded rows, one column per step (idle work after a cold start, yielding
 * in between); each returns false once a column of its batch was found broken: the rows then read empty
 * lists there and should be rebuilt from the database.
 */
export function rowsIntactSteps(rows: readonly CatalogRow[]): (() => boolean)[] {
  const tails = tailsOf(rows);
  const steps: (() => boolean)[] = [];
  for (const t of tails) for (let k = 0; k < TAIL_LINES; k++) steps.push(() => parseTailColumn(t, k));
  return steps;
}

/** Parses the tails of decoded rows now; false when some column was broken (see `rowsIntactSteps`). */
export function rowsIntact(rows: readonly CatalogRow[]): boolean {
  return rowsIntactSteps(rows).every((step) => step());
}
