import type { CompletenessReport } from '@/core/catalog/completeness';
import { completenessPercent, missingFields } from '@/core/catalog/completeness';

/** Completeness scorecard per relevant standard: present and missing fields. */
export function CompletenessPanel({ report }: { report: CompletenessReport }) {
  return (
    <section aria-label="Completeness">
      <h2>Completeness {completenessPercent(report)}%</h2>
      {report.standards.map((s) => {
        const missing = missingFields(s);
        return (
          <div key={s.standard} className="scorecard" data-testid={`completeness-${s.standard}`}>
            <h3>
              {s.label}: {s.present} of {s.total} recommended fields ({Math.round(s.score * 100)}%)
            </h3>
            <meter min={0} max={1} value={s.score} aria-label={`${s.label} completeness`} />
            {missing.length > 0 ? (
              <p>
                <span className="muted">Missing: </span>
                {missing.map((c) => (
                  <span key={c.field} className={`badge missing${c.required ? ' required' : ''}`}>
                    {c.field}
                    {c.required ? ' (required)' : ''}
                  </span>
                ))}
              </p>
            ) : (
              <p className="muted">Every recommended field is present.</p>
            )}
            <p>
              <span className="muted">Present: </span>
              {s.checks
                .filter((c) => c.present)
                .map((c) => (
                  <span key={c.field} className="badge present">
                    {c.field}
                  </span>
                ))}
            </p>
          </div>
        );
      })}
    </section>
  );
}
