import { beforeEach, describe, expect, it } from 'vitest';
import type { Asset, ParseResult, Relation } from '@/core/model';
import { newPlan } from '@/core/licenses';
import { createCatalogDb, importParsedFile, setDbForTests } from '@/db';
import type { CallContext } from '../rpc';
import { resetLicenseCatalog } from './context';
import { licenseHandlers } from './handlers';

const ctx: CallContext = { progress: () => undefined, isCancelled: () => false };

let n = 0;
beforeEach(async () => {
  const db = createCatalogDb(`tarn-plan-handlers-test-${Date.now()}-${n++}`);
  await db.open();
  setDbForTests(db);
  resetLicenseCatalog();
});

async function put(assets: Asset[], relations: Relation[] = []): Promise<void> {
  const name = `${assets[0]?.id ?? 'x'}.md`;
  const result: ParseResult = { format: 'hf-model-card', assets, relations, issues: [] };
  await importParsedFile(
    { name, text: name, sha256: `${name}-${n}`, bytes: 10 },
    result,
    '2026-01-01T00:00:00Z',
  );
}

describe('plan handlers', () => {
  it('checks a plan over the stored catalog, with each component’s ancestry, and suggests components', async () => {
    await put([{ id: 'nc/captions', kind: 'dataset', name: 'captions', license: { raw: 'cc-by-nc-4.0' } }]);
    await put(
      [{ id: 'acme/captioner', kind: 'model', name: 'captioner', license: { raw: 'apache-2.0' } }],
      [{ child: 'acme/captioner', type: 'trained_on', parent: 'nc/captions', origin: 'declared' }],
    );
    const plan = {
      ...newPlan({ id: 'p1', now: '2026-12-02T00:00:00.000Z', name: 'Product' }),
      components: [
        { assetId: 'acme/captioner', use: 'fine-tune' as const, modified: false, sourceOffered: false },
      ],
    };
    const r = await licenseHandlers.licensePlan({ plan }, ctx);
    expect(r.verdict).toBe('review');
    expect(r.findings.find((f) => f.code === 'TRAINING_DATA_NC_UNSETTLED')?.path).toEqual([
      'plan:p1',
      'acme/captioner',
      'nc/captions',
    ]);
    expect(r.names['nc/captions']).toBe('captions');
    expect(r.notice).toContain('NOTICE for Product');

    const hits = await licenseHandlers.licensePlanCandidates({ q: 'capt' }, ctx);
    expect(hits.map((h) => h.id).sort()).toEqual(['acme/captioner', 'nc/captions']);
    expect(hits.find((h) => h.id === 'acme/captioner')).toMatchObject({
      kind: 'model',
      license: 'Apache-2.0',
    });
    expect(await licenseHandlers.licensePlanCandidates({ q: '  ' }, ctx)).toEqual([]);
  });
});
