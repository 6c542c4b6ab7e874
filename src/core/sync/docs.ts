/**
 * Team sync through CouchDB: how Tarn's rows map to replicated documents, and how a conflict between two
 * machines' edits of one asset's curation is found and resolved. Pure: the PouchDB side lives in
 * workers/catalog/sync.
 *
 * One document per row: `_id` = `<kind>:<row id>`, body `{ kind, row }` with the row exactly as stored, so
 * a document arriving from the team is written back as the same row (and two copies compare as equal).
 */
import type {
  CollectionRow,
  CurationRow,
  CurationStatus,
  EdgeDecisionRow,
  RelationRow,
  SavedViewRow,
  StoredAsset,
} from '../catalog/rows';

/** The Tarn tables that replicate (versions, imports, audit and settings stay in this browser). */
export type SyncTable = 'curation' | 'collections' | 'edgeDecisions' | 'savedViews' | 'assets' | 'relations';

export type SyncRowOf = {
  curation: CurationRow;
  collections: CollectionRow;
  edgeDecisions: EdgeDecisionRow;
  savedViews: SavedViewRow;
  assets: StoredAsset;
  relations: RelationRow;
};

export const SYNC_TABLES: readonly SyncTable[] = [
  'assets',
  'relations',
  'curation',
  'collections',
  'edgeDecisions',
  'savedViews',
];

/** The document id prefix of each table (short, stable: other machines read them). */
const KIND: Record<SyncTable, string> = {
  curation: 'curation',
  collections: 'collection',
  edgeDecisions: 'edge',
  savedViews: 'view',
  assets: 'asset',
  relations: 'relation',
};

const TABLE_OF_KIND = new Map<string, SyncTable>(
  (Object.keys(KIND) as SyncTable[]).map((t) => [KIND[t], t] as const),
);

/** A replicated document's body (PouchDB adds `_rev`). */
export type SyncDoc = { _id: string; kind: string; row: unknown };

/** The primary key of a row of `table`. */
export function rowIdOf(table: SyncTable, row: SyncRowOf[SyncTable]): string {
  return 'key' in row && typeof row.key === 'string' && (table === 'curation' || table === 'assets')
    ? row.key
    : (row as { id: string }).id;
}

export function docIdOf(table: SyncTable, rowId: string): string {
  return `${KIND[table]}:${rowId}`;
}

/** The table and row id a document id names, or undefined for a document Tarn does not know. */
export function parseDocId(docId: string): { table: SyncTable; rowId: string } | undefined {
  const i = docId.indexOf(':');
  if (i <= 0) return undefined;
  const table = TABLE_OF_KIND.get(docId.slice(0, i));
  const rowId = docId.slice(i + 1);
  return table && rowId !== '' ? { table, rowId } : undefined;
}

export function rowToDoc<T extends SyncTable>(table: T, row: SyncRowOf[T]): SyncDoc {
  return { _id: docIdOf(table, rowIdOf(table, row)), kind: KIND[table], row };
}

/** The row a document carries, if it is a well-formed Tarn document whose row id matches its `_id`. */
export function docToRow(doc: {
  _id: string;
  kind?: unknown;
  row?: unknown;
}): { table: SyncTable; rowId: string; row: SyncRowOf[SyncTable] } | undefined {
  const id = parseDocId(doc._id);
  if (!id || doc.kind !== KIND[id.table]) return undefined;
  const row = doc.row;
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
  const typed = row as SyncRowOf[SyncTable];
  if (rowIdOf(id.table, typed) !== id.rowId) return undefined;
  return { table: id.table, rowId: id.rowId, row: typed };
}

/** JSON with object keys sorted, so two equal rows give the same text whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export function sameRow(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

/**
 * A 128-bit hash of a text as 32 hex digits (cyrb128: four 32-bit lanes), the form of a CouchDB revision
 * id. Not cryptographic: it tells rows apart and names revisions, where a collision is harmless in practice.
 */
