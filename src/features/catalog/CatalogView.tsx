/**
 * The catalog: search box (query language + autosuggest), facets with live counts, a virtualised table
 * and saved views. Query, facets, sort and visible columns live in the URL.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { RowSelectionState } from '@tanstack/react-table';
import {
  parseViewState,
  serializeViewState,
  toggleFacet,
  DEFAULT_COLUMNS,
  type CatalogViewState,
} from '@/core/search/urlState';
import type { CatalogSort, SortId } from '@/core/search/display';
import type { FacetId } from '@/core/catalog/facets';
import { useCatalogQuery, useCatalogSnapshot } from './useCatalogData';
import { HEAD_ROWS, readCatalogHead, writeCatalogHead, type CatalogHead } from './catalogHead';
import { arrayRows, EMPTY_ROWS, forEachRow, orderedRows, sliceRows, type RowSource } from './rowSource';
import { CatalogTable, type CatalogTableHandle } from './CatalogTable';
import { FacetPanel } from './FacetPanel';
import { SearchBox } from './SearchBox';
import { SavedViews } from './SavedViews';
import { InsightsStrip } from './InsightsStrip';
import { NARROW_SCREEN, useMediaQuery } from '@/components/useMediaQuery';

/** What the table keeps on a phone: name and licence (plus the licence check, when known). */
const NARROW_COLUMNS: readonly SortId[] = ['name', 'license'];

export type CatalogViewProps = {
  /** Called with the selected asset keys whenever the table selection changes. */
  onSelectionChange?: (keys: string[]) => void;
  /** Controlled selection (e.g. cleared by app/ after a bulk delete). Omit to let the table own it. */
  selectedKeys?: readonly string[];
  /** Rendered above the table (e.g. bulk actions on the selection from another feature). */
  toolbar?: ReactNode;
  /** Called with the keys of the rows the current view shows (filtered, in display order). */
  onVisibleKeysChange?: (keys: string[]) => void;
  /** Changes when the "License check" facet's verdicts change (the view queries again). */
  licenseKey?: string;
  /** Licence-check verdicts by asset id: on narrow screens the table shows them in a column. */
  verdictFor?: ((id: string) => string | undefined) | undefined;
  /** Shown in place of the table while the catalog holds no asset at all (e.g. a welcome with a drop zone). */
  empty?: ReactNode;
};

