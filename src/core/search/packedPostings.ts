/**
 * Parts of the restored search index kept packed in typed arrays until something needs them as maps.
 *
 * MiniSearch keeps its index in maps: per term `Map<fieldId, Map<shortDocId, termFrequency>>`, per
 * document its id and its field lengths. Rebuilding those maps on start (3.6M postings and 300k
 * document entries at 100k assets) was most of the index restore time and memory. A `PackedMap` is such
 * a map with its contents still in the persisted arrays: the catalog's own scorer reads the arrays
 * directly (`packedSource`), and the first time anything uses it as a map (MiniSearch adding or removing
 * a document, `toJSON`, autosuggest) it fills itself and is the plain map it stands for from then on.
 */

export class PackedMap<K, V, S> extends Map<K, V> {
  #source: S | undefined;
  readonly #fill: (source: S, set: (key: K, value: V) => void) => void;

  constructor(source: S, fill: (source: S, set: (key: K, value: V) => void) => void) {
    super();
    this.#source = source;
    this.#fill = fill;
  }

  /** The packed contents while the map has not been used as a map; undefined after. */
  get source(): S | undefined {
    return this.#source;
  }

  #ensure(): void {
    const source = this.#source;
    if (source === undefined) return;
    this.#source = undefined;
    this.#fill(source, (k, v) => void super.set(k, v));
  }

  override get size(): number {
    this.#ensure();
    return super.size;
  }
  override get(key: K): V | undefined {
    this.#ensure();
    return super.get(key);
  }
  override has(key: K): boolean {
    this.#ensure();
    return super.has(key);
  }
  override set(key: K, value: V): this {
    this.#ensure();
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.#ensure();
    return super.delete(key);
  }
  override clear(): void {
    this.#source = undefined;
    super.clear();
  }
  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.#ensure();
    super.forEach(fn, thisArg);
  }
  override entries(): MapIterator<[K, V]> {
    this.#ensure();
    return super.entries();
  }
  override keys(): MapIterator<K> {
    this.#ensure();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.#ensure();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    this.#ensure();
    return super[Symbol.iterator]();
  }
}

/** The packed source of a map, when it is a `PackedMap` not yet used as a map. */
export function packedSource<S>(map: Map<unknown, unknown>): S | undefined {
  return map instanceof PackedMap ? (map.source as S | undefined) : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Term postings

/** One field's postings of a term: short document ids and term frequencies, in parallel. */
export type PackedList = { field: number; docs: Uint32Array; freqs: Uint32Array | Uint8Array };

type FieldPostings = Map<number, number>;

/** A term's data (`Map<fieldId, postings>`) backed by its packed lists. */
export function packedTermData(lists: readonly PackedList[]): Map<number, FieldPostings> {
  return new PackedMap<number, FieldPostings, readonly PackedList[]>(lists, (ls, set) => {
    for (const { field, docs, freqs } of ls) {
      const postings: FieldPostings = new Map();
      for (let i = 0; i < docs.length; i++) postings.set(docs[i] ?? 0, freqs[i] ?? 0);
      set(field, postings);
    }
  });
}

/** A term's postings by field, packed when the term's data still is. */
export function packedLists(data: Map<number, FieldPostings>): readonly PackedList[] | undefined {
  return packedSource<readonly PackedList[]>(data);
}

/** Number of postings of a term over all fields, without filling a packed term. */
export function postingCount(data: Map<number, FieldPostings>): number {
  const lists = packedLists(data);
  let n = 0;
  if (lists) for (const l of lists) n += l.docs.length;
  else for (const postings of data.values()) n += postings.size;
  return n;
}

// ---------------------------------------------------------------------------------------------------
// Documents

/** Documents as persisted: short ids with their ids; field lengths by short id (`nFields` each). */
export type PackedDocs = {
  shortIds: Uint32Array;
  /** Id of the i-th document (parallel to `shortIds`). */
  idOf: (i: number) => string;
  lengthIds: Uint32Array;
  lengths: Uint32Array | Uint16Array;
  nFields: number;
  /** Marks a field a document has no length for. */
  noLength: number;
  /**
   * When stored by row: each document's row (parallel to `shortIds`) in the rows `keyToIndex` maps,
   * valid while that map is the same object with the same size (`size`).
   */
  rows?: { docRows: Uint32Array; keyToIndex: ReadonlyMap<string, number>; size: number };
};

/** MiniSearch's `_documentIds`, `_idToShortId` and `_fieldLength`, backed by the packed documents. */
export function packedDocumentMaps(d: PackedDocs): {
  documentIds: Map<number, string>;
  idToShortId: Map<string, number>;
  fieldLength: Map<number, number[]>;
} {
  return {
    documentIds: new PackedMap<number, string, PackedDocs>(d, (s, set) =>
      s.shortIds.forEach((short, i) => set(short, s.idOf(i))),
    ),
    idToShortId: new PackedMap<string, number, PackedDocs>(d, (s, set) =>
      s.shortIds.forEach((short, i) => set(s.idOf(i), short)),
    ),
    fieldLength: new PackedMap<number, number[], PackedDocs>(d, (s, set) =>
      s.lengthIds.forEach((short, i) => {
        const arr: number[] = [];
        for (let f = 0; f < s.nFields; f++) {
          const v = s.lengths[i * s.nFields + f] ?? s.noLength;
          if (v !== s.noLength) arr[f] = v;
        }
        set(short, arr);
      }),
    ),
  };
}

/** The packed documents behind MiniSearch's document maps, while both are still packed. */
export function packedDocs(
  documentIds: Map<number, string>,
  fieldLength: Map<number, number[]>,
): PackedDocs | undefined {
  const a = packedSource<PackedDocs>(documentIds);
  return a !== undefined && packedSource<PackedDocs>(fieldLength) === a ? a : undefined;
}
