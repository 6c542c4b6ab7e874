/**
 * Hugging Face dataset card (`README.md` of a dataset repo): YAML front matter + markdown.
 *
 * Sniffed by content (task_categories, task_ids, size_categories, configs, dataset_info,
 * pretty_name, source_datasets, annotations_creators, multilinguality, ... → dataset); the path
 * (`datasets/`, `dataset-cards/`) only breaks ties with the model-card parser.
 *
 * Output: one `dataset` asset; `source_datasets` → derived_from relations (declared). The values
 * `original`, `extended`, `curated` are provenance words, not ids; `extended|xyz` → xyz;
 * `other-…` values name non-Hub sources and give no relation. `Asset.sourceDatasets` keeps the raw
 * values as written. `configs` / `dataset_info` (dict or list) are summarised into
 * `extra.configs` (config names, splits, num_examples). Name = repository name; `pretty_name` goes
 * to `extra.prettyName` and is the description when the body has no first paragraph.
 */
import type { Asset, Issue, ParseResult, Relation, SourceFile } from '../../model';
import { canonicalId } from '../../catalog/ids';
import { asNumber, asString, asStringList, isObject, type JsonObject } from '../../util/values';
import type { FormatParser } from '../types';
import {
  firstParagraph,
  otherKeys,
  readCard,
  readGating,
  readLicense,
  readStringList,
  resolveCardId,
} from '../hf-common/card';
import { dedupeIssues, neverThrow } from '../hf-common/result';
import { sniffHfCard } from '../hf-common/sniff';

export const HF_DATASET_CARD_FORMAT = 'hf-dataset-card';

const CONSUMED = new Set([
  'id',
  'dataset_id',
  'repo_id',
  'license',
  'license_name',
  'license_link',
  'language',
  'tags',
  'task_categories',
  'task_ids',
  'size_categories',
  'source_datasets',
  'pretty_name',
  'configs',
  'dataset_info',
  'gated',
  'annotations_creators',
  'language_creators',
  'multilinguality',
  'paperswithcode_id',
]);

/** `source_datasets` values that describe provenance instead of naming a dataset. */
const PROVENANCE_WORDS = new Set([
  'original',
  'extended',
  'curated',
  'other',
  'unknown',
  'none',
  'n/a',
  'na',
  'null',
]);

/**
 * The dataset id a `source_datasets` value refers to, or undefined for provenance words
 * (`original`, `extended`), `other-…` (non-Hub sources) and free text.
 */
export function sourceDatasetId(value: string): string | undefined {
  let v = value.trim();
  const ext = /^extended\s*\|\s*(.*)$/i.exec(v);
  if (ext) v = (ext[1] ?? '').trim();
  if (v === '' || PROVENANCE_WORDS.has(v.toLowerCase())) return undefined;
  if (/^other(?:[-_]|$)/i.test(v)) return undefined;
  if (/\s/.test(v) && !/^https?:\/\//i.test(v)) return undefined;
  const id = canonicalId(v);
  return id === '' ? undefined : id;
}

/** One config of a dataset, merged from `configs` and `dataset_info`. */
export type ConfigSummary = {
  name: string;
  default?: boolean;
  splits?: { name: string; numExamples?: number; numBytes?: number }[];
  downloadSize?: number;
  datasetSize?: number;
};

function configList(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  if (!isObject(value)) return [];
  if ('config_name' in value || 'splits' in value || 'features' in value || 'data_files' in value)
    return [value];
  // Legacy shape keyed by config name.
  return Object.entries(value)
    .filter((e): e is [string, JsonObject] => isObject(e[1]))
    .map(([k, v]) => ({ config_name: k, ...v }));
}

/** Summary of `configs` and `dataset_info`: config names, splits and sizes. */
export function summarizeConfigs(configs: unknown, datasetInfo: unknown): ConfigSummary[] {
  const byName = new Map<string, ConfigSummary>();
  const get = (name: string): ConfigSummary => {
    let c = byName.get(name);
    if (!c) {
      c = { name };
      byName.set(name, c);
    }
    return c;
  };
  for (const c of configList(configs)) {
    const s = get(asString(c.config_name) ?? 'default');
    if (c.default === true) s.default = true;
    const files = c.data_files;
    if (Array.isArray(files)) {
      const names = files
        .filter(isObject)
        .map((f) => asString(f.split))
        .filter((x): x is string => x !== undefined);
      if (names.length > 0 && !s.splits) s.splits = names.map((name) => ({ name }));
    }
  }
  for (const info of configList(datasetInfo)) {
    const s = get(asString(info.config_name) ?? 'default');
    const splits = Array.isArray(info.splits) ? info.splits.filter(isObject) : [];
    if (splits.length > 0) {
      s.splits = splits
        .map((sp) => {
          const name = asString(sp.name);
          if (name === undefined) return undefined;
          const out: { name: string; numExamples?: number; numBytes?: number } = { name };
          const n = asNumber(sp.num_examples);
          const b = asNumber(sp.num_bytes);
          if (n !== undefined) out.numExamples = n;
          if (b !== undefined) out.numBytes = b;
          return out;
        })
        .filter((x): x is { name: string; numExamples?: number; numBytes?: number } => x !== undefined);
    }
    const dl = asNumber(info.download_size);
    const ds = asNumber(info.dataset_size);
    if (dl !== undefined) s.downloadSize = dl;
    if (ds !== undefined) s.datasetSize = ds;
  }
  return [...byName.values()];
}

function sizeCategories(value: unknown, issues: Issue[]): string[] {
  if (isObject(value)) {
    // Per-config map (e.g. BEIR cards): flatten the values.
    return asStringList(
      Object.values(value).flatMap((v): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v])),
    );
  }
  return readStringList({ size_categories: value }, 'size_categories', issues);
}

