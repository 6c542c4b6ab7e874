/**
 * Completeness scorecards: which recommended (and, for Croissant, required) fields of the relevant
 * metadata standard an asset carries, and which are missing. Pure; measured on the merged record, so a
 * field supplied by any source counts.
 *
 * Field lists follow docs/formats-and-anchors.md: HF model card (hub-docs modelcard.md and its template
 * sections), HF dataset card (datasetcard.md), Croissant 1.x (required + recommended dataset properties),
 * CycloneDX ML-BOM (component + modelCard / data).
 */
import type { Asset } from '../model';
import { isObject } from '../util/values';

export type CompletenessStandard = 'hf-model-card' | 'hf-dataset-card' | 'croissant' | 'ml-bom';

export const STANDARD_LABELS: Record<CompletenessStandard, string> = {
  'hf-model-card': 'Hugging Face model card',
  'hf-dataset-card': 'Hugging Face dataset card',
  croissant: 'Croissant',
  'ml-bom': 'CycloneDX ML-BOM',
};

export type FieldCheck = {
  /** Field name in the standard's own vocabulary (`pipeline_tag`, `datePublished`, ...). */
  field: string;
  /** True when the standard requires it (Croissant); otherwise recommended. */
  required: boolean;
  present: boolean;
};

export type StandardScore = {
  standard: CompletenessStandard;
  label: string;
  checks: FieldCheck[];
  present: number;
  total: number;
  /** present / total, 0..1. */
  score: number;
};

export type CompletenessReport = {
  standards: StandardScore[];
  /** Mean of the standards' scores, 0..1 (0 when no standard applies). */
  score: number;
};

/** What completeness looks at: an asset (without body) plus the formats that contributed to it. */
export type CompletenessInput = Omit<Asset, 'body'> & { contributions?: readonly { format: string }[] };

/** `headings`: the card's markdown headings (their text), read once per asset (see `headingsOf`). */
type Check = {
  field: string;
  required?: boolean;
  test: (a: CompletenessInput, headings: readonly string[]) => boolean;
};

function has(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.keys(v).length > 0;
  return true;
}

function extra(a: CompletenessInput, key: string): unknown {
  return a.extra?.[key];
}

function licensed(a: CompletenessInput): boolean {
  return has(a.license.raw) || has(a.license.normalized);
}

/** The text of every markdown heading (any level) in a card body, in order. */
function headingsOf(body: string): string[] {
  const out: string[] = [];
  // Line by line, looking closer only at lines that start with '#' (a regex over the whole body costs
  // more, and the catalog scores every asset when it builds its rows).
  for (let start = 0; start < body.length;) {
    const nl = body.indexOf('\n', start);
    const end = nl < 0 ? body.length : nl;
    if (body.charCodeAt(start) === HASH) {
      const m = HEADING.exec(body.slice(start, end));
      if (m) out.push(m[1] ?? '');
    }
    start = end + 1;
  }
  return out;
}

const HASH = 35; // '#'
const HEADING = /^#{1,6}[ \t]+([^\r]*)/u;

/** A markdown heading (any level) whose text matches. */
function section(pattern: RegExp): (a: CompletenessInput, headings: readonly string[]) => boolean {
  return (_a, headings) => headings.some((h) => pattern.test(h));
}

function modelParam(a: CompletenessInput, key: string): boolean {
  const mp = extra(a, 'modelParameters');
  return isObject(mp) && has(mp[key]);
}

const HF_MODEL: Check[] = [
  { field: 'license', test: licensed },
  { field: 'language', test: (a) => has(a.languages) },
  { field: 'library_name', test: (a) => has(a.libraryName) },
  { field: 'pipeline_tag', test: (a) => has(a.pipelineTag) },
  { field: 'tags', test: (a) => has(a.tags) },
  { field: 'datasets', test: (a) => has(a.datasets) },
  { field: 'model-index (evaluation results)', test: (a) => has(a.evalResults) },
  { field: 'description', test: (a) => has(a.description) },
  { field: 'section: Uses', test: section(/\buses?\b|intended use/i) },
  { field: 'section: Bias, Risks, and Limitations', test: section(/bias|risk|limitation/i) },
  { field: 'section: Training Details', test: section(/training/i) },
  { field: 'section: Evaluation', test: section(/evaluation|results/i) },
  { field: 'section: Citation', test: section(/citation|cite/i) },
];

