/**
 * A product plan: the product (name, own licence, intended use, profile), its components (catalog assets and
 * how the product uses each) and the "License check" region that answers for it: verdict, findings with their
 * paths and remedies, what changed with the last edit, obligations, NOTICE and the compliance report.
 * Every edit is checked at once and stored through the catalog writer.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  COMPONENT_USE_LABELS,
  COMPONENT_USES,
  KB_VERSION,
  newComponent,
  PLAN_PROFILES,
  planReport,
  type ComponentUse,
  type IntendedUse,
  type LicenseFinding,
  type PlanComponent,
  type PlanResult,
  type ProductPlan,
} from '@/core/licenses';
import { deletePlan, savePlan } from '@/workers/catalogWrites';
import { downloadText, fileSlug } from '@/components/download';
import { Findings, LicenseCheckSection, Notice, Obligations } from './AssetLicenseCheck';
import { usePlanCandidates, usePlanCheck, useStoredPlan, type PlanCheck } from './planHooks';

/** Quiet time before a text edit is stored (the check itself runs at once). */
const SAVE_DEBOUNCE_MS = 300;

/** Downloads a plan's compliance report as JSON. */
export function downloadPlanReport(plan: ProductPlan, result: PlanResult): void {
  const report = planReport(plan, result, { generatedAt: new Date().toISOString(), kbVersion: KB_VERSION });
  downloadText(JSON.stringify(report, null, 2), `compliance-${fileSlug(plan.name)}.json`);
}

function numberOrNull(text: string): number | null {
  const n = Number(text.replace(/[\s,_]/g, ''));
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : null;
}

function NumberField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | null;
  onChange: (n: number | null) => void;
}) {
  return (
    <label>
      {label}{' '}
      <input
        type="number"
        min={0}
        value={value ?? ''}
        onChange={(e) => onChange(numberOrNull(e.currentTarget.value))}
      />
    </label>
  );
}

function IntendedUseFields({ use, onChange }: { use: IntendedUse; onChange: (u: IntendedUse) => void }) {
  const flag = (
    key: 'commercial' | 'redistribute' | 'hosted_service' | 'licensee_is_end_user',
    label: string,
  ) => (
    <label>
      <input
        type="checkbox"
        checked={use[key]}
        onChange={(e) => onChange({ ...use, [key]: e.currentTarget.checked })}
      />{' '}
      {label}
    </label>
  );
  return (
    <fieldset className="plan-use">
      <legend>Intended use</legend>
      {flag('commercial', 'Commercial use')}
      {flag('redistribute', 'Redistributed (weights, data or a bundle are shipped)')}
      {flag('hosted_service', 'Hosted as a service')}
      {flag('licensee_is_end_user', 'The licensee is an end user')}
      <NumberField
        label="Monthly active users at release"
        value={use.licensee_mau_at_release}
        onChange={(n) => onChange({ ...use, licensee_mau_at_release: n })}
      />
      <NumberField
        label="Annual revenue (USD)"
        value={use.annual_revenue_usd}
        onChange={(n) => onChange({ ...use, annual_revenue_usd: n })}
      />
      <label>
        Region (country code or EU){' '}
        <input
          type="text"
          size={6}
          value={use.licensee_region ?? ''}
          onChange={(e) => onChange({ ...use, licensee_region: e.currentTarget.value.trim() || null })}
        />
      </label>
    </fieldset>
  );
}

