/**
 * The catalog's domain model. Pure types shared by every layer (core, db, workers, features).
 * Keep this file React-, Dexie- and DOM-free.
 */

/** Kinds of asset a catalog holds. `unknown` is used for placeholders whose kind cannot be told. */
export type AssetKind = 'model' | 'dataset' | 'code' | 'software' | 'service' | 'unknown';

/** A license as read from a source, plus the canonical SPDX-style expression when one is known. */
export type LicenseInfo = {
  /** Exactly what the source said (string, list, object, URL ...); `undefined` when absent. */
  raw: unknown;
  /** Canonical SPDX-style expression (e.g. `Apache-2.0`, `LicenseRef-Llama-3.1-Community`). */
  normalized?: string;
  /** HF `license_name` / free-text name, when given. */
  name?: string;
  /** HF `license_link` / license URL, when given. */
  link?: string;
};

/** One evaluation result (HF `model-index`, `.eval_results`, OpenML, CycloneDX quantitativeAnalysis). */
export type EvalResult = {
  task?: string;
  dataset?: string;
  datasetId?: string;
  split?: string;
  metric: string;
  value: number | string;
  source?: string;
};

/** A file / distribution entry (Croissant FileObject, CycloneDX hashes, ...). */
export type DistributionFile = {
  name?: string;
  url?: string;
  encodingFormat?: string;
  sha256?: string;
  md5?: string;
  contentSize?: string;
};

/**
 * An asset as produced by a parser. Common fields are typed; format-specific extras live in `extra`
 * (plain JSON values only, so it survives structured clone, IndexedDB and export).
 */
export type Asset = {
  /** Canonical id: HF-style `owner/name` where one exists, otherwise a format-specific stable id. */
  id: string;
  kind: AssetKind;
  name: string;
  owner?: string;
  license: LicenseInfo;
  description?: string;
  /** Markdown body of a card (after the front matter). */
  body?: string;
  pipelineTag?: string;
  libraryName?: string;
  baseModels?: string[];
  /** HF `base_model_relation` as declared (adapter | merge | quantized | finetune). */
  baseModelRelation?: string;
  datasets?: string[];
  languages?: string[];
  tags?: string[];
  taskCategories?: string[];
  taskIds?: string[];
  sizeCategories?: string[];
  sourceDatasets?: string[];
  version?: string;
  url?: string;
  creators?: string[];
  citation?: string;
  evalResults?: EvalResult[];
  distribution?: DistributionFile[];
  gated?: boolean;
  newVersion?: string;
  /** True for an asset known only because something references it. */
  placeholder?: boolean;
  /** The format that produced it (e.g. `hf-model-card`). */
  sourceFormat?: string;
  /** Format-specific extras: plain JSON only. */
  extra?: Record<string, unknown>;
};

/** Relation types (child --type--> parent). Mirrors license-kb.json `relations`, extended as formats need. */
export type RelationType =
  | 'finetune_of'
  | 'adapter_of'
  | 'quantized_from'
  | 'merge_of'
  | 'distilled_from'
  | 'trained_on'
  | 'evaluated_on'
  | 'derived_from'
  | 'generated_by'
  | 'uses_code'
  | 'depends_on'
  | 'variant_of';

export type RelationOrigin = 'declared' | 'inferred';

export type Relation = {
  child: string;
  type: RelationType | (string & {});
  parent: string;
  origin: RelationOrigin;
  /** Which field said so (declared) or which rule inferred it (inferred), human readable. */
  evidence?: string;
};

export type IssueSeverity = 'error' | 'warning' | 'info';

/** A problem found while reading a file. Parsers return these instead of throwing. */
export type Issue = {
  severity: IssueSeverity;
  /** Stable machine code, e.g. `YAML_SYNTAX`, `UNKNOWN_FORMAT`, `TYPO_KEY`. */
  code: string;
  message: string;
  line?: number;
  column?: number;
  /** Dotted path of the field concerned, when there is one. */
  path?: string;
};

export type ParseResult = {
  /** Detected format id (e.g. `hf-model-card`, `croissant`, `unknown`). */
  format: string;
  assets: Asset[];
  relations: Relation[];
  issues: Issue[];
};

export type SourceFile = {
  /** File name, may include a relative folder path (`owner__name/README.md`, `zip/inner/path.json`). */
  name: string;
  text: string;
};

/** Case-insensitive key used to store and join assets. */
export function assetKey(id: string): string {
  return id.trim().toLowerCase();
}
