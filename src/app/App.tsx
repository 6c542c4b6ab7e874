import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Layout } from './Layout';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { useCatalogChangeSync } from './catalogChanges';
import { catalogClient } from '@/workers/catalogClient';
// The start page is not lazy: a lazy route first commits the Suspense fallback, and React then holds the
// real content back for its fallback throttle (~300 ms), which is most of a cold start's first paint.
import { CatalogPage } from './routes/CatalogPage';

// Start the catalog worker with the app, not when the catalog page first renders: it loads the catalog's
// rows and search index from IndexedDB while the page's own chunk is still loading.
void catalogClient()
  .call('searchStatus', {})
  .catch(() => undefined);

const AssetPage = lazy(() => import('./routes/AssetPage').then((m) => ({ default: m.AssetPage })));
const ImportsPage = lazy(() => import('./routes/ImportsPage').then((m) => ({ default: m.ImportsPage })));
const AuditPage = lazy(() => import('./routes/AuditPage').then((m) => ({ default: m.AuditPage })));
const LicensesPage = lazy(() => import('./routes/LicensesPage').then((m) => ({ default: m.LicensesPage })));
const LicenseSettingsPage = lazy(() =>
  import('./routes/LicensesPage').then((m) => ({ default: m.LicenseSettingsPage })),
);
const PlanPage = lazy(() => import('./routes/PlanPage').then((m) => ({ default: m.PlanPage })));
const PlanReportPage = lazy(() => import('./routes/PlanPage').then((m) => ({ default: m.PlanReportPage })));
const TeamPage = lazy(() => import('./routes/TeamPage').then((m) => ({ default: m.TeamPage })));
const InsightsPage = lazy(() => import('./routes/InsightsPage').then((m) => ({ default: m.InsightsPage })));
const LineagePage = lazy(() => import('./routes/LineagePage').then((m) => ({ default: m.LineagePage })));

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

/** Catalog change events invalidate the worker-backed reads (see ./catalogChanges). */
function CatalogChangeSync() {
  useCatalogChangeSync(queryClient);
  return null;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <CatalogChangeSync />
      <BrowserRouter>
        <Layout>
          <ErrorBoundary>
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <Routes>
                <Route path="/" element={<CatalogPage />} />
                <Route path="/asset/:id" element={<AssetPage />} />
                <Route path="/imports" element={<ImportsPage />} />
                <Route path="/audit" element={<AuditPage />} />
                <Route path="/licenses" element={<LicensesPage />} />
                <Route path="/licenses/settings" element={<LicenseSettingsPage />} />
                <Route path="/plans/:id" element={<PlanPage />} />
                <Route path="/plans/:id/report" element={<PlanReportPage />} />
                <Route path="/insights" element={<InsightsPage />} />
                <Route path="/lineage" element={<LineagePage />} />
                <Route path="/team" element={<TeamPage />} />
                <Route path="*" element={<p>Page not found.</p>} />
              </Routes>
            </Suspense>
          </ErrorBoundary>
        </Layout>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
