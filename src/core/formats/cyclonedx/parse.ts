/**
 * CycloneDX ML-BOM (JSON, spec 1.5–1.7) → model / dataset assets and lineage relations.
 *
 * Assets: every component of type `machine-learning-model` (kind `model`) or `data` (kind `dataset`), the
 * `metadata.component` whatever its type, and other components only when an ML/data component depends on them
 * (kind `software`). Nested `components` are walked.
 *
 * Id rule (first that applies):
 *  1. `purl` `pkg:huggingface/<owner>/<name>@<rev>` → `owner/name`.
 *  2. an external reference (or, for data components, `data[].contents.url`) that is a Hugging Face URL → `owner/name`.
 *  3. `group/name` when a group is given, else `name` (canonicalId), else the `bom-ref`.
 * `bom-ref`s are mapped to these ids for `dependencies`, `modelParameters.datasets[].ref` and `pedigree`.
 */
import type {
  Asset,
  AssetKind,
  DistributionFile,
  EvalResult,
  Issue,
  LicenseInfo,
  ParseResult,
  Relation,
  SourceFile,
} from '../../model';
import { canonicalId } from '../../catalog/ids';
import { safeJsonParse } from '../../util/safeParse';
import type { JsonObject } from '../../util/values';
import { asNumber, asString, asStringList, compact, isObject } from '../../util/values';
import type { FormatParser } from '../types';

