import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { newPlan } from '@/core/licenses/plan';
import { createCatalogDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, TABLES } from './schema';

/** An asset row as versions 1 to 3 stored it. */
const SEED_ASSET = {
  key: 'acme/model',
  id: 'acme/model',
  kind: 'model',
  name: 'model',
  license: { raw: 'mit', normalized: 'MIT' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  contributions: [],
  fieldSources: {},
};

let n = 0;
const freshName = () => `tarn-schema-test-${Date.now()}-${n++}`;

describe('schema migrations', () => {
  it('v1 → v2 AddCuration keeps v1 data and adds the curation tables', async () => {
    const name = freshName();
    // Seed a database exactly as version 1 declared it.
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.table(TABLES.assets).put(SEED_ASSET);
    await v1.table(TABLES.relations).put({
      id: 'acme/model|finetune_of|acme/base',
      child: 'acme/model',
      childKey: 'acme/model',
      parent: 'acme/base',
      parentKey: 'acme/base',
      type: 'finetune_of',
      origin: 'declared',
      vias: ['hf-model-card'],
    });
    v1.close();

    const db = createCatalogDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.assets.get('acme/model')).toMatchObject({
      id: 'acme/model',
      license: { normalized: 'MIT' },
    });
    expect(await db.relations.where('parentKey').equals('acme/base').count()).toBe(1);
    await db.curation.put({ key: 'acme/model', tags: ['x'], notes: '', updatedAt: 'now' });
    expect(await db.curation.count()).toBe(1);
    const audit = await db.audit.toArray();
    expect(audit.some((a) => a.action === 'migrate')).toBe(true);
    db.close();
  });

  it('v2 → v3 AddProductPlans keeps v2 data and adds the plans table', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    await v2.table(TABLES.assets).put(SEED_ASSET);
    await v2.table(TABLES.savedViews).put({ id: 'v1', name: 'Mine', search: '?q=x', createdAt: 'then' });
    await v2.table(TABLES.curation).put({ key: 'acme/model', tags: ['keep'], notes: '', updatedAt: 'then' });
    v2.close();

    const db = createCatalogDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.assets.get('acme/model')).toMatchObject({ license: { normalized: 'MIT' } });
    expect(await db.savedViews.get('v1')).toMatchObject({ name: 'Mine' });
    expect(await db.curation.get('acme/model')).toMatchObject({ tags: ['keep'] });
    expect(await db.plans.count()).toBe(0);
    await db.plans.put({
      ...newPlan({ id: 'p1', now: 'now', name: 'Product' }),
      components: [{ assetId: 'acme/model', use: 'fine-tune', modified: false, sourceOffered: false }],
    });
    expect((await db.plans.orderBy('updatedAt').first())?.name).toBe('Product');
    expect((await db.audit.toArray()).some((a) => a.detail?.includes('v3'))).toBe(true);
    db.close();
  });

  it('v3 → v4 AddPublishedCatalogs keeps v3 data and indexes assets and relations by subscription', async () => {
    const name = freshName();
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    await v3.table(TABLES.assets).put(SEED_ASSET);
    await v3.table(TABLES.curation).put({ key: 'acme/model', tags: ['gold'], notes: 'kept', updatedAt: 'x' });
    v3.close();

    const db = createCatalogDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.assets.get('acme/model')).toMatchObject({ name: 'model' });
    expect(await db.curation.get('acme/model')).toMatchObject({ notes: 'kept' });
    expect(await db.assets.where('subscription').equals('https://x/tarn-catalog.json').count()).toBe(0);
    await db.assets.put({
      key: 'team/shared',
      id: 'team/shared',
      kind: 'model',
      name: 'shared',
      license: { raw: undefined },
      createdAt: 'x',
      updatedAt: 'x',
      contributions: [],
      fieldSources: {},
      subscription: 'https://x/tarn-catalog.json',
    });
    expect(await db.assets.where('subscription').equals('https://x/tarn-catalog.json').primaryKeys()).toEqual(
      ['team/shared'],
    );
    expect(await db.subscriptions.count()).toBe(0);
    expect(await db.publishedShards.count()).toBe(0);
    db.close();
  });

  it('a fresh database opens at the current version with every table', async () => {
    const db = createCatalogDb(freshName());
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.values(TABLES).sort());
    db.close();
  });
});
