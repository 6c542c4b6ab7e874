import { describe, expect, it, beforeEach } from 'vitest';
import type { ParseResult } from '@/core/model';
import type { CatalogDb } from './schema';
import { makeCard, makeSource, openTestDb } from '@/testing/builders';
import { importParsedFile, restoreExport } from './importRepo';
import { readExport } from './catalogRepo';

let db: CatalogDb;
beforeEach(async () => {
  db = await openTestDb('import');
});

function card(id: string, license: string, base?: string): ParseResult {
  return makeCard({
    id,
    license,
    normalized: license.toUpperCase(),
    body: `# ${id}`,
    ...(base ? { base } : {}),
  });
}

const src = makeSource;

describe('importParsedFile', () => {
  it('creates, then reports unchanged for the same content, and updated with a new version for changed content', async () => {
    const r1 = await importParsedFile(
      src('a.md', 'sha1'),
      card('acme/ft', 'mit', 'acme/base'),
      '2026-01-01T00:00:00Z',
      1,
      db,
    );
    expect(r1).toMatchObject({ status: 'imported', created: 1, updated: 0, unchanged: 0, relationsAdded: 1 });
    // The base is referenced but absent: a placeholder exists.
    expect(await db.assets.get('acme/base')).toMatchObject({ placeholder: true, kind: 'model' });

    const r2 = await importParsedFile(
      src('a.md', 'sha1'),
      card('acme/ft', 'mit', 'acme/base'),
      '2026-01-02T00:00:00Z',
      2,
      db,
    );
    expect(r2).toMatchObject({ status: 'unchanged', created: 0, updated: 0, unchanged: 1 });
    expect(await db.versions.count()).toBe(1);

    const r3 = await importParsedFile(
      src('a.md', 'sha2'),
      card('acme/ft', 'apache-2.0', 'acme/other'),
      '2026-01-03T00:00:00Z',
      3,
      db,
    );
    expect(r3).toMatchObject({ status: 'imported', updated: 1 });
    expect(await db.versions.where('assetKey').equals('acme/ft').count()).toBe(2);
    const rels = await db.relations.where('childKey').equals('acme/ft').toArray();
    expect(rels.map((r) => r.parent)).toEqual(['acme/other']);
    expect((await db.assets.get('acme/ft'))?.license.raw).toBe('apache-2.0');
  });

  it('fills a placeholder when the real asset arrives, keeping its edges', async () => {
    await importParsedFile(
      src('ft.md', 's1'),
      card('acme/ft', 'mit', 'acme/base'),
      '2026-01-01T00:00:00Z',
      1,
      db,
    );
    const r = await importParsedFile(
      src('base.md', 's2'),
      card('acme/base', 'mit'),
      '2026-01-02T00:00:00Z',
      2,
      db,
    );
    expect(r.created).toBe(1);
    const base = await db.assets.get('acme/base');
    expect(base?.placeholder).toBeUndefined();
    expect(await db.relations.where('parentKey').equals('acme/base').count()).toBe(1);
  });

  it('ids are case-insensitive: one asset whatever the case', async () => {
    await importParsedFile(src('a.md', 's1'), card('Acme/Model', 'mit'), '2026-01-01T00:00:00Z', 1, db);
    const r = await importParsedFile(
      src('b.md', 's2'),
      card('acme/model', 'mit'),
      '2026-01-02T00:00:00Z',
      2,
      db,
    );
    expect(r.updated + r.unchanged).toBe(1);
    expect(await db.assets.count()).toBe(1);
  });

  it('enriches one asset from two formats and records which source supplied each field', async () => {
    await importParsedFile(
      src('card.md', 's1'),
      { ...card('acme/data', 'mit'), format: 'hf-dataset-card' },
      '2026-01-01T00:00:00Z',
      1,
      db,
    );
    const croissant: ParseResult = {
      format: 'croissant',
      assets: [
        { id: 'acme/data', kind: 'dataset', name: 'data', license: { raw: undefined }, version: '1.0.0' },
      ],
      relations: [],
      issues: [],
    };
    await importParsedFile(src('data.json', 's2'), croissant, '2026-01-02T00:00:00Z', 2, db);
    const a = await db.assets.get('acme/data');
    expect(a?.version).toBe('1.0.0');
    expect(a?.license.raw).toBe('mit');
    expect(a?.fieldSources.version).toContain('croissant');
    expect(a?.fieldSources.license).toContain('hf-dataset-card');
    expect(a?.contributions).toHaveLength(2);
  });

  it('two files of one format describing one asset both contribute; re-importing both is unchanged', async () => {
    const openml = (license: string): ParseResult => ({
      format: 'openml',
      assets: [{ id: 'openml:2', kind: 'dataset', name: 'anneal', license: { raw: license } }],
      relations: [],
      issues: [],
    });
    await importParsedFile(src('2.json', 'j'), openml('Public'), '2026-01-01T00:00:00Z', 1, db);
    await importParsedFile(src('2.xml', 'x'), openml('Public domain'), '2026-01-01T00:00:01Z', 1, db);
    const again1 = await importParsedFile(
      src('2.json', 'j'),
      openml('Public'),
      '2026-01-02T00:00:00Z',
      2,
      db,
    );
    const again2 = await importParsedFile(
      src('2.xml', 'x'),
      openml('Public domain'),
      '2026-01-02T00:00:01Z',
      2,
      db,
    );
    expect([again1.status, again2.status]).toEqual(['unchanged', 'unchanged']);
    expect((await db.assets.get('openml:2'))?.contributions).toHaveLength(2);
  });

  it('a file without assets is failed and writes nothing', async () => {
    const r = await importParsedFile(
      src('x.json', 's'),
      {
        format: 'unknown',
        assets: [],
        relations: [],
        issues: [{ severity: 'error', code: 'UNKNOWN_FORMAT', message: 'Unknown format' }],
      },
      '2026-01-01T00:00:00Z',
      1,
      db,
    );
    expect(r.status).toBe('failed');
    expect(await db.assets.count()).toBe(0);
  });
});

