/**
 * CycloneDX 1.6 JSON ML-BOM of a lineage closure, built with the CycloneDX JavaScript library's models and JSON
 * normalizer (metadata, components, licenses, hashes, external references, properties, the dependency graph).
 * The library has no model for `modelCard`, `pedigree` and `data` (component data), so those three are added to
 * the library's normalized components by `bom-ref`; the result validates against the bundled 1.6 schema.
 *
 * Identity (so Tarn's CycloneDX reader gives the same ids back): `owner/name` ids travel as
 * `pkg:huggingface/owner/name`; other ids as `group/name` (`name` alone when there is no slash).
 * Edges: trained_on → `modelParameters.datasets[].ref`; derivations → `pedigree.ancestors` (with the property
 * `hf:base_model_relation` when the Hub has a name for it); every edge but evaluated_on → `dependencies`
 * (CycloneDX has no "tested on": evaluated_on is kept as a `tarn:evaluated_on` property).
 */
import { Enums, Models, Serialize, SPDX, Spec } from '@cyclonedx/cyclonedx-library';
import type { Relation } from '../model';
import { assetKey } from '../model';
import { licenseInfo } from '../licenses/info';
import {
  assetUrl,
  HF_RELATION,
  indexInput,
  isDerivation,
  isHubId,
  licenseExpression,
  licenseIds,
  type StandardsAsset,
  type StandardsInput,
} from './input';

type Json = Record<string, unknown>;

function componentType(a: StandardsAsset): Enums.ComponentType {
  if (a.kind === 'model') return Enums.ComponentType.MachineLearningModel;
  if (a.kind === 'dataset') return Enums.ComponentType.Data;
  if (a.kind === 'code') return Enums.ComponentType.File;
  return Enums.ComponentType.Library;
}

/** Name, group and purl that Tarn's reader turns back into `a.id`. */
function identity(a: StandardsAsset): { name: string; group?: string; purl?: string } {
  if (isHubId(a.id)) {
    const [owner = '', name = a.id] = a.id.split('/');
    return { name: a.name.trim() || name, group: owner, purl: `pkg:huggingface/${owner}/${name}` };
  }
  const slash = a.id.lastIndexOf('/');
  if (slash > 0 && slash < a.id.length - 1)
    return { name: a.id.slice(slash + 1), group: a.id.slice(0, slash) };
  return { name: a.id };
}

