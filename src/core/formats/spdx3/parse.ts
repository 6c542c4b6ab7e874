/**
 * SPDX 3.0 JSON-LD (AI and Dataset profiles) → assets and typed relations.
 *
 * Elements come from `@graph`, from an `element` array of objects, or the root itself when it is one element;
 * each is keyed by `spdxId` or `@id`. Kinds: `ai_AIPackage` → model, `dataset_DatasetPackage` → dataset,
 * `software_Package` → software (or model / dataset / code when `software_primaryPurpose` says so), `software_File` →
 * code (files at an end of an ML relationship follow their purpose too).
 *
 * Id rule (first that applies):
 *  1. a Hugging Face id in `software_downloadLocation`, `software_packageUrl` (`pkg:huggingface/...`),
 *     `software_homePage` or an external identifier/ref → `owner/name`.
 *  2. the element `name` (canonicalId). Files are qualified by the element that `contains` them
 *     (`<package id>/<dir>/<file name>`; names starting with `/` by the nearest package) so that the `README.md`
 *     of two packages stay distinct.
 *  3. on a name clash inside one document: `name@version`, then `spdx:<spdxId>`; without a name: `spdx:<spdxId>`.
 *
 * Relationships: trainedOn → trained_on, testedOn → evaluated_on, dependsOn → depends_on,
 * `A ancestorOf B` → B derived_from A, `A descendantOf B` → A derived_from B, `A generates B` → B generated_by A,
 * `A hasVariant B` → B variant_of A. hasDeclaredLicense / hasConcludedLicense set the `from` element's license
 * (declared wins; resolved through `simplelicensing_LicenseExpression`, listed / custom license elements or a bare
 * `https://spdx.org/licenses/<id>`).
 */
