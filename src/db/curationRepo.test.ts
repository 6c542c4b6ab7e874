import { beforeEach, describe, expect, it } from 'vitest';
import type { ParseResult } from '@/core/model';
import type { CatalogDb } from './schema';
import { makeCard, makeSource, openTestDb } from '@/testing/builders';
import { importParsedFile } from './importRepo';
import {
  addTags,
  addToCollection,
  createCollection,
  deleteAssets,
  deleteCollection,
  getCuration,
  listAudit,
  listCollections,
  removeFromCollection,
  removeTags,
  renameCollection,
  setStatus,
  undoDelete,
  updateCuration,
} from './curationRepo';
import { readExport } from './catalogRepo';

let db: CatalogDb;
beforeEach(async () => {
  db = await openTestDb('curation');
});

function card(id: string, license: string, base?: string): ParseResult {
  return makeCard({ id, license, ...(base ? { base } : {}) });
}
const src = makeSource;

describe('curation overlay', () => {
  it('edits tags, notes, status and owner; every change is audited; no-ops are not', async () => {
    await updateCuration(
      'Acme/M',
      { tags: ['gold', ' gold ', ''], notes: 'Looks **good**', status: 'approved', owner: 'ana' },
      db,
    );
    expect(await getCuration('acme/m', db)).toMatchObject({
      key: 'acme/m',
      tags: ['gold'],
      notes: 'Looks **good**',
      status: 'approved',
      owner: 'ana',
    });
    await updateCuration('acme/m', { status: 'approved' }, db);
    const audit = await listAudit({ assetKey: 'acme/m' }, db);
    expect(audit.map((a) => a.action).sort()).toEqual([
      'curation:notes',
      'curation:owner',
      'curation:status',
      'curation:tags',
    ]);
    expect(audit.find((a) => a.action === 'curation:status')?.detail).toBe('none → approved');
    await updateCuration('acme/m', { status: null, owner: null }, db);
    const row = await getCuration('acme/m', db);
    expect(row?.status).toBeUndefined();
    expect(row?.owner).toBeUndefined();
  });

  it('bulk tag and status over several assets', async () => {
    expect(await addTags(['a/1', 'a/2'], ['x', 'y'], db)).toBe(2);
    expect(await addTags(['a/1', 'a/2'], ['x'], db)).toBe(0);
    await removeTags(['a/1'], ['x'], db);
    expect((await getCuration('a/1', db))?.tags).toEqual(['y']);
    expect(await setStatus(['a/1', 'a/2'], 'deprecated', db)).toBe(2);
    expect((await getCuration('a/2', db))?.status).toBe('deprecated');
  });

  it('re-importing a card never touches its curation', async () => {
    await importParsedFile(src('m.md', 's1'), card('acme/m', 'mit'), '2026-01-01T00:00:00Z', 1, db);
    await updateCuration('acme/m', { tags: ['keep'], status: 'approved' }, db);
    await importParsedFile(src('m.md', 's2'), card('acme/m', 'apache-2.0'), '2026-01-02T00:00:00Z', 2, db);
    expect(await getCuration('acme/m', db)).toMatchObject({ tags: ['keep'], status: 'approved' });
    const actions = (await listAudit({}, db)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['import:new', 'import:update', 'curation:tags']));
  });
});

describe('collections', () => {
  it('create, add, remove, rename, delete — audited', async () => {
    const c = await createCollection('Release 1', ['Acme/A'], db);
    expect(c.assetKeys).toEqual(['acme/a']);
    expect(await addToCollection(c.id, ['acme/a', 'acme/b'], db)).toBe(1);
    await removeFromCollection(c.id, ['acme/a'], db);
    await renameCollection(c.id, 'Release 2', db);
    expect(await listCollections(db)).toMatchObject([{ id: c.id, name: 'Release 2', assetKeys: ['acme/b'] }]);
    await deleteCollection(c.id, db);
    expect(await listCollections(db)).toEqual([]);
    const actions = (await listAudit({}, db)).map((a) => a.action);
    expect(actions).toEqual([
      'collection:delete',
      'collection:rename',
      'collection:remove',
      'collection:add',
      'collection:add',
      'collection:create',
    ]);
  });
});

describe('delete with undo', () => {
  it('removes an asset with its versions, relations, curation and memberships; undo restores it exactly', async () => {
    await importParsedFile(
      src('ft.md', 's1'),
      card('acme/ft', 'mit', 'acme/base'),
      '2026-01-01T00:00:00Z',
      1,
      db,
    );
    await importParsedFile(src('other.md', 's2'), card('acme/other', 'mit'), '2026-01-01T00:00:00Z', 1, db);
    await updateCuration('acme/ft', { tags: ['t'], notes: 'n' }, db);
    const col = await createCollection('C', ['acme/ft', 'acme/other'], db);
    const before = await readExport({}, db);

    const snap = await deleteAssets(['acme/ft'], db);
    expect(await db.assets.get('acme/ft')).toBeUndefined();
    // The base placeholder was only referenced by the deleted asset: it goes too.
    expect(await db.assets.get('acme/base')).toBeUndefined();
    expect(await db.versions.where('assetKey').equals('acme/ft').count()).toBe(0);
    expect(await db.relations.count()).toBe(0);
    expect(await getCuration('acme/ft', db)).toBeUndefined();
    expect((await db.collections.get(col.id))?.assetKeys).toEqual(['acme/other']);
    expect((await listAudit({ assetKey: 'acme/ft' }, db))[0]?.action).toBe('delete');

    await undoDelete(snap, db);
    const after = await readExport({}, db);
    expect(after.assets.sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      before.assets.sort((a, b) => a.key.localeCompare(b.key)),
    );
    expect(after.versions).toEqual(before.versions);
    expect(after.relations).toEqual(before.relations);
    expect(after.curation).toEqual(before.curation);
    expect(after.collections).toEqual(before.collections);
    expect((await listAudit({ assetKey: 'acme/ft' }, db))[0]?.action).toBe('undo-delete');
  });

  it('an asset still referenced by another stays as a placeholder', async () => {
    await importParsedFile(
      src('ft.md', 's1'),
      card('acme/ft', 'mit', 'acme/base'),
      '2026-01-01T00:00:00Z',
      1,
      db,
    );
    await importParsedFile(src('base.md', 's2'), card('acme/base', 'mit'), '2026-01-01T00:00:00Z', 1, db);
    const snap = await deleteAssets(['acme/base'], db);
    expect(await db.assets.get('acme/base')).toMatchObject({ placeholder: true, kind: 'model' });
    expect(await db.relations.count()).toBe(1);
    await undoDelete(snap, db);
    expect((await db.assets.get('acme/base'))?.placeholder).toBeUndefined();
  });
});
