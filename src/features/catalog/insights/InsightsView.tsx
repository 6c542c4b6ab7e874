/**
 * Insights: the catalog at a glance, for the current search and facets (the URL's, like the catalog's).
 * Every chart comes from the catalog worker's facet counts for the view (react-query, no work on the
 * main thread beyond picking the top values), and every bar links to the catalog filtered to that bar.
 */
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { parseViewState, serializeViewState, type CatalogViewState } from '@/core/search/urlState';
import type { FacetCounts, FacetId } from '@/core/catalog/facets';
import { facetValueLabel } from '@/core/labels';
import { COMPLETENESS_BUCKETS } from '@/core/catalog/completenessBuckets';
import { DEPTH_VALUES } from '@/core/lineage/depth';
import { useCatalogQuery, useCatalogSnapshot } from '../useCatalogData';
import { BarChart, type Bar } from './BarChart';

const TOP = 10;

/** The view narrowed to one facet value: the catalog then shows exactly that bar's count. */
export function viewWith(view: CatalogViewState, id: FacetId, value: string): CatalogViewState {
  return { ...view, facets: { ...view.facets, [id]: [value] } };
}

/**
 * How a chart picks and orders its bars: the most frequent values (default), the facet's own scale
 * (buckets, depths), or the latest values in time order (days).
 */
type BarOrder = { scale: readonly string[] } | 'latest';

type ChartDef = { id: FacetId; title: string; top?: number; order?: BarOrder; note?: string };

function barsOf(counts: FacetCounts | undefined, view: CatalogViewState, chart: ChartDef): Bar[] {
  const { id, top = TOP, order } = chart;
  // A facet's counts ignore its own selection (values OR together): a chart shows only the selected values.
  const selected = view.facets[id];
  const values = (counts?.[id]?.values ?? []).filter(
    (v) => v.count > 0 && (!selected?.length || selected.includes(v.value)),
  );
  const scale = order && order !== 'latest' ? order.scale : undefined;
  const picked =
    order === 'latest'
      ? [...values].sort((a, b) => a.value.localeCompare(b.value)).slice(-top)
      : scale
        ? [...values].sort((a, b) => scale.indexOf(a.value) - scale.indexOf(b.value))
        : values.slice(0, top);
  return picked.map((v) => {
    const label = facetValueLabel(id, v.value);
    return {
      label,
      count: v.count,
      href: `/?${serializeViewState(viewWith(view, id, v.value)).toString()}`,
      ...(label !== v.value ? { title: v.value } : {}),
    };
  });
}

const CHARTS: readonly ChartDef[] = [
  { id: 'kind', title: 'Assets by kind' },
  { id: 'format', title: 'Assets by source format' },
  { id: 'family', title: 'License families' },
  { id: 'check', title: 'License check for the intended use' },
  { id: 'task', title: 'Top tasks' },
  { id: 'library', title: 'Top libraries' },
  { id: 'base', title: 'Top base models' },
  { id: 'trained', title: 'Top training datasets' },
  { id: 'derivative', title: 'How models derive from their bases' },
  { id: 'lineage', title: 'Assets with lineage' },
  {
    id: 'depth',
    title: 'Lineage depth',
    order: { scale: DEPTH_VALUES },
    note: 'Generations of parents above each asset.',
  },
  {
    id: 'complete',
    title: 'Completeness distribution',
    order: { scale: COMPLETENESS_BUCKETS },
    note: 'Recommended fields of the relevant standards that each asset carries.',
  },
  {
    id: 'imported',
    title: 'Imports over time',
    order: 'latest',
    top: 30,
    note: 'Assets by the day (UTC) of their first import; the latest 30 days with imports.',
  },
  { id: 'license', title: 'Top licenses' },
];

export function InsightsView({ licenseKey }: { licenseKey?: string | undefined }) {
  const [params] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- parse once per distinct URL
  const view = useMemo(() => parseViewState(params), [key]);
  const { snapshot, refresh } = useCatalogSnapshot();
  const result = useCatalogQuery(view, snapshot?.id, refresh, licenseKey);
  const charts = useMemo(
    () => CHARTS.map((c) => ({ ...c, bars: barsOf(result?.counts, view, c) })),
    [result, view],
  );
  const filtered = view.q.trim() !== '' || Object.keys(view.facets).length > 0;
  return (
    <div className="insights">
      <h1>Insights</h1>
      <p className="muted" aria-live="polite">
        {result
          ? `${result.total} assets${filtered ? ' in this view' : ''}. Select a bar to open the catalog filtered to it.`
          : 'Loading…'}{' '}
        {filtered ? <Link to={`/?${key}`}>Back to this view in the catalog</Link> : null}
      </p>
      {result ? (
        <div className="insight-grid">
          {charts.map((c) => (
            <BarChart key={c.id} title={c.title} bars={c.bars} {...(c.note ? { note: c.note } : {})} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
