import { beforeEach, describe, expect, it } from 'vitest';
import { makeCard, makeSource, openTestDb, storedAsset as published } from '@/testing/builders';
import type { CatalogDb } from './schema';
import { importParsedFile } from './importRepo';
import { deleteAssets } from './curationRepo';
import { applySubscriptionBatch, removeSubscription } from './publishRepo';

const SUB = 'http://127.0.0.1:4252/tarn-catalog.json';

let db: CatalogDb;
beforeEach(async () => {
  db = await openTestDb('publish');
});

const rel = (child: string, parent: string) => ({
  id: `${child}|finetune_of|${parent}`,
  child,
  parent,
  type: 'finetune_of',
  origin: 'declared' as const,
  childKey: child,
  parentKey: parent,
  vias: ['hf-model-card'],
});

describe('publishRepo', () => {
  it('stores a subscription’s items marked with it, never over local data, and removes only its own', async () => {
    await importParsedFile(
      makeSource('a.md', '1'),
      makeCard({ id: 'acme/local', normalized: 'MIT', base: 'team/base', origin: 'declared' }),
      '2026-01-01T00:00:00Z',
      undefined,
      db,
    );
    await db.curation.put({ key: 'team/chat', tags: ['mine'], notes: 'my note', updatedAt: 'x' });
    const w = await applySubscriptionBatch(
      SUB,
      {
        assets: [published('team/base'), published('team/chat'), published('acme/local')],
        relations: [rel('team/chat', 'team/base'), rel('acme/local', 'team/chat')],
        curation: [
          { key: 'team/chat', tags: ['theirs'], notes: '', updatedAt: 'x' },
          { key: 'team/base', tags: ['gold'], notes: '', updatedAt: 'x' },
        ],
      },
      db,
    );
    // acme/local is local: left alone, and so is a relation from it; team/base was a local placeholder: filled.
    expect(w.skipped).toBe(2);
    expect((await db.assets.get('acme/local'))?.subscription).toBeUndefined();
    expect((await db.assets.get('team/base'))?.subscription).toBe(SUB);
    expect((await db.relations.get('team/chat|finetune_of|team/base'))?.subscription).toBe(SUB);
    // Curation is a seed: the subscriber's own row stays.
    expect((await db.curation.get('team/chat'))?.notes).toBe('my note');
    expect((await db.curation.get('team/base'))?.tags).toEqual(['gold']);

    // Read-only: a deletion leaves subscribed assets alone.
    await deleteAssets(['team/chat'], db);
    expect(await db.assets.get('team/chat')).toBeDefined();

    const removed = await removeSubscription(SUB, db);
    expect(removed.sort()).toEqual(['team/base', 'team/chat']);
    expect(await db.assets.get('team/chat')).toBeUndefined();
    // A local relation still points at team/base: it stays as a placeholder.
    expect(await db.assets.get('team/base')).toMatchObject({ placeholder: true });
    expect((await db.assets.get('acme/local'))?.name).toBeDefined();
    expect(await db.relations.where('subscription').equals(SUB).count()).toBe(0);
    expect(await db.curation.get('team/chat')).toBeDefined();
  });

  it('hands over the stored records of the keys it changed, with all their relations', async () => {
    const first = await applySubscriptionBatch(
      SUB,
      { assets: [published('team/base'), published('team/chat')], relations: [], curation: [] },
      db,
    );
    expect(first.keys.sort()).toEqual(['team/base', 'team/chat']);
    expect(first.stored?.assets.map((a) => [a.key, a.subscription])).toEqual([
      ['team/base', SUB],
      ['team/chat', SUB],
    ]);
    expect(first.stored?.relations).toEqual([]);
    // A later batch of relations: the child's record as stored, and every relation whose child it is.
    await applySubscriptionBatch(
      SUB,
      { assets: [], relations: [rel('team/chat', 'team/base')], curation: [] },
      db,
    );
    const second = await applySubscriptionBatch(
      SUB,
      { assets: [], relations: [rel('team/chat', 'team/other')], curation: [] },
      db,
    );
    expect(second.keys).toEqual(['team/chat']);
    expect(second.stored?.assets).toEqual([await db.assets.get('team/chat')]);
    expect(second.stored?.relations.map((r) => r.id).sort()).toEqual(
      (await db.relations.where('childKey').equals('team/chat').toArray()).map((r) => r.id).sort(),
    );
    expect(second.stored?.relations).toHaveLength(2);
    // A batch that removes items leaves the engine to read them back.
    const third = await applySubscriptionBatch(
      SUB,
      { assets: [], relations: [], curation: [], removeAssets: ['team/base'] },
      db,
    );
    expect(third.keys).toEqual(['team/base']);
    expect(third.stored).toBeUndefined();
  });
});
