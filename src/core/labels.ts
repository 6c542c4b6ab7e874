/**
 * Human labels: the one home for the words a person reads in place of stored ids (licence sentinels,
 * licence-check verdicts, source formats, licence families, facet values). Pure. Stored
 * values and exports keep the ids; the UI shows the label and puts the id in a tooltip.
 */

/** Licence expressions that are sentinels rather than licences. */
const LICENSE_LABELS: Readonly<Record<string, string>> = {
  NONE: 'No license declared',
  NOASSERTION: 'Not asserted',
  'LicenseRef-other-unresolved': 'Other (terms not resolved)',
  // The catalog's licence facet value for an asset with no licence record at all (e.g. a placeholder).
  none: 'No license recorded',
};

/** The label of a licence expression: words for the sentinels, the SPDX expression itself otherwise. */
export function licenseLabel(expression: string | undefined): string {
  const e = (expression ?? '').trim();
  if (e === '') return LICENSE_LABELS.none ?? e;
  return LICENSE_LABELS[e] ?? e;
}

/** Licence-check verdicts, as the catalog, the Licenses page and the asset page name them. */
export const VERDICT_LABELS: Readonly<Record<string, string>> = {
  ok: 'OK',
  warning: 'Warning',
  review: 'Needs review',
  conflict: 'Conflict',
};

export function verdictLabel(verdict: string): string {
  return VERDICT_LABELS[verdict] ?? verdict;
}

// Relation types have their labels in core/lineage/labels (`relationLabel`: "fine-tune of", child → parent).

/** Source formats by parser id. */
const FORMAT_LABELS: Readonly<Record<string, string>> = {
  'hf-model-card': 'Hugging Face model card',
  'hf-dataset-card': 'Hugging Face dataset card',
  croissant: 'Croissant',
  cyclonedx: 'CycloneDX ML-BOM',
  spdx3: 'SPDX 3',
  openml: 'OpenML',
  mlflow: 'MLflow MLmodel',
  'tarn-catalog': 'Tarn export',
};

export function formatLabel(format: string): string {
  return FORMAT_LABELS[format] ?? format;
}

/** The formats Tarn reads, for people (the empty catalog lists them). */
export const SUPPORTED_FORMAT_LABELS: readonly string[] = Object.values(FORMAT_LABELS);

/** Licence families (core/licenses/family). */
const FAMILY_LABELS: Readonly<Record<string, string>> = {
  permissive: 'Permissive',
  copyleft: 'Copyleft',
  'non-commercial': 'Non-commercial',
  'responsible-ai': 'Responsible AI (use restrictions)',
  custom: 'Custom terms',
  unknown: 'Unknown',
};

export function familyLabel(family: string): string {
  return FAMILY_LABELS[family] ?? family;
}

/** A completeness bucket ('40-59') as a range of percentages. */
function completenessLabel(bucket: string): string {
  const m = /^(\d+)-(\d+)$/u.exec(bucket);
  return m ? `${m[1]}–${m[2]}%` : bucket;
}

/** A lineage depth value ('0' … '4', '5+') in generations of parents. */
function depthLabel(depth: string): string {
  if (depth === '0') return 'No parents';
  if (depth === '1') return '1 generation';
  if (depth.endsWith('+')) return `${depth.slice(0, -1)} or more generations`;
  return `${depth} generations`;
}

/** Facet values whose stored id is not what a person reads, by facet id; other facets show the value. */
const FACET_VALUE_LABELS: Readonly<Record<string, (value: string) => string>> = {
  license: licenseLabel,
  family: familyLabel,
  check: verdictLabel,
  format: formatLabel,
  complete: completenessLabel,
  depth: depthLabel,
};

/** The label of a facet value (the URL and the query keep the value). */
export function facetValueLabel(facet: string, value: string): string {
  const label = FACET_VALUE_LABELS[facet];
  return label ? label(value) : value;
}
