/**
 * MLCommons Croissant (JSON-LD, versions 0.8 / 1.0 / 1.1) → one `dataset` asset plus `derived_from` relations.
 *
 * Id rule (first that applies):
 *  1. `url` is a Hugging Face dataset URL → `owner/name` (canonicalId).
 *  2. a `sameAs` entry is a Hugging Face dataset URL → `owner/name`.
 *  3. no `url`, but a distribution `contentUrl` is a Hugging Face dataset repo URL → `owner/name`
 *     (HF-generated files sometimes omit `url`).
 *  4. `url` is an OpenML dataset page (`openml.org/d/<id>`, `openml.org/search?...id=<id>`) → `openml:<id>`
 *     (joins with the OpenML reader).
 *  5. any other `url` → the URL without scheme, query and fragment (e.g. `github.com/org/repo`).
 *  6. otherwise `croissant:<name>` (or `croissant:<file name>` when the name is missing too).
 */
import type {
  Asset,
  DistributionFile,
  Issue,
  LicenseInfo,
  ParseResult,
  Relation,
  SourceFile,
} from '../../model';
import { canonicalId } from '../../catalog/ids';
import { safeJsonParse } from '../../util/safeParse';
import type { JsonObject } from '../../util/values';
import { asString, asStringList, compact, isObject } from '../../util/values';
import type { FormatParser } from '../types';

const FORMAT = 'croissant';

/** RAI property names (Croissant RAI extension; 0.8 files carry some of them unprefixed in the `ml:` namespace). */
const RAI_PROPERTIES = new Set([
  'dataCollection',
  'dataCollectionType',
  'dataCollectionMissingData',
  'dataCollectionRawData',
  'dataCollectionTimeframe',
  'dataImputationProtocol',
  'dataManipulationProtocol',
  'dataPreprocessingProtocol',
  'dataAnnotationProtocol',
  'dataAnnotationPlatform',
  'dataAnnotationAnalysis',
  'dataReleaseMaintenancePlan',
  'personalSensitiveInformation',
  'dataSocialImpact',
  'dataBiases',
  'dataLimitations',
  'dataUseCases',
  'annotationsPerItem',
  'annotatorDemographics',
  'machineAnnotationTools',
]);

