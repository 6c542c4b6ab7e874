/**
 * MLflow → `model` assets. Two inputs:
 *  - `MLmodel` (YAML written next to a logged model): flavors, signature, run_id, model_uuid, ...
 *  - Model Registry JSON (REST shapes): `{"registered_model": {...}}`, `{"registered_models": [...]}`,
 *    `{"model_version": {...}}`, `{"model_versions": [...]}`.
 *
 * Id rule: a registered model name (registry JSON, or `registered_model_name` / `metadata.registered_model_name` in
 * an MLmodel) → `mlflow:<name>`; else `mlflow:<model_uuid>`; else `mlflow:<run_id>/<artifact_path>` (or
 * `mlflow:<run_id>`); else `mlflow:<file path without the MLmodel file name>` with a MISSING_ID warning.
 */
import type { Asset, Issue, ParseResult, SourceFile } from '../../model';
import { safeJsonParse, safeYamlParse } from '../../util/safeParse';
import type { JsonObject } from '../../util/values';
import { asNumber, asString, asStringList, compact, isObject } from '../../util/values';
import type { FormatParser } from '../types';

const FORMAT = 'mlflow';

/** MLflow flavor name → library name (HF-style where one exists). */
const LIBRARY_BY_FLAVOR: Record<string, string> = {
  sklearn: 'scikit-learn',
  transformers: 'transformers',
  sentence_transformers: 'sentence-transformers',
  pytorch: 'pytorch',
  tensorflow: 'tensorflow',
  keras: 'keras',
  spark: 'spark-mllib',
  xgboost: 'xgboost',
  lightgbm: 'lightgbm',
  catboost: 'catboost',
  onnx: 'onnx',
  h2o: 'h2o',
  fastai: 'fastai',
  spacy: 'spacy',
  statsmodels: 'statsmodels',
  prophet: 'prophet',
  paddle: 'paddlepaddle',
  pmdarima: 'pmdarima',
  diviner: 'diviner',
  langchain: 'langchain',
  llama_index: 'llama-index',
  openai: 'openai',
  johnsnowlabs: 'johnsnowlabs',
  mleap: 'mleap',
  gluon: 'mxnet',
  crate: 'crate',
};

