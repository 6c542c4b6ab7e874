import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Asset, ParseResult, Relation } from '@/core/model';
import { DEFAULT_INTENDED_USE } from '@/core/licenses';
import { createCatalogDb, decideEdge, importParsedFile, listRelations, setDbForTests } from '@/db';
import { applyFacets, buildFacetIndex } from '@/core/catalog/facets';
import { toCatalogRow } from '@/core/catalog/catalogRow';
import type { CallContext } from '../rpc';
import { resetLicenseCatalog } from './context';
import { licenseHandlers } from './handlers';
import type { LicenseSettings } from './types';

const ctx: CallContext = { progress: () => undefined, isCancelled: () => false };
const COMMERCIAL: LicenseSettings = { intendedUse: { ...DEFAULT_INTENDED_USE }, profile: 'balanced' };
const NON_COMMERCIAL: LicenseSettings = {
  intendedUse: { ...DEFAULT_INTENDED_USE, commercial: false },
  profile: 'balanced',
};

let n = 0;
let db: ReturnType<typeof createCatalogDb>;
beforeEach(async () => {
  db = createCatalogDb(`tarn-licenses-test-${Date.now()}-${n++}`);
  await db.open();
  setDbForTests(db);
  resetLicenseCatalog();
});

function asset(id: string, kind: Asset['kind'], license: string): Asset {
  return { id, kind, name: id.split('/')[1] ?? id, license: { raw: license } };
}

async function put(
  assets: Asset[],
  relations: Relation[] = [],
  name = `${assets[0]?.id ?? 'x'}.md`,
): Promise<void> {
  const result: ParseResult = { format: 'hf-model-card', assets, relations, issues: [] };
  await importParsedFile(
    { name, text: name, sha256: `${name}-${n}`, bytes: 10 },
    result,
    '2026-01-01T00:00:00Z',
  );
}

async function seed(): Promise<void> {
  await put([asset('meta-llama/Llama-3.1-8B', 'model', 'llama3.1')]);
  await put(
    [asset('acme/support-ft', 'model', 'apache-2.0')],
    [
      {
        child: 'acme/support-ft',
        type: 'finetune_of',
        parent: 'meta-llama/Llama-3.1-8B',
        origin: 'declared',
      },
    ],
  );
  await put([asset('nc/captions', 'dataset', 'cc-by-nc-4.0')]);
  await put(
    [asset('acme/captioner', 'model', 'mit')],
    [{ child: 'acme/captioner', type: 'trained_on', parent: 'nc/captions', origin: 'declared' }],
  );
}

