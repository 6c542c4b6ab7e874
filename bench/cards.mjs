// Generated Hugging Face card files for the "real card files" benchmark: Markdown with YAML front matter
// shaped like ../shared/corpus (model cards ~75 %, dataset cards ~25 %; license, base_model (+ relation),
// datasets, pipeline_tag, library_name, tags, language, a few KB of body). Ids are unique; models derive
// from popular bases and from earlier generated models, and are trained on generated datasets.
// Deterministic for a seed. Not a Tarn export: every file goes through the parsers.

import { LIBRARIES, LICENSES as SHARED_LICENSES, TASKS, mulberry32, weighted } from './generate.mjs';

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

/** How a card writes each licence of the generator's table (normalized back by the app). */
const CARD_LICENSE = {
  'Apache-2.0': 'apache-2.0',
  NONE: '',
  MIT: 'mit',
  NOASSERTION: 'other',
  'CC-BY-4.0': 'cc-by-4.0',
  'CC-BY-NC-4.0': 'cc-by-nc-4.0',
  'LicenseRef-Llama-3-Community': 'llama3',
  'LicenseRef-Llama-2-Community': 'llama2',
  'LicenseRef-OpenRAIL': 'openrail',
  'LicenseRef-Gemma-Terms-of-Use': 'gemma',
  'CC-BY-SA-4.0': 'cc-by-sa-4.0',
  'GPL-3.0-only': 'gpl-3.0',
  'AGPL-3.0-only': 'agpl-3.0',
  'CC0-1.0': 'cc0-1.0',
  'BSD-3-Clause': 'bsd-3-clause',
  'CC-BY-NC-SA-4.0': 'cc-by-nc-sa-4.0',
  'LicenseRef-other-unresolved': 'other',
  'LicenseRef-DeepSeek-License-1.0': 'deepseek',
  Unlicense: 'unlicense',
  'MIT OR Apache-2.0': 'mit',
};
/** License values as written in cards, with the generator's weights. */
const LICENSES = SHARED_LICENSES.map(([id, w]) => [CARD_LICENSE[id] ?? 'other', w]);
const RELATIONS = [
  ['finetune', 50],
  ['adapter', 20],
  ['quantized', 20],
  ['merge', 10],
];
const LANGS = ['en', 'zh', 'fr', 'de', 'es', 'ja', 'ru', 'ko', 'it', 'pt', 'ar', 'hi', 'nl', 'pl', 'code'];
const BASES = [
  'meta-llama/Meta-Llama-3-8B',
  'meta-llama/Llama-2-7b-hf',
  'mistralai/Mistral-7B-v0.1',
  'Qwen/Qwen2.5-7B',
  'google/gemma-2-9b',
  'microsoft/phi-2',
  'google-bert/bert-base-uncased',
  'FacebookAI/roberta-base',
  'openai/whisper-small',
  'google/vit-base-patch16-224',
  'stabilityai/stable-diffusion-xl-base-1.0',
  'deepseek-ai/deepseek-llm-7b-base',
  'tiiuae/falcon-7b',
  'EleutherAI/pythia-1b',
];
const OWNERS = [
  'acme',
  'northwind',
  'lakeside-ai',
  'quantfactory',
  'bartowski-lab',
  'thebloke-lab',
  'nlp-lab',
  'vision-group',
  'speechworks',
  'opencollective',
  'unsloth-lab',
  'mlx-community-lab',
  'legalai',
  'medtext',
  'finlab',
];
const FAMILIES = ['llama', 'mistral', 'qwen', 'gemma', 'phi', 'bert', 'roberta', 'whisper', 'vit', 'sdxl'];
const SUFFIXES = ['chat', 'instruct', 'coder', 'math', 'sft', 'dpo', 'lora', 'gguf', 'awq', 'it', 'legal'];
const WORDS =
  'model trained data evaluation results training procedure hyperparameters learning rate batch size epochs optimizer adam warmup steps tokens context length benchmark accuracy loss intended uses limitations bias risks recommendations environmental impact hardware gpu hours carbon emitted citation license usage example inference pipeline prompt template generation quality safety alignment preference dataset mixture instruction following reasoning multilingual code math summarization translation retrieval embedding'.split(
    ' ',
  );

