/**
 * What the catalog table shows per row (a small projection of CatalogRow sent to the window) and the
 * sort orders the engine offers. Pure.
 */
import type { CatalogRow } from '../catalog/catalogRow';

export type DisplayRow = {
  key: string;
  id: string;
  name: string;
  kind: string;
  owner: string;
  task: string;
  library: string;
  license: string;
  family: string;
  baseModel: string;
  derivative: string;
  languages: string;
  format: string;
  updatedAt: string;
};

export function toDisplayRow(r: CatalogRow): DisplayRow {
  return {
    key: r.key,
    id: r.id,
    name: r.name,
    kind: r.kind,
    owner: r.owner,
    task: r.task,
    library: r.library,
    license: r.license,
    family: r.licenseFamily,
    baseModel: r.baseModels[0] ?? '',
    derivative: r.derivative,
    languages: r.languages.slice(0, 6).join(', '),
    format: r.formats.join(', '),
    updatedAt: r.updatedAt,
  };
}

/** Sortable columns (also the table's column ids). */
export type SortId =
  | 'name'
  | 'id'
  | 'kind'
  | 'owner'
  | 'task'
  | 'library'
  | 'license'
  | 'family'
  | 'base'
  | 'derivative'
  | 'lang'
  | 'format'
  | 'updated';

export const SORT_IDS: readonly SortId[] = [
  'name',
  'id',
  'kind',
  'owner',
  'task',
  'library',
  'license',
  'family',
  'base',
  'derivative',
  'lang',
  'format',
  'updated',
];

export type CatalogSort = { id: SortId; desc: boolean };

/** The value a row sorts by in a column ('' = empty, sorts last). */
export function sortValue(r: CatalogRow, id: SortId): string {
  switch (id) {
    case 'name':
      return r.name.toLowerCase();
    case 'id':
      return r.key;
    case 'kind':
      return r.kind;
    case 'owner':
      return r.owner.toLowerCase();
    case 'task':
      return r.task.toLowerCase();
    case 'library':
      return r.library.toLowerCase();
    case 'license':
      return r.license.toLowerCase();
    case 'family':
      return r.licenseFamily;
    case 'base':
      return (r.baseModels[0] ?? '').toLowerCase();
    case 'derivative':
      return r.derivative;
    case 'lang':
      return (r.languages[0] ?? '').toLowerCase();
    case 'format':
      return r.formats[0] ?? '';
    case 'updated':
      return r.updatedAt;
    default:
      return '';
  }
}
