/**
 * The asset page's licence check: a verdict badge for the header, and the "License check" region with
 * findings (plain-language explanation + lineage path), an obligations checklist, how each licence was read,
 * and a NOTICE to copy or download. Both take the result of `useAssetLicense(id)` (compose in app/).
 */
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { LicenseFinding, LicenseObligation, LicenseVerdict } from '@/core/licenses';
import type { AssetLicenseReport } from '@/workers/licenses/client';
import { VerdictBadge } from './VerdictBadge';
import { explainRule, explainVerdict, obligationLabel, verdictRank } from './explain';
import { describeSettings } from './settings';
import { downloadText, fileSlug } from '@/components/download';
import type { Loaded } from './hooks';

function assetHref(id: string): string {
  return `/asset/${encodeURIComponent(id)}`;
}

/** Ids that are not catalog assets (a planned product, `plan:<id>`) show as text, not as links. */
function isPlanned(id: string): boolean {
  return id.startsWith('plan:');
}

/** Small verdict badge for AssetView's `licenseBadge` slot (links to the region). */
export function AssetLicenseBadge({ state }: { state: Loaded<AssetLicenseReport> }) {
  const r = state.data;
  if (!r) return state.loading ? <span className="verdict verdict-pending">checking…</span> : null;
  const v = r.evaluation.verdict;
  return (
    <a
      href="#license-check"
      className="verdict-link"
      aria-label={`License check: ${v}`}
      data-testid="license-badge"
      data-verdict={v}
    >
      <VerdictBadge verdict={v} />
    </a>
  );
}

function PathLinks({
  path,
  names,
  relation,
}: {
  path: readonly string[];
  names: Record<string, string>;
  relation?: string | undefined;
}) {
  return (
    <span className="license-path" aria-label="Lineage path">
      {path.map((id, i) => (
        <span key={`${i}-${id}`}>
          {i > 0 ? <span className="muted">{i === 1 && relation ? ` —${relation}→ ` : ' → '}</span> : null}
          {isPlanned(id) ? (
            <strong>{names[id] ?? id}</strong>
          ) : (
            <Link to={assetHref(id)} title={id}>
              {names[id] ?? id}
            </Link>
          )}
        </span>
      ))}
    </span>
  );
}

/** One finding: rule, plain-language explanation, message, lineage path and (for plans) the remedy. */
function FindingItem({
  f,
  names,
}: {
  f: LicenseFinding & { remedy?: string };
  names: Record<string, string>;
}) {
  return (
    <li className={`finding finding-${f.severity}`} data-code={f.code}>
      <div>
        <VerdictBadge verdict={f.severity} /> <strong className="finding-code">{f.code}</strong>
        {f.unsettled ? <span className="badge"> unsettled law</span> : null}
      </div>
      <p>{explainRule(f.code)}</p>
      <p className="muted finding-message">{f.message}</p>
      {f.path && f.path.length > 0 ? (
        <p>
          Path: <PathLinks path={f.path} names={names} relation={f.relation} />
        </p>
      ) : null}
      {f.remedy ? (
        <p className="finding-remedy">
          <strong>Remedy:</strong> {f.remedy}
        </p>
      ) : null}
    </li>
  );
}

