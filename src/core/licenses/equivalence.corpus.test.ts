/** Every case and variant of license-cases.json gives exactly the pre-optimisation result (./oracle). */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { SHARED_DIR } from '../../testing/shared';
import type { LicenseScenario } from './index';
import { applyVariant, evaluateLicenses } from './index';
import * as oracle from './oracle/evaluate';

type Case = LicenseScenario & { id: string; variants?: { change: Record<string, unknown> }[] };

it('license-cases.json: optimised engine = pre-optimisation engine (full results, all variants)', () => {
  const file = JSON.parse(readFileSync(`${SHARED_DIR}/licenses/license-cases.json`, 'utf8')) as {
    cases: Case[];
  };
  let n = 0;
  for (const c of file.cases) {
    for (const s of [c, ...(c.variants ?? []).map((v) => applyVariant(c, v.change))]) {
      expect(evaluateLicenses(s), `${c.id}`).toEqual(oracle.evaluateLicenses(s));
      n++;
    }
  }
  expect(n).toBeGreaterThan(file.cases.length);
});
