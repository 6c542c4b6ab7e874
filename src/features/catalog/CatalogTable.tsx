/**
 * The catalog table: TanStack Table v9 (sorting state, sizing/resizing, visibility, selection) over rows
 * already filtered and sorted by the worker (manual sorting), rendered with TanStack Virtual so 100k rows
 * scroll smoothly. Keyboard: arrows move the row focus (a roving tabindex: the focused row is the one tab
 * stop; the virtualizer scrolls it into view), Enter opens, Space toggles selection; ArrowUp from the first
 * row goes back up (to the search box), and `focusRow` brings the focus in from outside.
 */
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
} from 'react';
import { useNavigate } from 'react-router';
import {
  useTable,
  type ColumnVisibilityState,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CatalogSort, SortId } from '@/core/search/display';
import { SORT_IDS } from '@/core/search/display';
import {
  assetPath,
  catalogColumns,
  catalogFeatures,
  COLUMN_LABELS,
  defaultColumn,
  SELECT_COLUMN,
} from './columns';

import { forEachRow, sliceRows, type RowSource } from './rowSource';
import { verdictLabel } from '@/core/labels';

function VerdictCell({ verdict }: { verdict: string | undefined }) {
  if (!verdict) return <span className="muted">…</span>;
  return (
    <span className={`verdict verdict-${verdict}`} data-verdict={verdict}>
      {verdictLabel(verdict)}
    </span>
  );
}

const ROW_HEIGHT = 34;
/** How long a row focus asked for waits for its row to be rendered (ms). */
const FOCUS_WAIT_MS = 1000;

export type CatalogTableProps = {
  rows: RowSource;
  sort: CatalogSort | undefined;
  onSortChange: (sort: CatalogSort | undefined) => void;
  columns: readonly SortId[];
  onColumnsChange: (cols: SortId[]) => void;
  selection: RowSelectionState;
  onSelectionChange: (next: RowSelectionState) => void;
  /** Narrow screens: the columns share the table's width instead of their own sizes. */
  compact?: boolean;
  /** The licence-check verdict of an asset (by id), shown in a "License check" column when given. */
  verdictFor?: ((id: string) => string | undefined) | undefined;
  /** ArrowUp on the first row: the focus goes back to what comes before the table. */
  onArrowUpOut?: () => void;
  ref?: Ref<CatalogTableHandle>;
};

/** What the catalog can ask of its table. */
export type CatalogTableHandle = {
  /** Moves the row focus to row `index` of the shown rows (clamped), scrolling it into view. */
  focusRow: (index: number) => void;
};

function resolve<T>(updater: Updater<T>, prev: T): T {
  return typeof updater === 'function' ? (updater as (p: T) => T)(prev) : updater;
}

