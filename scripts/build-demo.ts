/**
 * `npm run demo:build`: builds public/demo-catalog.json (Tarn's own export format) from ../shared/corpus.
 * Picks a few hundred real assets so that lineage chains and several licenses show: model cards whose
 * base models are in the corpus (with those bases), datasets they were trained on, plus a sample of
 * Croissant, CycloneDX, SPDX, OpenML and MLflow files. Only metadata facts are kept: card bodies and raw
 * sources are dropped, descriptions are shortened.
 */
import 'fake-indexeddb/auto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFile } from '@/core/formats/parseFile';
import { sha256Hex } from '@/core/util/hash';
import { createCatalogDb, importParsedFile, readExport } from '@/db';

type ManifestEntry = {
  file: string;
  kind: string;
  id?: string;
  base_model_in_corpus?: string[];
  datasets?: string[] | string;
  license?: unknown;
};

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = `${root}/../shared/corpus`;
const manifest = JSON.parse(readFileSync(`${corpus}/manifest.json`, 'utf8')) as { files: ManifestEntry[] };
const files = manifest.files;

const byId = new Map<string, ManifestEntry>();
for (const f of files) if (f.id) byId.set(f.id.toLowerCase(), f);

const chosen = new Set<string>();
// 1. Children whose base is in the corpus, walking up to include whole chains.
const children = files.filter((f) => f.kind === 'hf-model-card' && (f.base_model_in_corpus?.length ?? 0) > 0);
for (const c of children.slice(0, 170)) {
  const stack = [c];
  while (stack.length) {
    const e = stack.pop();
    if (!e || chosen.has(e.file)) continue;
    chosen.add(e.file);
    for (const b of e.base_model_in_corpus ?? []) {
      const parent = byId.get(b.toLowerCase());
      if (parent) stack.push(parent);
    }
  }
}
// 2. Datasets the chosen models were trained on, where the corpus has their card.
for (const f of files.filter((x) => chosen.has(x.file))) {
  const ds = Array.isArray(f.datasets) ? f.datasets : f.datasets ? [f.datasets] : [];
  for (const d of ds) {
    const e = byId.get(String(d).toLowerCase());
    if (e) chosen.add(e.file);
  }
}
// 3. A sample of every other format, and some dataset cards with several licenses.
// SPDX examples that list every source file as a package would flood the demo with file-level "code" assets.
const NOISY = /simplehtr/i;
const take = (kind: string, n: number) =>
  files
    .filter((f) => f.kind === kind && !NOISY.test(f.file))
    .slice(0, n)
    .forEach((f) => chosen.add(f.file));
take('hf-dataset-card', 40);
take('croissant-jsonld', 15);
take('cyclonedx-mlbom', 8);
take('spdx3-ai', 2);
take('spdx3-dataset', 1);
take('openml-dataset-description-json', 4);
take('openml-dataset-description-xml', 3);
take('mlflow-mlmodel', 5);

const db = createCatalogDb('tarn-demo-build');
await db.open();
const importedAt = '2026-11-01T00:00:00.000Z';
let ok = 0;
for (const file of Array.from(chosen).sort()) {
  const text = readFileSync(`${corpus}/${file}`, 'utf8');
  const result = parseFile({ name: file, text });
  if (result.assets.length === 0) continue;
  const report = await importParsedFile(
    { name: file, text: '', sha256: await sha256Hex(text), bytes: text.length },
    result,
    importedAt,
    undefined,
    db,
  );
  if (report.status !== 'failed') ok++;
}
const env = await readExport(
  {
    includeSources: false,
    scope: { kind: 'demo', description: 'Demo catalog built from the shared corpus' },
  },
  db,
);
env.exportedAt = importedAt;
const shorten = (s: unknown) => (typeof s === 'string' && s.length > 280 ? `${s.slice(0, 277)}…` : s);
for (const a of env.assets) {
  a.description = shorten(a.description) as string | undefined;
  if (a.description === undefined) delete a.description;
  for (const c of a.contributions) {
    delete c.asset.body;
    if (c.asset.description !== undefined) c.asset.description = shorten(c.asset.description) as string;
  }
}
env.audit = [];
writeFileSync(`${root}/public/demo-catalog.json`, JSON.stringify(env));
const real = env.assets.filter((a) => !a.placeholder).length;
console.log(
  `demo catalog: ${ok} files → ${real} assets (+${env.assets.length - real} placeholders), ${env.relations.length} relations`,
);