/** Version keys that flavors use (`sklearn_version`, `keras_version`, `pyspark_version`, ...). */
/** `?` and `#` would be cut off by canonicalId; keep them out of ids. */
function idPart(s: string): string {
  return s.replace(/[?#]+/g, '_');
}

function libraryVersions(flavors: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [flavor, conf] of Object.entries(flavors)) {
    if (!isObject(conf)) continue;
    for (const [k, v] of Object.entries(conf)) {
      if (!/_version$/.test(k) && !(k === 'version' && flavor !== 'python_function')) continue;
      const s = asString(v);
      if (s !== undefined) out[k === 'version' ? `${flavor}_version` : k] = s;
    }
  }
  return out;
}

function mainFlavor(flavors: JsonObject): string | undefined {
  const names = Object.keys(flavors);
  const specific = names.find((n) => n !== 'python_function');
  if (specific) return specific;
  const pyfunc = flavors.python_function;
  const loader = isObject(pyfunc) ? asString(pyfunc.loader_module) : undefined;
  const m = loader ? /^mlflow\.([a-z_]+)$/.exec(loader) : null;
  if (m?.[1] && m[1] !== 'pyfunc') return m[1];
  return names[0];
}

/** Summary of a signature block whose inputs/outputs are JSON strings (or already-parsed lists). */
function signatureSummary(sig: unknown, issues: Issue[]): JsonObject | undefined {
  if (!isObject(sig)) return undefined;
  const part = (key: 'inputs' | 'outputs' | 'params'): JsonObject | undefined => {
    const raw = sig[key];
    if (raw === undefined || raw === null) return undefined;
    let value: unknown = raw;
    if (typeof raw === 'string') {
      const p = safeJsonParse(raw);
      if (!p.ok) {
        issues.push({
          severity: 'warning',
          code: 'BAD_SIGNATURE',
          message: `MLmodel: signature.${key} is not valid JSON.`,
          path: `signature.${key}`,
        });
        return { raw: raw.length > 2000 ? `${raw.slice(0, 2000)}…` : raw };
      }
      value = p.value;
    }
    const cols = Array.isArray(value) ? value.filter(isObject) : [];
    return compact({
      count: cols.length,
      names: asStringList(cols.map((c) => c.name)).slice(0, 100),
      types: asStringList(cols.map((c) => c.type)),
      tensorDtypes: asStringList(
        cols.map((c) => (isObject(c['tensor-spec']) ? c['tensor-spec'].dtype : undefined)),
      ),
    });
  };
  return compact({ present: true, inputs: part('inputs'), outputs: part('outputs'), params: part('params') });
}

function fallbackId(fileName: string): string {
  const dir = fileName.replace(/\\/g, '/').replace(/\/?MLmodel$/i, '');
  const base = dir === '' ? fileName : dir;
  return `mlflow:${idPart(base.replace(/\.(?:mlmodel|ya?ml)$/i, ''))}`;
}

function cleanArtifactPath(p: string | undefined): string | undefined {
  if (!p) return undefined;
  return /^[a-z]+:\/\//i.test(p) || p.startsWith('/') ? undefined : p.replace(/^\/+|\/+$/g, '');
}

function parseMlmodel(file: SourceFile, doc: JsonObject, issues: Issue[]): ParseResult {
  const flavors = isObject(doc.flavors) ? doc.flavors : {};
  const flavorNames = Object.keys(flavors);
  if (flavorNames.length === 0)
    issues.push({
      severity: 'warning',
      code: 'NO_FLAVORS',
      message: 'MLmodel: no flavors declared.',
      path: 'flavors',
    });
  const metadata = isObject(doc.metadata) ? doc.metadata : undefined;
  const registered =
    asString(doc.registered_model_name) ?? (metadata ? asString(metadata.registered_model_name) : undefined);
  const modelUuid = asString(doc.model_uuid);
  const runId = asString(doc.run_id);
  const artifactPathRaw = asString(doc.artifact_path);
  const artifactPath = cleanArtifactPath(artifactPathRaw);
  let id: string;
  if (registered) id = `mlflow:${idPart(registered)}`;
  else if (modelUuid) id = `mlflow:${idPart(modelUuid)}`;
  else if (runId) id = `mlflow:${idPart(runId)}${artifactPath ? `/${idPart(artifactPath)}` : ''}`;
  else {
    id = fallbackId(file.name);
    issues.push({
      severity: 'warning',
      code: 'MISSING_ID',
      message: `MLmodel: no model_uuid or run_id; using "${id}" derived from the file path.`,
    });
  }
  if (runId && /^<.*>$/.test(runId)) {
    issues.push({
      severity: 'warning',
      code: 'PLACEHOLDER_VALUE',
      message: `MLmodel: run_id "${runId}" looks like a template placeholder.`,
      path: 'run_id',
    });
  }
  const created = asString(doc.utc_time_created);
  if (created && Number.isNaN(Date.parse(created.replace(' ', 'T')))) {
    issues.push({
      severity: 'warning',
      code: 'INVALID_DATE',
      message: `MLmodel: utc_time_created "${created}" is not a valid date; kept as text.`,
      path: 'utc_time_created',
    });
  }
  const main = mainFlavor(flavors);
  const pyfunc = isObject(flavors.python_function) ? flavors.python_function : undefined;
  const name = registered ?? artifactPath?.replace(/^.*\//, '') ?? (main ? `${main} model` : 'MLflow model');
  const extra: JsonObject = compact({
    flavors: flavorNames,
    mainFlavor: main,
    loaderModule: pyfunc ? asString(pyfunc.loader_module) : undefined,
    pythonVersion: pyfunc ? asString(pyfunc.python_version) : undefined,
    libraryVersions: Object.keys(libraryVersions(flavors)).length > 0 ? libraryVersions(flavors) : undefined,
    signature: signatureSummary(doc.signature, issues) ?? { present: false },
    runId,
    modelUuid,
    modelId: asString(doc.model_id),
    utcTimeCreated: created,
    modelSizeBytes: asNumber(doc.model_size_bytes),
    artifactPath: artifactPathRaw,
    mlflowVersion: asString(doc.mlflow_version),
    databricksRuntime: asString(doc.databricks_runtime),
    savedInputExampleInfo: isObject(doc.saved_input_example_info) ? doc.saved_input_example_info : undefined,
    metadata,
    registeredModelName: registered,
  });
  const asset: Asset = compact({
    id,
    kind: 'model' as const,
    name,
    license: { raw: undefined },
    libraryName: main
      ? (LIBRARY_BY_FLAVOR[main] ?? (main === 'python_function' ? undefined : main))
      : undefined,
    sourceFormat: FORMAT,
    extra,
  });
  return { format: FORMAT, assets: [asset], relations: [], issues };
}

function registryTags(v: unknown): JsonObject | undefined {
  const out: JsonObject = {};
  if (Array.isArray(v)) {
    for (const t of v) if (isObject(t) && asString(t.key)) out[asString(t.key) ?? ''] = t.value;
  } else if (isObject(v)) Object.assign(out, v);
  return Object.keys(out).length > 0 ? out : undefined;
}

function versionSummary(v: JsonObject): JsonObject {
  return compact({
    version: asString(v.version),
    source: asString(v.source),
    runId: asString(v.run_id),
    status: asString(v.status),
    currentStage: asString(v.current_stage),
    creationTimestamp: asNumber(v.creation_timestamp),
  });
}

function parseRegistry(doc: JsonObject, issues: Issue[]): ParseResult {
  const models: JsonObject[] = [];
  const versions: JsonObject[] = [];
  const push = (target: JsonObject[], v: unknown): void => {
    for (const x of Array.isArray(v) ? v : [v]) if (isObject(x)) target.push(x);
  };
  push(models, doc.registered_model);
  push(models, doc.registered_models);
  push(versions, doc.model_version);
  push(versions, doc.model_versions);
  if (models.length === 0 && versions.length === 0 && asString(doc.name)) {
    if (doc.latest_versions !== undefined) models.push(doc);
    else if (doc.version !== undefined) versions.push(doc);
  }
  const assets = new Map<string, Asset>();
  for (const m of models) {
    const name = asString(m.name);
    if (!name) continue;
    const latest = Array.isArray(m.latest_versions) ? m.latest_versions.filter(isObject) : [];
    const lastVersion = latest
      .map((v) => asString(v.version))
      .filter((v): v is string => v !== undefined)
      .pop();
    assets.set(
      name.toLowerCase(),
      compact({
        id: `mlflow:${idPart(name)}`,
        kind: 'model' as const,
        name,
        license: { raw: undefined },
        description: asString(m.description),
        version: lastVersion,
        sourceFormat: FORMAT,
        extra: compact({
          registeredModelName: name,
          creationTimestamp: asNumber(m.creation_timestamp),
          lastUpdatedTimestamp: asNumber(m.last_updated_timestamp),
          latestVersions: latest.map(versionSummary),
          tags: registryTags(m.tags),
          aliases: m.aliases,
        }),
      }),
    );
  }
  for (const v of versions) {
    const name = asString(v.name);
    if (!name) continue;
    const existing = assets.get(name.toLowerCase());
    const summary = versionSummary(v);
    if (existing) {
      const extra = existing.extra ?? {};
      const list: unknown[] = Array.isArray(extra.versions) ? (extra.versions as unknown[]) : [];
      existing.extra = { ...extra, versions: [...list, summary] };
      continue;
    }
    assets.set(
      name.toLowerCase(),
      compact({
        id: `mlflow:${idPart(name)}`,
        kind: 'model' as const,
        name,
        license: { raw: undefined },
        description: asString(v.description),
        version: asString(v.version),
        creators: asStringList(v.user_id),
        sourceFormat: FORMAT,
        extra: compact({
          registeredModelName: name,
          versions: [summary],
          tags: registryTags(v.tags),
          aliases: v.aliases,
        }),
      }),
    );
  }
  if (assets.size === 0) {
    issues.push({
      severity: 'warning',
      code: 'UNKNOWN_SHAPE',
      message: 'MLflow registry JSON without a named registered model or model version.',
    });
  }
  return { format: FORMAT, assets: [...assets.values()], relations: [], issues };
}

/**
 * Parses an MLflow `MLmodel` YAML file or MLflow Model Registry JSON. Never throws.
 */
export function parseMlflow(file: SourceFile): ParseResult {
  const text = file.text.replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('{')) {
    const parsed = safeJsonParse(text);
    if (!parsed.ok) return { format: FORMAT, assets: [], relations: [], issues: parsed.issues };
    if (!isObject(parsed.value)) {
      return {
        format: FORMAT,
        assets: [],
        relations: [],
        issues: [
          ...parsed.issues,
          { severity: 'warning', code: 'UNKNOWN_SHAPE', message: 'MLflow registry JSON is not an object.' },
        ],
      };
    }
    return parseRegistry(parsed.value, [...parsed.issues]);
  }
  const parsed = safeYamlParse(text);
  if (!parsed.ok) return { format: FORMAT, assets: [], relations: [], issues: parsed.issues };
  if (!isObject(parsed.value)) {
    return {
      format: FORMAT,
      assets: [],
      relations: [],
      issues: [
        ...parsed.issues,
        {
          severity: 'warning',
          code: 'UNKNOWN_SHAPE',
          message: 'MLmodel: the YAML is not a mapping; nothing imported.',
        },
      ],
    };
  }
  return parseMlmodel(file, parsed.value, [...parsed.issues]);
}

function sniffMlflow(file: SourceFile, head: string): number {
  if (head.startsWith('{')) {
    if (/^\{\s*"(?:registered_models?|model_versions?)"\s*:/.test(head)) return 0.9;
    return 0;
  }
  if (head.startsWith('---') || head.startsWith('<') || head.startsWith('[')) return 0;
  const hasFlavors = /^flavors:/m.test(head);
  const hasKey = /^(?:run_id|model_uuid|utc_time_created|artifact_path):/m.test(head);
  if (hasFlavors && hasKey) return 0.95;
  if (hasFlavors && /(?:^|\/)MLmodel$/.test(file.name)) return 0.8;
  return 0;
}

/** MLflow MLmodel / registry reader (`mlflow`). */
export const mlflowParser: FormatParser = {
  id: FORMAT,
  label: 'MLflow model',
  sniff: sniffMlflow,
  parse: parseMlflow,
};
