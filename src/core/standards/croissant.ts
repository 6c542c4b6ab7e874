/**
 * Croissant 1.1 JSON-LD of one dataset asset: the dataset-level properties (name, description, license, url,
 * creator, datePublished when known, version, keywords, inLanguage, citeAs), the distribution as `cr:FileObject`s
 * with their hashes, and `prov:wasDerivedFrom` for the datasets it derives from. Croissant has no official JSON
 * schema; tests check the spec's required properties and read the file back with Tarn's Croissant reader.
 *
 * Identity (so Tarn's Croissant reader gives the same id back): Hub ids get their Hub dataset URL as `url`,
 * `openml:<n>` its OpenML page, host-like ids (`github.com/org/repo`) `https://<id>`; `croissant:<name>` ids
 * have no URL (the reader falls back to the name).
 */
import { assetKey } from '../model';
import { licenseInfo } from '../licenses/info';
import {
  assetUrl,
  indexInput,
  isDerivation,
  isHubId,
  licenseExpression,
  type StandardsAsset,
  type StandardsInput,
} from './input';

type Json = Record<string, unknown>;

export const CROISSANT_CONTEXT: Json = {
  '@language': 'en',
  '@vocab': 'https://schema.org/',
  citeAs: 'cr:citeAs',
  column: 'cr:column',
  conformsTo: 'dct:conformsTo',
  containedIn: 'cr:containedIn',
  cr: 'http://mlcommons.org/croissant/',
  rai: 'http://mlcommons.org/croissant/RAI/',
  prov: 'http://www.w3.org/ns/prov#',
  data: { '@id': 'cr:data', '@type': '@json' },
  dataType: { '@id': 'cr:dataType', '@type': '@vocab' },
  dct: 'http://purl.org/dc/terms/',
  examples: { '@id': 'cr:examples', '@type': '@json' },
  extract: 'cr:extract',
  field: 'cr:field',
  fileProperty: 'cr:fileProperty',
  fileObject: 'cr:fileObject',
  fileSet: 'cr:fileSet',
  format: 'cr:format',
  includes: 'cr:includes',
  isLiveDataset: 'cr:isLiveDataset',
  jsonPath: 'cr:jsonPath',
  key: 'cr:key',
  md5: 'cr:md5',
  parentField: 'cr:parentField',
  path: 'cr:path',
  recordSet: 'cr:recordSet',
  references: 'cr:references',
  regex: 'cr:regex',
  repeated: 'cr:repeated',
  replace: 'cr:replace',
  sc: 'https://schema.org/',
  separator: 'cr:separator',
  source: 'cr:source',
  subField: 'cr:subField',
  transform: 'cr:transform',
};

export const CROISSANT_1_1 = 'http://mlcommons.org/croissant/1.1';

/** The dataset's page URL from which Tarn's Croissant reader derives the same id (undefined: none exists). */
export function croissantUrl(id: string): string | undefined {
  if (isHubId(id) || /^[A-Za-z0-9][\w-]*$/.test(id)) return `https://huggingface.co/datasets/${id}`;
  const openml = /^openml:(\d+)$/i.exec(id);
  if (openml) return `https://www.openml.org/d/${openml[1]}`;
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s?#]*)?$/i.test(id)) return `https://${id}`;
  return undefined;
}

function creators(a: StandardsAsset): Json[] {
  const names = a.creators?.length ? a.creators : a.owner ? [a.owner] : [];
  return names.map((name) => ({ '@type': a.creators?.length ? 'sc:Person' : 'sc:Organization', name }));
}

function license(a: StandardsAsset): unknown {
  const expr = licenseExpression(a);
  if (!expr) return 'NOASSERTION';
  if (!expr.startsWith('LicenseRef-') || /\s/.test(expr)) return expr;
  const url = a.license.link ?? licenseInfo(expr).url;
  return url && /^https?:\/\/\S+$/i.test(url)
    ? {
        '@type': 'sc:CreativeWork',
        name: expr,
        ...(a.license.name ? { alternateName: a.license.name } : {}),
        url,
      }
    : expr;
}

function distribution(a: StandardsAsset): Json[] {
  return (a.distribution ?? []).map((f, i) => {
    const url = assetUrl(a, f.url);
    return {
      '@type': 'cr:FileObject',
      '@id': `file-${i + 1}`,
      name: f.name ?? `file-${i + 1}`,
      ...(url ? { contentUrl: url } : {}),
      ...(f.encodingFormat ? { encodingFormat: f.encodingFormat } : {}),
      ...(f.contentSize ? { contentSize: f.contentSize } : {}),
      ...(f.sha256 ? { sha256: f.sha256 } : {}),
      ...(f.md5 ? { md5: f.md5 } : {}),
    };
  });
}

/** Builds the Croissant 1.1 document (a JSON object) for the dataset `id` of the input. */
export function toCroissant(input: StandardsInput, id: string): Json | undefined {
  const { byKey, parentsOf } = indexInput(input);
  const a = byKey.get(assetKey(id));
  if (!a || a.kind !== 'dataset') return undefined;
  const url = croissantUrl(a.id);
  const extra = a.extra ?? {};
  const published = [extra.datePublished, extra.releaseTime].find((v) => typeof v === 'string');
  const derived = (parentsOf.get(assetKey(a.id)) ?? [])
    .filter((r) => isDerivation(r.type))
    .map((r) => croissantUrl(byKey.get(assetKey(r.parent))?.id ?? r.parent))
    .filter((u): u is string => u !== undefined)
    .map((u) => ({ '@id': u }));
  return {
    '@context': CROISSANT_CONTEXT,
    '@type': 'sc:Dataset',
    conformsTo: CROISSANT_1_1,
    name: a.id.startsWith('croissant:') ? a.id.slice('croissant:'.length) : a.name || a.id,
    description: a.description ?? `${a.name || a.id} (exported from ${input.app.name}).`,
    license: license(a),
    ...(url ? { url } : {}),
    creator: creators(a),
    ...(typeof published === 'string' ? { datePublished: published } : {}),
    ...(a.version ? { version: a.version } : {}),
    ...(a.citation ? { citeAs: a.citation } : {}),
    ...(a.tags?.length ? { keywords: a.tags } : {}),
    ...(a.languages?.length ? { inLanguage: a.languages } : {}),
    ...(derived.length > 0 ? { 'prov:wasDerivedFrom': derived } : {}),
    distribution: distribution(a),
  };
}
