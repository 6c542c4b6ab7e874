import { Link } from 'react-router';
import type { FacetCounts } from '@/core/catalog/facets';
import { verdictLabel } from '@/core/labels';

/** A compact line above the catalog: the view's kinds and licence verdicts, and the way to Insights. */
export function InsightsStrip({ counts, search }: { counts: FacetCounts | undefined; search: string }) {
  if (!counts) return null;
  const kinds = (counts.kind?.values ?? []).filter((v) => v.count > 0).slice(0, 3);
  const checks = (counts.check?.values ?? []).filter((v) => v.count > 0 && v.value !== 'ok');
  return (
    <p className="insights-strip small">
      {kinds.map((k) => `${k.count} ${k.value}${k.count === 1 ? '' : 's'}`).join(' · ')}
      {checks.length > 0
        ? ` · license check: ${checks.map((c) => `${c.count} ${verdictLabel(c.value).toLowerCase()}`).join(', ')}`
        : ''}{' '}
      <Link to={`/insights${search ? `?${search}` : ''}`}>Insights for this view</Link>
    </p>
  );
}