describe('licence handlers', () => {
  it('sweeps the catalog per intended use (keys lower-cased, ancestors included)', async () => {
    await seed();
    const c = await licenseHandlers.licenseSweep(COMMERCIAL, ctx);
    expect(c.verdicts).toEqual({
      'meta-llama/llama-3.1-8b': 'ok',
      'acme/support-ft': 'conflict',
      'nc/captions': 'conflict',
      'acme/captioner': 'review',
    });
    const nc = await licenseHandlers.licenseSweep(NON_COMMERCIAL, ctx);
    expect(nc.verdicts['nc/captions']).toBe('ok');
    expect(nc.key).not.toBe(c.key);
    const conservative = await licenseHandlers.licenseSweep({ ...COMMERCIAL, profile: 'conservative' }, ctx);
    expect(conservative.verdicts['acme/captioner']).toBe('conflict');
  });

  it('keeps the last sweep in the database: a page load on the same catalog and settings reuses it', async () => {
    await seed();
    const first = await licenseHandlers.licenseSweep(COMMERCIAL, ctx);
    // A new page: fresh modules (no sweep in memory), the same database.
    vi.resetModules();
    (await import('@/db')).setDbForTests(db);
    const fresh = (await import('./handlers')).licenseHandlers;
    const again = await fresh.licenseSweep(COMMERCIAL, ctx);
    expect(again).toMatchObject({ key: first.key, assets: first.assets, ms: 0 });
    expect({ ...again.verdicts }).toEqual({ ...first.verdicts });
    // Other settings, or a changed catalog: swept again. Each settings' verdicts are kept on their own.
    expect((await fresh.licenseSweep(NON_COMMERCIAL, ctx)).verdicts['nc/captions']).toBe('ok');
    vi.resetModules();
    (await import('@/db')).setDbForTests(db);
    const third = (await import('./handlers')).licenseHandlers;
    expect(await third.licenseSweep(COMMERCIAL, ctx)).toMatchObject({ key: first.key, ms: 0 });
    expect(await third.licenseSweep(NON_COMMERCIAL, ctx)).toMatchObject({ ms: 0 });
    await put([asset('x/new', 'model', 'mit')]);
    const after = await fresh.licenseSweep(COMMERCIAL, ctx);
    expect(after.key).not.toBe(first.key);
    expect(after.verdicts['x/new']).toBe('ok');
    expect(after.verdicts['acme/support-ft']).toBe('conflict');
  });

  it('checks one asset: findings with paths, obligations, derivations and a NOTICE', async () => {
    await seed();
    const r = await licenseHandlers.licenseAsset({ ...COMMERCIAL, id: 'ACME/support-ft' }, ctx);
    expect(r?.evaluation.verdict).toBe('conflict');
    const f = r?.evaluation.findings.find((x) => x.code === 'CUSTOM_TERMS_DROPPED');
    expect(f?.path).toEqual(['acme/support-ft', 'meta-llama/Llama-3.1-8B']);
    expect(r?.names['meta-llama/Llama-3.1-8B']).toBe('Llama-3.1-8B');
    expect(r?.derivations[0]).toMatchObject({
      id: 'acme/support-ft',
      raw: 'apache-2.0',
      expression: 'Apache-2.0',
      inCatalog: true,
    });
    expect(r?.derivations[1]).toMatchObject({
      id: 'meta-llama/Llama-3.1-8B',
      expression: 'LicenseRef-Llama-3.1-Community',
      family: 'custom',
    });
    expect(
      r?.evaluation.obligations.some(
        (o) => o.type === 'display-attribution' && o.value === 'Built with Llama',
      ),
    ).toBe(true);
    expect(r?.notice).toContain('Llama 3.1 is licensed under the Llama 3.1 Community License');
    expect(await licenseHandlers.licenseAsset({ ...COMMERCIAL, id: 'nobody/nothing' }, ctx)).toBeNull();
  });

  it('reports counts per verdict and family, conflicts and reviews with reasons', async () => {
    await seed();
    const rep = await licenseHandlers.licenseReport(COMMERCIAL, ctx);
    expect(rep.total).toBe(4);
    expect(rep.byVerdict).toEqual({ ok: 1, warning: 0, review: 1, conflict: 2 });
    expect(rep.byFamily.reduce((s, f) => s + f.count, 0)).toBe(4);
    expect(rep.byFamily.find((f) => f.family === 'non-commercial')).toMatchObject({
      count: 1,
      byVerdict: { conflict: 1 },
    });
    expect(rep.issues.map((i) => [i.id, i.verdict])).toEqual([
      ['nc/captions', 'conflict'],
      ['acme/support-ft', 'conflict'],
      ['acme/captioner', 'review'],
    ]);
    const ft = rep.issues.find((i) => i.id === 'acme/support-ft');
    expect(ft?.reasons?.map((x) => x.code)).toContain('CUSTOM_TERMS_DROPPED');
    expect(ft?.reasons?.every((x) => x.severity !== 'ok')).toBe(true);
  });

  it('colours a lineage (ancestors and descendants) and follows the catalog when it changes', async () => {
    await seed();
    expect(
      await licenseHandlers.licenseLineageVerdicts({ ...COMMERCIAL, id: 'meta-llama/Llama-3.1-8B' }, ctx),
    ).toEqual({
      'meta-llama/llama-3.1-8b': 'ok',
      'acme/support-ft': 'conflict',
    });
    await put(
      [asset('acme/Llama-3.1-support-v2', 'model', 'llama3.1')],
      [
        {
          child: 'acme/Llama-3.1-support-v2',
          type: 'finetune_of',
          parent: 'acme/support-ft',
          origin: 'declared',
        },
      ],
    );
    const v = await licenseHandlers.licenseLineageVerdicts(
      { ...COMMERCIAL, id: 'meta-llama/Llama-3.1-8B' },
      ctx,
    );
    expect(Object.keys(v)).toHaveLength(3);
  });

  it('ignores inferred edges the user rejected', async () => {
    await put([asset('meta-llama/Llama-3.1-8B', 'model', 'llama3.1')]);
    await put(
      [asset('acme/guess-ft', 'model', 'apache-2.0')],
      [
        {
          child: 'acme/guess-ft',
          type: 'finetune_of',
          parent: 'meta-llama/Llama-3.1-8B',
          origin: 'inferred',
        },
      ],
    );
    expect((await licenseHandlers.licenseSweep(COMMERCIAL, ctx)).verdicts['acme/guess-ft']).toBe('conflict');
    const [rel] = await listRelations();
    await decideEdge(rel?.id ?? '', 'rejected');
    expect((await licenseHandlers.licenseSweep(COMMERCIAL, ctx)).verdicts['acme/guess-ft']).toBe('ok');
  });
});

describe('"License check" facet column', () => {
  it('takes its values from the verdict map and filters like any facet', () => {
    const stored = ['a/one', 'a/two', 'a/three'].map((id) => ({
      ...asset(id, 'model', 'mit'),
      key: id,
      createdAt: '',
      updatedAt: '',
      contributions: [],
      fieldSources: {},
    }));
    const rows = stored.map((a) => toCatalogRow(a, [], 0));
    const verdicts = new Map([
      ['a/one', 'conflict'],
      ['a/two', 'ok'],
    ]);
    expect(applyFacets(buildFacetIndex(rows), undefined, {}).counts.check.values).toEqual([]);
    const index = buildFacetIndex(rows, {
      check: (r) => (verdicts.has(r.key) ? [verdicts.get(r.key) ?? ''] : []),
    });
    const all = applyFacets(index, undefined, {});
    expect(all.counts.check.values).toEqual([
      { value: 'conflict', count: 1 },
      { value: 'ok', count: 1 },
    ]);
    const res = applyFacets(index, undefined, { check: ['conflict'] });
    expect([...res.matches].map((i) => rows[i]?.id)).toEqual(['a/one']);
  });
});
