/**
 * Field clauses and phrases evaluated against catalog rows. Pure.
 */
import { assetKey } from '../model';
import { LICENSE_FAMILIES, licenseAtoms, type CatalogRow } from '../catalog/facets';
import type { FieldClause, ParsedQuery } from './query';

const FAMILY_WORDS: Readonly<Record<string, string>> = {
  permissive: 'permissive',
  copyleft: 'copyleft',
  'non-commercial': 'non-commercial',
  noncommercial: 'non-commercial',
  nc: 'non-commercial',
  'responsible-ai': 'responsible-AI',
  rail: 'responsible-AI',
  custom: 'custom',
  unknown: 'unknown',
};

function eqAny(values: readonly string[], wanted: string): boolean {
  for (const v of values) if (v.length === wanted.length && v.toLowerCase() === wanted) return true;
  return false;
}

/** Does the row satisfy the clause (ignoring its `negated` flag)? */
export function matchesClause(row: CatalogRow, clause: FieldClause): boolean {
  const v = clause.value.toLowerCase();
  switch (clause.field) {
    case 'license': {
      const family = FAMILY_WORDS[v];
      if (family && LICENSE_FAMILIES.includes(row.licenseFamily) && row.licenseFamily === family) return true;
      if (row.license === '') return v === 'none';
      if (row.license.length === v.length && row.license.toLowerCase() === v) return true;
      if (v.endsWith('*')) {
        const p = v.slice(0, -1);
        return licenseAtoms(row.license).some((a) => a.startsWith(p));
      }
      return (
        licenseAtoms(row.license).includes(v) ||
        (row.licenseName !== '' && row.licenseName.toLowerCase() === v)
      );
    }
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
