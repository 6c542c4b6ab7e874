/** Catalog table features and column definitions (module scope: stable identities). */
import { Link } from 'react-router';
import {
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { DisplayRow, SortId } from '@/core/search/display';
import { familyLabel, formatLabel, licenseLabel } from '@/core/labels';

export const catalogFeatures = tableFeatures({
  rowSortingFeature,
  columnSizingFeature,
  columnResizingFeature,
  columnVisibilityFeature,
  rowSelectionFeature,
});

const helper = createColumnHelper<typeof catalogFeatures, DisplayRow>();

export function assetPath(id: string): string {
  return `/asset/${encodeURIComponent(id)}`;
}

/** A human label with the stored id in its tooltip (when they differ). */
function Labelled({ id, label }: { id: string; label: string }) {
  return label === id ? <>{label}</> : <span title={id}>{label}</span>;
}

function shortDate(iso: string): string {
  return iso.slice(0, 10);
}

/** Column labels by id (the column visibility menu and headers). */
export const COLUMN_LABELS: Readonly<Record<SortId | 'check', string>> = {
  check: 'License check',
  name: 'Name',
  id: 'Id',
  kind: 'Kind',
  owner: 'Owner',
  task: 'Task',
  library: 'Library',
  license: 'License',
  family: 'License family',
  base: 'Base model',
  derivative: 'Derivative',
  lang: 'Languages',
  format: 'Source format',
  updated: 'Updated',
};

export const SELECT_COLUMN = 'select';

export const catalogColumns = helper.columns([
  helper.display({
    id: SELECT_COLUMN,
    size: 36,
    minSize: 36,
    maxSize: 36,
    enableSorting: false,
    enableHiding: false,
    enableResizing: false,
    // CatalogTable renders its own select-all over every shown row (the table only holds the rendered
    // window); this header is what a table over all rows would show.
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label="Select all shown assets"
        checked={table.getIsAllRowsSelected()}
        ref={(el) => {
          if (el) el.indeterminate = !table.getIsAllRowsSelected() && table.getIsSomeRowsSelected();
        }}
        onChange={table.getToggleAllRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${row.original.name}`}
        checked={row.getIsSelected()}
        onClick={row.getToggleSelectedHandler()}
        onChange={() => undefined}
      />
    ),
  }),
  helper.accessor('name', {
    id: 'name',
    header: COLUMN_LABELS.name,
    size: 320,
    minSize: 120,
    cell: ({ row }) => (
      <span className="cell-name">
        <Link to={assetPath(row.original.id)} tabIndex={-1}>
          {row.original.name}
        </Link>
        {row.original.id !== row.original.name ? (
          <span className="muted small"> {row.original.id}</span>
        ) : null}
      </span>
    ),
  }),
  helper.accessor('id', { id: 'id', header: COLUMN_LABELS.id, size: 240 }),
  helper.accessor('kind', { id: 'kind', header: COLUMN_LABELS.kind, size: 90 }),
  helper.accessor('owner', { id: 'owner', header: COLUMN_LABELS.owner, size: 140 }),
  helper.accessor('task', { id: 'task', header: COLUMN_LABELS.task, size: 170 }),
  helper.accessor('library', { id: 'library', header: COLUMN_LABELS.library, size: 130 }),
  helper.accessor('license', {
    id: 'license',
    header: COLUMN_LABELS.license,
    size: 160,
    cell: ({ getValue }) => <Labelled id={getValue()} label={licenseLabel(getValue())} />,
  }),
  helper.accessor('family', {
    id: 'family',
    header: COLUMN_LABELS.family,
    size: 130,
    cell: ({ getValue }) => familyLabel(getValue()),
  }),
  helper.accessor('baseModel', { id: 'base', header: COLUMN_LABELS.base, size: 240 }),
  helper.accessor('derivative', { id: 'derivative', header: COLUMN_LABELS.derivative, size: 110 }),
  helper.accessor('languages', { id: 'lang', header: COLUMN_LABELS.lang, size: 140 }),
  helper.accessor('format', {
    id: 'format',
    header: COLUMN_LABELS.format,
    size: 150,
    cell: ({ getValue }) => {
      const ids = getValue();
      return <Labelled id={ids} label={ids.split(', ').filter(Boolean).map(formatLabel).join(', ')} />;
    },
  }),
  helper.accessor('updatedAt', {
    id: 'updated',
    header: COLUMN_LABELS.updated,
    size: 110,
    cell: ({ getValue }) => shortDate(getValue()),
  }),
]);

export const defaultColumn = { minSize: 60, maxSize: 800 };