const FORMAT = 'cyclonedx';
const HF_URL =
  /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/(?:datasets\/|spaces\/)?[^/\s?#]+\/[^/\s?#]+/i;
const MAX_STRING = 4000;

type Component = {
  raw: JsonObject;
  ref?: string;
  id: string;
  kind: AssetKind;
  type: string;
  path: string;
  isMetadata: boolean;
};

/** `?` and `#` would be cut off by canonicalId; keep them out of name-based ids. */
function idPart(s: string): string {
  return s.replace(/[?#]+/g, '_');
}

function listOf(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function objects(v: unknown): JsonObject[] {
  return listOf(v).filter(isObject);
}

/** `pkg:huggingface/owner/name@rev?x#y` → `owner/name`; undefined for other purl types. */
export function hfIdFromPurl(purl: string): string | undefined {
  const m = /^pkg:huggingface\/([^@?#]+)/i.exec(purl.trim());
  if (!m?.[1]) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(m[1]);
  } catch {
    path = m[1];
  }
  path = path.replace(/^\/+|\/+$/g, '');
  return path ? canonicalId(path) : undefined;
}

function kindOf(type: string): AssetKind {
  if (type === 'machine-learning-model') return 'model';
  if (type === 'data') return 'dataset';
  if (type === 'file') return 'code';
  if (
    type === 'application' ||
    type === 'library' ||
    type === 'framework' ||
    type === 'container' ||
    type === 'platform'
  )
    return 'software';
  return 'software';
}

/** Drops heavy parts (`graphics`, base64 attachments) and very long strings so `extra` stays small. */
function prune(v: unknown, depth = 0): unknown {
  if (depth > 12) return undefined;
  if (typeof v === 'string') return v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}…` : v;
  if (Array.isArray(v)) return v.map((x) => prune(x, depth + 1));
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const [k, val] of Object.entries(v)) {
      if (k === 'graphics' || k === 'attachment') continue;
      const p = prune(val, depth + 1);
      if (p !== undefined) out[k] = p;
    }
    return out;
  }
  return v;
}

function hfUrlOf(c: JsonObject): string | undefined {
  for (const ref of objects(c.externalReferences)) {
    const url = asString(ref.url);
    if (url && HF_URL.test(url)) return url;
  }
  for (const d of objects(c.data)) {
    const url = isObject(d.contents) ? asString(d.contents.url) : undefined;
    if (url && HF_URL.test(url)) return url;
  }
  return undefined;
}

function componentId(c: JsonObject): string | undefined {
  const purl = asString(c.purl);
  const fromPurl = purl ? hfIdFromPurl(purl) : undefined;
  if (fromPurl) return fromPurl;
  const hf = hfUrlOf(c);
  if (hf) return canonicalId(hf);
  const name = asString(c.name);
  const group = asString(c.group);
  if (name) return canonicalId(idPart(group ? `${group}/${name}` : name));
  const ref = asString(c['bom-ref']);
  return ref ? canonicalId(idPart(ref)) : undefined;
}

/** Id of an inline dataset (`modelParameters.datasets[]` componentData): HF URL, else name. */
function inlineDataId(d: JsonObject): string | undefined {
  const url = isObject(d.contents) ? asString(d.contents.url) : undefined;
  if (url && HF_URL.test(url)) return canonicalId(url);
  const name = asString(d.name);
  return name ? canonicalId(idPart(name)) : url ? canonicalId(url.replace(/^https?:\/\//i, '')) : undefined;
}

function licenseInfo(v: unknown): LicenseInfo {
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return { raw: undefined };
  const info: LicenseInfo = { raw: v };
  const items = objects(v);
  if (items.length === 1 && items[0]) {
    const lic = items[0].license;
    if (isObject(lic)) {
      const name = asString(lic.name);
      const link = asString(lic.url);
      if (name) info.name = name;
      if (link) info.link = link;
    }
  }
  return info;
}

function distributionOf(c: JsonObject, name: string): { files: DistributionFile[]; hashes: JsonObject[] } {
  const hashes: JsonObject[] = [];
  let sha256: string | undefined;
  let md5: string | undefined;
  for (const h of objects(c.hashes)) {
    const alg = (asString(h.alg) ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
    const content = asString(h.content);
    if (!content) continue;
    hashes.push({ alg: asString(h.alg) ?? '', content });
    if (alg === 'SHA256' && !sha256) sha256 = content.toLowerCase();
    if (alg === 'MD5' && !md5) md5 = content.toLowerCase();
  }
  const distUrl = objects(c.externalReferences).find((r) => asString(r.type) === 'distribution');
  const url = distUrl ? asString(distUrl.url) : undefined;
  const files = sha256 || md5 || url ? [compact({ name, url, sha256, md5 })] : [];
  return { files, hashes };
}

function propertyMap(c: JsonObject): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of objects(c.properties)) {
    const name = asString(p.name);
    const value = asString(p.value);
    if (!name || value === undefined) continue;
    const list = map.get(name) ?? [];
    if (!list.includes(value)) list.push(value);
    map.set(name, list);
  }
  return map;
}

function evalResults(card: JsonObject): EvalResult[] {
  const qa = isObject(card.quantitativeAnalysis) ? card.quantitativeAnalysis : undefined;
  if (!qa) return [];
  const out: EvalResult[] = [];
  for (const m of objects(qa.performanceMetrics)) {
    const metric = asString(m.type);
    const rawValue = asString(m.value);
    if (!metric || rawValue === undefined) continue;
    const num = asNumber(m.value);
    out.push(
      compact({
        metric,
        value: num ?? rawValue,
        split: asString(m.slice),
        source: 'cyclonedx:quantitativeAnalysis',
      }),
    );
  }
  return out;
}

function creatorsOf(c: JsonObject): string[] {
  const names: string[] = [];
  for (const a of listOf(c.authors)) {
    const n = isObject(a) ? asString(a.name) : asString(a);
    if (n && !names.includes(n)) names.push(n);
  }
  const author = asString(c.author);
  if (author && !names.includes(author)) names.push(author);
  for (const key of ['manufacturer', 'supplier'] as const) {
    const org = c[key];
    const n = isObject(org) ? asString(org.name) : undefined;
    if (n && !names.includes(n)) names.push(n);
  }
  return names;
}

/** Collects components depth-first (metadata.component first), registering bom-refs. */
function collect(bom: JsonObject): Component[] {
  const out: Component[] = [];
  const visit = (c: JsonObject, path: string, isMetadata: boolean, depth: number): void => {
    if (depth > 20) return;
    const id = componentId(c);
    const type = asString(c.type) ?? 'unknown';
    if (id) {
      const ref = asString(c['bom-ref']);
      out.push({ raw: c, id, kind: kindOf(type), type, path, isMetadata, ...(ref ? { ref } : {}) });
    }
    objects(c.components).forEach((child, i) => visit(child, `${path}.components[${i}]`, false, depth + 1));
  };
  const meta = isObject(bom.metadata) ? bom.metadata : undefined;
  if (meta && isObject(meta.component)) visit(meta.component, 'metadata.component', true, 0);
  objects(bom.components).forEach((c, i) => visit(c, `components[${i}]`, false, 0));
  return out;
}

function toAsset(comp: Component, specVersion: string | undefined): Asset {
  const c = comp.raw;
  const name = asString(c.name) ?? comp.id;
  const props = propertyMap(c);
  const card = isObject(c.modelCard) ? c.modelCard : undefined;
  const params = card && isObject(card.modelParameters) ? card.modelParameters : undefined;
  const { files, hashes } = distributionOf(c, name);
  const website = objects(c.externalReferences).find((r) => asString(r.type) === 'website');
  const task = params ? asString(params.task) : undefined;
  const modelParameters = params
    ? compact({
        task,
        approach: isObject(params.approach) ? asString(params.approach.type) : undefined,
        architectureFamily: asString(params.architectureFamily),
        modelArchitecture: asString(params.modelArchitecture),
        inputs: asStringList(objects(params.inputs).map((x) => x.format)),
        outputs: asStringList(objects(params.outputs).map((x) => x.format)),
      })
    : undefined;
  const extra: JsonObject = compact({
    bomRef: comp.ref,
    componentType: comp.type,
    specVersion,
    group: asString(c.group),
    purl: asString(c.purl),
    publisher: asString(c.publisher),
    supplier: isObject(c.supplier) ? asString(c.supplier.name) : undefined,
    manufacturer: isObject(c.manufacturer) ? asString(c.manufacturer.name) : undefined,
    hashes,
    externalReferences: objects(c.externalReferences)
      .map((r) => compact({ type: asString(r.type), url: asString(r.url) }))
      .filter((r) => r.url !== undefined),
    properties: prune(c.properties),
    modelParameters: modelParameters && Object.keys(modelParameters).length > 0 ? modelParameters : undefined,
    considerations: card && card.considerations !== undefined ? prune(card.considerations) : undefined,
    data: comp.kind === 'dataset' && c.data !== undefined ? prune(c.data) : undefined,
    isMetadataComponent: comp.isMetadata ? true : undefined,
  });
  const evals = card ? evalResults(card) : [];
  const taskCategories = props.get('task_categories') ?? [];
  return compact({
    id: comp.id,
    kind: comp.kind,
    name,
    owner: asString(c.group) ?? (comp.id.includes('/') ? comp.id.split('/')[0] : undefined),
    license: licenseInfo(c.licenses),
    description: asString(c.description),
    pipelineTag: task && /^[a-z0-9][a-z0-9-]*$/.test(task) ? task : undefined,
    libraryName: props.get('library_name')?.[0],
    version: asString(c.version),
    url: website ? asString(website.url) : undefined,
    creators: creatorsOf(c),
    tags: asStringList(c.tags),
    languages: props.get('language') ?? [],
    taskCategories,
    taskIds: props.get('task_ids') ?? [],
    sizeCategories: props.get('size_categories') ?? [],
    evalResults: evals,
    distribution: files,
    sourceFormat: FORMAT,
    extra,
  });
}

const RELATION_BY_HF: Record<string, Relation['type']> = {
  adapter: 'adapter_of',
  merge: 'merge_of',
  quantized: 'quantized_from',
  finetune: 'finetune_of',
};

/**
 * Parses a CycloneDX JSON BOM. Tolerates trailing commas (TRAILING_COMMA warning); never throws.
 */
export function parseCycloneDx(file: SourceFile): ParseResult {
  const parsed = safeJsonParse(file.text.replace(/^\uFEFF/, ''), { allowTrailingCommas: true });
  if (!parsed.ok) return { format: FORMAT, assets: [], relations: [], issues: parsed.issues };
  const issues: Issue[] = [...parsed.issues];
  const bom = parsed.value;
  if (!isObject(bom) || asString(bom.bomFormat) !== 'CycloneDX') {
    issues.push({
      severity: 'warning',
      code: 'UNKNOWN_SHAPE',
      message: 'CycloneDX: expected a JSON object with "bomFormat": "CycloneDX"; nothing imported.',
    });
    return { format: FORMAT, assets: [], relations: [], issues };
  }
  const specVersion = asString(bom.specVersion);
  if (specVersion && !/^1\.[5-7]$/.test(specVersion)) {
    issues.push({
      severity: 'info',
      code: 'SPEC_VERSION',
      message: `CycloneDX specVersion ${specVersion}: ML-BOM fields are defined from 1.5; read on a best-effort basis.`,
      path: 'specVersion',
    });
  }

  const all = collect(bom);
  const byRef = new Map<string, Component>();
  for (const c of all) if (c.ref && !byRef.has(c.ref)) byRef.set(c.ref, c);

  const deps = objects(bom.dependencies);
  const isMl = (c: Component): boolean => c.kind === 'model' || c.kind === 'dataset' || c.isMetadata;
  const included = new Set<Component>(all.filter(isMl));
  for (const d of deps) {
    const from = byRef.get(asString(d.ref) ?? '');
    if (!from || !isMl(from)) continue;
    for (const to of asStringList(d.dependsOn)) {
      const target = byRef.get(to);
      if (target) included.add(target);
    }
  }
  const skipped = all.length - included.size;
  if (skipped > 0) {
    issues.push({
      severity: 'info',
      code: 'SKIPPED_COMPONENTS',
      message: `CycloneDX: ${skipped} component(s) that are neither models, data nor dependencies of them were not imported.`,
    });
  }

  const assets: Asset[] = [];
  const byId = new Map<string, Asset>();
  for (const c of all) {
    if (!included.has(c)) continue;
    const key = c.id.toLowerCase();
    if (byId.has(key)) continue;
    const asset = toAsset(c, specVersion);
    byId.set(key, asset);
    assets.push(asset);
  }

  const relations: Relation[] = [];
  const seenRel = new Set<string>();
  const add = (
    child: string,
    type: Relation['type'],
    parent: string,
    evidence: string,
    origin: Relation['origin'] = 'declared',
  ): void => {
    if (child.toLowerCase() === parent.toLowerCase()) return;
    const k = `${child.toLowerCase()}|${type}|${parent.toLowerCase()}`;
    if (seenRel.has(k)) return;
    seenRel.add(k);
    relations.push({ child, type, parent, origin, evidence });
  };
  const refId = (ref: string, path: string): string | undefined => {
    const c = byRef.get(ref);
    if (c) return c.id;
    issues.push({
      severity: 'warning',
      code: 'DANGLING_REF',
      message: `CycloneDX: ${path} refers to "${ref}", which is not a component in this BOM; ignored.`,
      path,
    });
    return undefined;
  };

  for (const comp of all) {
    if (!included.has(comp)) continue;
    const c = comp.raw;
    const card = isObject(c.modelCard) ? c.modelCard : undefined;
    const params = card && isObject(card.modelParameters) ? card.modelParameters : undefined;
    const asset = byId.get(comp.id.toLowerCase());
    const datasetIds: string[] = [];
    objects(params?.datasets).forEach((d, i) => {
      const path = `${comp.path}.modelCard.modelParameters.datasets[${i}]`;
      const ref = asString(d.ref);
      const target = ref ? refId(ref, `${path}.ref`) : inlineDataId(d);
      if (!target) return;
      datasetIds.push(target);
      add(
        comp.id,
        'trained_on',
        target,
        ref ? 'modelParameters.datasets[].ref' : 'modelParameters.datasets[]',
      );
    });
    if (asset && datasetIds.length > 0) asset.datasets = datasetIds;

    const pedigree = isObject(c.pedigree) ? c.pedigree : undefined;
    if (pedigree) {
      const hfRelation = propertyMap(c).get('hf:base_model_relation')?.[0];
      objects(pedigree.ancestors).forEach((anc) => {
        const ancRef = asString(anc['bom-ref']);
        const parent = (ancRef ? byRef.get(ancRef)?.id : undefined) ?? componentId(anc);
        if (!parent) return;
        const ancType = asString(anc.type) ?? (ancRef ? byRef.get(ancRef)?.type : undefined);
        const mapped = hfRelation ? RELATION_BY_HF[hfRelation.toLowerCase()] : undefined;
        if (mapped)
          add(comp.id, mapped, parent, `pedigree.ancestors + property hf:base_model_relation=${hfRelation}`);
        else if (comp.kind === 'model' && ancType === 'machine-learning-model')
          add(
            comp.id,
            'finetune_of',
            parent,
            'pedigree.ancestors (model ancestor of a model: fine-tune assumed)',
            'inferred',
          );
        else add(comp.id, 'derived_from', parent, 'pedigree.ancestors');
        if (asset)
          asset.baseModels = [...(asset.baseModels ?? []), parent].filter((v, i, a) => a.indexOf(v) === i);
      });
      objects(pedigree.descendants).forEach((desc) => {
        const child = componentId(desc);
        if (child) add(child, 'derived_from', comp.id, 'pedigree.descendants');
      });
      objects(pedigree.variants).forEach((variant) => {
        const child = componentId(variant);
        if (child) add(child, 'variant_of', comp.id, 'pedigree.variants');
      });
    }
  }

  deps.forEach((d, i) => {
    const ref = asString(d.ref);
    if (!ref) return;
    const from = byRef.get(ref);
    if (!from || !included.has(from)) return;
    for (const to of asStringList(d.dependsOn)) {
      const target = refId(to, `dependencies[${i}].dependsOn`);
      if (!target) continue;
      const targetComp = byRef.get(to);
      const trained = from.kind === 'model' && targetComp?.kind === 'dataset';
      add(
        from.id,
        trained ? 'trained_on' : 'depends_on',
        target,
        trained ? 'dependencies (model → data)' : 'dependencies',
      );
    }
  });

  if (assets.length === 0) {
    issues.push({
      severity: 'warning',
      code: 'NO_ASSETS',
      message:
        'CycloneDX: the BOM has no machine-learning-model or data component and no metadata.component.',
    });
  }
  return { format: FORMAT, assets, relations, issues };
}

/** CycloneDX ML-BOM reader (`cyclonedx`). */
export const cycloneDxParser: FormatParser = {
  id: FORMAT,
  label: 'CycloneDX ML-BOM',
  sniff: (_file, head) => {
    if (!head.startsWith('{')) return 0;
    return /"bomFormat"\s*:\s*"CycloneDX"/.test(head) ? 0.95 : 0;
  },
  parse: parseCycloneDx,
};
