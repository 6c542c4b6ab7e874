import { InsightsView } from '@/features/catalog/insights/InsightsView';
import { useLicenseFacetSync } from '@/features/licenses/hooks';

/** `/insights`: charts of the catalog for the URL's search and facets. */
export function InsightsPage() {
  // The "License check" chart needs the verdicts for the current intended use.
  const licenseKey = useLicenseFacetSync();
  return <InsightsView licenseKey={licenseKey} />;
}
