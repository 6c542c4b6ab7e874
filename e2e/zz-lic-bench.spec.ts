import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { generateCatalog } from '../bench/generate.mjs';

test('in-app licence sweep timing', async ({ page }) => {
  test.setTimeout(900_000);
  const n = Number(process.env.LIC_N ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'tarn-lic-'));
  const { files } = generateCatalog({ n, seed: 42, prefix: 'lic' });
  const paths = files.map((f) => { const p = join(dir, f.name); writeFileSync(p, JSON.stringify(f.env)); return p; });
  await page.goto('/');
  await page.getByLabel('Import files').setInputFiles(paths);
  await expect(page.getByText(`Showing ${n} of ${n} assets`)).toBeVisible({ timeout: 800_000 });
  const t0 = Date.now();
  await expect(page.getByRole('group', { name: 'License check', exact: true })).toBeVisible({ timeout: 120_000 });
  console.log('facet visible after', Date.now() - t0, 'ms');
  const res = await page.evaluate(async () => {
    const w = window as unknown as { __tarnLicenses?: { call: (n: string, a: unknown) => Promise<{ ms: number; assets: number; verdicts: Record<string, string> }> } };
    while (!w.__tarnLicenses) await new Promise((r) => setTimeout(r, 20));
    const L = w.__tarnLicenses;
    const use = { commercial: true, redistribute: true, hosted_service: false, licensee_mau_at_release: null, annual_revenue_usd: null, licensee_region: null, licensee_is_end_user: false };
    const t = async (f: () => Promise<{ ms: number; assets: number; verdicts: Record<string, string> }>) => { const s = performance.now(); const v = await f(); return { ms: performance.now() - s, v }; };
    const a = await t(() => L.call('licenseSweep', { intendedUse: { ...use, annual_revenue_usd: 1 }, profile: 'conservative' }));
    const b = await t(() => L.call('licenseSweep', { intendedUse: { ...use, commercial: false }, profile: 'permissive' }));
    const s = performance.now();
    await L.call('licenseAsset', { intendedUse: use, profile: 'balanced', id: Object.keys(b.v.verdicts)[5] });
    const one = performance.now() - s;
    return { sweepRtMs: a.ms, sweepEngineMs: a.v.ms, sweep2RtMs: b.ms, sweep2EngineMs: b.v.ms, assets: b.v.assets, assetRtMs: one };
  });
  console.log('LIC', JSON.stringify(res));
});