function licenses(a: StandardsAsset): Models.LicenseRepository {
  const repo = new Models.LicenseRepository();
  const expr = licenseExpression(a);
  if (!expr) return repo;
  const ack = Enums.LicenseAcknowledgement.Declared;
  const ids = licenseIds(expr);
  const single = ids.length === 1 && ids[0] === expr ? expr : undefined;
  if (single && SPDX.isSupportedSpdxId(single)) {
    repo.add(new Models.SpdxLicense(single, { acknowledgement: ack }));
  } else if (single?.startsWith('LicenseRef-')) {
    // Custom terms: the LicenseRef id as the name, the licence's own name and text URL beside it.
    const named = new Models.NamedLicense(single, { acknowledgement: ack });
    const url = a.license.link ?? licenseInfo(single).url;
    if (url && /^https?:\/\//i.test(url)) named.url = url;
    const name = a.license.name ?? (licenseInfo(single).known ? licenseInfo(single).name : undefined);
    if (name) named.properties.add(new Models.Property('tarn:license:name', name));
    repo.add(named);
  } else {
    const e = new Models.LicenseExpression(expr);
    e.acknowledgement = ack;
    repo.add(e);
  }
  return repo;
}

/** Licence verdict, findings and attribution duties of one asset as `tarn:` properties. */
function obligationProperties(a: StandardsAsset, input: StandardsInput): Models.Property[] {
  const out: Models.Property[] = [];
  const result = input.licenses?.results.find((r) => assetKey(r.id) === assetKey(a.id));
  if (result) {
    out.push(new Models.Property('tarn:license:verdict', result.verdict));
    for (const f of result.findings.slice(0, 20)) out.push(new Models.Property('tarn:license:finding', f));
  }
  const expr = licenseExpression(a);
  for (const id of expr ? licenseIds(expr) : []) {
    const info = licenseInfo(id);
    if (info.attribution.required)
      out.push(
        new Models.Property(
          'tarn:license:attribution',
          info.attribution.notice ?? info.attribution.display ?? `${info.name}: attribution required`,
        ),
      );
  }
  return out;
}

function hashes(a: StandardsAsset): Models.HashDictionary {
  const dict = new Models.HashDictionary();
  const file = (a.distribution ?? []).find((f) => f.sha256 ?? f.md5);
  if (file?.sha256 && /^[a-f0-9]{64}$/i.test(file.sha256))
    dict.set(Enums.HashAlgorithm['SHA-256'], file.sha256);
  if (file?.md5 && /^[a-f0-9]{32}$/i.test(file.md5)) dict.set(Enums.HashAlgorithm.MD5, file.md5);
  return dict;
}

function component(a: StandardsAsset, input: StandardsInput, parents: readonly Relation[]): Models.Component {
  const id = identity(a);
  const c = new Models.Component(componentType(a), id.name, {
    bomRef: a.id,
    ...(id.group ? { group: id.group } : {}),
    ...(id.purl ? { purl: id.purl } : {}),
    ...(a.description ? { description: a.description.slice(0, 4000) } : {}),
    ...(a.version ? { version: a.version } : {}),
    licenses: licenses(a),
    hashes: hashes(a),
  });
  const website = assetUrl(a, a.url);
  if (website)
    c.externalReferences.add(new Models.ExternalReference(website, Enums.ExternalReferenceType.Website));
  for (const f of a.distribution ?? []) {
    const url = assetUrl(a, f.url);
    if (url)
      c.externalReferences.add(new Models.ExternalReference(url, Enums.ExternalReferenceType.Distribution));
  }
  const props: [string, string][] = [['tarn:id', a.id]];
  if (a.placeholder) props.push(['tarn:placeholder', 'true']);
  if (a.libraryName) props.push(['library_name', a.libraryName]);
  for (const l of a.languages ?? []) props.push(['language', l]);
  for (const t of a.taskCategories ?? []) props.push(['task_categories', t]);
  for (const t of a.taskIds ?? []) props.push(['task_ids', t]);
  for (const s of a.sizeCategories ?? []) props.push(['size_categories', s]);
  const hfRelations = new Set(
    parents.filter((r) => isDerivation(r.type)).map((r) => HF_RELATION[r.type] ?? 'other'),
  );
  const [only] = [...hfRelations];
  if (hfRelations.size === 1 && only && only !== 'other') props.push(['hf:base_model_relation', only]);
  for (const r of parents) if (r.type === 'evaluated_on') props.push(['tarn:evaluated_on', r.parent]);
  for (const [name, value] of props) c.properties.add(new Models.Property(name, value));
  for (const p of obligationProperties(a, input)) c.properties.add(p);
  return c;
}

/** `modelCard` for a model component: task, training datasets, performance metrics. */
function modelCard(a: StandardsAsset, parents: readonly Relation[]): Json | undefined {
  const datasets = parents.filter((r) => r.type === 'trained_on').map((r) => ({ ref: r.parent }));
  const params: Json = {
    ...(a.pipelineTag ? { task: a.pipelineTag } : {}),
    ...(datasets.length > 0 ? { datasets } : {}),
  };
  const metrics = (a.evalResults ?? [])
    .filter((e) => e.metric.trim() !== '')
    .slice(0, 200)
    .map((e) => ({
      type: e.metric,
      value: String(e.value),
      ...(e.split || e.dataset ? { slice: [e.dataset, e.split].filter(Boolean).join(' / ') } : {}),
    }));
  const card: Json = {
    ...(Object.keys(params).length > 0 ? { modelParameters: params } : {}),
    ...(metrics.length > 0 ? { quantitativeAnalysis: { performanceMetrics: metrics } } : {}),
  };
  return Object.keys(card).length > 0 ? card : undefined;
}

/** Component `data` for a dataset: one dataset entry with its URL and description. */
function componentData(a: StandardsAsset): Json[] {
  const url = assetUrl(a, a.url);
  return [
    {
      type: 'dataset',
      name: a.name || a.id,
      ...(url ? { contents: { url } } : {}),
      ...(a.description ? { description: a.description.slice(0, 4000) } : {}),
    },
  ];
}

/** Minimal ancestor component for `pedigree.ancestors` (no bom-ref: refs are unique in a BOM). */
function ancestor(a: StandardsAsset): Json {
  const id = identity(a);
  return {
    type: componentType(a),
    name: id.name,
    ...(id.group ? { group: id.group } : {}),
    ...(id.purl ? { purl: id.purl } : {}),
  };
}

/** Builds the CycloneDX 1.6 ML-BOM (a JSON object) of a closure. */
export function toCycloneDx(input: StandardsInput): Json {
  const { byKey, parentsOf } = indexInput(input);
  const bom = new Models.Bom();
  bom.metadata.timestamp = new Date(input.timestamp);
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, input.app.name, { version: input.app.version }),
  );
  bom.metadata.properties.add(new Models.Property('tarn:title', input.title));
  for (const r of input.roots) bom.metadata.properties.add(new Models.Property('tarn:root', r));
  if (input.licenses?.notice)
    bom.metadata.properties.add(new Models.Property('tarn:notice', input.licenses.notice));

  const components = new Map<string, Models.Component>();
  for (const [key, a] of byKey) {
    const c = component(a, input, parentsOf.get(key) ?? []);
    components.set(key, c);
    bom.components.add(c);
  }
  for (const [key, rels] of parentsOf) {
    const c = components.get(key);
    if (!c) continue;
    for (const r of rels) {
      const target = components.get(assetKey(r.parent));
      if (target && r.type !== 'evaluated_on') c.dependencies.add(target.bomRef);
    }
  }

  const factory = new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6);
  const normalized = factory.makeForBom().normalize(bom, { sortLists: false }) as unknown as Json;
  const list = Array.isArray(normalized.components) ? (normalized.components as Json[]) : [];
  for (const c of list) {
    const ref = c['bom-ref'];
    const a = typeof ref === 'string' ? byKey.get(assetKey(ref)) : undefined;
    if (!a) continue;
    const parents = parentsOf.get(assetKey(a.id)) ?? [];
    if (a.kind === 'model') {
      const card = modelCard(a, parents);
      if (card) c.modelCard = card;
    }
    if (a.kind === 'dataset') c.data = componentData(a);
    const ancestors = parents
      .filter((r) => isDerivation(r.type))
      .map((r) => byKey.get(assetKey(r.parent)))
      .filter((p): p is StandardsAsset => p !== undefined)
      .map(ancestor);
    if (ancestors.length > 0) c.pedigree = { ancestors };
  }
  return normalized;
}
