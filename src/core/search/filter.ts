/**
 * Field clauses and phrases evaluated against catalog rows. Pure.
 */
import { assetKey } from '../model';
import { licenseAtoms, type CatalogRow } from '../catalog/catalogRow';
import type { FacetColumn, FacetIndex } from '../catalog/facetTypes';
import { LICENSE_FAMILIES, type LicenseFamily } from '../licenses/family';
import type { FieldClause, ParsedQuery } from './query';

const FAMILY_WORDS: Readonly<Record<string, LicenseFamily>> = {
  permissive: 'permissive',
  copyleft: 'copyleft',
  'non-commercial': 'non-commercial',
  noncommercial: 'non-commercial',
  nc: 'non-commercial',
  'responsible-ai': 'responsible-ai',
  rail: 'responsible-ai',
  custom: 'custom',
  unknown: 'unknown',
};

function eqAny(values: readonly string[], wanted: string): boolean {
  for (const v of values) if (v.length === wanted.length && v.toLowerCase() === wanted) return true;
  return false;
}

/** `license:v` (v lower-cased) on the licence expression and family, without the licence-name alternative. */
function licenseMatches(license: string, licenseFamily: LicenseFamily, v: string): boolean {
  const family = FAMILY_WORDS[v];
  if (family && LICENSE_FAMILIES.includes(licenseFamily) && licenseFamily === family) return true;
  if (license === '') return v === 'none';
  if (license.length === v.length && license.toLowerCase() === v) return true;
  if (v.endsWith('*')) {
    const p = v.slice(0, -1);
    return licenseAtoms(license).some((a) => a.startsWith(p));
  }
  return licenseAtoms(license).includes(v);
}

/** The licence-name alternative of `license:v` (free-text HF `license_name`). */
function licenseNameMatches(license: string, licenseName: string, v: string): boolean {
  return license !== '' && !v.endsWith('*') && licenseName !== '' && licenseName.toLowerCase() === v;
}

/** Does the row satisfy the clause (ignoring its `negated` flag)? */
export function matchesClause(row: CatalogRow, clause: FieldClause): boolean {
  const v = clause.value.toLowerCase();
  switch (clause.field) {
    case 'license':
      return (
        licenseMatches(row.license, row.licenseFamily, v) ||
        licenseNameMatches(row.license, row.licenseName, v)
      );
    case 'task':
      return eqAny(row.tasks, v);
    case 'kind':
      return row.kind.length === v.length && row.kind.toLowerCase() === v;
    case 'library':
      return row.library.length === v.length && row.library.toLowerCase() === v;
    case 'base':
      return row.bases.includes(assetKey(clause.value));
    case 'trained-on': {
      const k = assetKey(clause.value);
      for (const d of row.trainedOn) if (assetKey(d) === k) return true;
      return false;
    }
    case 'lang':
      return eqAny(row.languages, v);
    case 'format':
      return eqAny(row.formats, v);
    case 'owner':
      return row.owner.toLowerCase() === v;
    case 'tag':
      return eqAny(row.tags, v);
    default:
      return false;
  }
}

/** Lower-cased text a phrase must occur in. */
export function rowHaystack(row: CatalogRow): string {
  return `${row.id} ${row.name} ${row.desc} ${row.tags.join(' ')}`.toLowerCase();
}

