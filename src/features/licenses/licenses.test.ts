import { describe, expect, it } from 'vitest';
import { DEFAULT_INTENDED_USE } from '@/core/licenses';
import { KB } from '@/core/licenses/kb';
import type { LicenseReport } from '@/workers/licenses/client';
import { explainRule, obligationLabel } from './explain';
import { describeSettings, settingsId, toIntendedUse, toProfile, toSettings } from './settings';
import { reportCsv, reportJson } from './reportExport';

describe('explanations', () => {
  it('explain every rule of the knowledge base in plain language', () => {
    for (const code of Object.keys(KB.rules)) expect(explainRule(code), code).not.toBe(`Rule ${code}.`);
    expect(explainRule('NOPE')).toBe('Rule NOPE.');
    expect(obligationLabel('display-attribution')).toBe('Display the attribution');
    expect(obligationLabel('some-new-duty')).toBe('some new duty');
  });
});

describe('settings', () => {
  it('repairs stored values', () => {
    expect(toIntendedUse(undefined)).toEqual(DEFAULT_INTENDED_USE);
    expect(
      toIntendedUse({
        commercial: false,
        licensee_mau_at_release: -3,
        annual_revenue_usd: 5,
        licensee_region: ' EU ',
        extra: 1,
      }),
    ).toEqual({
      ...DEFAULT_INTENDED_USE,
      commercial: false,
      annual_revenue_usd: 5,
      licensee_region: 'EU',
    });
    expect(toProfile('conservative')).toBe('conservative');
    expect(toProfile('nonsense')).toBe('balanced');
  });

  it('keys and describes settings', () => {
    const a = toSettings({ commercial: false }, 'permissive');
    const b = toSettings({ commercial: false, redistribute: true }, 'permissive');
    expect(settingsId(a)).toBe(settingsId(b));
    expect(settingsId(a)).not.toBe(settingsId(toSettings({}, 'permissive')));
    expect(
      describeSettings(
        toSettings(
          { commercial: false, licensee_mau_at_release: 800_000_000, licensee_region: 'EU' },
          'permissive',
        ),
      ),
    ).toBe('non-commercial, redistributed, 800,000,000 MAU, region EU · permissive profile');
  });
});

describe('report export', () => {
  const report: LicenseReport = {
    key: 'k',
    generatedAt: '2026-01-01T00:00:00.000Z',
    settings: toSettings({}, 'balanced'),
    total: 2,
    byVerdict: { ok: 1, warning: 0, review: 0, conflict: 1 },
    byFamily: [{ family: 'permissive', count: 2, byVerdict: { ok: 1, warning: 0, review: 0, conflict: 1 } }],
    issues: [
      {
        id: 'acme/ft',
        name: 'ft, "quoted"',
        kind: 'model',
        verdict: 'conflict',
        expression: 'Apache-2.0',
        family: 'permissive',
        codes: ['CUSTOM_TERMS_DROPPED', 'LLAMA_ATTRIBUTION'],
        worst: ['CUSTOM_TERMS_DROPPED'],
        reasons: [
          {
            code: 'CUSTOM_TERMS_DROPPED',
            severity: 'conflict',
            message: 'm',
            path: ['acme/ft', 'meta/base'],
          },
        ],
      },
    ],
    names: {},
    ms: 1,
  };

  it('exports JSON with settings, counts and issues', () => {
    const j = JSON.parse(reportJson(report)) as Record<string, unknown>;
    expect(j).toMatchObject({
      format: 'tarn-license-report',
      profile: 'balanced',
      total: 2,
      byVerdict: report.byVerdict,
    });
    expect((j.issues as unknown[]).length).toBe(1);
  });

  it('exports CSV, one quoted row per issue, formulas defused', () => {
    const lines = reportCsv(report).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      '"acme/ft","ft, ""quoted""","model","conflict","Apache-2.0","permissive","CUSTOM_TERMS_DROPPED LLAMA_ATTRIBUTION","CUSTOM_TERMS_DROPPED","conflict: CUSTOM_TERMS_DROPPED (acme/ft -> meta/base)"',
    );
    const evil = reportCsv({ ...report, issues: [{ ...report.issues[0]!, name: '=HYPERLINK("x")' }] });
    expect(evil).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