describe('export round trip', () => {
  it('restoring an export into an empty catalog reproduces assets, versions and relations exactly', async () => {
    await importParsedFile(
      src('ft.md', 's1'),
      card('acme/ft', 'mit', 'acme/base'),
      '2026-01-01T00:00:00Z',
      1,
      db,
    );
    await importParsedFile(src('base.md', 's2'), card('acme/base', 'mit'), '2026-01-02T00:00:00Z', 2, db);
    await db.curation.put({
      key: 'acme/ft',
      tags: ['gold'],
      notes: 'note',
      status: 'approved',
      updatedAt: '2026-01-03',
    });
    const env = await readExport({}, db);
    const other = await openTestDb('import-other');
    const report = await restoreExport({ name: 'e.json', bytes: 1 }, env, '2026-02-01T00:00:00Z', other);
    expect(report.created).toBe(2);
    const again = await readExport({}, other);
    expect(again.assets).toEqual(env.assets);
    expect(again.relations).toEqual(env.relations);
    expect(again.versions.map(({ seq: _s, ...v }) => v)).toEqual(env.versions.map(({ seq: _s, ...v }) => v));
    expect(again.curation).toEqual(env.curation);
    // Importing it again merges without duplicates.
    const r2 = await restoreExport({ name: 'e.json', bytes: 1 }, env, '2026-02-02T00:00:00Z', other);
    expect(r2).toMatchObject({ created: 0, unchanged: 2 });
    expect(await other.versions.count()).toBe(env.versions.length);
  });
});

describe('product plans in exports', () => {
  it('a plan travels in the export and is restored; a damaged plan is skipped with a warning', async () => {
    const { newPlan } = await import('@/core/licenses/plan');
    await importParsedFile(src('base.md', 's2'), card('acme/base', 'mit'), '2026-01-02T00:00:00Z', 2, db);
    const plan = {
      ...newPlan({ id: 'p1', now: '2026-01-03T00:00:00.000Z', name: 'Acme Assistant' }),
      components: [{ assetId: 'acme/base', use: 'fine-tune' as const, modified: true, sourceOffered: false }],
    };
    await db.plans.put(plan);
    const env = await readExport({}, db);
    expect(env.plans).toEqual([plan]);
    // A selection export carries the plans whose components it holds.
    expect((await readExport({ keys: ['acme/base'] }, db)).plans).toEqual([plan]);
    expect((await readExport({ keys: ['acme/other'] }, db)).plans).toEqual([]);
    const other = await openTestDb('import-plans');
    const report = await restoreExport(
      { name: 'e.json', bytes: 1 },
      { ...env, plans: [...(env.plans ?? []), { id: '' } as never] },
      '2026-02-01T00:00:00Z',
      other,
    );
    expect(await other.plans.toArray()).toEqual([plan]);
    expect(report.issues.map((i) => i.code)).toContain('PLAN_SKIPPED');
    // An older export (v1, no plans) still restores.
    const { plans: _p, ...v1 } = env;
    const third = await openTestDb('import-v1');
    const r3 = await restoreExport(
      { name: 'e.json', bytes: 1 },
      { ...v1, version: 1 },
      '2026-02-01T00:00:00Z',
      third,
    );
    expect(r3.created).toBe(1);
    expect(await third.plans.count()).toBe(0);
  });
});