const HF_DATASET_URL =
  /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/datasets\/[^/\s?#]+(?:\/[^/\s?#]+)?/i;
const OPENML_URL =
  /^(?:https?:\/\/)?(?:www\.|new\.|api\.)?openml\.org\/(?:d\/(\d+)|search\?(?:[^#]*&)?id=(\d+)|api\/v1\/(?:json\/)?data\/(\d+))/i;

/** `?` and `#` would be cut off by canonicalId; keep them out of name-based ids. */
function idPart(s: string): string {
  return s.replace(/[?#]+/g, '_');
}

function emptyResult(issues: Issue[]): ParseResult {
  return { format: FORMAT, assets: [], relations: [], issues };
}

/** Normalised `@context` as a flat map of term → IRI string (object contexts and lists of them). */
function contextTerms(ctx: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const items = Array.isArray(ctx) ? ctx : [ctx];
  for (const item of items) {
    if (typeof item === 'string') out.set(`@${out.size}`, item);
    else if (isObject(item)) {
      for (const [k, v] of Object.entries(item)) {
        if (typeof v === 'string') out.set(k, v);
        else if (isObject(v) && typeof v['@id'] === 'string') out.set(k, v['@id']);
      }
    }
  }
  return out;
}

/** Which Croissant version a document declares: from `conformsTo`, else `0.8` for the legacy `ml:` namespace. */
function croissantVersion(doc: JsonObject, terms: Map<string, string>): string | undefined {
  const conforms = asStringList(doc.conformsTo ?? doc['dct:conformsTo']);
  for (const c of conforms) {
    const m = /mlcommons\.org\/croissant\/(\d+(?:\.\d+)*)/i.exec(c);
    if (m?.[1]) return m[1];
  }
  for (const iri of terms.values()) {
    if (/mlcommons\.org\/schema\/?$/i.test(iri)) return '0.8';
  }
  return undefined;
}

/** A JSON-LD text value: plain string, `{@value}`, a language map or a list of those → one string. */
function textValue(v: unknown, language?: string): string | undefined {
  const s = asString(v);
  if (s !== undefined) return s;
  if (Array.isArray(v)) {
    for (const item of v) {
      const t = textValue(item, language);
      if (t !== undefined) return t;
    }
    return undefined;
  }
  if (isObject(v)) {
    if ('@value' in v) return asString(v['@value']);
    const preferred = [language, 'en', 'en-US', 'en-GB'].filter((x): x is string => typeof x === 'string');
    for (const lang of preferred) {
      const t = asString(v[lang]);
      if (t !== undefined) return t;
    }
    for (const val of Object.values(v)) {
      const t = asString(val);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

function listOf(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** Names of Person/Organization values (string, object with `name` (string or list), or lists). */
function agentNames(v: unknown): string[] {
  const out: string[] = [];
  for (const item of listOf(v)) {
    const names = isObject(item)
      ? asStringList(item.name ?? item['sc:name'] ?? item['@id'])
      : asStringList(item);
    for (const n of names) if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** Canonical id for a referenced dataset (URL or identifier). */
export function croissantRefId(raw: string): string {
  const s = raw.trim();
  const om = OPENML_URL.exec(s);
  const omId = om?.[1] ?? om?.[2] ?? om?.[3];
  if (omId) return `openml:${omId}`;
  if (HF_DATASET_URL.test(s) || /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\//i.test(s))
    return canonicalId(s);
  if (/^https?:\/\//i.test(s)) return canonicalId(s.replace(/^https?:\/\//i, '').replace(/^www\./i, ''));
  return canonicalId(s);
}

function isHfDatasetUrl(s: string | undefined): s is string {
  return s !== undefined && HF_DATASET_URL.test(s.trim());
}

/** The reference a provenance/basis value points at: a location URL when one is given, else `@id`/url/string. */
function refOf(v: unknown): string | undefined {
  if (typeof v === 'string') return asString(v);
  if (!isObject(v)) return undefined;
  const loc =
    asString(v['prov:atLocation']) ??
    asString(v['prov:locatedAt']) ??
    asString(v.url) ??
    asString(v.contentUrl) ??
    asString(v.sameAs);
  if (loc) return loc;
  const id = v['@id'];
  return asString(id) ?? (isObject(id) ? asString(id['@id']) : undefined);
}

function licenseInfo(raw: unknown): LicenseInfo {
  if (raw === undefined || raw === null) return { raw: undefined };
  const info: LicenseInfo = { raw };
  const items = listOf(raw);
  if (items.length === 1) {
    const only = items[0];
    if (typeof only === 'string') {
      if (/^https?:\/\//i.test(only.trim())) info.link = only.trim();
    } else if (isObject(only)) {
      const name = asString(only.name);
      const link = asString(only.url) ?? asString(only['@id']);
      if (name) info.name = name;
      if (link) info.link = link;
    }
  }
  return info;
}

function hashOr(v: unknown, pattern: RegExp): string | undefined {
  const s = asString(v);
  return s !== undefined && pattern.test(s) ? s.toLowerCase() : undefined;
}

type Distribution = { files: DistributionFile[]; fileSets: JsonObject[]; repoUrl?: string; issues: Issue[] };

function readDistribution(v: unknown): Distribution {
  const files: DistributionFile[] = [];
  const fileSets: JsonObject[] = [];
  const issues: Issue[] = [];
  let repoUrl: string | undefined;
  listOf(v).forEach((item, i) => {
    if (!isObject(item)) return;
    const type = asStringList(item['@type']).join(' ');
    const name = asString(item.name) ?? asString(item['@id']);
    const encodingFormat = asString(item.encodingFormat);
    const url = asString(item.contentUrl);
    if (/FileSet/i.test(type)) {
      fileSets.push(
        compact({
          name,
          encodingFormat,
          includes: asStringList(item.includes),
          excludes: asStringList(item.excludes),
          containedIn: asStringList(listOf(item.containedIn).map((c) => (isObject(c) ? c['@id'] : c))),
        }),
      );
      files.push(compact({ name, encodingFormat }));
      return;
    }
    const rawSha = asString(item.sha256);
    const sha256 = hashOr(item.sha256, /^[0-9a-f]{64}$/i);
    if (rawSha !== undefined && sha256 === undefined) {
      issues.push({
        severity: 'info',
        code: 'BAD_CHECKSUM',
        message: `distribution[${i}].sha256 is not a SHA-256 hex digest; ignored.`,
        path: `distribution[${i}].sha256`,
      });
    }
    if (url && !repoUrl && isHfDatasetUrl(url)) repoUrl = url;
    files.push(
      compact({
        name,
        url,
        encodingFormat,
        sha256,
        md5: hashOr(item.md5, /^[0-9a-f]{32}$/i),
        contentSize: asString(item.contentSize),
      }),
    );
  });
  return { files, fileSets, ...(repoUrl ? { repoUrl } : {}), issues };
}

function fieldSummary(fields: unknown, names: string[], types: string[]): number {
  let count = 0;
  for (const f of listOf(fields)) {
    if (!isObject(f)) continue;
    count++;
    const name = asString(f.name) ?? asString(f['@id']);
    if (name && names.length < 100) names.push(name);
    for (const t of asStringList(f.dataType)) if (!types.includes(t)) types.push(t);
    count += fieldSummary(f.subField, names, types);
  }
  return count;
}

function readRecordSets(v: unknown): { summary: JsonObject[]; fieldCount: number } {
  const summary: JsonObject[] = [];
  let fieldCount = 0;
  for (const rs of listOf(v)) {
    if (!isObject(rs)) continue;
    const names: string[] = [];
    const dataTypes: string[] = [];
    const count = fieldSummary(rs.field, names, dataTypes);
    fieldCount += count;
    summary.push(
      compact({
        name: asString(rs.name) ?? asString(rs['@id']),
        fieldCount: count,
        fields: names,
        dataTypes,
        recordDataTypes: asStringList(rs.dataType),
        hasInlineData: rs.data !== undefined ? true : undefined,
      }),
    );
  }
  return { summary, fieldCount };
}

/** The `sc:Dataset` node: the root itself, or the first Dataset inside `@graph`. */
function datasetNode(root: unknown): JsonObject | undefined {
  if (!isObject(root)) return undefined;
  const graph: unknown = root['@graph'];
  if (Array.isArray(graph)) {
    const nodes: unknown[] = graph;
    const ds = nodes.find(
      (n) => isObject(n) && asStringList(n['@type']).some((t) => /(^|[:/])Dataset$/.test(t)),
    );
    if (isObject(ds)) return { '@context': root['@context'], ...ds };
  }
  return root;
}

function idFor(
  doc: JsonObject,
  name: string | undefined,
  url: string | undefined,
  repoUrl: string | undefined,
  fileName: string,
): string {
  if (isHfDatasetUrl(url)) return canonicalId(url);
  const hfSameAs = asStringList(listOf(doc.sameAs).map(refOf)).find(isHfDatasetUrl);
  if (hfSameAs) return canonicalId(hfSameAs);
  if (!url && repoUrl) return canonicalId(repoUrl);
  if (url) {
    const ref = croissantRefId(url);
    if (ref) return ref;
  }
  if (name) return `croissant:${idPart(name)}`;
  return `croissant:${idPart(fileName.replace(/^.*\//, '').replace(/\.json(?:ld)?$/i, ''))}`;
}

/** True when the head looks like Croissant JSON-LD (mlcommons context/conformsTo, `cr:` terms or `recordSet`). */
function looksLikeCroissant(head: string): number {
  if (!head.startsWith('{') && !head.startsWith('[')) return 0;
  if (!head.includes('@context') && !head.includes('@graph')) return 0;
  if (/"bomFormat"\s*:/.test(head) || /spdx\.org\/rdf\/3/.test(head)) return 0;
  if (/mlcommons\.org\/croissant\/\d/.test(head)) return 0.95;
  if (/"cr"\s*:\s*"http:\/\/mlcommons\.org\/croissant/.test(head) || /mlcommons\.org\/schema/.test(head))
    return 0.9;
  if (/"(?:cr:)?recordSet"\s*:/.test(head) || /"cr:[A-Za-z]+"/.test(head)) return 0.7;
  return 0;
}

/**
 * Parses a Croissant JSON-LD file into one dataset asset. Never throws: invalid JSON and unexpected shapes come back
 * as issues.
 */
export function parseCroissant(file: SourceFile): ParseResult {
  const parsed = safeJsonParse(file.text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return emptyResult(parsed.issues);
  const issues: Issue[] = [...parsed.issues];
  const doc = datasetNode(parsed.value);
  if (!doc) {
    issues.push({
      severity: 'warning',
      code: 'UNKNOWN_SHAPE',
      message: 'Croissant: the top level is not a JSON object; nothing imported.',
    });
    return emptyResult(issues);
  }
  const terms = contextTerms(doc['@context']);
  const version = croissantVersion(doc, terms);
  const types = asStringList(doc['@type']);
  if (types.length > 0 && !types.some((t) => /Dataset$/.test(t))) {
    issues.push({
      severity: 'warning',
      code: 'UNEXPECTED_TYPE',
      message: `Croissant: @type is ${types.join(', ')}, expected sc:Dataset; read anyway.`,
      path: '@type',
    });
  }
  if (version === '0.8') {
    issues.push({
      severity: 'info',
      code: 'LEGACY_CROISSANT',
      message: 'Croissant 0.8 (legacy ml: namespace, no conformsTo); read on a best-effort basis.',
    });
  }
  const language =
    asString(doc['@language']) ??
    asString(isObject(doc['@context']) ? doc['@context']['@language'] : undefined);
  const url = asString(doc.url);
  const dist = readDistribution(doc.distribution);
  issues.push(...dist.issues);
  let name = textValue(doc.name, language);
  const id = idFor(doc, name, url, dist.repoUrl, file.name);
  if (!name) {
    name = id.replace(/^croissant:/, '');
    issues.push({
      severity: 'warning',
      code: 'MISSING_NAME',
      message: `Croissant: no "name"; using "${name}".`,
      path: 'name',
    });
  }
  if (doc.license === undefined) {
    issues.push({
      severity: 'info',
      code: 'MISSING_LICENSE',
      message: 'Croissant: no "license" given.',
      path: 'license',
    });
  }

  const { summary: recordSets, fieldCount } = readRecordSets(
    doc.recordSet ?? doc['cr:recordSet'] ?? doc['ml:recordSet'],
  );

  const rai: JsonObject = {};
  for (const [k, v] of Object.entries(doc)) {
    const term = terms.get(k);
    if (k.startsWith('rai:')) rai[k.slice(4)] = v;
    else if (term && /croissant\/RAI\//i.test(term)) rai[k] = v;
    else if (RAI_PROPERTIES.has(k)) rai[k] = v;
  }

  const provenance = compact({
    wasGeneratedBy: doc['prov:wasGeneratedBy'],
    wasAttributedTo: doc['prov:wasAttributedTo'],
    wasAssociatedWith: doc['prov:wasAssociatedWith'] ?? doc['prov:isAssociatedWith'],
  });

  const extra: JsonObject = compact({
    croissantVersion: version,
    conformsTo: doc.conformsTo ?? doc['dct:conformsTo'],
    datePublished: asString(doc.datePublished),
    dateCreated: asString(doc.dateCreated),
    dateModified: asString(doc.dateModified),
    alternateName: doc.alternateName,
    publisher: agentNames(doc.publisher),
    contributors: agentNames(doc.contributor),
    sameAs: asStringList(listOf(doc.sameAs).map(refOf)),
    isLiveDataset: typeof doc.isLiveDataset === 'boolean' ? doc.isLiveDataset : undefined,
    sdVersion: asString(doc.sdVersion),
    sdLicense: doc.sdLicense,
    usageInfo: doc.usageInfo,
    fileSets: dist.fileSets,
    recordSets,
    recordSetCount: recordSets.length > 0 ? recordSets.length : undefined,
    fieldCount: recordSets.length > 0 ? fieldCount : undefined,
    rai: Object.keys(rai).length > 0 ? rai : undefined,
    provenance: Object.keys(provenance).length > 0 ? provenance : undefined,
  });

  const asset: Asset = compact({
    id,
    kind: 'dataset' as const,
    name,
    license: licenseInfo(doc.license),
    description: textValue(doc.description, language),
    url,
    version: asString(doc.version),
    creators: agentNames(doc.creator),
    citation: asString(doc.citeAs) ?? asString(doc.citation),
    tags: asStringList(doc.keywords),
    languages: asStringList(doc.inLanguage),
    distribution: dist.files,
    sourceFormat: FORMAT,
    extra,
  });

  const relations: Relation[] = [];
  const seen = new Set<string>();
  const addDerived = (values: unknown, evidence: string): void => {
    for (const v of listOf(values)) {
      const ref = refOf(v);
      if (!ref) continue;
      const parent = croissantRefId(ref);
      if (!parent || parent.toLowerCase() === id.toLowerCase()) continue;
      const key = `${parent.toLowerCase()}|${evidence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      relations.push({ child: id, type: 'derived_from', parent, origin: 'declared', evidence });
    }
  };
  addDerived(doc['prov:wasDerivedFrom'] ?? doc.wasDerivedFrom, 'prov:wasDerivedFrom');
  addDerived(doc.isBasedOn, 'isBasedOn');
  addDerived(doc.sameAs, 'sameAs');

  return { format: FORMAT, assets: [asset], relations, issues };
}

/** Croissant reader (`croissant`). */
export const croissantParser: FormatParser = {
  id: FORMAT,
  label: 'MLCommons Croissant',
  sniff: (_file, head) => looksLikeCroissant(head),
  parse: parseCroissant,
};