export function CatalogTable({
  rows,
  sort,
  onSortChange,
  columns,
  onColumnsChange,
  selection,
  onSelectionChange,
  compact = false,
  verdictFor,
  onArrowUpOut,
  ref,
}: CatalogTableProps) {
  const navigate = useNavigate();
  const sorting = useMemo<SortingState>(() => (sort ? [{ id: sort.id, desc: sort.desc }] : []), [sort]);
  const columnVisibility = useMemo<ColumnVisibilityState>(() => {
    const v: ColumnVisibilityState = {};
    for (const id of SORT_IDS) v[id] = columns.includes(id);
    return v;
  }, [columns]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualItems = virtualizer.getVirtualItems();
  // TanStack only sees the rendered window: building its row model for 100k rows is what made first paint
  // and sorting slow. Selection state is keyed by asset key, so it spans the whole result regardless.
  const windowStart = virtualItems[0]?.index ?? 0;
  const windowEnd = (virtualItems[virtualItems.length - 1]?.index ?? -1) + 1;
  const windowRows = useMemo(() => sliceRows(rows, windowStart, windowEnd), [rows, windowStart, windowEnd]);

  const table = useTable({
    features: catalogFeatures,
    columns: catalogColumns,
    data: windowRows,
    defaultColumn,
    getRowId: (r) => r.key,
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
    columnResizeMode: 'onChange',
    state: { sorting, columnVisibility, rowSelection: selection },
    onSortingChange: (u) => {
      const next = resolve(u, sorting)[0];
      onSortChange(
        next && (SORT_IDS as readonly string[]).includes(next.id)
          ? { id: next.id as SortId, desc: next.desc }
          : undefined,
      );
    },
    onColumnVisibilityChange: (u) => {
      const next = resolve(u, columnVisibility);
      onColumnsChange(SORT_IDS.filter((id) => next[id] !== false));
    },
    onRowSelectionChange: (u) => onSelectionChange(resolve(u, selection)),
  });

  const tableRows = table.getRowModel().rows;
  const rowCount = rows.length;

  const [active, setActive] = useState(0);
  /** When a move asked for the row focus (ms, `performance.now()`), until the row took it. */
  const focusWanted = useRef<number | undefined>(undefined);
  // Bumped by every move, so the focus effect runs even when the row index stays the same.
  const [, setMoves] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, rowCount - 1));

  useEffect(() => {
    const asked = focusWanted.current;
    if (asked === undefined) return;
    // A row scrolled to is rendered once the virtualizer has seen the scroll: keep wanting it till then,
    // but not for long (a later render must not pull the focus away from where the person went since).
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (!el && performance.now() - asked < FOCUS_WAIT_MS) return;
    focusWanted.current = undefined;
    el?.focus({ preventScroll: true });
  });

  const moveTo = useCallback(
    (i: number) => {
      const n = rowCount;
      if (n === 0) return;
      const next = Math.max(0, Math.min(n - 1, i));
      setActive(next);
      setMoves((m) => m + 1);
      focusWanted.current = performance.now();
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [rowCount, virtualizer],
  );
  useImperativeHandle(ref, () => ({ focusRow: moveTo }), [moveTo]);

  const toggleKey = (key: string) => {
    const next: RowSelectionState = { ...selection };
    if (next[key]) delete next[key];
    else next[key] = true;
    onSelectionChange(next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    if (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox') return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    switch (e.key) {
      case 'ArrowDown':
        moveTo(activeIndex + 1);
        break;
      case 'ArrowUp':
        if (activeIndex === 0 && onArrowUpOut) onArrowUpOut();
        else moveTo(activeIndex - 1);
        break;
      case 'PageDown':
        moveTo(activeIndex + page);
        break;
      case 'PageUp':
        moveTo(activeIndex - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rowCount - 1);
        break;
      case 'Enter': {
        const row = rows.at(activeIndex);
        if (row) void navigate(assetPath(row.id));
        break;
      }
      case ' ': {
        if (target.tagName === 'INPUT') return;
        const row = rows.at(activeIndex);
        if (row) toggleKey(row.key);
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  };

  const onRowClick = (e: MouseEvent<HTMLElement>, index: number, id: string) => {
    const t = e.target as HTMLElement;
    setActive(index);
    if (t.closest('a, input, button, label')) return;
    void navigate(assetPath(id));
  };

  // Select-all over every shown row (TanStack's own would only see the rendered window).
  const selectedCount = Object.keys(selection).length;
  const allSelected = useMemo(() => {
    if (rowCount === 0 || selectedCount < rowCount) return false;
    for (let i = 0; i < rows.length; i++) if (!selection[rows.at(i)?.key ?? '']) return false;
    return true;
  }, [rows, rowCount, selection, selectedCount]);
  const someSelected = selectedCount > 0 && selectedCount < rowCount;
  const toggleAll = () => {
    const next: RowSelectionState = { ...selection };
    forEachRow(rows, (r) => {
      if (allSelected) delete next[r.key];
      else next[r.key] = true;
    });
    onSelectionChange(next);
  };

  const headerGroups = table.getHeaderGroups();
  const visibleColumns = table.getVisibleLeafColumns();
  const VERDICT_WIDTH = 120;
  const sizes = visibleColumns.map((c) =>
    !compact || c.id === SELECT_COLUMN
      ? `${c.getSize()}px`
      : c.id === 'name'
        ? 'minmax(0, 2fr)'
        : 'minmax(0, 1fr)',
  );
  if (verdictFor) sizes.push(compact ? 'minmax(0, 1fr)' : `${VERDICT_WIDTH}px`);
  const gridStyle: CSSProperties = { display: 'grid', gridTemplateColumns: sizes.join(' ') };
  const totalWidth = table.getTotalSize() + (verdictFor ? VERDICT_WIDTH : 0);

  return (
    <div className="catalog-table">
      <div className="table-toolbar">
        <details className="column-menu">
          <summary>Columns</summary>
          <div role="group" aria-label="Visible columns">
            {table
              .getAllLeafColumns()
              .filter((c) => c.getCanHide())
              .map((c) => (
                <label key={c.id}>
                  <input
                    type="checkbox"
                    checked={c.getIsVisible()}
                    onChange={c.getToggleVisibilityHandler()}
                  />
                  {COLUMN_LABELS[c.id as SortId] ?? c.id}
                </label>
              ))}
          </div>
        </details>
        {Object.keys(selection).length > 0 ? (
          <span className="muted small">
            {Object.keys(selection).length} selected{' '}
            <button type="button" onClick={() => onSelectionChange({})}>
              Clear selection
            </button>
          </span>
        ) : null}
      </div>
      <div ref={scrollRef} className="table-scroll" onKeyDown={onKeyDown}>
        <table
          role="table"
          aria-label="Catalog"
          aria-rowcount={rowCount + 1}
          className="vtable"
          style={{ width: compact ? '100%' : Math.max(totalWidth, 600) }}
        >
          <thead role="rowgroup" className="vthead">
            {headerGroups.map((group) => (
              <tr role="row" key={group.id} style={gridStyle} aria-rowindex={1}>
                {group.headers.map((header) => {
                  const col = header.column;
                  const sorted = col.getIsSorted();
                  const canSort = col.getCanSort();
                  return (
                    <th
                      role="columnheader"
                      key={header.id}
                      aria-sort={
                        sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : canSort
                              ? 'none'
                              : undefined
                      }
                      className="vth"
                    >
                      {header.isPlaceholder ? null : col.id === SELECT_COLUMN ? (
                        <input
                          type="checkbox"
                          aria-label="Select all shown assets"
                          checked={allSelected}
                          ref={(el) => {
                            if (el) el.indeterminate = !allSelected && someSelected;
                          }}
                          onChange={toggleAll}
                        />
                      ) : canSort ? (
                        <button type="button" className="sort-button" onClick={col.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span aria-hidden="true" className="sort-mark">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                      {col.getCanResize() ? (
                        <span
                          role="separator"
                          aria-orientation="vertical"
                          aria-label={`Resize ${COLUMN_LABELS[col.id as SortId] ?? col.id}`}
                          className={`resizer${col.getIsResizing() ? ' resizing' : ''}`}
                          onMouseDown={header.getResizeHandler()}
                          onTouchStart={header.getResizeHandler()}
                          onDoubleClick={() => col.resetSize()}
                        />
                      ) : null}
                    </th>
                  );
                })}
                {verdictFor ? (
                  <th role="columnheader" className="vth">
                    {COLUMN_LABELS.check}
                  </th>
                ) : null}
              </tr>
            ))}
          </thead>
          <tbody role="rowgroup" className="vtbody" style={{ height: virtualizer.getTotalSize() }}>
            {virtualItems.map((item) => {
              const row = tableRows[item.index - windowStart];
              if (!row) return null;
              const isActive = item.index === activeIndex;
              return (
                <tr
                  role="row"
                  key={row.id}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  aria-selected={row.getIsSelected()}
                  tabIndex={isActive ? 0 : -1}
                  className={`vtr${isActive ? ' active' : ''}${row.getIsSelected() ? ' selected' : ''}`}
                  style={{ ...gridStyle, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={(e) => onRowClick(e, item.index, row.original.id)}
                  onFocus={() => {
                    if (!isActive) setActive(item.index);
                  }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td
                      role="cell"
                      key={cell.id}
                      className={cell.column.id === SELECT_COLUMN ? 'vtd select' : 'vtd'}
                    >
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                  {verdictFor ? (
                    <td role="cell" className="vtd">
                      <VerdictCell verdict={verdictFor(row.original.id)} />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
        {rowCount === 0 ? <p className="muted empty">No assets match.</p> : null}
      </div>
    </div>
  );
}
