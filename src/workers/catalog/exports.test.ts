import { beforeEach, describe, expect, it } from 'vitest';
import { readExport, readExportPaged, setDbForTests, type CatalogDb } from '@/db';
import { openTestDb, storedAsset } from '@/testing/builders';
import { parseCatalogExport } from '@/core/export/envelope';
import type { CallContext } from '../rpc';
import { SPDX_CONTEXT } from '@/core/standards/spdx3';
import { ParsePool } from '../parse/pool';
import {
  exportJson,
  exportStandard,
  writeExportBlob,
  type ExportOptions,
  type ExportProgress,
} from './exports';
import { importFiles } from './importFiles';

let db: CatalogDb;
beforeEach(async () => {
  db = await openTestDb('exports');
  setDbForTests(db);
});

const N = 40;

/** A card of `acme/card-i` (MIT), fine-tuned from `acme/card-(i-1)`, with a long body (raw source). */
function cardText(i: number): string {
  return `---\nlicense: mit\npipeline_tag: text-generation\n${i > 0 ? `base_model: acme/card-${i - 1}\n` : ''}---\n\n# card ${i}\n\n${'Body text. '.repeat(200)}\n`;
}

async function seed(): Promise<void> {
  const files = Array.from({ length: N }, (_, i) => ({
    name: `acme__card-${i}.md`,
    blob: new Blob([cardText(i)]),
  }));
  const res = await importFiles(
    { files },
    { progress: () => undefined, isCancelled: () => false },
    {},
    () => new ParsePool(0),
  );
  expect(res.summary.new).toBe(N);
}

/** A call context that records progress and is cancelled once `cancelAt` records are written. */
function ctx(cancelAt = Infinity): { ctx: CallContext<ExportProgress>; seen: ExportProgress[] } {
  const seen: ExportProgress[] = [];
  return {
    seen,
    ctx: {
      progress: (p) => seen.push(p),
      isCancelled: () => (seen.at(-1)?.done ?? 0) >= cancelAt,
    },
  };
}

const WHOLE: ExportOptions = {
  scope: 'catalog',
  lineageClosure: true,
  includeSources: true,
  includeCuration: true,
  includeSavedViews: true,
  includeLicenses: true,
};

