/**
 * The catalog licence report: counts per verdict and per licence family for the current intended use,
 * conflicts and reviews with their reasons (links to each asset and along the lineage path), JSON / CSV export.
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { LicenseVerdict } from '@/core/licenses';
import type { LicenseIssue, LicenseReport } from '@/workers/licenses/client';
import { useLicenseReport } from './hooks';
import { VerdictBadge } from './VerdictBadge';
import { VERDICTS, explainRule, explainVerdict } from './explain';
import { describeSettings } from './settings';
import { downloadText } from '@/components/download';
import { reportCsv, reportJson } from './reportExport';

const PAGE = 100;

function assetHref(id: string): string {
  return `/asset/${encodeURIComponent(id)}`;
}

function IssueRow({ issue, names }: { issue: LicenseIssue; names: Record<string, string> }) {
  return (
    <tr data-verdict={issue.verdict}>
      <td>
        <Link to={assetHref(issue.id)}>{issue.name}</Link>
        <div className="muted">{issue.id}</div>
      </td>
      <td>
        <VerdictBadge verdict={issue.verdict} />
      </td>
      <td>
        <code>{issue.expression}</code>
      </td>
      <td>
        {issue.reasons ? (
          <ul className="reasons">
            {issue.reasons.map((r, i) => (
              <li key={`${r.code}-${i}`}>
                <strong>{r.code}</strong>: {explainRule(r.code)}
                {r.path.length > 1 ? (
                  <div className="muted">
                    via{' '}
                    {r.path.slice(1).map((p, k) => (
                      <span key={`${k}-${p}`}>
                        {k > 0 ? ' → ' : ''}
                        <Link to={assetHref(p)}>{names[p] ?? p}</Link>
                      </span>
                    ))}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <span>{issue.worst.map((c) => `${c}: ${explainRule(c)}`).join(' ')}</span>
        )}
      </td>
    </tr>
  );
}

function Counts({ report }: { report: LicenseReport }) {
  return (
    <div className="license-counts">
      <table aria-label="Verdicts">
        <thead>
          <tr>
            <th>Verdict</th>
            <th>Assets</th>
            <th>Meaning</th>
          </tr>
        </thead>
        <tbody>
          {VERDICTS.map((v) => (
            <tr key={v} data-verdict={v}>
              <td>
                <VerdictBadge verdict={v} />
              </td>
              <td data-testid={`count-${v}`}>{report.byVerdict[v]}</td>
              <td className="muted">{explainVerdict(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table aria-label="License families">
        <thead>
          <tr>
            <th>Licence family</th>
            <th>Assets</th>
            {VERDICTS.map((v) => (
              <th key={v}>{v}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.byFamily.map((f) => (
            <tr key={f.family}>
              <td>{f.family}</td>
              <td>{f.count}</td>
              {VERDICTS.map((v) => (
                <td key={v}>{f.byVerdict[v] || ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The report (counts, families, conflicts and reviews) with exports. */
export function LicenseReportView() {
  const { data: report, loading, error, settings } = useLicenseReport();
  const [shown, setShown] = useState(PAGE);
  const [only, setOnly] = useState<LicenseVerdict | 'all'>('all');
  const issues = useMemo(
    () => (report ? report.issues.filter((i) => only === 'all' || i.verdict === only) : []),
    [report, only],
  );
  if (!report) {
    return (
      <section aria-label="License report" aria-busy={loading}>
        <p className="muted">
          {loading ? 'Checking every asset against its lineage…' : (error ?? 'No report.')}
        </p>
      </section>
    );
  }
  const stamp = report.generatedAt.slice(0, 19).replace(/[:T]/g, '-');
  return (
    <section aria-label="License report" aria-busy={loading} className="license-report">
      <p className="muted">
        {report.total} assets checked for: {settings ? describeSettings(settings) : ''} ·{' '}
        <Link to="/licenses/settings">change intended use</Link>
      </p>
      <div className="report-actions">
        <button
          type="button"
          onClick={() =>
            downloadText(reportJson(report), `tarn-license-report-${stamp}.json`, 'application/json')
          }
        >
          Export JSON
        </button>
        <button
          type="button"
          onClick={() => downloadText(reportCsv(report), `tarn-license-report-${stamp}.csv`, 'text/csv')}
        >
          Export CSV
        </button>
      </div>
      <Counts report={report} />
      <h2>Conflicts and reviews</h2>
      <label>
        Show{' '}
        <select
          value={only}
          onChange={(e) => setOnly(e.currentTarget.value as LicenseVerdict | 'all')}
          aria-label="Show verdicts"
        >
          <option value="all">conflicts and reviews ({report.issues.length})</option>
          <option value="conflict">conflicts ({report.byVerdict.conflict})</option>
          <option value="review">reviews ({report.byVerdict.review})</option>
        </select>
      </label>
      {issues.length === 0 ? (
        <p>No conflicts or reviews for this intended use.</p>
      ) : (
        <table aria-label="Conflicts and reviews">
          <thead>
            <tr>
              <th>Asset</th>
              <th>Verdict</th>
              <th>Licence</th>
              <th>Reasons</th>
            </tr>
          </thead>
          <tbody>
            {issues.slice(0, shown).map((i) => (
              <IssueRow key={i.id} issue={i} names={report.names} />
            ))}
          </tbody>
        </table>
      )}
      {issues.length > shown ? (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show more ({issues.length - shown} left)
        </button>
      ) : null}
      <p className="muted">Not legal advice.</p>
    </section>
  );
}
