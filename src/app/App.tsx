import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Layout } from './Layout';
import { ErrorBoundary } from '@/components/ErrorBoundary';

const CatalogPage = lazy(() => import('./routes/CatalogPage').then((m) => ({ default: m.CatalogPage })));
const AssetPage = lazy(() => import('./routes/AssetPage').then((m) => ({ default: m.AssetPage })));
const ImportsPage = lazy(() => import('./routes/ImportsPage').then((m) => ({ default: m.ImportsPage })));
const AuditPage = lazy(() => import('./routes/AuditPage').then((m) => ({ default: m.AuditPage })));
const LicensesPage = lazy(() => import('./routes/LicensesPage').then((m) => ({ default: m.LicensesPage })));
const LicenseSettingsPage = lazy(() =>
  import('./routes/LicensesPage').then((m) => ({ default: m.LicenseSettingsPage })),
);
const LineagePage = lazy(() => import('./routes/LineagePage').then((m) => ({ default: m.LineagePage })));

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
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
                <Route path="/lineage" element={<LineagePage />} />
                <Route path="*" element={<p>Page not found.</p>} />
              </Routes>
            </Suspense>
          </ErrorBoundary>
        </Layout>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
