import { it } from 'vitest';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import type { CatalogLicenseAsset, CatalogLicenseRelation, LicenseContext } from './index';
import { evaluateAsset } from './index';
it('prof', async () => {
  const assets: CatalogLicenseAsset[] = []; const relations: CatalogLicenseRelation[] = [];
  for (let i = 0; i < 50; i++) {
    assets.push({ id: `m${i}`, kind: 'model', name: `m${i}`, license: { raw: i % 3 ? 'mit' : 'apache-2.0' } });
    if (i > 0) relations.push({ child: `m${i}`, type: 'finetune_of', parent: `m${i - 1}` });
  }
  const ctx: LicenseContext = { assets, relations };
  evaluateAsset('m49', ctx);
  const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
  for (let i = 0; i < 50; i++) evaluateAsset('m49', ctx);
  const { profile } = await s.post('Profiler.stop');
  const self = new Map<string, number>();
  const nodes = profile.nodes; const dt = profile.timeDeltas ?? []; const samples = profile.samples ?? [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  samples.forEach((id, i) => { const n = byId.get(id); if (!n) return; const k = `${n.callFrame.functionName}@${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); });
  console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k}`).join('\n'));
  writeFileSync('/tmp/x', '');
});