function useViewState(): [CatalogViewState, (next: CatalogViewState, opts?: { replace?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- parse once per distinct URL
  const fromUrl = useMemo(() => parseViewState(params), [key]);
  // The router applies URL changes asynchronously; show the user's change at once (controlled inputs
  // would otherwise flip back until the URL catches up).
  const [pending, setPending] = useState<{ from: string; to: string; state: CatalogViewState }>();
  const view = pending && pending.from === key ? pending.state : fromUrl;
  const setView = useCallback(
    (next: CatalogViewState, opts?: { replace?: boolean }) => {
      const search = serializeViewState(next);
      setPending({ from: key, to: search.toString(), state: next });
      void setParams(search, { replace: opts?.replace ?? false });
    },
    [setParams, key],
  );
  return [view, setView];
}

function isDefaultView(v: CatalogViewState): boolean {
  return (
    v.q.trim() === '' &&
    Object.keys(v.facets).length === 0 &&
    (!v.sort || (v.sort.id === 'updated' && v.sort.desc))
  );
}

export function CatalogView({
  onSelectionChange,
  selectedKeys,
  toolbar,
  onVisibleKeysChange,
  licenseKey,
  empty,
  verdictFor,
}: CatalogViewProps) {
  const narrow = useMediaQuery(NARROW_SCREEN);
  const [drawer, setDrawer] = useState(false);
  const filtersButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    // Focus moves into the drawer when it opens and back to "Filters" when it closes.
    if (drawer) closeButton.current?.focus();
    else if (opened.current) filtersButton.current?.focus();
    opened.current = drawer;
    if (!drawer) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') setDrawer(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawer]);
  const [view, setView] = useViewState();
  const { snapshot, refresh, stamp } = useCatalogSnapshot();
  // Cold start: the first rows of the default view from localStorage, until the database says otherwise.
  const [head, setHead] = useState<CatalogHead | undefined>(() => (snapshot ? undefined : readCatalogHead()));
  useEffect(() => {
    if (head && ((stamp !== undefined && stamp !== head.stamp) || snapshot)) setHead(undefined);
  }, [head, stamp, snapshot]);

  // The search box keeps its own draft so typing never waits for the router; the URL follows (replace).
  const [draft, setDraft] = useState(view.q);
  const written = useRef(view.q);
  useEffect(() => {
    if (view.q !== written.current) {
      written.current = view.q;
      setDraft(view.q);
    }
  }, [view.q]);
  const queryView = useMemo<CatalogViewState>(() => ({ ...view, q: draft }), [view, draft]);
  const result = useCatalogQuery(queryView, snapshot?.id, refresh, licenseKey);

  // Typing writes the URL after a short pause (replace), so keystrokes do not each re-route.
  const qTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  }, [view]);
  useEffect(() => () => clearTimeout(qTimer.current), []);
  const onQueryChange = (q: string) => {
    setDraft(q);
    written.current = q;
    clearTimeout(qTimer.current);
    const path = window.location.pathname;
    // Skip when the user has navigated away meanwhile (a lazy route keeps this view mounted while it loads).
    qTimer.current = setTimeout(() => {
      if (window.location.pathname === path) setView({ ...viewRef.current, q }, { replace: true });
    }, 250);
  };
  const setViewNow = (next: CatalogViewState) => {
    clearTimeout(qTimer.current);
    setView(next);
  };

  const fresh = result && snapshot && result.snapshotId === snapshot.id ? result : undefined;
  const defaultView = isDefaultView(queryView);
  const rows = useMemo<RowSource>(() => {
    if (!snapshot) return head && defaultView ? arrayRows(head.rows) : EMPTY_ROWS;
    if (fresh) return orderedRows(snapshot.rows, fresh.order);
    // Before the first answer: the snapshot is stored newest first, which is the default view.
    return defaultView ? snapshot.rows : EMPTY_ROWS;
  }, [snapshot, fresh, defaultView, head]);

  // Keep the default view's first rows for the next cold start.
  useEffect(() => {
    if (fresh && defaultView && snapshot?.stamp !== undefined && snapshot.stamp === stamp)
      writeCatalogHead(snapshot.stamp, fresh.total, sliceRows(rows, 0, HEAD_ROWS));
  }, [fresh, defaultView, snapshot, stamp, rows]);

  const visibleCb = useRef(onVisibleKeysChange);
  useEffect(() => {
    visibleCb.current = onVisibleKeysChange;
  }, [onVisibleKeysChange]);
  useEffect(() => {
    const cb = visibleCb.current;
    if (!cb) return;
    const keys: string[] = [];
    forEachRow(rows, (r) => keys.push(r.key));
    cb(keys);
  }, [rows]);

  const [ownSelection, setOwnSelection] = useState<RowSelectionState>({});
  const selection = useMemo<RowSelectionState>(() => {
    if (!selectedKeys) return ownSelection;
    const s: RowSelectionState = {};
    for (const k of selectedKeys) s[k] = true;
    return s;
  }, [selectedKeys, ownSelection]);
  const onSelection = (next: RowSelectionState) => {
    setOwnSelection(next);
    onSelectionChange?.(Object.keys(next).filter((k) => next[k]));
  };

  const onToggleFacet = (id: FacetId, value: string) =>
    setViewNow(toggleFacet({ ...view, q: draft }, id, value));
  const onSortChange = (sort: CatalogSort | undefined) => {
    const next: CatalogViewState = { ...view, q: draft };
    if (sort) next.sort = sort;
    else delete next.sort;
    setViewNow(next);
  };
  const onColumnsChange = (cols: SortId[]) => setViewNow({ ...view, q: draft, cols });

  // ArrowDown from the search box moves into the results from the top; ArrowUp from the top row goes back.
  const table = useRef<CatalogTableHandle>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  const headOnly = !snapshot && head !== undefined && defaultView;
  const total = fresh?.total ?? snapshot?.rows.length ?? (headOnly ? head.total : 0);
  const loading = !snapshot && !headOnly;
  const searching = !!snapshot && !fresh && !defaultView;
  const search = serializeViewState({ ...view, q: draft }).toString();

  return (
    <div className="catalog">
      {narrow && drawer ? (
        <div className="drawer-backdrop" aria-hidden="true" onClick={() => setDrawer(false)} />
      ) : null}
      <aside
        id="catalog-filters"
        className={`catalog-side${narrow ? ' drawer' : ''}${narrow && drawer ? ' open' : ''}`}
        aria-label="Filters"
        {...(narrow && !drawer ? { hidden: true } : {})}
      >
        {narrow ? (
          <button ref={closeButton} type="button" className="drawer-close" onClick={() => setDrawer(false)}>
            Close filters
          </button>
        ) : null}
        <SavedViews search={search} />
        <FacetPanel
          counts={fresh?.counts}
          selection={view.facets}
          onToggle={onToggleFacet}
          onClear={() => setViewNow({ ...view, q: draft, facets: {} })}
        />
      </aside>
      <section className="results" aria-label="Results">
        <SearchBox
          value={draft}
          onChange={onQueryChange}
          hints={fresh?.hints ?? []}
          inputRef={searchInput}
          onArrowDownOut={() => table.current?.focusRow(0)}
        />
        {narrow ? (
          <button
            type="button"
            ref={filtersButton}
            className="filters-button"
            aria-expanded={drawer}
            aria-controls="catalog-filters"
            onClick={() => setDrawer(true)}
          >
            Filters
            {Object.values(view.facets).some((v) => v && v.length > 0)
              ? ` (${Object.values(view.facets).reduce((n, v) => n + (v?.length ?? 0), 0)})`
              : ''}
          </button>
        ) : null}
        <p className="count" aria-live="polite" data-q={fresh?.q ?? ''}>
          {loading
            ? 'Loading catalog…'
            : `Showing ${searching ? '…' : headOnly ? total : rows.length} of ${total} assets`}
        </p>
        <InsightsStrip counts={fresh?.counts} search={search} />
        {toolbar}
        {empty && snapshot && snapshot.rows.length === 0 ? (
          empty
        ) : (
          <CatalogTable
            rows={rows}
            sort={view.sort}
            onSortChange={onSortChange}
            columns={narrow ? NARROW_COLUMNS : (view.cols ?? DEFAULT_COLUMNS)}
            compact={narrow}
            verdictFor={narrow ? verdictFor : undefined}
            onColumnsChange={onColumnsChange}
            selection={selection}
            onSelectionChange={onSelection}
            ref={table}
            onArrowUpOut={() => searchInput.current?.focus()}
          />
        )}
      </section>
    </div>
  );
}
