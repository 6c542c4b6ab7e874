/**
 * SPDX 3.0.1 JSON-LD of a lineage closure (no maintained JavaScript library writes SPDX 3, so this builds the
 * `@graph` directly; tests validate it against the official JSON schema from spdx.org).
 *
 * Elements: one CreationInfo (blank node), the Tarn tool and agent, the SpdxDocument (root elements = the chosen
 * assets), an `ai_AIPackage` per model, a `dataset_DatasetPackage` per dataset, a `software_Package` for the rest,
 * one `simplelicensing_LicenseExpression` per distinct licence (custom `LicenseRef-` ids mapped to their text URL
 * through `simplelicensing_customIdToUri`), and Relationship elements: hasDeclaredLicense / hasConcludedLicense,
 * trainedOn, testedOn, dependsOn, descendantOf (derivations: SPDX has no fine-tune / adapter / merge types, the
 * Tarn type goes in the relationship's comment), generates (generated_by), hasVariant (variant_of).
 *
 * Identity (so Tarn's SPDX 3 reader gives the same ids back): `owner/name` ids carry `pkg:huggingface/owner/name`
 * as `software_packageUrl`; other packages are named by their id.
 */
import type { Relation } from '../model';
import { assetKey } from '../model';
import { licenseInfo } from '../licenses/info';
import {
  assetUrl,
  documentSlug,
  indexInput,
  isDerivation,
  isHubId,
  licenseExpression,
  licenseIds,
  type StandardsAsset,
  type StandardsInput,
} from './input';

type Json = Record<string, unknown>;

export const SPDX_CONTEXT = 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld';
const CREATION = '_:creationinfo';

