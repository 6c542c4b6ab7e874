import { beforeEach, describe, expect, it } from 'vitest';
import type { CatalogDb } from './schema';
import { openTestDb } from '@/testing/builders';
import { addImportRun, latestImport, updateImportRun } from './catalogRepo';
import type { ImportRun } from './rows';

let db: CatalogDb;
beforeEach(async () => {
  db = await openTestDb('catalog-repo');
});

const summary = { new: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0 };

describe('latestImport', () => {
  it('is undefined before the first import', async () => {
    expect(await latestImport(db)).toBeUndefined();
  });

  it('names the newest run, running then finished, without its file reports', async () => {
    // addImportRun sets the new id on the object it is given: each call gets its own.
    const run = (): ImportRun => ({ startedAt: '2026-12-02T10:00:00.000Z', summary, files: [] });
    const first = await addImportRun(run(), db);
    await updateImportRun(first, { ...run(), finishedAt: '2026-12-02T10:00:05.000Z' }, db);
    const second = await addImportRun({ ...run(), startedAt: '2026-12-02T11:00:00.000Z' }, db);
    expect(await latestImport(db)).toEqual({ id: second, startedAt: '2026-12-02T11:00:00.000Z' });
    // A late update of an older run does not take the place of the newer one.
    await updateImportRun(first, { ...run(), finishedAt: '2026-12-02T10:00:06.000Z' }, db);
    expect((await latestImport(db))?.id).toBe(second);
    await updateImportRun(
      second,
      { ...run(), startedAt: '2026-12-02T11:00:00.000Z', finishedAt: '2026-12-02T11:00:09.000Z' },
      db,
    );
    expect(await latestImport(db)).toEqual({
      id: second,
      startedAt: '2026-12-02T11:00:00.000Z',
      finishedAt: '2026-12-02T11:00:09.000Z',
    });
  });
});