/** Confidence that `file` is an HF dataset card (see `sniffHfCard`). */
export function sniffDatasetCard(file: SourceFile, head: string): number {
  return sniffHfCard('dataset', file, head);
}

/** Parses an HF dataset card into one dataset asset, derived_from relations and issues. Never throws. */
export function parseDatasetCard(file: SourceFile): ParseResult {
  const card = readCard(file, 'dataset');
  const { meta, body, issues } = card;
  const fileName = file.name || 'the card';
  const ident = resolveCardId(file, meta, 'dataset', issues);

  const sourceDatasets = readStringList(meta, 'source_datasets', issues);
  const prettyName = asString(meta.pretty_name);
  const languages = readStringList(meta, 'language', issues);
  const tags = readStringList(meta, 'tags', issues);
  const taskCategories = readStringList(meta, 'task_categories', issues);
  const taskIds = readStringList(meta, 'task_ids', issues);
  const sizes = sizeCategories(meta.size_categories, issues);
  const configs = summarizeConfigs(meta.configs, meta.dataset_info);
  const gating = readGating(meta);
  const description = firstParagraph(body) ?? prettyName;

  const extra: JsonObject = { idSource: ident.source };
  if (prettyName !== undefined) extra.prettyName = prettyName;
  if (configs.length > 0) extra.configs = configs;
  for (const [key, camel] of [
    ['annotations_creators', 'annotationsCreators'],
    ['language_creators', 'languageCreators'],
    ['multilinguality', 'multilinguality'],
  ] as const) {
    const list = asStringList(meta[key]);
    if (list.length > 0) extra[camel] = list;
  }
  const pwc = asString(meta.paperswithcode_id);
  if (pwc !== undefined) extra.paperswithcodeId = pwc;
  if (gating.extra) extra.gating = gating.extra;
  if (Object.keys(card.typoKeys).length > 0) extra.typoKeys = card.typoKeys;
  const rest = otherKeys(meta, CONSUMED);
  if (rest) extra.otherKeys = rest;

  const asset: Asset = {
    id: ident.id,
    kind: 'dataset',
    name: ident.name,
    license: readLicense(meta, issues),
    sourceFormat: HF_DATASET_CARD_FORMAT,
    url: `https://huggingface.co/datasets/${ident.id}`,
    extra,
  };
  if (ident.owner !== undefined) asset.owner = ident.owner;
  if (description !== undefined) asset.description = description;
  if (body !== '') asset.body = body;
  if (languages.length > 0) asset.languages = languages;
  if (tags.length > 0) asset.tags = tags;
  if (taskCategories.length > 0) asset.taskCategories = taskCategories;
  if (taskIds.length > 0) asset.taskIds = taskIds;
  if (sizes.length > 0) asset.sizeCategories = sizes;
  if (sourceDatasets.length > 0) asset.sourceDatasets = sourceDatasets;
  if (gating.gated !== undefined) asset.gated = gating.gated;

  const relations: Relation[] = [];
  const seen = new Set<string>();
  for (const raw of sourceDatasets) {
    const parent = sourceDatasetId(raw);
    if (parent === undefined) continue;
    const key = parent.toLowerCase();
    if (key === ident.id.toLowerCase() || seen.has(key)) continue;
    seen.add(key);
    relations.push({
      child: ident.id,
      type: 'derived_from',
      parent,
      origin: 'declared',
      evidence: `source_datasets: ${raw} in ${fileName}`,
    });
  }

  return { format: HF_DATASET_CARD_FORMAT, assets: [asset], relations, issues: dedupeIssues(issues) };
}

/** The HF dataset card format (registered in ../registry.ts). */
export const hfDatasetCardParser: FormatParser = {
  id: HF_DATASET_CARD_FORMAT,
  label: 'Hugging Face dataset card',
  sniff: sniffDatasetCard,
  parse: neverThrow(parseDatasetCard, HF_DATASET_CARD_FORMAT),
};
