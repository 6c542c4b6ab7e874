import { Link } from 'react-router';
import { LicenseReportView } from '@/features/licenses/LicenseReportView';
import { IntendedUseForm } from '@/features/licenses/IntendedUseForm';
import { PlanList } from '@/features/licenses/PlanList';

/** `/licenses`: the catalog licence report, with the intended-use settings beside it. */
export function LicensesPage() {
  return (
    <div className="licenses-page">
      <div className="licenses-main">
        <h1>Licenses</h1>
        <PlanList />
        <LicenseReportView />
      </div>
      <aside className="licenses-side" aria-label="Intended use settings">
        <h2>Intended use</h2>
        <IntendedUseForm />
      </aside>
    </div>
  );
}

/** `/licenses/settings`: the intended-use settings alone. */
export function LicenseSettingsPage() {
  return (
    <div className="license-settings-page">
      <h1>Intended use</h1>
      <p className="muted">
        Every licence verdict (asset pages, the catalog&apos;s “License check” facet, the{' '}
        <Link to="/licenses">licence report</Link>) is computed for this use. Changes apply at once.
      </p>
      <IntendedUseForm />
    </div>
  );
}