function ComponentRow({
  c,
  result,
  onChange,
  onRemove,
}: {
  c: PlanComponent;
  result: PlanResult | undefined;
  onChange: (c: PlanComponent) => void;
  onRemove: () => void;
}) {
  const missing = result?.missing.includes(c.assetId) ?? false;
  return (
    <tr>
      <td>
        {missing ? (
          <span>
            {c.assetId} <span className="badge muted">not in the catalog</span>
          </span>
        ) : (
          <Link to={`/asset/${encodeURIComponent(c.assetId)}`}>{result?.names[c.assetId] ?? c.assetId}</Link>
        )}
      </td>
      <td>
        <code>{result?.normalized[c.assetId] ?? '…'}</code>
      </td>
      <td>
        <select
          aria-label={`Use of ${c.assetId}`}
          value={c.use}
          onChange={(e) => onChange({ ...c, use: e.currentTarget.value as ComponentUse })}
        >
          {COMPONENT_USES.map((u) => (
            <option key={u} value={u}>
              {COMPONENT_USE_LABELS[u]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <label>
          <input
            type="checkbox"
            aria-label={`Modified: ${c.assetId}`}
            checked={c.modified}
            onChange={(e) => onChange({ ...c, modified: e.currentTarget.checked })}
          />{' '}
          modified
        </label>{' '}
        <label>
          <input
            type="checkbox"
            aria-label={`Source offered: ${c.assetId}`}
            checked={c.sourceOffered}
            onChange={(e) => onChange({ ...c, sourceOffered: e.currentTarget.checked })}
          />{' '}
          source offered
        </label>
      </td>
      <td>
        <button type="button" aria-label={`Remove ${c.assetId}`} onClick={onRemove}>
          Remove
        </button>
      </td>
    </tr>
  );
}

function AddComponent({ onAdd }: { onAdd: (id: string, kind: string) => void }) {
  const [text, setText] = useState('');
  const candidates = usePlanCandidates(text);
  const add = (id: string, kind?: string) => {
    const trimmed = id.trim();
    if (!trimmed) return;
    const found = candidates.find((c) => c.id.toLowerCase() === trimmed.toLowerCase());
    onAdd(found?.id ?? trimmed, kind ?? found?.kind ?? 'unknown');
    setText('');
  };
  return (
    <div className="plan-add">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add(text);
        }}
      >
        <label>
          Add component{' '}
          <input
            type="text"
            value={text}
            placeholder="catalog asset id"
            autoComplete="off"
            onChange={(e) => setText(e.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit">Add component</button>
      </form>
      {candidates.length > 0 ? (
        <ul className="plan-suggestions" aria-label="Component suggestions">
          {candidates.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => add(c.id, c.kind)}>
                {c.id}
              </button>{' '}
              <span className="muted">
                {c.kind} · <code>{c.license}</code>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function findingLabel(f: LicenseFinding, names: Record<string, string>): string {
  return `${f.code} (${f.severity})${f.asset ? `: ${names[f.asset] ?? f.asset}` : ''}`;
}

function WhatChanged({ diff, names }: { diff: PlanCheck['diff']; names: Record<string, string> }) {
  if (!diff) return null;
  const { appeared, disappeared } = diff;
  return (
    <section aria-label="What changed" className="plan-diff">
      <h3>What changed with the last edit</h3>
      {appeared.length === 0 && disappeared.length === 0 ? (
        <p className="muted">No finding appeared or went.</p>
      ) : (
        <ul>
          {[
            ...appeared.map((f) => ['appeared', 'Appeared', f] as const),
            ...disappeared.map((f) => ['disappeared', 'Gone', f] as const),
          ].map(([change, label, f], i) => (
            <li key={`${change}-${i}`} data-change={change} data-code={f.code}>
              {label}: {findingLabel(f, names)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PlanCheckRegion({ plan, check }: { plan: ProductPlan; check: PlanCheck }) {
  const r = check.data;
  if (!r) {
    return (
      <LicenseCheckSection busy={check.loading}>
        <p className="muted">{check.error ?? 'Checking the plan across every component’s lineage…'}</p>
      </LicenseCheckSection>
    );
  }
  return (
    <LicenseCheckSection verdict={r.verdict} busy={check.loading}>
      <p className="muted">
        In force through the components: <code>{r.effective}</code>
      </p>
      <WhatChanged diff={check.diff} names={r.names} />
      <Findings
        findings={r.findings}
        names={r.names}
        none="No problems found in this product or its components’ lineage."
      />
      <h3>Obligations</h3>
      <Obligations list={r.obligations} names={r.names} />
      <h3>NOTICE</h3>
      <Notice notice={r.notice} fileId={plan.name} />
      <p className="plan-report-actions">
        <button type="button" onClick={() => downloadPlanReport(plan, r)}>
          Download compliance report
        </button>{' '}
        <Link to={`/plans/${encodeURIComponent(plan.id)}/report`}>Printable report</Link>
      </p>
      <p className="muted">Not legal advice.</p>
    </LicenseCheckSection>
  );
}

/** Edits a plan: the draft is checked at once; stores debounced (text) or at once (choices). */
function usePlanDraft(stored: ProductPlan | null | undefined) {
  const [draft, setDraft] = useState<ProductPlan | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<ProductPlan | undefined>(undefined);
  useEffect(() => {
    if (stored && (!draft || draft.id !== stored.id)) setDraft(stored);
  }, [stored, draft]);
  const flush = () => {
    clearTimeout(timer.current);
    const p = pending.current;
    pending.current = undefined;
    if (p) void savePlan(p).then((r) => setError(r.ok ? undefined : r.error));
  };
  // Store what is pending when the page closes.
  useEffect(() => () => flush(), []);
  const update = (next: ProductPlan, wait = false) => {
    const p = { ...next, updatedAt: new Date().toISOString() };
    setDraft(p);
    pending.current = p;
    clearTimeout(timer.current);
    if (wait) timer.current = setTimeout(flush, SAVE_DEBOUNCE_MS);
    else flush();
  };
  return { draft, update, error };
}

/** The plan page body (route `/plans/:id`). */
export function PlanEditor({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const stored = useStoredPlan(id);
  const { draft: plan, update, error } = usePlanDraft(stored);
  const check = usePlanCheck(plan);
  if (stored === null && !plan) return <p>No product plan “{id}”.</p>;
  if (!plan) return <p className="muted">Loading the plan…</p>;
  const setComponent = (i: number, c: PlanComponent) =>
    update({ ...plan, components: plan.components.map((x, j) => (j === i ? c : x)) });
  return (
    <div className="plan-page">
      <p className="muted">
        <Link to="/licenses">Licenses</Link> › Product plan
      </p>
      <h1>{plan.name || 'Untitled product'}</h1>
      <div className="plan-layout">
        <div className="plan-editor">
          <label>
            Product name{' '}
            <input
              type="text"
              value={plan.name}
              onChange={(e) => update({ ...plan, name: e.currentTarget.value }, true)}
            />
          </label>
          <label>
            Product license{' '}
            <input
              type="text"
              value={plan.license}
              placeholder="SPDX expression, or LicenseRef-Proprietary"
              onChange={(e) => update({ ...plan, license: e.currentTarget.value }, true)}
            />
          </label>
          <p className="muted">
            The product’s own licence is your choice: own terms (<code>LicenseRef-…</code>) are checked
            against the components, never reported as unreadable.
          </p>
          <label>
            Profile{' '}
            <select
              value={plan.profile}
              onChange={(e) => update({ ...plan, profile: e.currentTarget.value as ProductPlan['profile'] })}
            >
              {PLAN_PROFILES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <IntendedUseFields use={plan.intendedUse} onChange={(u) => update({ ...plan, intendedUse: u })} />
          <h2>Components</h2>
          <AddComponent
            onAdd={(assetId, kind) =>
              update({ ...plan, components: [...plan.components, newComponent(assetId, kind)] })
            }
          />
          {plan.components.length === 0 ? (
            <p className="muted">No components yet: add the catalog assets the product is built from.</p>
          ) : (
            <table aria-label="Components">
              <thead>
                <tr>
                  <th>Asset</th>
                  <th>Licence</th>
                  <th>Use</th>
                  <th>Facts</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {plan.components.map((c, i) => (
                  <ComponentRow
                    key={`${c.assetId}-${i}`}
                    c={c}
                    result={check.data}
                    onChange={(next) => setComponent(i, next)}
                    onRemove={() =>
                      update({ ...plan, components: plan.components.filter((_, j) => j !== i) })
                    }
                  />
                ))}
              </tbody>
            </table>
          )}
          {error ? (
            <p role="alert" className="error">
              The plan could not be stored: {error}
            </p>
          ) : null}
          <p>
            <button
              type="button"
              onClick={() => {
                if (!window.confirm(`Delete the plan “${plan.name}”?`)) return;
                void deletePlan(plan.id).then(onDeleted);
              }}
            >
              Delete plan
            </button>
          </p>
        </div>
        <PlanCheckRegion plan={plan} check={check} />
      </div>
    </div>
  );
}
