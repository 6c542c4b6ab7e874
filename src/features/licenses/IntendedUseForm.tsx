/** The intended-use settings (stored in settings; every licence view re-evaluates when they change). */
import { useState } from 'react';
import { DEFAULT_INTENDED_USE, DEFAULT_PROFILE, type IntendedUse, type Profile } from '@/core/licenses';
import type { LicenseSettings } from '@/workers/licenses/client';
import { saveLicenseSettings, useLicenseSettings } from './hooks';
import { PROFILES, PROFILE_TEXT, describeSettings } from './settings';

type BoolField = 'commercial' | 'redistribute' | 'hosted_service' | 'licensee_is_end_user';

const BOOL_FIELDS: readonly { field: BoolField; label: string; hint: string }[] = [
  { field: 'commercial', label: 'Commercial use', hint: 'Used in or for a commercial product or service.' },
  { field: 'redistribute', label: 'Redistribute', hint: 'Publish weights, data or a bundle.' },
  { field: 'hosted_service', label: 'Hosted service', hint: 'Offered to others over a network (API, SaaS).' },
  {
    field: 'licensee_is_end_user',
    label: 'End user',
    hint: 'You only use the asset yourself; you do not build on it.',
  },
];

const REGIONS = ['EU', 'US', 'GB', 'CN', 'JP', 'IN', 'CA', 'BR', 'KR', 'AU'];

function parseCount(text: string): number | null {
  const t = text.replace(/[\s,_]/g, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function Form({ initial }: { initial: LicenseSettings }) {
  const [s, setS] = useState<LicenseSettings>(initial);
  const [mau, setMau] = useState(initial.intendedUse.licensee_mau_at_release?.toString() ?? '');
  const [revenue, setRevenue] = useState(initial.intendedUse.annual_revenue_usd?.toString() ?? '');
  const [region, setRegion] = useState(initial.intendedUse.licensee_region ?? '');
  const [error, setError] = useState('');
  const [pending, setPending] = useState(0);

  const save = (next: LicenseSettings) => {
    setS(next);
    setPending((n) => n + 1);
    void saveLicenseSettings(next)
      .then((r) => setError(r.ok ? '' : `Could not save: ${r.error}`))
      .finally(() => setPending((n) => n - 1));
  };
  const setUse = (patch: Partial<IntendedUse>) => save({ ...s, intendedUse: { ...s.intendedUse, ...patch } });
  const reset = () => {
    setMau('');
    setRevenue('');
    setRegion('');
    save({ intendedUse: { ...DEFAULT_INTENDED_USE }, profile: DEFAULT_PROFILE });
  };

  return (
    <form className="intended-use" aria-label="Intended use" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>How will the assets be used?</legend>
        {BOOL_FIELDS.map((b) => (
          <label key={b.field} className="check-row">
            <input
              type="checkbox"
              checked={s.intendedUse[b.field]}
              onChange={(e) => setUse({ [b.field]: e.currentTarget.checked })}
            />
            {b.label} <span className="muted">— {b.hint}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Licensee</legend>
        <CountField
          label="Monthly active users (at the upstream release date)"
          text={mau}
          setText={setMau}
          onCount={(n) => setUse({ licensee_mau_at_release: n })}
        />
        <CountField
          label="Annual revenue (US$)"
          text={revenue}
          setText={setRevenue}
          onCount={(n) => setUse({ annual_revenue_usd: n })}
        />
        <label className="field-row">
          Region (ISO country code or EU)
          <input
            type="text"
            list="tarn-regions"
            value={region}
            placeholder="unknown"
            onChange={(e) => {
              const text = e.currentTarget.value;
              setRegion(text);
              setUse({ licensee_region: text.trim() === '' ? null : text.trim().toUpperCase() });
            }}
          />
          <datalist id="tarn-regions">
            {REGIONS.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </label>
      </fieldset>
      <fieldset>
        <legend>Policy profile</legend>
        <label className="field-row">
          Profile
          <select
            value={s.profile}
            onChange={(e) => save({ ...s, profile: e.currentTarget.value as Profile })}
          >
            {PROFILES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <p className="muted">{PROFILE_TEXT[s.profile]}</p>
      </fieldset>
      <p className="muted" data-testid="intended-use-summary">
        Current: {describeSettings(s)}{' '}
        <span
          role="status"
          aria-label="Intended use saved state"
          data-saved={pending === 0 ? 'true' : 'false'}
        >
          {pending > 0 ? 'Saving…' : 'Saved'}
        </span>
      </p>
      <button type="button" onClick={reset}>
        Reset to defaults
      </button>
      {error ? <p className="issue-error">{error}</p> : null}
    </form>
  );
}

/** Intended-use form; saves on every change. */
/** A free-text number input ("1,000,000", "2.5M"); empty means unknown. Reports only parseable values. */
function CountField({
  label,
  text,
  setText,
  onCount,
}: {
  label: string;
  text: string;
  setText: (t: string) => void;
  onCount: (n: number | null) => void;
}) {
  return (
    <label className="field-row">
      {label}
      <input
        type="text"
        inputMode="numeric"
        value={text}
        placeholder="unknown"
        onChange={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          const n = parseCount(value);
          if (value.trim() === '' || n !== null) onCount(n);
        }}
      />
    </label>
  );
}

export function IntendedUseForm() {
  const settings = useLicenseSettings();
  if (!settings) return <p className="muted">Loading…</p>;
  return <Form initial={settings} />;
}
