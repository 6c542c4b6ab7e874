/**
 * Key vocabulary of Hugging Face card metadata: which keys point to a model card or a dataset card,
 * and the misspellings we read anyway (reported as `TYPO_KEY`).
 */

export type CardKind = 'model' | 'dataset';

/** Keys that only (or almost only) occur in dataset cards, with their weight as evidence. */
const DATASET_KEYS: ReadonlyMap<string, number> = new Map([
  ['task_categories', 2],
  ['task_ids', 2],
  ['size_categories', 2],
  ['configs', 2],
  ['dataset_info', 3],
  ['pretty_name', 1],
  ['source_datasets', 2],
  ['annotations_creators', 3],
  ['language_creators', 3],
  ['multilinguality', 3],
  ['paperswithcode_id', 1],
  ['train-eval-index', 2],
  ['language_bcp47', 1],
  ['language_details', 1],
  ['license_details', 1],
  ['dataset_summary', 1],
  ['viewer', 1],
  ['eval_info', 1],
]);

/** Keys that only (or almost only) occur in model cards. */
const MODEL_KEYS: ReadonlyMap<string, number> = new Map([
  ['base_model', 3],
  ['base_model_relation', 3],
  ['pipeline_tag', 2],
  ['library_name', 2],
  ['model-index', 3],
  ['inference', 2],
  ['widget', 2],
  ['new_version', 1],
  ['model_name', 1],
  ['model_creator', 2],
  ['model_type', 1],
  ['quantized_by', 2],
  ['prompt_template', 1],
  ['instance_prompt', 1],
  ['co2_eq_emissions', 1],
  ['mask_token', 1],
  ['thumbnail', 1],
  ['eval_results', 1],
]);

/** Keys common to both kinds: evidence that this is an HF card at all. */
const SHARED_KEYS: ReadonlySet<string> = new Set([
  'license',
  'license_name',
  'license_link',
  'language',
  'tags',
  'gated',
  'extra_gated_prompt',
  'extra_gated_heading',
  'extra_gated_description',
  'extra_gated_button_content',
  'extra_gated_fields',
  'extra_gated_eu_disallowed',
  'arxiv',
  'datasets',
  'metrics',
]);

/**
 * Misspelt or variant keys → the key they stand for. Matched after lower-casing and turning spaces
 * and dashes into underscores (so `Pipeline-Tag` and `pipeline tag` are caught too).
 * `dataset` → `datasets` applies to model cards only.
 */
const TYPO_KEYS: ReadonlyMap<string, string> = new Map([
  ['licence', 'license'],
  ['licences', 'license'],
  ['licenses', 'license'],
  ['licence_name', 'license_name'],
  ['licence_link', 'license_link'],
  ['license_url', 'license_link'],
  ['base_models', 'base_model'],
  ['basemodel', 'base_model'],
  ['base_model_id', 'base_model'],
  ['base_model_relations', 'base_model_relation'],
  ['pipeline_tags', 'pipeline_tag'],
  ['pipelinetag', 'pipeline_tag'],
  ['library', 'library_name'],
  ['libraryname', 'library_name'],
  ['library_names', 'library_name'],
  ['dataset', 'datasets'],
  ['data_sets', 'datasets'],
  ['datsets', 'datasets'],
  ['datases', 'datasets'],
  ['datasest', 'datasets'],
  ['languages', 'language'],
  ['lang', 'language'],
  ['tag', 'tags'],
  ['model_index', 'model-index'],
  ['modelindex', 'model-index'],
  ['task_category', 'task_categories'],
  ['task_id', 'task_ids'],
  ['size_category', 'size_categories'],
  ['source_dataset', 'source_datasets'],
  ['prettyname', 'pretty_name'],
]);

/** Canonical keys whose dash/underscore/case variants are typos (`pipeline-tag`, `License`). */
const CANONICAL_KEYS: readonly string[] = [
  'license',
  'license_name',
  'license_link',
  'base_model',
  'base_model_relation',
  'pipeline_tag',
  'library_name',
  'datasets',
  'language',
  'tags',
  'model-index',
  'new_version',
  'gated',
  'task_categories',
  'task_ids',
  'size_categories',
  'source_datasets',
  'pretty_name',
  'dataset_info',
  'configs',
];

function squash(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const CANONICAL_BY_SQUASHED: ReadonlyMap<string, string> = new Map(CANONICAL_KEYS.map((k) => [squash(k), k]));

/**
 * The canonical key a misspelt key stands for, or undefined when `key` is canonical or unrelated.
 * `dataset` is only a typo of `datasets` in model cards.
 */
export function typoTarget(key: string, kind: CardKind): string | undefined {
  const sq = squash(key);
  const direct = CANONICAL_BY_SQUASHED.get(sq);
  if (direct !== undefined) return direct === key ? undefined : direct;
  const target = TYPO_KEYS.get(sq);
  if (target === undefined) return undefined;
  if (kind === 'dataset' && target === 'datasets') return undefined;
  return target;
}

/** Evidence for each kind from a card's top-level keys (typo variants count as their target). */
export function kindEvidence(keys: readonly string[]): { model: number; dataset: number; hf: number } {
  let model = 0;
  let dataset = 0;
  let hf = 0;
  for (const raw of keys) {
    const key = typoTarget(raw, 'model') ?? raw;
    const m = MODEL_KEYS.get(key);
    const d = DATASET_KEYS.get(key);
    if (m !== undefined) model += m;
    if (d !== undefined) dataset += d;
    if (m !== undefined || d !== undefined || SHARED_KEYS.has(key) || key.startsWith('extra_gated_')) hf++;
  }
  return { model, dataset, hf };
}

/** True when the path says "dataset" (`datasets/…`, `dataset-cards/…`, `…/datasets--owner--name/…`). */
export function pathSaysDataset(name: string): boolean {
  return /(?:^|[\\/])(?:datasets?|dataset[-_]cards?|datasets--[^\\/]+)(?:[\\/])/i.test(name);
}

/**
 * Model or dataset card, judged by keys; the path only breaks ties.
 * `strength` is 0 when no kind-specific key was seen.
 */
export function classifyCard(keys: readonly string[], name: string): { kind: CardKind; strength: number } {
  const ev = kindEvidence(keys);
  if (ev.dataset > ev.model) return { kind: 'dataset', strength: ev.dataset - ev.model };
  if (ev.model > ev.dataset) return { kind: 'model', strength: ev.model - ev.dataset };
  return { kind: pathSaysDataset(name) ? 'dataset' : 'model', strength: 0 };
}
