/**
 * Intake with real corpus files (runs where ../shared sits beside the repo): a folder of ~300 mixed
 * files and a zip of the same, re-import idempotence, an invalid file among them, cancel, reload.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import { test, expect, CORPUS_DIR } from './fixtures';

type Entry = {
  file: string;
  kind: string;
  parse_error?: string | null;
  json_error?: string;
  valid_json?: boolean;
};
const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as { files: Entry[] };

const METADATA_KINDS =
  /^(hf-model-card|hf-dataset-card|croissant-jsonld|cyclonedx-mlbom|spdx3-ai|spdx3-dataset|openml-dataset-description-(json|xml)|mlflow-mlmodel)$/;

function pickMixed(): Entry[] {
  const out: Entry[] = [];
  const perKind = new Map<string, number>();
  const limits: Record<string, number> = { 'hf-model-card': 150, 'hf-dataset-card': 100 };
  for (const f of manifest.files) {
    if (!METADATA_KINDS.test(f.kind)) continue;
    if (f.valid_json === false || f.parse_error) continue;
    const n = perKind.get(f.kind) ?? 0;
    if (n >= (limits[f.kind] ?? 12)) continue;
    perKind.set(f.kind, n + 1);
    out.push(f);
  }
  return out;
}

const mixed = pickMixed();

function makeFolder(entries: Entry[], extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tarn-e2e-'));
  const root = join(dir, 'models');
  for (const e of entries) {
    const target = join(root, e.file);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(CORPUS_DIR, e.file), target);
  }
  for (const [name, text] of Object.entries(extra)) {
    const target = join(root, name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return root;
}

test.describe.configure({ timeout: 240_000 });

test('a folder of ~300 mixed corpus files imports; counts agree; re-import is all unchanged; reload keeps it', async ({
  page,
  catalog,
  imports,
}) => {
  const folder = makeFolder(mixed, {
    'broken/invalid.json': '{"@context": {"@vocab": "https://schema.org/"}, "name": ',
    '.gitattributes': '*.bin filter=lfs',
    'weights/model.safetensors': 'not really weights',
  });
  await catalog.open();
  await imports.chooseFolder(folder);
  const report = imports.report;
  await expect(report).toBeVisible({ timeout: 120_000 });
  const summary = (await imports.summary.textContent()) ?? '';
  const m = /(\d+) new, (\d+) updated, (\d+) unchanged, (\d+) failed/.exec(summary);
  expect(m, summary).not.toBeNull();
  const [created, updated, , failed] = (m ?? []).slice(1).map(Number) as [number, number, number, number];
  expect(failed).toBe(1);
  expect(created).toBeGreaterThanOrEqual(mixed.length * 0.9);
  await expect(report).toContainText('2 skipped');
  await expect(report).toContainText('invalid.json: failed');
  await expect(report).toContainText(/Invalid JSON at line 1/);

  // The table counts real assets; the report's "new" counts assets too ("updated" are files that enriched an
  // asset another file of the same import created, e.g. OpenML JSON + XML of one dataset).
  await expect(catalog.showingAnyOf(created)).toBeVisible();

  await imports.chooseFolder(folder);
  await expect(imports.summary).toHaveText(`0 new, 0 updated, ${created + updated} unchanged, 1 failed`, {
    timeout: 120_000,
  });

  await page.reload();
  await expect(catalog.showingAnyOf(created)).toBeVisible();
});

test('a zip of the same files imports with nested paths kept', async ({ catalog, imports }) => {
  const zipEntries: Record<string, Uint8Array> = {};
  for (const e of mixed)
    zipEntries[`corpus/${e.file}`] = new Uint8Array(readFileSync(join(CORPUS_DIR, e.file)));
  const dir = mkdtempSync(join(tmpdir(), 'tarn-zip-'));
  const zipPath = join(dir, 'mixed.zip');
  writeFileSync(zipPath, zipSync(zipEntries));
  await catalog.open();
  await imports.chooseFiles(zipPath);
  const report = imports.report;
  await expect(report).toBeVisible({ timeout: 120_000 });
  await expect(report).toContainText('mixed.zip/corpus/model-cards/');
  const summary = (await imports.summary.textContent()) ?? '';
  const created = Number(/(\d+) new/.exec(summary)?.[1] ?? 0);
  expect(created).toBeGreaterThanOrEqual(mixed.length * 0.9);
  await expect(imports.summary).toContainText('0 failed');
  await expect(catalog.showingAnyOf(created)).toBeVisible();
});

test('cancel in the middle of the whole corpus leaves a consistent catalog; the page stays responsive', async ({
  page,
  catalog,
  imports,
}) => {
  const all = manifest.files.filter((f) => METADATA_KINDS.test(f.kind));
  const folder = makeFolder(all);
  await catalog.open();
  await imports.chooseFolder(folder);
  const progress = imports.progress;
  await expect(progress).toBeVisible();
  // Long tasks are watched from the moment the import runs (Playwright's own file injection is excluded).
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await expect(progress).toContainText(/[1-9]\d* of \d+ files/);
  // Let it run a moment, then cancel.
  await expect(progress).toContainText(/(\d{3,}) of \d+ files/, { timeout: 60_000 });
  await progress.getByRole('button', { name: 'Cancel' }).click();
  const report = imports.report;
  await expect(report).toContainText('cancelled', { timeout: 60_000 });
  const summary = (await imports.summary.textContent()) ?? '';
  const created = Number(/(\d+) new/.exec(summary)?.[1] ?? -1);
  expect(created).toBeGreaterThan(0);
  expect(created).toBeLessThan(all.length);
  await expect(catalog.showingAnyOf(created)).toBeVisible();
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  // Heavy work runs in the worker: the main thread must never block for long.
  expect(Math.max(0, ...longTasks)).toBeLessThan(200);
  await page.reload();
  await expect(catalog.showingAnyOf(created)).toBeVisible();
});