function sentence(rand, n) {
  const w = [];
  for (let i = 0; i < n; i++) w.push(pick(rand, WORDS));
  const s = w.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

/** A few KB of card body: headings, prose, a results table, a code block. */
export function cardBody(rand, id, kb) {
  const out = [`# ${id.split('/')[1]}`, ''];
  const sections = [
    'Model description',
    'Intended uses & limitations',
    'Training data',
    'Training procedure',
  ];
  for (const s of sections) {
    out.push(`## ${s}`, '');
    for (let p = 0; p < 2; p++) out.push(Array.from({ length: 4 }, () => sentence(rand, 12)).join(' '), '');
  }
  out.push('## Evaluation results', '', '| task | metric | value |', '| --- | --- | --- |');
  for (let i = 0; i < 4; i++)
    out.push(`| ${pick(rand, WORDS)} | accuracy | ${(50 + rand() * 50).toFixed(1)} |`);
  out.push('', '```python', 'from transformers import pipeline', `pipe = pipeline(model="${id}")`, '```', '');
  let text = out.join('\n');
  while (text.length < kb * 1024)
    text += `${Array.from({ length: 5 }, () => sentence(rand, 14)).join(' ')}\n\n`;
  return text;
}

function yamlList(key, values) {
  if (values.length === 0) return [];
  return [`${key}:`, ...values.map((v) => `- ${v}`)];
}

/**
 * `n` card files `{ name, text }` (names `model-cards/owner__name.md`, `dataset-cards/owner__name.md`,
 * as in the corpus), deterministic for `seed`.
 */
export function generateCards({ n, seed = 7 }) {
  const rand = mulberry32(seed);
  const files = [];
  const models = [];
  const datasets = [];
  const nDatasets = Math.max(1, Math.round(n * 0.25));
  for (let i = 0; i < nDatasets; i++) {
    const owner = pick(rand, OWNERS);
    const id = `${owner}/${pick(rand, WORDS)}-${pick(rand, WORDS)}-${i}`;
    datasets.push(id);
    const lines = ['---'];
    const license = weighted(rand, LICENSES);
    if (license) lines.push(`license: ${license}`);
    lines.push(...yamlList('task_categories', [weighted(rand, TASKS)]));
    lines.push(...yamlList('language', [pick(rand, LANGS), ...(rand() < 0.2 ? [pick(rand, LANGS)] : [])]));
    lines.push(
      ...yamlList('size_categories', [pick(rand, ['1K<n<10K', '10K<n<100K', '100K<n<1M', '1M<n<10M'])]),
    );
    lines.push(...yamlList('tags', [pick(rand, WORDS), pick(rand, WORDS)]));
    if (i > 10 && rand() < 0.15)
      lines.push(...yamlList('source_datasets', [pick(rand, datasets.slice(0, i))]));
    lines.push(`pretty_name: ${id.split('/')[1]}`, '---', '');
    files.push({
      name: `dataset-cards/${id.replace('/', '__')}.md`,
      text: `${lines.join('\n')}\n${cardBody(rand, id, 1 + rand() * 3)}`,
    });
  }
  for (let i = 0; files.length < n; i++) {
    const owner = pick(rand, OWNERS);
    const id = `${owner}/${pick(rand, FAMILIES)}-${pick(rand, SUFFIXES)}-${i}`;
    const lines = ['---'];
    const license = weighted(rand, LICENSES);
    if (license) lines.push(`license: ${license}`);
    if (license === 'other') lines.push('license_name: custom-license', 'license_link: LICENSE');
    const task = weighted(rand, TASKS);
    lines.push(`pipeline_tag: ${task}`);
    const lib = weighted(rand, LIBRARIES);
    if (lib) lines.push(`library_name: ${lib}`);
    if (rand() < 0.7) {
      // Lineage: a popular base, or (a third of the time) an earlier generated model.
      const base = models.length > 20 && rand() < 0.33 ? pick(rand, models) : pick(rand, BASES);
      lines.push(`base_model: ${base}`);
      if (rand() < 0.6) lines.push(`base_model_relation: ${weighted(rand, RELATIONS)}`);
    }
    if (rand() < 0.5) {
      const k = 1 + Math.floor(rand() * 3);
      lines.push(
        ...yamlList(
          'datasets',
          Array.from({ length: k }, () => pick(rand, datasets)),
        ),
      );
    }
    lines.push(...yamlList('language', rand() < 0.8 ? [pick(rand, LANGS)] : []));
    lines.push(...yamlList('tags', [pick(rand, FAMILIES), pick(rand, SUFFIXES), pick(rand, WORDS)]));
    lines.push('---', '');
    models.push(id);
    files.push({
      name: `model-cards/${id.replace('/', '__')}.md`,
      text: `${lines.join('\n')}\n${cardBody(rand, id, 2 + rand() * 4)}`,
    });
  }
  return files;
}
