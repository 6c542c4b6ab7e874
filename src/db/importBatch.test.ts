import { describe, expect, it } from 'vitest';
import type { ParseResult } from '@/core/model';
import type { FileReport } from '@/core/catalog/rows';
import type { CatalogDb } from './schema';
import { deleteAssets } from './curationRepo';
import { catalogMarker } from './searchIndexRepo';
import { makeCard, makeSource, openTestDb } from '@/testing/builders';
import {
  importParsedFile,
  storeParsedBatch,
  storedAssetKeys,
  type ImportSource,
  type KnownKeys,
} from './importRepo';

type Item = { source: ImportSource; result: ParseResult };

function card(id: string, license: string, base?: string): ParseResult {
  return makeCard({
    id,
    license,
    normalized: license.toUpperCase(),
    body: `# ${id}`,
    ...(base ? { base } : {}),
  });
}

/** A file declaring two assets, one trained on a dataset, the other derived from the first. */
function twoAssets(suffix: string): ParseResult {
  return {
    format: 'cyclonedx',
    assets: [
      { id: 'acme/pair-model', kind: 'model', name: `pair-model ${suffix}`, license: { raw: 'mit' } },
      { id: 'acme/pair-tool', kind: 'software', name: 'pair-tool', license: { raw: 'mit' } },
    ],
    relations: [
      {
        child: 'acme/pair-model',
        type: 'trained_on',
        parent: 'acme/data',
        origin: 'declared',
        evidence: 'bom',
      },
      {
        child: 'acme/pair-tool',
        type: 'derived_from',
        parent: 'acme/pair-model',
        origin: 'declared',
        evidence: 'bom',
      },
    ],
    issues: [],
  };
}

/** Updates, a placeholder filled, relations replaced, duplicates within a batch, case, an empty file. */
const SEQUENCE: Item[] = [
  { source: makeSource('ft.md', 's1'), result: card('acme/ft', 'mit', 'acme/base') },
  { source: makeSource('ft2.md', 's2'), result: card('acme/ft2', 'mit', 'acme/ft') },
  { source: makeSource('base.md', 's3'), result: card('acme/base', 'apache-2.0') },
  { source: makeSource('ft.md', 's4'), result: card('acme/ft', 'apache-2.0', 'acme/other') },
  { source: makeSource('ft.md', 's4'), result: card('acme/ft', 'apache-2.0', 'acme/other') },
  { source: makeSource('FT-upper.md', 's5'), result: card('ACME/FT', 'apache-2.0', 'acme/base') },
  { source: makeSource('bom.json', 's6'), result: twoAssets('a') },
  {
    source: makeSource('empty.md', 's7'),
    result: { format: 'unknown', assets: [], relations: [], issues: [] },
  },
  { source: makeSource('bom.json', 's8'), result: twoAssets('b') },
  { source: makeSource('ft.md', 's9'), result: card('acme/ft', 'apache-2.0') },
  { source: makeSource('base.md', 's3'), result: card('acme/base', 'apache-2.0') },
];

const AT = '2026-02-01T00:00:00Z';

async function dump(db: CatalogDb) {
  return {
    assets: await db.assets.orderBy('key').toArray(),
    versions: await db.versions.toArray(),
    relations: await db.relations.orderBy('id').toArray(),
    audit: await db.audit.toArray(),
  };
}

async function oneByOne(db: CatalogDb, items: Item[]): Promise<FileReport[]> {
  const out: FileReport[] = [];
  for (const it of items) out.push(await importParsedFile(it.source, it.result, AT, 7, db));
  return out;
}

async function inBatches(
  db: CatalogDb,
  items: Item[],
  size: number,
  known?: KnownKeys,
): Promise<FileReport[]> {
  const out: FileReport[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await storeParsedBatch(items.slice(i, i + size), AT, 7, db, known)).reports);
  return out;
}