const HF_DATASET: Check[] = [
  { field: 'license', test: licensed },
  { field: 'language', test: (a) => has(a.languages) },
  { field: 'pretty_name', test: (a) => has(extra(a, 'prettyName')) },
  { field: 'task_categories', test: (a) => has(a.taskCategories) },
  { field: 'size_categories', test: (a) => has(a.sizeCategories) },
  { field: 'tags', test: (a) => has(a.tags) },
  { field: 'annotations_creators', test: (a) => has(extra(a, 'annotationsCreators')) },
  { field: 'language_creators', test: (a) => has(extra(a, 'languageCreators')) },
  { field: 'multilinguality', test: (a) => has(extra(a, 'multilinguality')) },
  { field: 'source_datasets', test: (a) => has(a.sourceDatasets) },
  { field: 'section: Dataset Structure', test: section(/structure/i) },
  { field: 'section: Dataset Creation', test: section(/creation|collection/i) },
  { field: 'section: Bias, Risks, and Limitations', test: section(/bias|risk|limitation/i) },
  { field: 'section: Citation', test: section(/citation|cite/i) },
];

const CROISSANT: Check[] = [
  { field: 'name', required: true, test: (a) => has(a.name) },
  { field: 'description', required: true, test: (a) => has(a.description) },
  { field: 'license', required: true, test: licensed },
  { field: 'url', required: true, test: (a) => has(a.url) },
  { field: 'creator', required: true, test: (a) => has(a.creators) },
  { field: 'datePublished', required: true, test: (a) => has(extra(a, 'datePublished')) },
  { field: 'distribution', required: true, test: (a) => has(a.distribution) || has(extra(a, 'fileSets')) },
  { field: 'recordSet', test: (a) => has(extra(a, 'recordSets')) },
  { field: 'keywords', test: (a) => has(a.tags) },
  { field: 'publisher', test: (a) => has(extra(a, 'publisher')) },
  { field: 'version', test: (a) => has(a.version) },
  { field: 'dateCreated', test: (a) => has(extra(a, 'dateCreated')) },
  { field: 'dateModified', test: (a) => has(extra(a, 'dateModified')) },
  { field: 'sameAs', test: (a) => has(extra(a, 'sameAs')) },
  { field: 'sdLicense', test: (a) => has(extra(a, 'sdLicense')) },
  { field: 'inLanguage', test: (a) => has(a.languages) },
  { field: 'citeAs', test: (a) => has(a.citation) },
  { field: 'rai:* (Responsible AI)', test: (a) => has(extra(a, 'rai')) },
];

const hashed = (a: CompletenessInput): boolean =>
  has(extra(a, 'hashes')) || (a.distribution ?? []).some((d) => has(d.sha256) || has(d.md5));
const supplied = (a: CompletenessInput): boolean =>
  has(extra(a, 'supplier')) || has(extra(a, 'manufacturer')) || has(extra(a, 'publisher')) || has(a.creators);

const MLBOM_MODEL: Check[] = [
  { field: 'name', test: (a) => has(a.name) },
  { field: 'version', test: (a) => has(a.version) },
  { field: 'description', test: (a) => has(a.description) },
  { field: 'licenses', test: licensed },
  { field: 'hashes', test: hashed },
  { field: 'supplier / authors', test: supplied },
  { field: 'externalReferences', test: (a) => has(extra(a, 'externalReferences')) || has(a.url) },
  { field: 'modelCard.modelParameters.task', test: (a) => modelParam(a, 'task') || has(a.pipelineTag) },
  { field: 'modelCard.modelParameters.approach', test: (a) => modelParam(a, 'approach') },
  { field: 'modelCard.modelParameters.architectureFamily', test: (a) => modelParam(a, 'architectureFamily') },
  { field: 'modelCard.modelParameters.modelArchitecture', test: (a) => modelParam(a, 'modelArchitecture') },
  { field: 'modelCard.modelParameters.datasets', test: (a) => has(a.datasets) },
  {
    field: 'modelCard.modelParameters.inputs/outputs',
    test: (a) => modelParam(a, 'inputs') || modelParam(a, 'outputs'),
  },
  { field: 'modelCard.quantitativeAnalysis', test: (a) => has(a.evalResults) },
  { field: 'modelCard.considerations', test: (a) => has(extra(a, 'considerations')) },
];

