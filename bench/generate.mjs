// Synthetic, corpus-shaped catalogs as Tarn export files (deterministic for a seed).
// Field distributions follow the shared corpus (kinds, licenses, tasks, libraries, languages, formats,
// lineage: finetunes/adapters/quantizations/merges of a few popular bases, trained_on datasets).
// Exports are split into files of at most `perFile` assets (the app refuses files over 20 MB).
import { createHash } from 'node:crypto';

/** Seeded PRNG (also used by bench/cards.mjs). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks a value from [value, weight] pairs. */
export function weighted(rand, table) {
  let total = 0;
  for (const [, w] of table) total += w;
  let x = rand() * total;
  for (const [v, w] of table) {
    x -= w;
    if (x <= 0) return v;
  }
  return table[table.length - 1][0];
}

/** Zipf-like pick from a list (early items much more likely). */
function zipf(rand, list, s = 1.1) {
  const u = rand();
  const i = Math.floor(Math.pow(u, 1 + s) * list.length);
  return list[Math.min(i, list.length - 1)];
}

const KINDS = [
  ['model', 60],
  ['dataset', 30],
  ['code', 8],
  ['software', 2],
];
/** Licences as the catalog stores them (SPDX ids), with weights; bench/cards.mjs writes them as cards do. */
export const LICENSES = [
  ['Apache-2.0', 30],
  ['NONE', 18],
  ['MIT', 12],
  ['NOASSERTION', 5],
  ['CC-BY-4.0', 5],
  ['CC-BY-NC-4.0', 4],
  ['LicenseRef-Llama-3-Community', 3],
  ['LicenseRef-Llama-2-Community', 2],
  ['LicenseRef-OpenRAIL', 3],
  ['LicenseRef-Gemma-Terms-of-Use', 2],
  ['CC-BY-SA-4.0', 2],
  ['GPL-3.0-only', 2],
  ['AGPL-3.0-only', 1],
  ['CC0-1.0', 2],
  ['BSD-3-Clause', 2],
  ['CC-BY-NC-SA-4.0', 1],
  ['LicenseRef-other-unresolved', 3],
  ['LicenseRef-DeepSeek-License-1.0', 1],
  ['Unlicense', 1],
  ['MIT OR Apache-2.0', 1],
];
export const TASKS = [
  ['text-generation', 45],
  ['text-classification', 9],
  ['token-classification', 4],
  ['fill-mask', 4],
  ['translation', 3],
  ['summarization', 3],
  ['question-answering', 3],
  ['feature-extraction', 5],
  ['sentence-similarity', 4],
  ['image-classification', 4],
  ['automatic-speech-recognition', 3],
  ['text-to-image', 4],
  ['image-text-to-text', 3],
  ['text2text-generation', 3],
  ['object-detection', 1],
];
const DATA_TASKS = [
  ['text-generation', 30],
  ['question-answering', 15],
  ['text-classification', 15],
  ['translation', 10],
  ['summarization', 8],
  ['image-classification', 8],
  ['automatic-speech-recognition', 5],
];
export const LIBRARIES = [
  ['transformers', 55],
  ['peft', 12],
  ['', 14],
  ['diffusers', 5],
  ['sentence-transformers', 5],
  ['gguf', 4],
  ['scikit-learn', 2],
  ['timm', 2],
  ['keras', 1],
  ['mlx', 1],
  ['onnx', 1],
];
const LANGS = [
  'en',
  'zh',
  'fr',
  'de',
  'es',
  'ja',
  'ru',
  'ko',
  'it',
  'pt',
  'ar',
  'hi',
  'nl',
  'pl',
  'tr',
  'vi',
  'id',
  'sv',
  'fi',
  'uk',
  'code',
];
const MODEL_FORMATS = [
  ['hf-model-card', 85],
  ['spdx3', 5],
  ['mlflow', 4],
  ['cyclonedx', 3],
  ['openml', 3],
];
const DATA_FORMATS = [
  ['hf-dataset-card', 70],
  ['croissant', 25],
  ['openml', 5],
];
const CODE_FORMATS = [
  ['spdx3', 60],
  ['cyclonedx', 40],
];
const FAMILIES = [
  'llama',
  'mistral',
  'qwen',
  'gemma',
  'phi',
  'bert',
  't5',
  'falcon',
  'mpt',
  'bloom',
  'gpt2',
  'roberta',
  'whisper',
  'vit',
  'clip',
  'stable-diffusion',
  'deepseek',
  'yi',
  'olmo',
  'pythia',
  'deberta',
  'electra',
  'bart',
  'opt',
];
const SIZES = ['125m', '350m', '1b', '1.5b', '2b', '3b', '7b', '8b', '13b', '14b', '32b', '70b'];
const SUFFIXES = [
  'chat',
  'instruct',
  'coder',
  'math',
  'base',
  'sft',
  'dpo',
  'orpo',
  'lora',
  'gguf',
  'awq',
  'gptq',
  'uncensored',
  'v0.1',
  'v2',
  'v3',
  'it',
  'hermes',
  'dolphin',
  'tiny',
  'small',
  'large',
  'multilingual',
  'legal',
  'medical',
  'finance',
  'roleplay',
  'japanese',
  'german',
  'french',
  'merged',
  'slerp',
  'ties',
  'distilled',
];
const DATA_WORDS = [
  'instructions',
  'dialogs',
  'qa',
  'corpus',
  'reviews',
  'news',
  'wiki',
  'code',
  'math',
  'preferences',
  'feedback',
  'captions',
  'speech',
  'translations',
  'summaries',
  'stories',
  'medical',
  'legal',
  'papers',
  'books',
  'forums',
  'tweets',
  'recipes',
  'questions',
];
const TAGS = [
  'llama',
  'mistral',
  'chat',
  'conversational',
  'text-generation-inference',
  'lora',
  'gguf',
  'merge',
  'mergekit',
  'quantized',
  'endpoints_compatible',
  'custom_code',
  'safetensors',
  'pytorch',
  'code',
  'math',
  'instruct',
  'en',
  'multilingual',
  'rlhf',
  'dpo',
  'sft',
  'trl',
  'unsloth',
  'axolotl',
  'autotrain',
  'region:us',
  'biology',
  'legal',
  'finance',
];
const VERBS = [
  'fine-tuned',
  'trained',
  'adapted',
  'distilled',
  'evaluated',
  'quantized',
  'aligned',
  'pretrained',
];
const NOUNS = [
  'customer support',
  'code completion',
  'mathematical reasoning',
  'question answering',
  'summarization',
  'translation',
  'sentiment analysis',
  'retrieval',
  'dialogue',
  'creative writing',
  'medical notes',
  'legal documents',
  'instruction following',
];

