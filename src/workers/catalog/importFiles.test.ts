import { beforeEach, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { clearCatalog, readExport, setDbForTests, type CatalogDb } from '@/db';
import { openTestDb } from '@/testing/builders';
import type { CallContext } from '../rpc';
import { ParsePool } from '../parse/pool';
import type { ParseInput, Prepared } from '../parse/prepare';
import { importFiles } from './importFiles';
import type { StoredChange } from './search';

let db: CatalogDb;
beforeEach(async () => {
  db = await openTestDb('import-files');
  setDbForTests(db);
});

function cardText(i: number, base?: number): string {
  return `---\nlicense: mit\npipeline_tag: text-generation\n${base !== undefined ? `base_model: acme/card-${base}\n` : ''}---\n\n# card ${i}\n`;
}

function file(name: string, text: string) {
  return { name, blob: new Blob([text]) };
}

function ctx(cancelAfter = Infinity): CallContext & { ticks: number[] } {
  const ticks: number[] = [];
  return {
    ticks,
    progress: (p) => ticks.push((p as { filesDone: number }).filesDone),
    isCancelled: () => (ticks.at(-1) ?? 0) >= cancelAfter,
  };
}

const inThread = () => new ParsePool(0);

describe('importFiles', { timeout: 60_000 }, () => {
  it('reports every file in input order and hands search the stored records, once per batch', async () => {
    const zip = zipSync(
      Object.fromEntries(
        Array.from({ length: 1000 }, (_, i) => [
          `z/acme__card-${i}.md`,
          strToU8(cardText(i, i > 0 ? i - 1 : undefined)),
        ]),
      ),
    );
    const files = [
      file('first.md', cardText(1000)),
      { name: 'cards.zip', blob: new Blob([zip]) },
      file('weights.safetensors', 'x'),
      file('broken.json', '{"a": '),
    ];
    const changes: StoredChange[] = [];
    const result = await importFiles(
      { files },
      ctx(),
      {
        write: async (fn, changeOf) => {
          const value = await fn();
          const search = changeOf(value)?.search;
          if (search && typeof search === 'object') changes.push(search);
          return value;
        },
      },
      inThread,
    );
    expect(result.files.map((f) => f.name)).toEqual([
      'first.md',
      ...Array.from({ length: 1000 }, (_, i) => `cards.zip/z/acme__card-${i}.md`),
      'weights.safetensors',
      'broken.json',
    ]);
    expect(result.summary).toEqual({ new: 1001, updated: 0, unchanged: 0, failed: 1, skipped: 1 });
    // 1001 cards in a first batch of 250 files and one of at most 1000: two search updates, each with the
    // stored records.
    expect(changes).toHaveLength(2);
    for (const c of changes) {
      expect(c.stored).toBeDefined();
      for (const key of c.keys)
        expect(c.stored?.assets.find((a) => a.key === key)).toEqual(await db.assets.get(key));
      const rels = await db.relations.where('childKey').anyOf(c.keys).toArray();
      for (const r of rels) expect(c.stored?.relations).toContainEqual(r);
    }
    expect(await db.relations.count()).toBe(999);
  });

  it('cancelled: stores the files taken so far, whole, and reports only them', async () => {
    const files = Array.from({ length: 400 }, (_, i) => file(`acme__card-${i}.md`, cardText(i)));
    const c = ctx(120);
    const result = await importFiles({ files }, c, {}, inThread);
    expect(result.cancelled).toBe(true);
    expect(result.files.length).toBeGreaterThanOrEqual(120);
    expect(result.files.length).toBeLessThan(400);
    expect(result.summary.new).toBe(result.files.length);
    expect(await db.assets.count()).toBe(result.files.length);
    expect(await db.versions.count()).toBe(result.files.length);

    const again = await importFiles({ files }, ctx(), {}, inThread);
    expect(again.summary).toMatchObject({
      new: 400 - result.files.length,
      unchanged: result.files.length,
      failed: 0,
    });
  });

  it('parses export files in the pool and restores their rows', async () => {
    await importFiles(
      {
        files: Array.from({ length: 30 }, (_, i) =>
          file(`acme__card-${i}.md`, cardText(i, i > 0 ? 0 : undefined)),
        ),
      },
      ctx(),
      {},
      inThread,
    );
    const before = await db.assets.orderBy('key').toArray();
    const text = JSON.stringify(await readExport());
    await clearCatalog();
    const chunks: { names: string[]; exports: number }[] = [];
    class Recording extends ParsePool {
      override async prepare(inputs: ParseInput[]): Promise<Prepared[]> {
        const out = await super.prepare(inputs);
        chunks.push({ names: inputs.map((i) => i.name), exports: out.filter((p) => 'export' in p).length });
        return out;
      }
    }
    const result = await importFiles(
      { files: [file('catalog.json', text), file('broken-export.json', text.slice(0, 200))] },
      ctx(),
      {},
      () => new Recording(0),
    );
    expect(chunks).toEqual([{ names: ['catalog.json', 'broken-export.json'], exports: 2 }]);
    expect(result.files.map((f) => [f.name, f.status])).toEqual([
      ['catalog.json', 'imported'],
      ['broken-export.json', 'failed'],
    ]);
    expect(result.files[1]?.issues.map((i) => i.code)).toContain('EXPORT_DAMAGED');
    expect(await db.assets.orderBy('key').toArray()).toEqual(before);
  });
});
