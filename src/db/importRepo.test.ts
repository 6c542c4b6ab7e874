import { describe, expect, it, beforeEach } from 'vitest';
import type { ParseResult } from '@/core/model';
import { createCatalogDb, type CatalogDb } from './schema';
import { importParsedFile, restoreExport } from './importRepo';
import { readExport } from './catalogRepo';

let db: CatalogDb;
let n = 0;
beforeEach(async () => {
  db = createCatalogDb(`tarn-import-test-${Date.now()}-${n++}`);
  await db.open();
});

function card(id: string, license: string, base?: string): ParseResult {
  return {
    format: 'hf-model-card',
    assets: [
      {
        id,
        kind: 'model',
        name: id.split('/')[1] ?? id,
        license: { raw: license, normalized: license.toUpperCase() },
        ...(base ? { baseModels: [base] } : {}),
        body: `# ${id}`,
      },
    ],
    relations: base ? [{ child: id, type: 'finetune_of', parent: base, origin: 'declared', evidence: 'base_model' }] : [],
    issues: [],
  };
}

const src = (name: string, sha: string) => ({ name, text: `text ${sha}`, sha256: sha, bytes: 10 });

describe('importParsedFile', () => {
  it('creates, then reports unchanged for the same content, and updated with a new version for changed content', async () => {
    const r1 = await importParsedFile(src('a.md', 'sha1'), card('acme/ft', 'mit', 'acme/base'), '2026-01-01T00:00:00Z', 1, db);
    expect(r1).toMatchObject({ status: 'imported', created: 1, updated: 0, unchanged: 0, relationsAdded: 1 });
    // The base is referenced but absent: a placeholder exists.
    expect(await db.assets.get('acme/base')).toMatchObject({ placeholder: true, kind: 'model' });

    const r2 = await importParsedFile(src('a.md', 'sha1'), card('acme/ft', 'mit', 'acme/base'), '2026-01-02T00:00:00Z', 2, db);
    expect(r2).toMatchObject({ status: 'unchanged', created: 0, updated: 0, unchanged: 1 });
    expect(await db.versions.count()).toBe(1);

    const r3 = await importParsedFile(src('a.md', 'sha2'), card('acme/ft', 'apache-2.0', 'acme/other'), '2026-01-03T00:00:00Z', 3, db);
    expect(r3).toMatchObject({ status: 'imported', updated: 1 });
    expect(await db.versions.where('assetKey').equals('acme/ft').count()).toBe(2);
    const rels = await db.relations.where('childKey').equals('acme/ft').toArray();
    expect(rels.map((r) => r.parent)).toEqual(['acme/other']);
    expect((await db.assets.get('acme/ft'))?.license.raw).toBe('apache-2.0');
  });

  it('fills a placeholder when the real asset arrives, keeping its edges', async () => {
    await importParsedFile(src('ft.md', 's1'), card('acme/ft', 'mit', 'acme/base'), '2026-01-01T00:00:00Z', 1, db);
    const r = await importParsedFile(src('base.md', 's2'), card('acme/base', 'mit'), '2026-01-02T00:00:00Z', 2, db);
    expect(r.created).toBe(1);
    const base = await db.assets.get('acme/base');
    expect(base?.placeholder).toBeUndefined();
    expect(await db.relations.where('parentKey').equals('acme/base').count()).toBe(1);
  });

  it('ids are case-insensitive: one asset whatever the case', async () => {
    await importParsedFile(src('a.md', 's1'), card('Acme/Model', 'mit'), '2026-01-01T00:00:00Z', 1, db);
    const r = await importParsedFile(src('b.md', 's2'), card('acme/model', 'mit'), '2026-01-02T00:00:00Z', 2, db);
    expect(r.updated + r.unchanged).toBe(1);
    expect(await db.assets.count()).toBe(1);
  });

  it('enriches one asset from two formats and records which source supplied each field', async () => {
    await importParsedFile(src('card.md', 's1'), { ...card('acme/data', 'mit'), format: 'hf-dataset-card' }, '2026-01-01T00:00:00Z', 1, db);
    const croissant: ParseResult = {
      format: 'croissant',
      assets: [{ id: 'acme/data', kind: 'dataset', name: 'data', license: { raw: undefined }, version: '1.0.0' }],
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

  it('a file without assets is failed and writes nothing', async () => {
    const r = await importParsedFile(
      src('x.json', 's'),
      { format: 'unknown', assets: [], relations: [], issues: [{ severity: 'error', code: 'UNKNOWN_FORMAT', message: 'Unknown format' }] },
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
    await importParsedFile(src('ft.md', 's1'), card('acme/ft', 'mit', 'acme/base'), '2026-01-01T00:00:00Z', 1, db);
    await importParsedFile(src('base.md', 's2'), card('acme/base', 'mit'), '2026-01-02T00:00:00Z', 2, db);
    await db.curation.put({ key: 'acme/ft', tags: ['gold'], notes: 'note', status: 'approved', updatedAt: '2026-01-03' });
    const env = await readExport({}, db);
    const other = createCatalogDb(`tarn-import-test-other-${n++}`);
    await other.open();
    const report = await restoreExport({ name: 'e.json', text: '', sha256: 'x', bytes: 1 }, env, '2026-02-01T00:00:00Z', other);
    expect(report.created).toBe(2);
    const again = await readExport({}, other);
    expect(again.assets).toEqual(env.assets);
    expect(again.relations).toEqual(env.relations);
    expect(again.versions.map(({ seq: _s, ...v }) => v)).toEqual(env.versions.map(({ seq: _s, ...v }) => v));
    expect(again.curation).toEqual(env.curation);
    // Importing it again merges without duplicates.
    const r2 = await restoreExport({ name: 'e.json', text: '', sha256: 'x', bytes: 1 }, env, '2026-02-02T00:00:00Z', other);
    expect(r2).toMatchObject({ created: 0, unchanged: 2 });
    expect(await other.versions.count()).toBe(env.versions.length);
  });
});
