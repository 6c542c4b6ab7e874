/** Runs every public licence case and every variant of ../shared/licenses/license-cases.json. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED_DIR } from '../../testing/shared';
import type { LicenseObligation, LicenseScenario } from './index';
import { applyVariant, evaluateLicenses } from './index';

type Expected = {
  verdict: string;
  normalized?: Record<string, string>;
  findings_include?: string[];
  findings_exclude?: string[];
  obligations_include?: LicenseObligation[];
  or_choice?: Record<string, string>;
};
type Variant = { change: Record<string, unknown>; expected_verdict: string; note?: string };
type Case = LicenseScenario & { id: string; title: string; expected: Expected; variants?: Variant[] };

const file = JSON.parse(readFileSync(`${SHARED_DIR}/licenses/license-cases.json`, 'utf8')) as {
  cases: Case[];
};

describe('license-cases.json', () => {
  it('has cases', () => {
    expect(file.cases.length).toBeGreaterThanOrEqual(15);
  });

  for (const c of file.cases) {
    describe(`${c.id} ${c.title}`, () => {
      const result = evaluateLicenses(c);
      const codes = result.findings.map((f) => f.code);

      it(`verdict ${c.expected.verdict}`, () => {
        expect({
          verdict: result.verdict,
          findings: result.findings.map((f) => `${f.code}:${f.severity}`),
        }).toMatchObject({ verdict: c.expected.verdict });
      });
      it('normalized', () => {
        expect(result.normalized).toMatchObject(c.expected.normalized ?? {});
      });
      it('findings include / exclude', () => {
        for (const code of c.expected.findings_include ?? []) expect(codes).toContain(code);
        for (const code of c.expected.findings_exclude ?? []) expect(codes).not.toContain(code);
      });
      it('obligations include', () => {
        for (const o of c.expected.obligations_include ?? []) {
          const hit = result.obligations.some(
            (r) =>
              r.type === o.type && r.source === o.source && (o.value === undefined || r.value === o.value),
          );
          expect(
            hit,
            `${o.type} / ${o.source} / ${o.value ?? ''} in ${JSON.stringify(result.obligations)}`,
          ).toBe(true);
        }
      });
      if (c.expected.or_choice) {
        it('or choice', () => {
          expect(result.orChoice).toMatchObject(c.expected.or_choice ?? {});
        });
      }

      (c.variants ?? []).forEach((v, i) => {
        it(`variant ${i + 1}: ${v.expected_verdict} (${v.note ?? ''})`, () => {
          const r = evaluateLicenses(applyVariant(c, v.change));
          expect({
            verdict: r.verdict,
            findings: r.findings.map((f) => `${f.code}:${f.severity}`),
          }).toMatchObject({ verdict: v.expected_verdict });
        });
      });
    });
  }
});