const MLBOM_DATA: Check[] = [
  { field: 'name', test: (a) => has(a.name) },
  { field: 'version', test: (a) => has(a.version) },
  { field: 'description', test: (a) => has(a.description) },
  { field: 'licenses', test: licensed },
  { field: 'hashes', test: hashed },
  { field: 'supplier / authors', test: supplied },
  { field: 'externalReferences', test: (a) => has(extra(a, 'externalReferences')) || has(a.url) },
  { field: 'data (contents, classification, governance)', test: (a) => has(extra(a, 'data')) },
];

const FORMAT_STANDARD: Record<string, CompletenessStandard> = {
  'hf-model-card': 'hf-model-card',
  'hf-dataset-card': 'hf-dataset-card',
  croissant: 'croissant',
  cyclonedx: 'ml-bom',
};

/**
 * The standards an asset is measured against: those of the formats that described it; when none of
 * them is one of the four, the natural one for its kind (model → HF model card, dataset → Croissant,
 * anything else → ML-BOM).
 */
export function relevantStandards(a: CompletenessInput): CompletenessStandard[] {
  const out: CompletenessStandard[] = [];
  for (const c of a.contributions ?? []) {
    const s = FORMAT_STANDARD[c.format];
    if (s && !out.includes(s)) out.push(s);
  }
  const own = a.sourceFormat ? FORMAT_STANDARD[a.sourceFormat] : undefined;
  if (own && !out.includes(own)) out.push(own);
  if (out.length > 0) return out;
  if (a.kind === 'model') return ['hf-model-card'];
  if (a.kind === 'dataset') return ['croissant'];
  return ['ml-bom'];
}

function checksFor(standard: CompletenessStandard, a: CompletenessInput): Check[] {
  switch (standard) {
    case 'hf-model-card':
      return HF_MODEL;
    case 'hf-dataset-card':
      return HF_DATASET;
    case 'croissant':
      return CROISSANT;
    case 'ml-bom':
      return a.kind === 'model' ? MLBOM_MODEL : MLBOM_DATA;
  }
}

/** Scores one asset against one standard. `body` is the card's markdown (for HF section checks). */
export function scoreStandard(
  standard: CompletenessStandard,
  a: CompletenessInput,
  body = '',
): StandardScore {
  return scoreWith(standard, a, headingsOf(body));
}

function scoreWith(
  standard: CompletenessStandard,
  a: CompletenessInput,
  headings: readonly string[],
): StandardScore {
  const checks = checksFor(standard, a).map((c) => ({
    field: c.field,
    required: c.required === true,
    present: c.test(a, headings),
  }));
  const present = checks.filter((c) => c.present).length;
  return {
    standard,
    label: STANDARD_LABELS[standard],
    checks,
    present,
    total: checks.length,
    score: checks.length === 0 ? 0 : present / checks.length,
  };
}

/** Completeness of an asset against every relevant standard (see {@link relevantStandards}). */
export function completeness(
  a: CompletenessInput,
  opts: { body?: string; standards?: readonly CompletenessStandard[] } = {},
): CompletenessReport {
  const headings = headingsOf(opts.body ?? '');
  const standards = (opts.standards ?? relevantStandards(a)).map((s) => scoreWith(s, a, headings));
  const score = standards.length === 0 ? 0 : standards.reduce((s, x) => s + x.score, 0) / standards.length;
  return { standards, score };
}

/** Missing fields of a scorecard, required ones first. */
export function missingFields(s: StandardScore): FieldCheck[] {
  const missing = s.checks.filter((c) => !c.present);
  return [...missing.filter((c) => c.required), ...missing.filter((c) => !c.required)];
}

/** Completeness as the asset page shows it: a whole percentage, 0..100. */
export function completenessPercent(report: CompletenessReport): number {
  return Math.round(report.score * 100);
}