/** Field clauses and phrases (not free-text words, which the full-text index handles). */
export function matchesStructured(row: CatalogRow, q: ParsedQuery): boolean {
  for (const c of q.fields) {
    if (matchesClause(row, c) === c.negated) return false;
  }
  if (q.phrases.length > 0) {
    const hay = rowHaystack(row);
    for (const p of q.phrases) if (!hay.includes(p.toLowerCase())) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Compiled filtering: each clause narrows the list of row indices in one tight pass. Clauses on faceted
// fields read the dictionary-encoded facet columns (answered once per distinct value, not per row);
// licences and bases use columns of their own, built once per facet index.

/** Licence expressions by exact spelling (with the row's family), bases by key: derived once per facet index. */
type ExtraColumns = {
  licenseIds: Uint32Array;
  licenses: { license: string; family: LicenseFamily }[];
  /** Lower-cased licence name by row (only rows that have one), `undefined` when no row has one. */
  licenseNames: (string | undefined)[] | undefined;
  baseOffsets: Uint32Array;
  baseIds: Uint32Array;
  baseByKey: Map<string, number>;
};

const extraColumns = new WeakMap<FacetColumn, ExtraColumns>();

function extrasFor(rows: readonly CatalogRow[], facets: FacetIndex): ExtraColumns {
  // Keyed by a column the rows' facet index shares across licence-verdict updates (same rows).
  let x = extraColumns.get(facets.columns.license);
  if (x) return x;
  const n = rows.length;
  const licenseIds = new Uint32Array(n);
  const licenses: ExtraColumns['licenses'] = [];
  const byLicense = new Map<string, number[]>();
  let licenseNames: (string | undefined)[] | undefined;
  const baseOffsets = new Uint32Array(n + 1);
  const baseList: number[] = [];
  const baseByKey = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    baseOffsets[i] = baseList.length;
    if (!row) continue;
    let ids = byLicense.get(row.license);
    if (!ids) byLicense.set(row.license, (ids = []));
    let id = ids.find((k) => licenses[k]?.family === row.licenseFamily);
    if (id === undefined) {
      id = licenses.length;
      licenses.push({ license: row.license, family: row.licenseFamily });
      ids.push(id);
    }
    licenseIds[i] = id;
    if (row.licenseName !== '') {
      licenseNames ??= new Array<string | undefined>(n);
      licenseNames[i] = row.licenseName.toLowerCase();
    }
    for (const b of row.bases) {
      let bid = baseByKey.get(b);
      if (bid === undefined) baseByKey.set(b, (bid = baseByKey.size));
      baseList.push(bid);
    }
  }
  baseOffsets[n] = baseList.length;
  x = { licenseIds, licenses, licenseNames, baseOffsets, baseIds: Uint32Array.from(baseList), baseByKey };
  extraColumns.set(facets.columns.license, x);
  return x;
}

/** Keeps rows whose column lists a wanted value (or none, when `negated`). */
function keepByColumn(
  list: Uint32Array,
  offsets: Uint32Array,
  ids: Uint32Array,
  want: Uint8Array,
  negated: boolean,
): Uint32Array {
  const out = new Uint32Array(list.length);
  let n = 0;
  for (let j = 0; j < list.length; j++) {
    const i = list[j] ?? 0;
    let hit = false;
    for (let k = offsets[i] ?? 0, e = offsets[i + 1] ?? 0; k < e; k++) {
      if (want[ids[k] ?? 0]) {
        hit = true;
        break;
      }
    }
    if (hit !== negated) out[n++] = i;
  }
  return out.subarray(0, n);
}

/** `want` for a column: the one value whose lower-cased label is `lower`. */
function wantOne(col: FacetColumn, lower: string): Uint8Array {
  const want = new Uint8Array(col.labels.length);
  const id = col.byLower.get(lower);
  if (id !== undefined) want[id] = 1;
  return want;
}

function keepLicense(list: Uint32Array, x: ExtraColumns, v: string, negated: boolean): Uint32Array {
  const want = new Uint8Array(x.licenses.length);
  x.licenses.forEach((l, id) => {
    if (licenseMatches(l.license, l.family, v)) want[id] = 1;
  });
  const names = x.licenseNames;
  const out = new Uint32Array(list.length);
  let n = 0;
  for (let j = 0; j < list.length; j++) {
    const i = list[j] ?? 0;
    const id = x.licenseIds[i] ?? 0;
    let hit = want[id] === 1;
    if (!hit && names) {
      const name = names[i];
      if (name !== undefined) hit = licenseNameMatches(x.licenses[id]?.license ?? '', name, v);
    }
    if (hit !== negated) out[n++] = i;
  }
  return out.subarray(0, n);
}

function keepByRow(
  list: Uint32Array,
  rows: readonly CatalogRow[],
  test: (row: CatalogRow) => boolean,
  negated: boolean,
): Uint32Array {
  const out = new Uint32Array(list.length);
  let n = 0;
  for (let j = 0; j < list.length; j++) {
    const i = list[j] ?? 0;
    const row = rows[i];
    if (row && test(row) !== negated) out[n++] = i;
  }
  return out.subarray(0, n);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/u;
const NON_ASCII = /\P{ASCII}/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Phrase test equal to `rowHaystack(row).includes(phrase.toLowerCase())`, without lower-casing rows when it can. */
function phraseTest(phrase: string): (row: CatalogRow) => boolean {
  const p = phrase.toLowerCase();
  if (!PRINTABLE_ASCII.test(phrase)) return (row) => rowHaystack(row).includes(p);
  // Case-insensitive ASCII match (non-unicode `i` never maps a non-ASCII character to ASCII, so a hit is
  // a hit of the lower-cased text); a miss is final only for ASCII text.
  const re = new RegExp(escapeRegExp(phrase), 'i');
  return (row) => {
    if (re.test(row.desc) || re.test(row.name) || re.test(row.id)) return true;
    const hay = `${row.id} ${row.name} ${row.desc} ${row.tags.join(' ')}`;
    if (re.test(hay)) return true;
    return NON_ASCII.test(hay) && hay.toLowerCase().includes(p);
  };
}

type Step = { cost: number; run: (list: Uint32Array) => Uint32Array };

function columnStep(col: FacetColumn | undefined, lower: string, c: FieldClause): Step | undefined {
  if (!col) return undefined;
  const want = wantOne(col, lower);
  return { cost: 0, run: (list) => keepByColumn(list, col.offsets, col.ids, want, c.negated) };
}

function clauseStep(rows: readonly CatalogRow[], c: FieldClause, facets: FacetIndex | undefined): Step {
  const v = c.value.toLowerCase();
  const cols = facets?.columns;
  let step: Step | undefined;
  switch (c.field) {
    case 'kind':
    case 'library':
    case 'task':
    case 'lang':
    case 'format':
      // Fields named like their facet column.
      step = columnStep(cols?.[c.field], v, c);
      break;
    case 'trained-on':
      step = columnStep(cols?.trained, assetKey(c.value), c);
      break;
    case 'license':
      if (facets) {
        const x = extrasFor(rows, facets);
        step = { cost: 1, run: (list) => keepLicense(list, x, v, c.negated) };
      }
      break;
    case 'base':
      if (facets) {
        const x = extrasFor(rows, facets);
        const want = new Uint8Array(x.baseByKey.size);
        const id = x.baseByKey.get(assetKey(c.value));
        if (id !== undefined) want[id] = 1;
        step = { cost: 1, run: (list) => keepByColumn(list, x.baseOffsets, x.baseIds, want, c.negated) };
      }
      break;
    default:
      break;
  }
  return step ?? { cost: 2, run: (list) => keepByRow(list, rows, (row) => matchesClause(row, c), c.negated) };
}

/**
 * Rows (of `candidates`, in their order, or of all rows ascending) satisfying the query's field clauses
 * and phrases — `matchesStructured`, compiled once per query. `facets` (built over these rows) lets
 * clauses on faceted fields read the dictionary-encoded columns.
 */
export function filterStructured(
  rows: readonly CatalogRow[],
  q: ParsedQuery,
  candidates: Uint32Array | undefined,
  facets?: FacetIndex,
): Uint32Array {
  const fx = facets && facets.size === rows.length ? facets : undefined;
  const steps = q.fields.map((c) => clauseStep(rows, c, fx));
  for (const p of q.phrases) {
    const test = phraseTest(p);
    steps.push({ cost: 3, run: (list) => keepByRow(list, rows, test, false) });
  }
  // Cheap steps first (each narrows the list the next one reads); the result keeps candidate order.
  steps.sort((a, b) => a.cost - b.cost);
  let list = candidates;
  if (!list) {
    list = new Uint32Array(rows.length);
    for (let i = 0; i < list.length; i++) list[i] = i;
  }
  for (const s of steps) list = s.run(list);
  return list;
}
