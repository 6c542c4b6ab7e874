/**
 * Identity and merging: one stored asset per real-world id, enriched by every source that describes it.
 * The current record is the fold of the latest contribution of each source format, in import order
 * (a later source wins per field), so re-importing a changed card replaces only that card's fields.
 */
import { assetKey, type Asset, type AssetKind } from '../model';
import { stableStringify } from '../util/values';
import type { Contribution, StoredAsset } from './rows';

/** Fields that are bookkeeping, not content (ignored when deciding "unchanged"). */
const META_FIELDS = new Set(['createdAt', 'updatedAt', 'contributions', 'fieldSources', 'key']);

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Merges contributions (ordered oldest → newest) into the current fields of an asset. */
export function foldContributions(
  id: string,
  contributions: readonly Contribution[],
): { fields: Omit<Asset, 'body'>; fieldSources: Record<string, string> } {
  const sorted = [...contributions].sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  const fields: Record<string, unknown> = {};
  const fieldSources: Record<string, string> = {};
  for (const c of sorted) {
    for (const [k, v] of Object.entries(c.asset)) {
      if (k === 'body' || k === 'id' || isEmpty(v)) continue;
      if (k === 'license') {
        const lic = v as Asset['license'];
        if (lic.raw === undefined && lic.normalized === undefined && fields.license !== undefined) continue;
      }
      if (k === 'extra' && fields.extra && typeof v === 'object') {
        fields.extra = { ...fields.extra, ...v };
      } else {
        fields[k] = v;
      }
      fieldSources[k] = `${c.format}: ${c.sourceName}`;
    }
  }
  const kind = (fields.kind as AssetKind | undefined) ?? 'unknown';
  const name = (fields.name as string | undefined) ?? id.split('/').pop() ?? id;
  const license = (fields.license as Asset['license'] | undefined) ?? { raw: undefined };
  return {
    fields: { ...(fields as Omit<Asset, 'body'>), id, kind, name, license, placeholder: undefined },
    fieldSources,
  };
}

/** Content fingerprint of a stored asset, ignoring timestamps. */
export function contentFingerprint(a: StoredAsset | undefined): string {
  if (!a) return '';
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) if (!META_FIELDS.has(k) && v !== undefined) rest[k] = v;
  return stableStringify({ rest, c: a.contributions.map((c) => [c.format, c.sha256]) });
}

export type MergeOutcome = {
  status: 'new' | 'updated' | 'unchanged';
  record: StoredAsset;
  /** The contribution this one replaced (same source), if any. */
  replaced?: Contribution;
};

/** Formats where one asset has exactly one source document (a repo has one card). */
const SINGLE_SOURCE_FORMATS = new Set(['hf-model-card', 'hf-dataset-card']);

/** Does contribution `c` come from the same source as `source` (so the new one replaces it)? */
export function isSameSource(c: Contribution, source: { format: string; sourceName: string }): boolean {
  return (
    c.format === source.format && (c.sourceName === source.sourceName || SINGLE_SOURCE_FORMATS.has(c.format))
  );
}

/** Relation provenance tag for one source document. */
export function viaTag(source: { format: string; sourceName: string }): string {
  return `${source.format}:${source.sourceName}`;
}

/**
 * Applies one source's description of an asset to the stored record (or creates it).
 * Identical content already contributed by the same format is `unchanged`; a placeholder being filled
 * counts as `new`.
 */
export function mergeAsset(
  existing: StoredAsset | undefined,
  incoming: Asset,
  source: { format: string; sourceName: string; sha256: string; importedAt: string },
): MergeOutcome {
  const key = assetKey(incoming.id);
  const prior = existing && !existing.placeholder ? existing : undefined;
  const incomingJson = stableStringify(incoming);
  if (prior) {
    const known = prior.contributions.find(
      (c) =>
        c.format === source.format &&
        (c.sha256 === source.sha256 || isSameSource(c, source)) &&
        stableStringify(c.asset) === incomingJson,
    );
    if (known) return { status: 'unchanged', record: prior };
  }
  const replaced = prior?.contributions.find((c) => isSameSource(c, source));
  const others = (prior?.contributions ?? []).filter((c) => c !== replaced);
  const contribution: Contribution = { ...source, asset: incoming };
  const contributions = [...others, contribution];
  const id = prior?.id ?? incoming.id;
  const { fields, fieldSources } = foldContributions(id, contributions);
  const record: StoredAsset = {
    ...fields,
    key,
    createdAt: existing?.createdAt ?? source.importedAt,
    updatedAt: source.importedAt,
    contributions,
    fieldSources,
  };
  delete record.placeholder;
  return { status: prior ? 'updated' : 'new', record, ...(replaced ? { replaced } : {}) };
}

/** Guesses a placeholder's kind from how it is referenced. */
export function kindFromRelation(type: string): AssetKind {
  switch (type) {
    case 'trained_on':
    case 'evaluated_on':
    case 'derived_from':
      return 'dataset';
    case 'uses_code':
    case 'depends_on':
      return 'unknown';
    default:
      return 'model';
  }
}

/** A placeholder record for an id that is referenced but not (yet) in the catalog. */
export function makePlaceholder(id: string, kind: AssetKind, now: string): StoredAsset {
  const parts = id.split('/');
  return {
    id,
    key: assetKey(id),
    kind,
    name: parts[parts.length - 1] ?? id,
    ...(parts.length > 1 ? { owner: parts[0] } : {}),
    license: { raw: undefined },
    placeholder: true,
    createdAt: now,
    updatedAt: now,
    contributions: [],
    fieldSources: {},
  };
}

/** The markdown body of an asset: from its most recent contribution that has one. */
export function assetBody(a: StoredAsset): string | undefined {
  const withBody = a.contributions.filter((c) => typeof c.asset.body === 'string' && c.asset.body !== '');
  withBody.sort((x, y) => y.importedAt.localeCompare(x.importedAt));
  return withBody[0]?.asset.body;
}
