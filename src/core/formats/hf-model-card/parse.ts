/**
 * Hugging Face model card (`README.md` of a model repo): YAML front matter + markdown.
 *
 * Sniffing is by content (front-matter keys such as base_model, pipeline_tag, library_name,
 * model-index → model; task_categories, configs, dataset_info, ... → dataset); the path
 * (`datasets/`, `dataset-cards/`) only breaks ties. A markdown README without front matter is
 * accepted with low confidence and a `NO_FRONT_MATTER` warning.
 *
 * Output: one `model` asset (id from `id`/`model_id`/`repo_id`, else the file name; see
 * `resolveCardId`), relations child = card id: base_model → finetune_of / adapter_of /
 * quantized_from / merge_of (declared from `base_model_relation`, else inferred, see ./lineage.ts),
 * datasets → trained_on, model-index / eval_results datasets → evaluated_on.
 * Broken YAML → `error` issue with file line/column, and still an asset with id and body.
 */
import type { Asset, EvalResult, ParseResult, Relation, SourceFile } from '../../model';
import { canonicalId } from '../../catalog/ids';
import { asString, type JsonObject } from '../../util/values';
import type { FormatParser } from '../types';
import {
  declaredEvidence,
  firstParagraph,
  otherKeys,
  readCard,
  readGating,
  readIdList,
  readLicense,
  readStringList,
  resolveCardId,
} from '../hf-common/card';
import { parseEvalResultEntries, parseModelIndex } from '../hf-common/evals';
import { dedupeIssues, neverThrow } from '../hf-common/result';
import { sniffHfCard } from '../hf-common/sniff';
import { declaredBaseRelation, HF_BASE_MODEL_RELATIONS, inferBaseRelation } from './lineage';

export const HF_MODEL_CARD_FORMAT = 'hf-model-card';

/** Front-matter keys mapped to typed asset fields (the rest go to `extra.otherKeys`). */
const CONSUMED = new Set([
  'id',
  'model_id',
  'repo_id',
  'license',
  'license_name',
  'license_link',
  'base_model',
  'base_model_relation',
  'datasets',
  'pipeline_tag',
  'library_name',
  'language',
  'tags',
  'model-index',
  'eval_results',
  'new_version',
  'gated',
]);

/** Confidence that `file` is an HF model card (see `sniffHfCard`). */
export function sniffModelCard(file: SourceFile, head: string): number {
  return sniffHfCard('model', file, head);
}