function pickN(rand, list, min, max) {
  const n = min + Math.floor(rand() * (max - min + 1));
  const out = new Set();
  for (let i = 0; i < n * 2 && out.size < n; i++) out.add(zipf(rand, list, 0.6));
  return [...out];
}

function sha(s) {
  return createHash('sha256').update(s).digest('hex');
}

/**
 * Generates a catalog of `n` assets. Returns `{ files: [{ name, env }], stats }`, each env a valid Tarn
 * export (format tarn-catalog, version 1).
 */
export function generateCatalog({ n, seed = 42, perFile = 8_000, prefix = `synthetic-${n}` }) {
  const rand = mulberry32(seed);
  const nOwners = Math.max(20, Math.floor(n / 15));
  const owners = Array.from(
    { length: nOwners },
    (_, i) => `${['org', 'lab', 'team', 'user', 'ai'][i % 5]}${i}-${FAMILIES[i % FAMILIES.length]}`,
  );
  const assets = [];
  const relations = [];
  const models = [];
  const datasets = [];
  const usedIds = new Set();
  const start = Date.parse('2024-01-01T00:00:00Z');
  const span = Date.parse('2026-10-01T00:00:00Z') - start;
  // External bases referenced but never imported (placeholders).
  const externalBases = [
    'meta-llama/Llama-2-7b-hf',
    'mistralai/Mistral-7B-v0.1',
    'google/gemma-7b',
    'Qwen/Qwen2-7B',
    'microsoft/phi-2',
    'openai/whisper-small',
  ];

  for (let i = 0; i < n; i++) {
    const kind = weighted(rand, KINDS);
    const owner = zipf(rand, owners, 0.9);
    let name;
    if (kind === 'model') {
      const fam = zipf(rand, FAMILIES, 0.8);
      name = `${fam}-${zipf(rand, SIZES, 0.3)}-${zipf(rand, SUFFIXES, 0.5)}`;
      if (rand() < 0.4) name += `-${zipf(rand, SUFFIXES, 0.5)}`;
    } else if (kind === 'dataset') {
      name = `${zipf(rand, DATA_WORDS, 0.5)}-${zipf(rand, DATA_WORDS, 0.5)}${rand() < 0.5 ? `-${zipf(rand, LANGS, 1)}` : ''}`;
    } else {
      name = `${zipf(rand, FAMILIES, 0.8)}-${['tools', 'sdk', 'server', 'runtime', 'pipeline', 'cli'][Math.floor(rand() * 6)]}`;
    }
    let id = `${owner}/${name}`;
    let k = 2;
    while (usedIds.has(id.toLowerCase())) id = `${owner}/${name}-${k++}`;
    usedIds.add(id.toLowerCase());
    const key = id.toLowerCase();
    const at = new Date(start + Math.floor(rand() * span)).toISOString();
    const license = weighted(rand, LICENSES);
    const fmt = weighted(
      rand,
      kind === 'model' ? MODEL_FORMATS : kind === 'dataset' ? DATA_FORMATS : CODE_FORMATS,
    );
    const a = {
      id,
      kind,
      name: id.split('/')[1],
      owner,
      license: { raw: license.toLowerCase(), normalized: license },
      sourceFormat: fmt,
      description: `${name.replace(/-/g, ' ')} is ${kind === 'dataset' ? 'a dataset for' : `a ${kind}`} ${zipf(rand, VERBS, 0.3)} for ${zipf(rand, NOUNS, 0.4)}${rand() < 0.5 ? ` and ${zipf(rand, NOUNS, 0.4)}` : ''}. Maintained by ${owner}.`,
      url: `https://huggingface.co/${kind === 'dataset' ? 'datasets/' : ''}${id}`,
    };
    if (rand() < 0.7) a.tags = pickN(rand, TAGS, 1, 5);
    if (rand() < 0.65) a.languages = pickN(rand, LANGS, 1, rand() < 0.1 ? 6 : 2);
    if (kind === 'model') {
      a.pipelineTag = weighted(rand, TASKS);
      const lib = weighted(rand, LIBRARIES);
      if (lib) a.libraryName = lib;
      // Lineage: most models derive from an earlier (popular) model.
      if (rand() < 0.55 && (models.length > 0 || rand() < 0.1)) {
        const type = weighted(rand, [
          ['finetune_of', 50],
          ['adapter_of', 20],
          ['quantized_from', 20],
          ['merge_of', 10],
        ]);
        const nBases = type === 'merge_of' ? 2 : 1;
        const bases = [];
        for (let b = 0; b < nBases; b++) {
          const base =
            models.length === 0 || rand() < 0.08
              ? externalBases[Math.floor(rand() * externalBases.length)]
              : zipf(rand, models, 2.5);
          if (!bases.includes(base)) bases.push(base);
        }
        a.baseModels = bases;
        if (type !== 'finetune_of') a.baseModelRelation = type.replace(/_of|_from/, '');
        for (const base of bases)
          relations.push({ child: id, type, parent: base, origin: 'declared', evidence: 'base_model' });
      }
      if (datasets.length > 0 && rand() < 0.4) {
        a.datasets = pickN(rand, datasets, 1, 3);
        for (const d of a.datasets)
          relations.push({
            child: id,
            type: 'trained_on',
            parent: d,
            origin: 'declared',
            evidence: 'datasets',
          });
      }
      models.push(id);
    } else if (kind === 'dataset') {
      a.taskCategories = [weighted(rand, DATA_TASKS)];
      datasets.push(id);
    }
    const { ...contribAsset } = a;
    assets.push({
      ...a,
      key,
      createdAt: at,
      updatedAt: at,
      contributions: [
        {
          format: fmt,
          sourceName: `${fmt}/${id.replace('/', '__')}`,
          sha256: sha(`${seed}:${id}`),
          importedAt: at,
          asset: contribAsset,
        },
      ],
      fieldSources: { name: `${fmt}: ${id}`, license: `${fmt}: ${id}` },
    });
  }

  const rows = relations.map((r) => {
    const childKey = r.child.toLowerCase();
    const parentKey = r.parent.toLowerCase();
    return { ...r, id: `${childKey}|${r.type}|${parentKey}`, childKey, parentKey, vias: ['hf-model-card'] };
  });
  const byChild = new Map();
  for (const r of rows) {
    const l = byChild.get(r.childKey) ?? [];
    l.push(r);
    byChild.set(r.childKey, l);
  }
  const placeholderIds = new Set(rows.map((r) => r.parent).filter((p) => !usedIds.has(p.toLowerCase())));
  const placeholders = [...placeholderIds].map((id) => ({
    id,
    key: id.toLowerCase(),
    kind: 'model',
    name: id.split('/')[1] ?? id,
    license: { raw: undefined },
    placeholder: true,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    contributions: [],
    fieldSources: {},
  }));

  const files = [];
  for (let s = 0, f = 1; s < assets.length; s += perFile, f++) {
    const chunk = assets.slice(s, s + perFile);
    const rels = chunk.flatMap((a) => byChild.get(a.key) ?? []);
    const env = {
      format: 'tarn-catalog',
      version: 1,
      exportedAt: '2026-11-01T00:00:00.000Z',
      app: { name: 'tarn-bench', version: '1' },
      scope: { kind: 'synthetic', description: `${n} synthetic assets, part ${f}` },
      assets: f === 1 ? [...chunk, ...placeholders] : chunk,
      versions: chunk.map((a) => ({
        assetKey: a.key,
        assetId: a.id,
        sha256: a.contributions[0].sha256,
        sourceName: a.contributions[0].sourceName,
        format: a.sourceFormat,
        importedAt: a.updatedAt,
      })),
      relations: rels,
    };
    files.push({ name: `${prefix}-part${String(f).padStart(2, '0')}.json`, env });
  }
  return {
    files,
    stats: {
      assets: assets.length,
      placeholders: placeholders.length,
      relations: rows.length,
      models: models.length,
      datasets: datasets.length,
    },
  };
}
