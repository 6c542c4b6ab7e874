/**
 * Column helpers shared by the persisted caches' codecs (catalog rows, display snapshots, facet and
 * search indexes): dictionary-coded string columns and validation of columns read back from storage.
 */

/** A low-cardinality string column: distinct values once, then one id per row. */
export type DictColumn = { labels: string[]; ids: number[] };
/** The same with ids in the narrowest typed array (for a structured clone). */
export type TypedDictColumn = { labels: string[]; ids: Uint8Array | Uint16Array | Uint32Array };

export function typedDictColumn(values: readonly string[]): TypedDictColumn {
  const { labels, ids } = dictColumn(values);
  const Ids = labels.length <= 0x100 ? Uint8Array : labels.length <= 0x10000 ? Uint16Array : Uint32Array;
  return { labels, ids: Ids.from(ids) };
}

export function dictColumn(values: readonly string[]): DictColumn {
  const labels: string[] = [];
  const index = new Map<string, number>();
  const ids = values.map((v) => {
    let id = index.get(v);
    if (id === undefined) {
      id = labels.length;
      labels.push(v);
      index.set(v, id);
    }
    return id;
  });
  return { labels, ids };
}

/**
 * A string column stored as one text and each value's length. Parsing it back makes one string instead of
 * one per row (at 100k rows, allocating those strings and collecting them was most of a cold start's work);
 * values are sliced out when read.
 */
export type PackedStrings = { text: string; lengths: number[] | Uint32Array };

/** Lengths as numbers (for JSON), or as a typed array (for a structured clone: no parsing at all). */
export function packStrings(values: readonly string[], typed = false): PackedStrings {
  const lengths = values.map((v) => v.length);
  return { text: values.join(''), lengths: typed ? Uint32Array.from(lengths) : lengths };
}

/** Reads value `i` of a stored `PackedStrings` of `n` values; undefined when the column is malformed. */
export function packedReader(col: unknown, n: number): ((i: number) => string) | undefined {
  if (typeof col !== 'object' || col === null) return undefined;
  const c = col as { text?: unknown; lengths?: unknown };
  const { text, lengths } = c;
  if (typeof text !== 'string') return undefined;
  const typed = lengths instanceof Uint32Array;
  if (!(typed || Array.isArray(lengths)) || lengths.length !== n) return undefined;
  // Indexed loops, no callbacks: this runs at start-up, before anything is compiled.
  const starts = new Uint32Array(n + 1);
  let at = 0;
  if (typed) {
    for (let i = 0; i < n; i++) {
      starts[i] = at;
      at += lengths[i] ?? 0;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const len: unknown = lengths[i];
      if (typeof len !== 'number' || !Number.isInteger(len) || len < 0) return undefined;
      starts[i] = at;
      at += len;
    }
  }
  if (at !== text.length) return undefined;
  starts[n] = at;
  return (i) => (i >= 0 && i < n ? text.slice(starts[i], starts[i + 1]) : '');
}

/** `x` when it is an array of strings (of length `n` when given), else undefined. */
export function stringColumn(x: unknown, n?: number): string[] | undefined {
  if (!Array.isArray(x) || (n !== undefined && x.length !== n)) return undefined;
  return x.every((v) => typeof v === 'string') ? x : undefined;
}

/**
 * Whether `xs` holds each of 0..n-1 exactly once (a stored sort order or label order). Indexed loops with
 * no early exit: this runs at start-up, before anything is compiled.
 */
export function isPermutation(xs: Uint32Array, n: number): boolean {
  if (xs.length !== n) return false;
  const seen = new Uint8Array(n);
  for (let k = 0; k < n; k++) seen[xs[k] ?? 0] = 1;
  let all = 1;
  for (let id = 0; id < n; id++) all &= seen[id] ?? 0;
  return all === 1;
}

/** Reads row `i` of a stored `DictColumn` of `n` rows; undefined when the column is malformed. */
export function dictReader(col: unknown, n: number): ((i: number) => string) | undefined {
  if (typeof col !== 'object' || col === null) return undefined;
  const c = col as { labels?: unknown; ids?: unknown };
  const labels = stringColumn(c.labels);
  const ids = c.ids;
  if (!labels) return undefined;
  if (ids instanceof Uint8Array || ids instanceof Uint16Array || ids instanceof Uint32Array) {
    if (ids.length !== n) return undefined;
    // Indexed loop, no callbacks: this runs at start-up, before anything is compiled.
    let max = 0;
    for (let i = 0; i < n; i++) max = Math.max(max, ids[i] ?? 0);
    if (n > 0 && max >= labels.length) return undefined;
    return (i) => labels[ids[i] ?? 0] ?? '';
  }
  if (!Array.isArray(ids) || ids.length !== n) return undefined;
  if (!ids.every((id) => Number.isInteger(id) && id >= 0 && id < labels.length)) return undefined;
  const is = ids as number[];
  return (i) => labels[is[i] ?? 0] ?? '';
}