/** The obligations checklist (ticks are kept only while the page is open). */
export function Obligations({
  list,
  names,
}: {
  list: readonly LicenseObligation[];
  names: Record<string, string>;
}) {
  const [done, setDone] = useState<ReadonlySet<number>>(new Set());
  if (list.length === 0) return <p className="muted">No obligations.</p>;
  return (
    <ul className="obligations">
      {list.map((o, i) => (
        <li key={`${o.type}-${o.source}-${i}`}>
          <label>
            <input
              type="checkbox"
              checked={done.has(i)}
              onChange={() =>
                setDone((prev) => {
                  const next = new Set(prev);
                  if (next.has(i)) next.delete(i);
                  else next.add(i);
                  return next;
                })
              }
            />
            {obligationLabel(o.type)}
            {o.value ? `: ${o.value}` : ''}
            <span className="muted"> (from {names[o.source] ?? o.source})</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

function Derivations({ report }: { report: AssetLicenseReport }) {
  const [self, ...upstream] = report.derivations;
  return (
    <>
      {self ? (
        <dl className="facts license-derivation">
          <dt>Declared</dt>
          <dd data-testid="license-raw">
            {self.raw !== '' ? <code>{self.raw}</code> : <span className="muted">no licence declared</span>}
            {self.licenseName ? <span className="muted"> · name: {self.licenseName}</span> : null}
            {self.licenseLink ? <span className="muted"> · link: {self.licenseLink}</span> : null}
          </dd>
          <dt>Normalized</dt>
          <dd data-testid="license-normalized">
            <code>{self.expression}</code> <span className="badge">{self.family}</span>
          </dd>
          <dt>How</dt>
          <dd data-testid="license-how">
            {self.how} <span className="badge">confidence: {self.confidence}</span>
            {self.flags.map((fl) => (
              <span key={fl} className="badge">
                {fl}
              </span>
            ))}
          </dd>
          <dt>In force through lineage</dt>
          <dd data-testid="license-effective">
            <code>{report.evaluation.effective}</code>
          </dd>
        </dl>
      ) : null}
      {upstream.length > 0 ? (
        <table aria-label="Licences in the lineage">
          <thead>
            <tr>
              <th>Upstream asset</th>
              <th>Declared</th>
              <th>Normalized</th>
              <th>How derived</th>
            </tr>
          </thead>
          <tbody>
            {upstream.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link to={assetHref(d.id)}>{d.name}</Link>
                  {d.placeholder ? <span className="badge muted"> not imported</span> : null}
                </td>
                <td>{d.raw !== '' ? <code>{d.raw}</code> : <span className="muted">none</span>}</td>
                <td>
                  <code>
                    {report.evaluation.orChoice[d.id] ?? report.evaluation.normalized[d.id] ?? d.expression}
                  </code>
                </td>
                <td>
                  {d.how} <span className="badge">{d.confidence}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

/** A NOTICE text with Copy and Download. */
export function Notice({ notice, fileId }: { notice: string; fileId: string }) {
  const [status, setStatus] = useState('');
  const copy = () => {
    const clip = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clip) {
      setStatus('Copy is not available here: select the text and copy it.');
      return;
    }
    clip.writeText(notice).then(
      () => setStatus('Copied.'),
      () => setStatus('Copy was refused: select the text and copy it.'),
    );
  };
  return (
    <div className="notice">
      <div className="notice-actions">
        <button type="button" onClick={copy}>
          Copy
        </button>
        <button
          type="button"
          onClick={() => downloadText(notice, `NOTICE-${fileSlug(fileId)}.txt`, 'text/plain')}
        >
          Download NOTICE
        </button>
        <span role="status" className="muted">
          {status}
        </span>
      </div>
      <pre aria-label="NOTICE text" className="notice-text" tabIndex={0}>
        {notice}
      </pre>
    </div>
  );
}

/** "Findings" (problems, worst first) and the collapsed "Notes" (ok findings) of a licence check. */
export function Findings({
  findings,
  names,
  none,
}: {
  findings: readonly (LicenseFinding & { remedy?: string })[];
  names: Record<string, string>;
  none: string;
}) {
  const problems = findings
    .filter((f) => f.severity !== 'ok')
    .sort((a, b) => verdictRank(a.severity) - verdictRank(b.severity));
  const notes = findings.filter((f) => f.severity === 'ok');
  return (
    <>
      <h3>Findings</h3>
      {problems.length > 0 ? (
        <ul className="findings" aria-label="Findings">
          {problems.map((f, i) => (
            <FindingItem key={`${f.code}-${f.asset ?? ''}-${i}`} f={f} names={names} />
          ))}
        </ul>
      ) : (
        <p>{none}</p>
      )}
      {notes.length > 0 ? (
        <details>
          <summary>Notes ({notes.length})</summary>
          <ul className="findings" aria-label="Notes">
            {notes.map((f, i) => (
              <FindingItem key={`${f.code}-${f.asset ?? ''}-${i}`} f={f} names={names} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** The "License check" region (asset pages and product plans): heading, verdict badge and its meaning. */
export function LicenseCheckSection({
  verdict,
  busy,
  children,
}: {
  verdict?: LicenseVerdict;
  busy: boolean;
  children: ReactNode;
}) {
  return (
    <section
      aria-label="License check"
      id="license-check"
      className="license-check"
      data-verdict={verdict}
      aria-busy={busy}
    >
      <h2>License check {verdict ? <VerdictBadge verdict={verdict} /> : null}</h2>
      {verdict ? <p>{explainVerdict(verdict)}</p> : null}
      {children}
    </section>
  );
}

/** The "License check" region of the asset page. */
export function AssetLicenseCheck({ state }: { state: Loaded<AssetLicenseReport> }) {
  const r = state.data;
  const settings = state.settings;
  if (!r) {
    return (
      <LicenseCheckSection busy={state.loading}>
        <p className="muted">
          {state.loading
            ? 'Checking licences across the lineage…'
            : (state.error ?? 'No licence check for this asset.')}
        </p>
      </LicenseCheckSection>
    );
  }
  const { evaluation } = r;
  return (
    <LicenseCheckSection verdict={evaluation.verdict} busy={state.loading}>
      {settings ? (
        <p className="muted" data-testid="license-intended-use">
          Intended use: {describeSettings(settings)} · <Link to="/licenses/settings">change</Link>
        </p>
      ) : null}
      <h3>Licence</h3>
      <Derivations report={r} />
      <Findings
        findings={evaluation.findings}
        names={r.names}
        none="No problems found in this asset or its ancestors."
      />
      <h3>Obligations</h3>
      <Obligations key={`${r.id}|${r.key}`} list={r.evaluation.obligations} names={r.names} />
      <h3>NOTICE</h3>
      <Notice notice={r.notice} fileId={r.id} />
      <p className="muted">Not legal advice.</p>
    </LicenseCheckSection>
  );
}