/** Parses an HF model card into one model asset, its lineage relations and issues. Never throws. */
export function parseModelCard(file: SourceFile): ParseResult {
  const card = readCard(file, 'model');
  const { meta, body, issues } = card;
  const fileName = file.name || 'the card';
  const ident = resolveCardId(file, meta, 'model', issues);

  const baseModels = readIdList(meta, 'base_model', issues);
  const parents = baseModels.filter((b) => {
    if (b.toLowerCase() !== ident.id.toLowerCase()) return true;
    issues.push({
      severity: 'warning',
      code: 'SELF_REFERENCE',
      message: `base_model names the card itself (${b}); no relation made.`,
      path: 'base_model',
    });
    return false;
  });
  const datasets = readIdList(meta, 'datasets', issues);
  const tags = readStringList(meta, 'tags', issues);
  const languages = readStringList(meta, 'language', issues);
  const pipelineTag = asString(meta.pipeline_tag);
  const libraryName = asString(meta.library_name);
  const relationRaw = asString(meta.base_model_relation);
  const newVersionRaw = asString(meta.new_version);

  const evalResults: EvalResult[] = [
    ...parseModelIndex(meta['model-index'], issues),
    ...parseEvalResultEntries(meta.eval_results, issues),
  ];
  const gating = readGating(meta);
  const description = firstParagraph(body);

  const extra: JsonObject = {};
  if (gating.extra) extra.gating = gating.extra;
  if (Object.keys(card.typoKeys).length > 0) extra.typoKeys = card.typoKeys;
  const modelName = asString(meta.model_name);
  if (modelName !== undefined) extra.modelName = modelName;
  const rest = otherKeys(meta, CONSUMED);
  if (rest) extra.otherKeys = rest;
  extra.idSource = ident.source;

  const asset: Asset = {
    id: ident.id,
    kind: 'model',
    name: ident.name,
    license: readLicense(meta, issues),
    sourceFormat: HF_MODEL_CARD_FORMAT,
    url: `https://huggingface.co/${ident.id}`,
  };
  if (ident.owner !== undefined) asset.owner = ident.owner;
  if (description !== undefined) asset.description = description;
  if (body !== '') asset.body = body;
  if (pipelineTag !== undefined) asset.pipelineTag = pipelineTag;
  if (libraryName !== undefined) asset.libraryName = libraryName;
  if (baseModels.length > 0) asset.baseModels = baseModels;
  if (relationRaw !== undefined) asset.baseModelRelation = relationRaw;
  if (datasets.length > 0) asset.datasets = datasets;
  if (languages.length > 0) asset.languages = languages;
  if (tags.length > 0) asset.tags = tags;
  if (evalResults.length > 0) asset.evalResults = evalResults;
  if (gating.gated !== undefined) asset.gated = gating.gated;
  if (newVersionRaw !== undefined) asset.newVersion = canonicalId(newVersionRaw);
  if (Object.keys(extra).length > 0) asset.extra = extra;

  const relations: Relation[] = [];
  if (parents.length > 0) {
    const declared = relationRaw !== undefined ? declaredBaseRelation(relationRaw) : undefined;
    if (relationRaw !== undefined && declared === undefined) {
      issues.push({
        severity: 'warning',
        code: 'UNKNOWN_BASE_MODEL_RELATION',
        message: `base_model_relation "${relationRaw}" is not one of ${HF_BASE_MODEL_RELATIONS.join(', ')}; relation inferred instead.`,
        path: 'base_model_relation',
      });
    } else if (relationRaw !== undefined && !HF_BASE_MODEL_RELATIONS.includes(relationRaw)) {
      issues.push({
        severity: 'info',
        code: 'NONSTANDARD_BASE_MODEL_RELATION',
        message: `base_model_relation "${relationRaw}" read as ${declared ?? ''}; the Hub expects one of ${HF_BASE_MODEL_RELATIONS.join(', ')}.`,
        path: 'base_model_relation',
      });
    }
    const inferred =
      declared === undefined
        ? inferBaseRelation({
            name: ident.name,
            baseModels: parents,
            tags,
            body,
            ...(libraryName !== undefined ? { libraryName } : {}),
          })
        : undefined;
    for (const parent of parents) {
      if (declared !== undefined && relationRaw !== undefined) {
        relations.push({
          child: ident.id,
          type: declared,
          parent,
          origin: 'declared',
          evidence: declaredEvidence('base_model_relation', fileName, relationRaw),
        });
      } else if (inferred) {
        relations.push({
          child: ident.id,
          type: inferred.type,
          parent,
          origin: 'inferred',
          evidence: `base_model in ${fileName}; ${inferred.rule}`,
        });
      }
    }
  }
  for (const parent of datasets) {
    relations.push({
      child: ident.id,
      type: 'trained_on',
      parent,
      origin: 'declared',
      evidence: declaredEvidence('datasets', fileName),
    });
  }
  const evaluated = new Map<string, string>();
  for (const r of evalResults) {
    if (r.datasetId !== undefined && r.datasetId !== '' && !evaluated.has(r.datasetId.toLowerCase()))
      evaluated.set(r.datasetId.toLowerCase(), r.datasetId);
  }
  for (const parent of evaluated.values()) {
    relations.push({
      child: ident.id,
      type: 'evaluated_on',
      parent,
      origin: 'declared',
      evidence: declaredEvidence('model-index', fileName),
    });
  }

  return { format: HF_MODEL_CARD_FORMAT, assets: [asset], relations, issues: dedupeIssues(issues) };
}

/** The HF model card format (registered in ../registry.ts). */
export const hfModelCardParser: FormatParser = {
  id: HF_MODEL_CARD_FORMAT,
  label: 'Hugging Face model card',
  sniff: sniffModelCard,
  parse: neverThrow(parseModelCard, HF_MODEL_CARD_FORMAT),
};
