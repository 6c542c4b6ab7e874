/**
 * What the standards serializers (CycloneDX, SPDX 3, Croissant) read: the assets of a lineage closure (as the
 * curated export builds it: `readExport` with `lineageClosure`, see core/export/closure), their relations, the
 * roots the person chose, and the licence verdicts and NOTICE of core/export/licenseSummary.
 */
import type { Asset, Relation } from '../model';
import { assetKey } from '../model';
import type { CatalogExport } from '../export/envelope';
import { summarizeLicenses, type LicenseSummary } from '../export/licenseSummary';
import { parseCanonical, MISSING_EXPRESSION, UNKNOWN_EXPRESSION } from '../licenses/normalize';
import { expressionAtoms } from '../licenses/expression';

export type StandardsAsset = Omit<Asset, 'body'> & { key?: string };

export type StandardsInput = {
  assets: readonly StandardsAsset[];
  relations: readonly Relation[];
  /** Ids (or keys) of the assets the person chose; the rest of `assets` is their lineage closure. */
  roots: readonly string[];
  /** Human title of the document ("Collection \"x\"", "acme/model and its lineage"). */
  title: string;
  /** ISO time the document is created. */
  timestamp: string;
  app: { name: string; version: string };
  licenses?: LicenseSummary;
};

/** The serializers' input from an export envelope (assets + relations of a closure) and the chosen roots. */
export function standardsInput(
  env: Pick<CatalogExport, 'assets' | 'relations' | 'exportedAt' | 'app'>,
  roots: readonly string[],
  title: string,
): StandardsInput {
  const licenses = summarizeLicenses(env, { roots: roots.map(assetKey) });
  return {
    assets: env.assets,
    relations: env.relations,
    roots,
    title,
    timestamp: env.exportedAt,
    app: env.app,
    ...(licenses ? { licenses } : {}),
  };
}

/** Hugging Face style `owner/name` ids (what `pkg:huggingface/...` purls and Hub URLs can carry). */
export function isHubId(id: string): boolean {
  return /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/.test(id);
}

/** The asset's canonical licence expression, or undefined when it is missing or unknown (NONE, NOASSERTION). */
export function licenseExpression(a: StandardsAsset): string | undefined {
  const n = a.license.normalized;
  if (!n || n === MISSING_EXPRESSION || n === UNKNOWN_EXPRESSION) return undefined;
  return parseCanonical(n) ? n : undefined;
}

/** Atoms of a canonical expression (`LicenseRef-x`, `MIT` ...). */
export function licenseIds(expression: string): string[] {
  const node = parseCanonical(expression);
  return node ? [...new Set(expressionAtoms(node).map((a) => a.id))] : [];
}

/** Relation types that say "the child is made from the parent" (a model tree edge, or derived data). */
const DERIVATIONS = new Set([
  'finetune_of',
  'adapter_of',
  'quantized_from',
  'merge_of',
  'distilled_from',
  'derived_from',
]);

export function isDerivation(type: string): boolean {
  return DERIVATIONS.has(type);
}

/** HF `base_model_relation` for Tarn's relation types (the others have no HF name). */
export const HF_RELATION: Readonly<Record<string, string>> = {
  finetune_of: 'finetune',
  adapter_of: 'adapter',
  quantized_from: 'quantized',
  merge_of: 'merge',
};

/** Assets by key, relations grouped by child key; relations whose ends are not both in the set are dropped. */
export function indexInput(input: StandardsInput): {
  byKey: Map<string, StandardsAsset>;
  parentsOf: Map<string, Relation[]>;
  relations: Relation[];
} {
  const byKey = new Map<string, StandardsAsset>();
  for (const a of input.assets) if (!byKey.has(assetKey(a.id))) byKey.set(assetKey(a.id), a);
  const parentsOf = new Map<string, Relation[]>();
  const relations: Relation[] = [];
  const seen = new Set<string>();
  for (const r of input.relations) {
    const c = assetKey(r.child);
    const p = assetKey(r.parent);
    const k = `${c}|${r.type}|${p}`;
    if (c === p || seen.has(k) || !byKey.has(c) || !byKey.has(p)) continue;
    seen.add(k);
    relations.push(r);
    const list = parentsOf.get(c);
    if (list) list.push(r);
    else parentsOf.set(c, [r]);
  }
  return { byKey, parentsOf, relations };
}

/** A file-name-safe stem for a document title. */
export function documentSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'export'
  );
}

const HUB_HOST = /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\//i;

/**
 * An http(s) URL of the asset that is safe to write next to its id: readers take a Hub URL as the id, so a Hub
 * URL only goes with an `owner/name` id.
 */
export function assetUrl(a: StandardsAsset, url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/\S+$/i.test(url)) return undefined;
  return HUB_HOST.test(url) && !isHubId(a.id) ? undefined : url;
}