describe('storeParsedBatch', () => {
  it('stores a sequence exactly as file by file does, whatever the batch size', async () => {
    const ref = await openTestDb('batch-ref');
    const refReports = await oneByOne(ref, SEQUENCE);
    const expected = await dump(ref);
    // The sequence does what it should: a placeholder filled, relations replaced, a duplicate unchanged.
    expect(refReports.map((r) => r.status)).toEqual([
      'imported',
      'imported',
      'imported',
      'imported',
      'unchanged',
      'imported',
      'imported',
      'failed',
      'imported',
      'imported',
      'unchanged',
    ]);
    // The last ft.md declares no base: acme/ft's relations are all replaced (by none).
    expect(expected.relations.map((r) => r.id)).toEqual([
      'acme/ft2|finetune_of|acme/ft',
      'acme/pair-model|trained_on|acme/data',
      'acme/pair-tool|derived_from|acme/pair-model',
    ]);
    for (const size of [2, 3, SEQUENCE.length]) {
      const db = await openTestDb(`batch-${size}`);
      expect(await inBatches(db, SEQUENCE, size)).toEqual(refReports);
      expect(await dump(db)).toEqual(expected);
      // The same with the keys known to be stored (an import's hint: new keys are not read).
      const hinted = await openTestDb(`batch-known-${size}`);
      const known = await storedAssetKeys(hinted);
      expect(known.keys.size).toBe(0);
      expect(await inBatches(hinted, SEQUENCE, size, known)).toEqual(refReports);
      expect(await dump(hinted)).toEqual(expected);
      expect([...known.keys].sort()).toEqual(expected.assets.map((a) => a.key));
      // Only this import wrote: the hint is still exact.
      expect(known.marker).toBe(await catalogMarker(hinted));
    }
  });

  it('stores a batch again with reads when a key taken as new was stored meanwhile (another tab)', async () => {
    const db = await openTestDb('batch-known-stale');
    const known = await storedAssetKeys(db);
    // Another writer stores acme/base and acme/ft after the hint was read.
    await inBatches(db, SEQUENCE.slice(0, 3), 3);
    const before = await db.assets.get('acme/ft');
    const { reports } = await storeParsedBatch(SEQUENCE.slice(3, 4), AT, 7, db, known);
    expect(reports.map((r) => [r.status, r.created, r.updated])).toEqual([['imported', 0, 1]]);
    const after = await db.assets.get('acme/ft');
    expect(after?.createdAt).toBe(before?.createdAt);
    expect(await db.versions.where('assetKey').equals('acme/ft').count()).toBe(2);
    expect(known.keys.has('acme/ft')).toBe(true);
    // Another writer was seen: the rest of the import checks every key.
    expect(known.marker).toBeUndefined();
  });

  it('takes relation ends from an exact hint; after another write, checks them (one deleted gets a placeholder)', async () => {
    const db = await openTestDb('batch-known-ends');
    await inBatches(
      db,
      [SEQUENCE[2] as Item, { source: makeSource('o.md', 'so'), result: card('acme/other', 'mit') }],
      2,
    );
    const base = await db.assets.get('acme/base');
    const known = await storedAssetKeys(db);
    expect(known.marker).toBe(await catalogMarker(db));
    const a = await storeParsedBatch(
      [{ source: makeSource('a.md', 'sa'), result: card('acme/a', 'mit', 'acme/base') }],
      AT,
      7,
      db,
      known,
    );
    expect(a.reports.map((r) => r.status)).toEqual(['imported']);
    expect(await db.assets.get('acme/base')).toEqual(base);
    expect(known.marker).toBe(await catalogMarker(db));
    // Another writer deletes acme/other, which the hint still lists.
    await deleteAssets(['acme/other'], db);
    const b = await storeParsedBatch(
      [{ source: makeSource('b.md', 'sb'), result: card('acme/b', 'mit', 'acme/other') }],
      AT,
      7,
      db,
      known,
    );
    expect(b.reports.map((r) => r.status)).toEqual(['imported']);
    expect((await db.assets.get('acme/other'))?.placeholder).toBe(true);
    expect(known.marker).toBeUndefined();
    expect((await db.relations.orderBy('id').toArray()).map((r) => r.id)).toEqual([
      'acme/a|finetune_of|acme/base',
      'acme/b|finetune_of|acme/other',
    ]);
  });

  it('returns what it stored: the records of the files’ assets and all their relations', async () => {
    const db = await openTestDb('batch-written');
    const { written } = await storeParsedBatch(SEQUENCE.slice(0, 4), AT, 1, db);
    const keys = (written?.assets ?? []).map((a) => a.key).sort();
    expect(keys).toEqual(['acme/base', 'acme/ft', 'acme/ft2']);
    for (const a of written?.assets ?? []) expect(await db.assets.get(a.key)).toEqual(a);
    const rels = await db.relations.where('childKey').anyOf(keys).toArray();
    expect([...(written?.relations ?? [])].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      rels.sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('keeps each file all-or-nothing: a file that cannot be stored fails alone, the others are stored', async () => {
    const db = await openTestDb('batch-failure');
    const broken: ParseResult = {
      format: 'hf-model-card',
      assets: [{ id: 42 as unknown as string, kind: 'model', name: 'broken', license: { raw: 'mit' } }],
      relations: [],
      issues: [],
    };
    const { reports, written } = await storeParsedBatch(
      [SEQUENCE[0] as Item, { source: makeSource('broken.md', 'x'), result: broken }, SEQUENCE[2] as Item],
      AT,
      1,
      db,
    );
    expect(written).toBeUndefined();
    expect(reports.map((r) => r.status)).toEqual(['imported', 'failed', 'imported']);
    expect(reports[1]?.issues.map((i) => i.code)).toEqual(['STORE_FAILED']);
    expect((await db.assets.toArray()).map((a) => a.key).sort()).toEqual(['acme/base', 'acme/ft']);
    expect(await db.versions.count()).toBe(2);
  });
});