import type {
  Asset,
  AssetKind,
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

const FORMAT = 'spdx3';
const HF_URL =
  /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/(?:datasets\/|spaces\/)?[^/\s?#]+\/[^/\s?#]+/i;
const LISTED_LICENSE_URL = /^https?:\/\/spdx\.org\/licenses\/([A-Za-z0-9.+-]+?)(?:\.html|\.json)?$/;

type ElementKind = 'ai' | 'dataset' | 'package' | 'file' | 'relationship' | 'license' | 'agent' | 'other';

type Element = { raw: JsonObject; spdxId: string; type: string; kind: ElementKind; index: number };

function listOf(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** First present value among prefixed / unprefixed property names (`software_x`, `x`). */
function prop(el: JsonObject, ...names: string[]): unknown {
  for (const n of names) if (el[n] !== undefined) return el[n];
  return undefined;
}

/** `?` and `#` would be cut off by canonicalId; keep them out of name-based ids. */
function idPart(s: string): string {
  return s.replace(/[?#]+/g, '_');
}

/** `spdx:<spdxId>` without scheme, `#`/`?` turned into `/` (canonicalId would cut them). */
function fallbackId(spdxId: string): string {
  return `spdx:${spdxId
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[?#]+/g, '/')
    .replace(/\/+$/, '')}`;
}

function typeKey(t: string): string {
  return t.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function classify(type: string): ElementKind {
  const t = typeKey(type.replace(/^.*[#/]/, ''));
  if (t.endsWith('aipackage')) return 'ai';
  if (t.endsWith('datasetpackage')) return 'dataset';
  if (t === 'softwarepackage' || t === 'package') return 'package';
  if (t === 'softwarefile' || t === 'file') return 'file';
  if (t.endsWith('relationship')) return 'relationship';
  if (t.includes('license') || t.endsWith('licenseaddition')) return 'license';
  if (t === 'person' || t === 'organization' || t === 'agent' || t === 'softwareagent' || t === 'tool')
    return 'agent';
  return 'other';
}

function hfFrom(value: string): string | undefined {
  const v = value.trim();
  const purl = /^pkg:huggingface\/([^@?#]+)/i.exec(v);
  if (purl?.[1]) {
    let p = purl[1];
    try {
      p = decodeURIComponent(p);
    } catch {
      // keep as is
    }
    return canonicalId(p.replace(/^\/+|\/+$/g, ''));
  }
  if (HF_URL.test(v)) return canonicalId(v);
  return undefined;
}

function hfIdOf(el: JsonObject): string | undefined {
  const candidates: unknown[] = [
    prop(el, 'software_downloadLocation', 'downloadLocation'),
    prop(el, 'software_packageUrl', 'packageUrl'),
    prop(el, 'software_homePage', 'homePage'),
  ];
  for (const ext of listOf(el.externalIdentifier)) if (isObject(ext)) candidates.push(ext.identifier);
  for (const ext of listOf(el.externalRef)) if (isObject(ext)) candidates.push(...listOf(ext.locator));
  for (const c of candidates) {
    const s = asString(c);
    const id = s ? hfFrom(s) : undefined;
    if (id) return id;
  }
  return undefined;
}

function elementsOf(root: unknown): { elements: JsonObject[]; refsOnly: number } {
  if (Array.isArray(root)) return { elements: root.filter(isObject), refsOnly: 0 };
  if (!isObject(root)) return { elements: [], refsOnly: 0 };
  const graph = root['@graph'];
  if (Array.isArray(graph)) return { elements: graph.filter(isObject), refsOnly: 0 };
  const out: JsonObject[] = [];
  let refsOnly = 0;
  if (Array.isArray(root.element)) {
    for (const e of root.element) {
      if (isObject(e)) out.push(e);
      else if (typeof e === 'string') refsOnly++;
    }
  }
  if (asString(root.type ?? root['@type'])) out.unshift(root);
  return { elements: out, refsOnly };
}

/**
 * Packages follow `software_primaryPurpose` (model / data / source). Files are `code`, except files that are an end
 * of an ML relationship (trainedOn, testedOn, generates ...), which follow their purpose too: a checkpoint folder
 * should not flood the catalog with "models".
 */
function kindFor(el: Element, mlEnds: Set<string>): AssetKind {
  if (el.kind === 'ai') return 'model';
  if (el.kind === 'dataset') return 'dataset';
  const purpose = (asString(prop(el.raw, 'software_primaryPurpose', 'primaryPurpose')) ?? '').toLowerCase();
  if (el.kind === 'file' && !mlEnds.has(el.spdxId)) return 'code';
  if (purpose === 'model') return 'model';
  if (purpose === 'data') return 'dataset';
  if (purpose === 'source') return 'code';
  return el.kind === 'file' ? 'code' : 'software';
}

const ASSET_KINDS = new Set<ElementKind>(['ai', 'dataset', 'package', 'file']);
const ML_RELATIONSHIPS = new Set([
  'trainedOn',
  'testedOn',
  'generates',
  'ancestorOf',
  'descendantOf',
  'hasVariant',
]);

/** Profile properties (`ai_*`, `dataset_*`) with their prefix removed; plain JSON. */
function profileProps(el: JsonObject, prefix: string): JsonObject | undefined {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(el)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

function hashes(el: JsonObject): { sha256?: string; md5?: string; all: JsonObject[] } {
  const all: JsonObject[] = [];
  let sha256: string | undefined;
  let md5: string | undefined;
  for (const h of listOf(el.verifiedUsing)) {
    if (!isObject(h)) continue;
    const alg = (asString(h.algorithm) ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
    const value = asString(h.hashValue);
    if (!value) continue;
    all.push({ algorithm: asString(h.algorithm) ?? '', hashValue: value });
    if (alg === 'sha256' && !sha256) sha256 = value.toLowerCase();
    if (alg === 'md5' && !md5) md5 = value.toLowerCase();
  }
  return { ...(sha256 ? { sha256 } : {}), ...(md5 ? { md5 } : {}), all };
}

function licenseTextsFor(ids: string[], texts: Map<string, string>): JsonObject | undefined {
  const out: JsonObject = {};
  for (const id of ids) {
    const t = texts.get(id);
    if (t !== undefined) out[id] = t;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Relationship `to` list: string, list of strings, or objects carrying `spdxId`/`@id`. */
function targets(v: unknown): string[] {
  const out: string[] = [];
  for (const t of listOf(v)) {
    const s = isObject(t) ? asString(t.spdxId ?? t['@id']) : asString(t);
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

/**
 * Parses an SPDX 3.0 JSON-LD document. Never throws: invalid JSON, dangling references and unknown shapes come back
 * as issues.
 */
export function parseSpdx3(file: SourceFile): ParseResult {
  const parsed = safeJsonParse(file.text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return { format: FORMAT, assets: [], relations: [], issues: parsed.issues };
  const issues: Issue[] = [...parsed.issues];
  const { elements: rawElements, refsOnly } = elementsOf(parsed.value);
  if (rawElements.length === 0) {
    issues.push({
      severity: 'warning',
      code: refsOnly > 0 ? 'NO_ASSETS' : 'UNKNOWN_SHAPE',
      message:
        refsOnly > 0
          ? `SPDX 3: the document only references ${refsOnly} element(s) by id, without their content; nothing to import.`
          : 'SPDX 3: no @graph, element list or element object found; nothing imported.',
    });
    return { format: FORMAT, assets: [], relations: [], issues };
  }

  const elements: Element[] = [];
  const byId = new Map<string, Element>();
  rawElements.forEach((raw, index) => {
    const spdxId = asString(raw.spdxId) ?? asString(raw['@id']);
    const type = asString(raw.type) ?? asString(raw['@type']) ?? '';
    const el: Element = { raw, spdxId: spdxId ?? `#${index}`, type, kind: classify(type), index };
    elements.push(el);
    if (spdxId && !byId.has(spdxId)) byId.set(spdxId, el);
  });

  const rels = elements.filter((e) => e.kind === 'relationship');
  const assetEls = elements.filter((e) => ASSET_KINDS.has(e.kind));

  // Containment parents, for qualifying file ids.
  const containerOf = new Map<string, string>();
  for (const r of rels) {
    if (asString(r.raw.relationshipType) !== 'contains') continue;
    const from = asString(r.raw.from);
    if (!from) continue;
    for (const t of targets(r.raw.to)) if (!containerOf.has(t)) containerOf.set(t, from);
  }

  // Ids: most specific elements first (AI/dataset package, package, file; then document order). The first element
  // keeps a plain id; a later clash gets `@version`, then `spdx:<spdxId>`. Files build on their container's final id.
  const finalId = new Map<string, string>();
  const used = new Set<string>();
  const nameOf = (el: Element): string | undefined => asString(el.raw.name);
  const assignId = (el: Element, depth: number): string => {
    const known = finalId.get(el.spdxId);
    if (known) return known;
    const hf = hfIdOf(el.raw);
    const name = nameOf(el);
    let id: string;
    if (hf) id = hf;
    else if (!name) id = fallbackId(el.spdxId);
    else if (el.kind === 'file') {
      // A name starting with "/" is a path from the package root: qualify it by the nearest package;
      // a relative name is qualified by its direct container (a directory file or a package).
      const relative = name.replace(/^\/+/, '');
      const absolute = relative !== name;
      let parent = byId.get(containerOf.get(el.spdxId) ?? '');
      for (let hops = 0; absolute && parent && parent.kind === 'file' && hops < 30; hops++) {
        parent = byId.get(containerOf.get(parent.spdxId) ?? '');
      }
      id =
        parent && depth < 30 && parent !== el && ASSET_KINDS.has(parent.kind)
          ? `${assignId(parent, depth + 1)}/${idPart(relative)}`
          : canonicalId(idPart(relative));
    } else id = canonicalId(idPart(name));
    if (used.has(id.toLowerCase())) {
      const version = asString(prop(el.raw, 'software_packageVersion', 'packageVersion'));
      const withVersion = version ? `${id}@${version}` : undefined;
      const next = withVersion && !used.has(withVersion.toLowerCase()) ? withVersion : fallbackId(el.spdxId);
      issues.push({
        severity: 'info',
        code: 'DUPLICATE_NAME',
        message: `SPDX 3: the id "${id}" is already taken in this document; ${el.spdxId} gets "${next}".`,
      });
      id = next;
    }
    used.add(id.toLowerCase());
    finalId.set(el.spdxId, id);
    return id;
  };
  const rank = (el: Element): number =>
    el.kind === 'ai' || el.kind === 'dataset' ? 0 : el.kind === 'package' ? 1 : 2;
  for (const el of [...assetEls].sort((a, b) => rank(a) - rank(b) || a.index - b.index)) assignId(el, 0);

  const agentName = (ref: string): string => {
    const el = byId.get(ref);
    return (el && asString(el.raw.name)) ?? ref;
  };

  const licenseTexts = new Map<string, string>();
  const licenseText = (ref: string): string => {
    const el = byId.get(ref);
    if (el) {
      const expr = asString(prop(el.raw, 'simplelicensing_licenseExpression', 'licenseExpression'));
      if (expr) return expr;
      const listed = asString(prop(el.raw, 'expandedlicensing_licenseId', 'licenseId'));
      if (listed) return listed;
      const m = LISTED_LICENSE_URL.exec(el.spdxId);
      if (m?.[1] && classify(el.type) === 'license') return m[1];
      const name = asString(el.raw.name);
      if (name) return name;
      if (classify(el.type) === 'license') {
        // A custom license without a name: SPDX writes these as LicenseRef-<id>; its text goes to extra.
        const text = asString(prop(el.raw, 'simplelicensing_licenseText', 'licenseText'));
        const ref = `LicenseRef-${(
          el.spdxId
            .replace(/[/#:]+$/, '')
            .split(/[/#:]/)
            .pop() ?? 'custom'
        ).replace(/[^A-Za-z0-9.-]+/g, '-')}`;
        if (text) licenseTexts.set(ref, text.length > 2000 ? `${text.slice(0, 2000)}…` : text);
        return ref;
      }
    }
    const m = LISTED_LICENSE_URL.exec(ref);
    return m?.[1] ?? ref;
  };

  // Licenses from relationships.
  const declared = new Map<string, string[]>();
  const concluded = new Map<string, string[]>();
  for (const r of rels) {
    const type = asString(r.raw.relationshipType);
    if (type !== 'hasDeclaredLicense' && type !== 'hasConcludedLicense') continue;
    const from = asString(r.raw.from);
    if (!from) continue;
    const map = type === 'hasDeclaredLicense' ? declared : concluded;
    const list = map.get(from) ?? [];
    for (const t of targets(r.raw.to)) {
      const l = licenseText(t);
      if (!list.includes(l)) list.push(l);
    }
    map.set(from, list);
  }

  const mlEnds = new Set<string>();
  for (const r of rels) {
    if (!ML_RELATIONSHIPS.has(asString(r.raw.relationshipType) ?? '')) continue;
    const from = asString(r.raw.from);
    if (from) mlEnds.add(from);
    for (const t of targets(r.raw.to)) mlEnds.add(t);
  }

  const assets: Asset[] = [];
  for (const el of assetEls) {
    const raw = el.raw;
    const id = finalId.get(el.spdxId) ?? fallbackId(el.spdxId);
    const decl = declared.get(el.spdxId);
    const conc = concluded.get(el.spdxId);
    const chosen = decl && decl.length > 0 ? decl : conc;
    const license: LicenseInfo =
      chosen && chosen.length > 0 ? { raw: chosen.length === 1 ? chosen[0] : chosen } : { raw: undefined };
    const h = hashes(raw);
    const download = asString(prop(raw, 'software_downloadLocation', 'downloadLocation'));
    const downloadUrl = download && /^https?:\/\//i.test(download) ? download : undefined;
    const distribution: DistributionFile[] =
      h.sha256 || h.md5 || downloadUrl
        ? [
            compact({
              name: asString(raw.name),
              url: downloadUrl,
              sha256: h.sha256,
              md5: h.md5,
              encodingFormat: asString(raw.contentType),
            }),
          ]
        : [];
    const creators = [...targets(raw.originatedBy).map(agentName)];
    const suppliedBy = targets(raw.suppliedBy).map(agentName);
    const homePage = asString(prop(raw, 'software_homePage', 'homePage'));
    const datasetTypes = asStringList(raw.dataset_datasetType ?? raw.datasetType);
    const aiDomain = asStringList(raw.ai_domain ?? raw.domain);
    const extra: JsonObject = compact({
      spdxId: el.spdxId,
      spdxType: el.type,
      primaryPurpose: asString(prop(raw, 'software_primaryPurpose', 'primaryPurpose')),
      additionalPurpose: asStringList(prop(raw, 'software_additionalPurpose', 'additionalPurpose')),
      downloadLocation: download,
      packageUrl: asString(prop(raw, 'software_packageUrl', 'packageUrl')),
      suppliedBy,
      releaseTime: asString(raw.releaseTime),
      builtTime: asString(raw.builtTime),
      copyrightText: asString(prop(raw, 'software_copyrightText', 'copyrightText')),
      comment: asString(raw.comment),
      concludedLicense: conc && decl && decl.length > 0 ? (conc.length === 1 ? conc[0] : conc) : undefined,
      licenseTexts: licenseTextsFor([...(decl ?? []), ...(conc ?? [])], licenseTexts),
      hashes: h.all,
      ai: profileProps(raw, 'ai_'),
      dataset: profileProps(raw, 'dataset_'),
    });
    assets.push(
      compact({
        id,
        kind: kindFor(el, mlEnds),
        name: asString(raw.name) ?? id,
        license,
        description:
          asString(raw.description) ??
          asString(raw.summary) ??
          (el.kind === 'ai' ? asString(raw.comment) : undefined),
        version: asString(prop(raw, 'software_packageVersion', 'packageVersion')),
        url: homePage ?? downloadUrl,
        creators,
        tags: [...aiDomain, ...datasetTypes],
        distribution,
        sourceFormat: FORMAT,
        extra,
      }),
    );
  }

  const relations: Relation[] = [];
  const seen = new Set<string>();
  const resolve = (ref: string, path: string): string | undefined => {
    const id = finalId.get(ref);
    if (id) return id;
    const hf = hfFrom(ref);
    if (hf) return hf;
    issues.push({
      severity: 'warning',
      code: 'DANGLING_REF',
      message: `SPDX 3: ${path} refers to "${ref}", which is not a package, dataset, model or file in this document; ignored.`,
      path,
    });
    return undefined;
  };
  const add = (child: string, type: Relation['type'], parent: string, evidence: string): void => {
    if (child.toLowerCase() === parent.toLowerCase()) return;
    const k = `${child.toLowerCase()}|${type}|${parent.toLowerCase()}`;
    if (seen.has(k)) return;
    seen.add(k);
    relations.push({ child, type, parent, origin: 'declared', evidence });
  };
  for (const r of rels) {
    const relType = asString(r.raw.relationshipType) ?? '';
    const fromRef = asString(r.raw.from);
    const tos = targets(r.raw.to);
    if (!fromRef || tos.length === 0) continue;
    const path = `relationship ${r.spdxId}`;
    const evidence = `Relationship ${relType}`;
    type Mapping = { type: Relation['type']; reverse: boolean };
    const mapping: Mapping | undefined = (
      {
        trainedOn: { type: 'trained_on', reverse: false },
        testedOn: { type: 'evaluated_on', reverse: false },
        dependsOn: { type: 'depends_on', reverse: false },
        descendantOf: { type: 'derived_from', reverse: false },
        ancestorOf: { type: 'derived_from', reverse: true },
        generates: { type: 'generated_by', reverse: true },
        hasVariant: { type: 'variant_of', reverse: true },
      } satisfies Record<string, Mapping>
    )[relType];
    if (!mapping) continue;
    const from = resolve(fromRef, `${path}.from`);
    if (!from) continue;
    for (const to of tos) {
      const target = resolve(to, `${path}.to`);
      if (!target) continue;
      if (mapping.reverse) add(target, mapping.type, from, evidence);
      else add(from, mapping.type, target, evidence);
    }
  }

  for (const a of assets) {
    if (a.kind !== 'model') continue;
    const trained = relations.filter((r) => r.child === a.id && r.type === 'trained_on').map((r) => r.parent);
    if (trained.length > 0) a.datasets = trained;
  }

  if (assets.length === 0) {
    issues.push({
      severity: 'warning',
      code: 'NO_ASSETS',
      message: 'SPDX 3: the document has no AI package, dataset package, software package or file element.',
    });
  }
  return { format: FORMAT, assets, relations, issues };
}

/** SPDX 3.0 JSON-LD reader (`spdx3`). */
export const spdx3Parser: FormatParser = {
  id: FORMAT,
  label: 'SPDX 3.0 (AI / Dataset)',
  sniff: (_file, head) => {
    if (!head.startsWith('{') && !head.startsWith('[')) return 0;
    if (!/spdx\.org\/rdf\/3\.\d/.test(head)) return 0;
    return /"@graph"\s*:|"element"\s*:|"spdxId"\s*:|"@id"\s*:/.test(head) ? 0.95 : 0.6;
  },
  parse: parseSpdx3,
};