describe('curated export round trip (curation, collections, audit)', () => {
  it('restores curation, collections and the audit log exactly; a closure export brings the ancestors', async () => {
    const { updateCuration, createCollection } = await import('./curationRepo');
    await importParsedFile(
      src('ft.md', 's1'),
      card('acme/ft', 'mit', 'acme/base'),
      '2026-01-01T00:00:00Z',
      1,
      db,
    );
    await importParsedFile(
      src('base.md', 's2'),
      card('acme/base', 'mit', 'acme/root'),
      '2026-01-02T00:00:00Z',
      2,
      db,
    );
    await importParsedFile(
      src('root.md', 's3'),
      card('acme/root', 'apache-2.0'),
      '2026-01-02T00:00:00Z',
      2,
      db,
    );
    await updateCuration(
      'acme/ft',
      { tags: ['gold'], notes: '# Note\n\nfine', status: 'approved', owner: 'ana' },
      db,
    );
    await updateCuration('acme/base', { status: 'draft' }, db);
    const col = await createCollection('Release', ['acme/ft'], db);

    // Without closure the parent travels as a placeholder only.
    const flat = await readExport({ keys: [...col.assetKeys] }, db);
    expect(flat.assets.find((a) => a.key === 'acme/base')).toMatchObject({ placeholder: true });
    expect(flat.versions.map((v) => v.assetKey)).toEqual(['acme/ft']);

    const env = await readExport(
      { keys: [...col.assetKeys], lineageClosure: true, scope: { kind: 'collection' } },
      db,
    );
    expect(env.assets.map((a) => a.key).sort()).toEqual(['acme/base', 'acme/ft', 'acme/root']);
    expect(env.assets.every((a) => !a.placeholder)).toBe(true);
    expect(env.curation?.map((c) => c.key).sort()).toEqual(['acme/base', 'acme/ft']);
    expect(env.collections).toEqual([col]);

    const other = await openTestDb('import-curated');
    const text = JSON.stringify(env);
    const rep = await restoreExport(
      { name: 'c.json', bytes: text.length },
      JSON.parse(text) as typeof env,
      '2026-03-01T00:00:00Z',
      other,
    );
    expect(rep.created).toBe(3);
    const again = await readExport({}, other);
    const byKey = <T extends { key: string }>(xs: T[] | undefined) =>
      [...(xs ?? [])].sort((a, b) => a.key.localeCompare(b.key));
    expect(byKey(again.assets)).toEqual(byKey(env.assets));
    expect(byKey(again.curation)).toEqual(byKey(env.curation));
    expect(again.collections).toEqual(env.collections);
    const strip = (rows: { seq?: number }[] | undefined) => (rows ?? []).map(({ seq: _s, ...r }) => r);
    // Every audit row came back in order; the restore itself is one more (catalog-wide) row.
    expect(strip(again.audit).slice(0, env.audit?.length)).toEqual(strip(env.audit));
    expect(again.audit?.at(-1)).toMatchObject({ assetKey: '*', action: 'import:export' });

    // Importing the same export again adds nothing; a changed curation is reported as a conflict.
    const rep2 = await restoreExport(
      { name: 'c.json', bytes: text.length },
      JSON.parse(text) as typeof env,
      '2026-03-02T00:00:00Z',
      other,
    );
    expect(rep2).toMatchObject({ created: 0, unchanged: 3 });
    expect(await other.curation.count()).toBe(2);
    expect(await other.collections.count()).toBe(1);
    expect(await other.audit.count()).toBe((again.audit?.length ?? 0) + 1);
    await other.curation.put({
      key: 'acme/ft',
      tags: ['local'],
      notes: '',
      updatedAt: '2999-01-01T00:00:00Z',
    });
    const rep3 = await restoreExport(
      { name: 'c.json', bytes: text.length },
      JSON.parse(text) as typeof env,
      '2026-03-03T00:00:00Z',
      other,
    );
    expect(rep3.issues.some((i) => i.code === 'CURATION_CONFLICT')).toBe(true);
    expect((await other.curation.get('acme/ft'))?.tags).toEqual(['local']);
  });
});