export function contentHash(text: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

/**
 * The next revision of a document as an edit made on `base` (its parent revision; undefined: a new
 * document): `_rev` and `_revisions` for a write with `new_edits: false`. Written that way, an edit made
 * on a revision the team has since moved past becomes a conflict (both kept) instead of overwriting the
 * newer revision it never saw. The id depends only on the parent and the body, so two tabs putting the
 * same edit put the same revision.
 */
export function childRevision(
  base: string | undefined,
  body: { kind: string; row: unknown; _deleted?: boolean },
): { _rev: string; _revisions: { start: number; ids: string[] } } {
  const parent = base === undefined ? undefined : parseRev(base);
  const id = contentHash(`${base ?? ''}\n${stableJson(body)}`);
  const start = (parent?.gen ?? 0) + 1;
  return { _rev: `${start}-${id}`, _revisions: { start, ids: parent ? [id, parent.id] : [id] } };
}

function parseRev(rev: string): { gen: number; id: string } | undefined {
  const i = rev.indexOf('-');
  const gen = Number(rev.slice(0, i));
  return i > 0 && Number.isInteger(gen) && gen > 0 ? { gen, id: rev.slice(i + 1) } : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Conflicts

/** The curation fields two people can edit at once. */
export const CONFLICT_FIELDS = ['notes', 'tags', 'status', 'owner'] as const;
export type ConflictField = (typeof CONFLICT_FIELDS)[number];

/** A field's value as stored (`null` for a cleared status or owner). */
export type FieldValue = string | string[] | null;

/** One field whose value differs between the revisions in conflict: every distinct value, winner first. */
export type FieldConflict = { field: ConflictField; values: FieldValue[] };

export function fieldValue(row: CurationRow, field: ConflictField): FieldValue {
  switch (field) {
    case 'notes':
      return row.notes;
    case 'tags':
      return [...row.tags];
    case 'status':
      return row.status ?? null;
    case 'owner':
      return row.owner ?? null;
  }
}

/** How a value reads on a "Keep <value>" button. */
export function valueLabel(value: FieldValue): string {
  if (value === null) return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(no tags)' : value.join(', ');
  return value === '' ? '(empty)' : value;
}

/**
 * The fields whose values differ between the leaves of a conflicted curation document (`leaves[0]` is the
 * current winner, the rest the conflicting revisions). Empty: nothing a person must choose.
 */
export function curationConflicts(leaves: readonly CurationRow[]): FieldConflict[] {
  const out: FieldConflict[] = [];
  for (const field of CONFLICT_FIELDS) {
    const values: FieldValue[] = [];
    for (const leaf of leaves) {
      const v = fieldValue(leaf, field);
      if (!values.some((x) => sameRow(x, v))) values.push(v);
    }
    if (values.length > 1) out.push({ field, values });
  }
  return out;
}

function withField(row: CurationRow, field: ConflictField, value: FieldValue, at: string): CurationRow {
  const next: CurationRow = { ...row, tags: [...row.tags], updatedAt: at };
  switch (field) {
    case 'notes':
      next.notes = typeof value === 'string' ? value : '';
      break;
    case 'tags':
      next.tags = Array.isArray(value) ? [...value] : [];
      break;
    case 'status':
      if (typeof value === 'string') next.status = value as CurationStatus;
      else delete next.status;
      break;
    case 'owner':
      if (typeof value === 'string') next.owner = value;
      else delete next.owner;
      break;
  }
  return next;
}

/**
 * Applies a person's choice for one field to every leaf. The winner gets the value; a losing leaf that then
 * agrees with the winner on every conflict field is removed (`null`); one that still differs elsewhere keeps
 * its other values with this field settled, so the next choice is still offered and nothing is lost.
 */
export function resolveField(
  leaves: readonly [CurationRow, ...CurationRow[]],
  field: ConflictField,
  value: FieldValue,
  at: string,
): { winner: CurationRow; losers: (CurationRow | null)[] } {
  const [first, ...rest] = leaves;
  const winner = withField(first, field, value, at);
  const losers = rest.map((leaf) => {
    const settled = withField(leaf, field, value, at);
    return curationConflicts([winner, settled]).length === 0 ? null : settled;
  });
  return { winner, losers };
}
