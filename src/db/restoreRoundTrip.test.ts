import { beforeEach, describe, expect, it } from 'vitest';
import { parseFile } from '@/core/formats/parseFile';
import { parseCatalogExport } from '@/core/export/envelope';
import { openTestDb } from '@/testing/builders';
import type { CatalogDb } from './schema';
import { restoreExport, storeParsedBatch } from './importRepo';
import { readExport } from './catalogRepo';

let db: CatalogDb;
beforeEach(async () => {
  db = await openTestDb('roundtrip');
});

/** A generated card; `odd`: base_model and datasets values with markup characters, as real cards have. */
function card(i: number, odd = false): { name: string; text: string } {
  const base = odd ? `acme/<base>-${i}` : `acme/base-${i}`;
  const text = [
    '---',
    'license: apache-2.0',
    `base_model: ${JSON.stringify(base)}`,
    'datasets:',
    `  - ${JSON.stringify(odd ? `data/<set> ${i} >` : `data/set-${i}`)}`,
    'pipeline_tag: text-generation',
    'tags: [a, b]',
    'model-index:',
    `  - name: m${i}`,
    '    results:',
    '      - task: {type: text-generation}',
    '        metrics:',
    '          - {type: accuracy, value: 0.5}',
    '---',
    '',
    `# Model ${i}`,
    '',
    'Some text.',
  ].join('\n');
  return { name: `acme__model-${i}.md`, text };
}

async function importCards(cards: { name: string; text: string }[], at: string) {
  const items = cards.map((c, i) => ({
    source: { name: c.name, text: c.text, sha256: `sha-${c.name}`, bytes: c.text.length },
    result: parseFile(c),
    index: i,
  }));
  return storeParsedBatch(items, at, 1, db);
}

describe('export → restore round trip', () => {
  it('re-importing a just-made, unchanged export (through its JSON text) reports every asset unchanged', async () => {
    await importCards([card(1), card(2), card(3, true)], '2026-01-01T00:00:00Z');
    const env = await readExport({}, db);
    const parsed = parseCatalogExport(JSON.stringify(env, null, 1));
    expect(parsed.issues).toEqual([]);
    if (!parsed.ok) return;
    const report = await restoreExport(
      { name: 'e.json', bytes: 1 },
      parsed.value,
      '2026-01-02T00:00:00Z',
      db,
    );
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ status: 'unchanged', created: 0, updated: 0 });
    expect(report.unchanged).toBe(3);
  });

  it('an export whose ids carry < and > restores into an empty catalog with the same rows', async () => {
    await importCards([card(7, true)], '2026-01-01T00:00:00Z');
    const env = await readExport({}, db);
    expect(env.assets.map((a) => a.id)).toContain('acme/<base>-7');
    const parsed = parseCatalogExport(JSON.stringify(env));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const other = await openTestDb('roundtrip-other');
    const report = await restoreExport(
      { name: 'e.json', bytes: 1 },
      parsed.value,
      '2026-01-02T00:00:00Z',
      other,
    );
    expect(report.status).toBe('imported');
    expect((await readExport({}, other)).assets).toEqual(env.assets);
  });
});

describe('content fingerprints survive JSON', () => {
  it('a nested undefined field (kept by IndexedDB, dropped by JSON) does not make an asset "updated"', async () => {
    const { contentFingerprint } = await import('@/core/catalog/merge');
    const { storedAsset } = await import('@/testing/builders');
    const stored = storedAsset('acme/m', {
      license: { raw: 'mit', normalized: undefined },
      extra: { a: undefined, b: [1, { c: undefined }] },
    });
    const viaJson = JSON.parse(JSON.stringify(stored)) as typeof stored;
    expect(contentFingerprint(viaJson)).toBe(contentFingerprint(stored));
  });
});