describe('exports in the catalog worker', { timeout: 60_000 }, () => {
  it('Export JSON: the whole catalog as a version 2 envelope in a Blob, with progress from reading to the last record', async () => {
    await seed();
    const { ctx: c, seen } = ctx();
    const res = await exportJson(WHOLE, c);
    if (!res.ok) throw new Error(res.message);
    expect(res.fileName).toMatch(/^tarn-catalog-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.json$/);
    expect(res.blob.type).toBe('application/json');
    const text = await res.blob.text();
    expect(parseCatalogExport(text).ok).toBe(true);
    const env: unknown = JSON.parse(text);
    expect(env).toMatchObject({ format: 'tarn-catalog', version: 2, scope: { kind: 'catalog' } });
    const parsed = env as { assets: unknown[]; versions: { text?: string }[]; relations: unknown[] };
    expect(parsed.assets).toHaveLength(N);
    expect(parsed.relations).toHaveLength(N - 1);
    expect(parsed.versions.every((v) => v.text?.includes('Body text.'))).toBe(true);
    const total = parsed.assets.length + parsed.versions.length + parsed.relations.length;
    expect(seen[0]).toEqual({ phase: 'reading', done: 0, total: 0 });
    expect(seen.at(-1)).toEqual({ phase: 'writing', done: total, total });
  });

  it('Export JSON of a selection with lineage closure brings every ancestor; metadata only leaves out raw text', async () => {
    await seed();
    const res = await exportJson(
      { ...WHOLE, scope: 'selection', keys: ['acme/card-5'], includeSources: false },
      ctx().ctx,
    );
    if (!res.ok) throw new Error(res.message);
    expect(res.fileName).toMatch(/^tarn-selection-/);
    const env = JSON.parse(await res.blob.text()) as {
      assets: { key: string }[];
      versions: { text?: string }[];
      scope: unknown;
    };
    expect(env.assets.map((a) => a.key).sort()).toEqual(
      Array.from({ length: 6 }, (_, i) => `acme/card-${i}`).sort(),
    );
    expect(env.versions.some((v) => 'text' in v)).toBe(false);
    expect(env.scope).toMatchObject({ kind: 'selection', lineageClosure: true, includesSources: false });
  });

  it('an empty selection or a missing collection is a message, not a file', async () => {
    expect(await exportJson({ ...WHOLE, scope: 'selection', keys: [] }, ctx().ctx)).toEqual({
      ok: false,
      message: 'Nothing is selected.',
    });
    expect(await exportJson({ ...WHOLE, scope: 'collection', collectionId: 'nope' }, ctx().ctx)).toEqual({
      ok: false,
      message: 'Choose a collection to export.',
    });
  });

  it('a cancelled export writes no file and says so', async () => {
    await seed();
    const res = await exportJson(WHOLE, { progress: () => undefined, isCancelled: () => true });
    expect(res).toEqual({ ok: false, message: 'Export cancelled; no file was written.', cancelled: true });
  });

  it('writing a large export reports progress between slices and stops there when cancelled', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    const n = 30_000;
    const env = {
      format: 'tarn-catalog' as const,
      version: 2 as const,
      exportedAt: at,
      app: { name: 'Tarn', version: '0' },
      assets: Array.from({ length: n }, (_, i) => storedAsset(`bulk/model-${i}`)),
      versions: [],
      relations: [],
    };
    const none = () => ({ count: 0, pages: (async function* () {})() });
    const whole = ctx();
    const blob = await writeExportBlob(env, none(), whole.ctx);
    const writes = whole.seen.filter((p) => p.phase === 'writing');
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.map((p) => p.done)).toEqual([...writes.map((p) => p.done)].sort((a, b) => a - b));
    expect(writes.at(-1)).toEqual({ phase: 'writing', done: n, total: n });
    expect((JSON.parse((await blob?.text()) ?? '') as { assets: unknown[] }).assets).toHaveLength(n);

    const stopped = ctx(1);
    expect(await writeExportBlob(env, none(), stopped.ctx)).toBeUndefined();
    expect(stopped.seen).toHaveLength(1);
    expect(stopped.seen[0]?.done).toBeLessThan(n);
  });

  it('the paged reader gives the same versions as readExport, a page at a time, for any scope', async () => {
    await seed();
    for (const sel of [
      {},
      { keys: ['acme/card-7'], lineageClosure: true, includeSources: false },
      { keys: ['acme/card-7'], lineageClosure: false },
    ]) {
      const whole = await readExport(sel);
      const paged = await readExportPaged(sel, db, 7);
      const pages: unknown[][] = [];
      for await (const page of paged.versionPages()) pages.push(page);
      expect(pages.flat()).toEqual(whole.versions);
      expect(paged.versionCount).toBe(whole.versions.length);
      expect({ ...paged.env, exportedAt: '' }).toEqual({ ...whole, versions: [], exportedAt: '' });
      if (!sel.keys) expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 7, 5]);
    }
  });

  it('standards: CycloneDX and SPDX 3 of an asset and its lineage, Croissant refuses a model', async () => {
    await seed();
    const scope = { scope: 'selection' as const, keys: ['acme/card-3'] };
    const named = { title: 'acme/card-3 and its lineage', prefix: 'acme__card-3' };
    const cdx = await exportStandard({ format: 'cyclonedx', scope, named }, ctx().ctx);
    if (!cdx.ok) throw new Error(cdx.message);
    expect(cdx.fileName).toMatch(/^acme__card-3-.*\.cdx\.json$/);
    const bom = JSON.parse(await cdx.blob.text()) as { bomFormat: string; components: { name: string }[] };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.components.map((c) => c.name).sort()).toEqual(['card-0', 'card-1', 'card-2', 'card-3']);
    const spdx = await exportStandard({ format: 'spdx3', scope }, ctx().ctx);
    if (!spdx.ok) throw new Error(spdx.message);
    expect(spdx.fileName).toMatch(/^tarn-selection-.*\.spdx3\.json$/);
    const doc = JSON.parse(await spdx.blob.text()) as { '@context': string; '@graph': { type: string }[] };
    expect(doc['@context']).toBe(SPDX_CONTEXT);
    expect(doc['@graph'].filter((e) => e.type === 'ai_AIPackage')).toHaveLength(4);
    expect(await exportStandard({ format: 'croissant', scope }, ctx().ctx)).toEqual({
      ok: false,
      message: 'Croissant describes one dataset: choose a dataset asset.',
    });
  });
});