describe('restoring into a catalog that already holds part of the export', () => {
  it('creates only what is new and keeps versions and relations unique, whatever the catalog size', async () => {
    await importParsedFile(
      src('ft.md', 's1'),
      card('acme/ft', 'mit', 'acme/base'),
      '2026-01-01T00:00:00Z',
      1,
      db,
    );
    await importParsedFile(src('base.md', 's2'), card('acme/base', 'mit'), '2026-01-02T00:00:00Z', 2, db);
    const first = await readExport({}, db);
    await importParsedFile(
      src('new.md', 's3'),
      card('acme/new', 'mit', 'acme/ft'),
      '2026-01-03T00:00:00Z',
      3,
      db,
    );
    const second = await readExport({}, db);
    const source = { name: 'e.json', bytes: 1 };
    // A small catalog (existence from one key scan) and a large one (looked up key by key).
    for (const extra of [0, 40]) {
      const other = await openTestDb(`import-partial-${extra}`);
      for (let i = 0; i < extra; i++) {
        await importParsedFile(
          src(`x${i}.md`, `x${i}`),
          card(`other/x${i}`, 'mit'),
          '2026-01-04T00:00:00Z',
          4,
          other,
        );
      }
      expect(await restoreExport(source, first, '2026-02-01T00:00:00Z', other)).toMatchObject({
        created: 2,
        relationsAdded: 1,
      });
      const rep = await restoreExport(source, second, '2026-02-02T00:00:00Z', other);
      expect(rep).toMatchObject({
        status: 'imported',
        created: 1,
        unchanged: 2,
        updated: 0,
        relationsAdded: 1,
      });
      expect(rep.assetIds).toHaveLength(3);
      expect(await other.versions.count()).toBe(3 + extra);
      expect(await other.relations.count()).toBe(2);
      expect(await other.assets.count()).toBe(3 + extra);
      const again = await restoreExport(source, second, '2026-02-03T00:00:00Z', other);
      expect(again).toMatchObject({ status: 'unchanged', created: 0, unchanged: 3, relationsAdded: 0 });
      expect(await other.versions.count()).toBe(3 + extra);
    }
  });
});

describe('restoring over placeholders', () => {
  it('a placeholder in the catalog is replaced by the real asset; a placeholder in the export never overwrites', async () => {
    await importParsedFile(
      src('ft.md', 's1'),
      card('acme/ft', 'mit', 'acme/base'),
      '2026-01-01T00:00:00Z',
      1,
      db,
    );
    await importParsedFile(src('base.md', 's2'), card('acme/base', 'mit'), '2026-01-02T00:00:00Z', 2, db);
    const full = await readExport({}, db);
    const flat = await readExport({ keys: ['acme/ft'] }, db);
    expect(flat.assets.find((a) => a.key === 'acme/base')).toMatchObject({ placeholder: true });

    const other = await openTestDb('import-placeholders');
    const source = { name: 'e.json', bytes: 1 };
    const written = { created: [] as typeof full.assets, changed: [] as string[] };
    expect(await restoreExport(source, flat, '2026-02-01T00:00:00Z', other, written)).toMatchObject({
      created: 1,
      assetIds: ['acme/ft'],
    });
    expect(written.created.map((a) => a.key)).toEqual(['acme/ft']);
    expect(await other.assets.get('acme/base')).toMatchObject({ placeholder: true });

    const written2 = { created: [] as typeof full.assets, changed: [] as string[] };
    const rep = await restoreExport(source, full, '2026-02-02T00:00:00Z', other, written2);
    expect(rep).toMatchObject({ created: 1, unchanged: 1, relationsAdded: 0 });
    expect(written2).toEqual({ created: [], changed: ['acme/base'] });
    expect((await other.assets.get('acme/base'))?.placeholder).toBeUndefined();

    // The flat export again: its placeholder does not replace the real asset.
    const rep3 = await restoreExport(source, flat, '2026-02-03T00:00:00Z', other);
    expect(rep3).toMatchObject({ status: 'unchanged', created: 0, unchanged: 1 });
    expect((await other.assets.get('acme/base'))?.placeholder).toBeUndefined();
  });
});

describe('a restore that fails', () => {
  it('writes nothing', async () => {
    await importParsedFile(
      src('ft.md', 's1'),
      card('acme/ft', 'mit', 'acme/base'),
      '2026-01-01T00:00:00Z',
      1,
      db,
    );
    const env = await readExport({}, db);
    const bad = {
      ...env,
      assets: [
        ...env.assets,
        { ...(env.assets[0] as (typeof env.assets)[0]), key: 'x/y', id: 'x/y', clone: () => 1 },
      ],
    };
    const other = await openTestDb('import-fails');
    await expect(
      restoreExport({ name: 'e.json', bytes: 1 }, bad, '2026-02-01T00:00:00Z', other),
    ).rejects.toThrow();
    expect(await other.assets.count()).toBe(0);
    expect(await other.relations.count()).toBe(0);
    expect(await other.versions.count()).toBe(0);
  });
});