/** SPDX DateTime: seconds precision, UTC. */
function spdxTime(iso: string): string {
  const d = new Date(iso);
  return (Number.isNaN(d.getTime()) ? new Date(0) : d).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const DATASET_TYPES: Readonly<Record<string, string>> = {
  text: 'text',
  image: 'image',
  audio: 'audio',
  video: 'video',
  tabular: 'structured',
  timeseries: 'timeseries',
  graph: 'graph',
  '3d': 'other',
  geospatial: 'other',
};

function datasetTypes(a: StandardsAsset): string[] {
  const out = new Set<string>();
  for (const t of a.tags ?? []) {
    const m = /^(?:modality:)?(.+)$/i.exec(t.trim().toLowerCase());
    const mapped = m?.[1] ? DATASET_TYPES[m[1]] : undefined;
    if (mapped) out.add(mapped);
  }
  return out.size > 0 ? [...out] : ['noAssertion'];
}

type Mapping = { type: string; reverse: boolean };

/** Tarn relation (child → parent) as an SPDX relationship type and direction. */
function relationshipOf(r: Relation): Mapping {
  if (r.type === 'trained_on') return { type: 'trainedOn', reverse: false };
  if (r.type === 'evaluated_on') return { type: 'testedOn', reverse: false };
  if (r.type === 'generated_by') return { type: 'generates', reverse: true };
  if (r.type === 'variant_of') return { type: 'hasVariant', reverse: true };
  if (isDerivation(r.type)) return { type: 'descendantOf', reverse: false };
  return { type: 'dependsOn', reverse: false };
}

function packageElement(a: StandardsAsset, spdxId: string): Json {
  const type =
    a.kind === 'model'
      ? 'ai_AIPackage'
      : a.kind === 'dataset'
        ? 'dataset_DatasetPackage'
        : 'software_Package';
  const purpose =
    a.kind === 'model'
      ? 'model'
      : a.kind === 'dataset'
        ? 'data'
        : a.kind === 'code'
          ? 'source'
          : a.kind === 'unknown'
            ? 'other'
            : 'library';
  const hub = isHubId(a.id);
  const download = assetUrl(a, a.distribution?.find((f) => f.url)?.url) ?? assetUrl(a, a.url);
  const home = assetUrl(a, a.url);
  const file = (a.distribution ?? []).find((f) => f.sha256 ?? f.md5);
  const verified = [
    ...(file?.sha256 && /^[a-f0-9]{64}$/i.test(file.sha256)
      ? [{ type: 'Hash', algorithm: 'sha256', hashValue: file.sha256.toLowerCase() }]
      : []),
    ...(file?.md5 && /^[a-f0-9]{32}$/i.test(file.md5)
      ? [{ type: 'Hash', algorithm: 'md5', hashValue: file.md5.toLowerCase() }]
      : []),
  ];
  const metrics = (a.evalResults ?? [])
    .filter((e) => e.metric.trim() !== '')
    .slice(0, 200)
    .map((e) => ({
      type: 'DictionaryEntry',
      key: [e.dataset, e.split, e.metric].filter(Boolean).join(' / '),
      value: String(e.value),
    }));
  return {
    type,
    spdxId,
    creationInfo: CREATION,
    name: hub ? a.name.trim() || a.id : a.id,
    ...(a.description ? { description: a.description.slice(0, 4000) } : {}),
    ...(a.placeholder ? { comment: 'Known to Tarn only because another asset references it.' } : {}),
    ...(verified.length > 0 ? { verifiedUsing: verified } : {}),
    software_primaryPurpose: purpose,
    ...(a.version ? { software_packageVersion: a.version } : {}),
    ...(download ? { software_downloadLocation: download } : {}),
    ...(home ? { software_homePage: home } : {}),
    ...(hub ? { software_packageUrl: `pkg:huggingface/${a.id}` } : {}),
    ...(a.kind === 'model' && a.pipelineTag ? { ai_domain: [a.pipelineTag] } : {}),
    ...(a.kind === 'model' && metrics.length > 0 ? { ai_metric: metrics } : {}),
    ...(a.kind === 'dataset' ? { dataset_datasetType: datasetTypes(a) } : {}),
  };
}

/** Builds the SPDX 3.0.1 JSON-LD document (a JSON object) of a closure. */
export function toSpdx3(input: StandardsInput): Json {
  const { byKey, relations } = indexInput(input);
  const created = spdxTime(input.timestamp);
  const ns = `https://spdx.org/spdxdocs/tarn-${documentSlug(input.title)}-${created.replace(/[^0-9]/g, '')}`;
  const graph: Json[] = [];
  const agentId = `${ns}#agent-tarn`;
  const toolId = `${ns}#tool-tarn`;
  graph.push({
    type: 'CreationInfo',
    '@id': CREATION,
    specVersion: '3.0.1',
    created,
    createdBy: [agentId],
    createdUsing: [toolId],
  });
  graph.push({ type: 'SoftwareAgent', spdxId: agentId, creationInfo: CREATION, name: input.app.name });
  graph.push({
    type: 'Tool',
    spdxId: toolId,
    creationInfo: CREATION,
    name: `${input.app.name} ${input.app.version}`,
  });

  const idOf = new Map<string, string>();
  let n = 0;
  for (const [key, a] of byKey) {
    const spdxId = `${ns}#pkg-${++n}`;
    idOf.set(key, spdxId);
    graph.push(packageElement(a, spdxId));
  }

  const exprIds = new Map<string, string>();
  const expressionElement = (expr: string, a: StandardsAsset): string => {
    const known = exprIds.get(expr);
    if (known) return known;
    const spdxId = `${ns}#license-${exprIds.size + 1}`;
    exprIds.set(expr, spdxId);
    const custom = licenseIds(expr)
      .filter((id) => id.startsWith('LicenseRef-'))
      .map((id) => ({ key: id, url: a.license.link ?? licenseInfo(id).url }))
      .filter((e): e is { key: string; url: string } => !!e.url && /^https?:\/\/\S+$/i.test(e.url))
      .map((e) => ({ type: 'DictionaryEntry', key: e.key, value: e.url }));
    graph.push({
      type: 'simplelicensing_LicenseExpression',
      spdxId,
      creationInfo: CREATION,
      simplelicensing_licenseExpression: expr,
      ...(custom.length > 0 ? { simplelicensing_customIdToUri: custom } : {}),
    });
    return spdxId;
  };

  let r = 0;
  const relationship = (from: string, type: string, to: string[], comment?: string): void => {
    graph.push({
      type: 'Relationship',
      spdxId: `${ns}#rel-${++r}`,
      creationInfo: CREATION,
      from,
      relationshipType: type,
      to,
      ...(comment ? { comment } : {}),
    });
  };

  for (const [key, a] of byKey) {
    const expr = licenseExpression(a);
    const from = idOf.get(key);
    if (!expr || !from) continue;
    const lic = expressionElement(expr, a);
    relationship(from, 'hasDeclaredLicense', [lic]);
    relationship(from, 'hasConcludedLicense', [lic]);
  }
  for (const rel of relations) {
    const child = idOf.get(assetKey(rel.child));
    const parent = idOf.get(assetKey(rel.parent));
    if (!child || !parent) continue;
    const m = relationshipOf(rel);
    const comment = `Tarn: ${rel.type} (${rel.origin}${rel.evidence ? `; ${rel.evidence}` : ''})`;
    if (m.reverse) relationship(parent, m.type, [child], comment);
    else relationship(child, m.type, [parent], comment);
  }

  const roots = input.roots.map((k) => idOf.get(assetKey(k))).filter((x): x is string => x !== undefined);
  const elements = graph.map((e) => e.spdxId).filter((x): x is string => typeof x === 'string');
  graph.push({
    type: 'SpdxDocument',
    spdxId: `${ns}#document`,
    creationInfo: CREATION,
    name: input.title,
    ...(input.licenses?.notice ? { comment: input.licenses.notice.slice(0, 20000) } : {}),
    profileConformance: ['core', 'software', 'ai', 'dataset', 'simpleLicensing'],
    rootElement: roots,
    element: elements,
  });
  return { '@context': SPDX_CONTEXT, '@graph': graph };
}
