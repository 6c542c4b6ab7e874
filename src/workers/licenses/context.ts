/**
 * The licence engine's view of the catalog, loaded from IndexedDB and cached per catalog fingerprint:
 * every asset (placeholders included) and every relation except inferred edges the user rejected
 * (db/lineageRepo's `rejectedFilter`).
 * The arrays keep their identity between calls so the engine's graph cache is reused.
 */
import type { CatalogLicenseAsset, CatalogLicenseRelation } from '@/core/licenses';
import type { Relation } from '@/core/model';
import type { RelationRow, StoredAsset } from '@/core/catalog/rows';
import { catalogStamp, listAssets, listEdgeDecisions, listRelations, rejectedFilter } from '@/db';

export type LicenseCatalog = {
  /** Catalog stamp + rejected-edge fingerprint. */
  key: string;
  assets: CatalogLicenseAsset[];
  relations: CatalogLicenseRelation[];
  /** asset key -> index in `assets`. */
  byKey: Map<string, number>;
  /** Number of real (non-placeholder) assets. */
  real: number;
};

/** Extra facts some rules read (multimodal checkpoints, publisher ...), copied from `extra`. */
const META_KEYS = ['multimodal', 'modalities', 'modality', 'publisher', 'same_party'] as const;

/** Projects a stored asset to what the engine reads. */
export function toLicenseAsset(
  a: Pick<
    StoredAsset,
    'id' | 'kind' | 'name' | 'license' | 'tags' | 'libraryName' | 'pipelineTag' | 'placeholder' | 'extra'
  >,
): CatalogLicenseAsset {
  const meta: Record<string, unknown> = {};
  if (a.placeholder) meta.placeholder = true;
  const extra = a.extra ?? {};
  for (const k of META_KEYS) if (extra[k] !== undefined) meta[k] = extra[k];
  const out: CatalogLicenseAsset = {
    id: a.id,
    kind: a.kind,
    name: a.name || a.id,
    license: a.license ?? { raw: undefined },
    meta,
  };
  if (a.tags && a.tags.length > 0) out.tags = a.tags;
  if (a.libraryName) out.libraryName = a.libraryName;
  if (a.pipelineTag) out.pipelineTag = a.pipelineTag;
  return out;
}

/** Relations the engine follows: everything but the inferred edges the user rejected. */
export function licenseRelations(
  rows: readonly RelationRow[],
  isRejected: (r: Relation) => boolean,
): CatalogLicenseRelation[] {
  const out: CatalogLicenseRelation[] = [];
  for (const r of rows) {
    if (isRejected(r)) continue;
    out.push({ child: r.child, type: r.type, parent: r.parent, origin: r.origin });
  }
  return out;
}

let cached: LicenseCatalog | undefined;
let loading: { key: string; promise: Promise<LicenseCatalog> } | undefined;

async function fingerprint(): Promise<{ key: string; isRejected: (r: Relation) => boolean }> {
  const [stamp, decisions] = await Promise.all([catalogStamp(), listEdgeDecisions()]);
  const rejected = decisions.filter((d) => d.decision === 'rejected').map((d) => d.id);
  return { key: `${stamp}#${rejected.sort().join(',')}`, isRejected: rejectedFilter(decisions) };
}

async function load(key: string, isRejected: (r: Relation) => boolean): Promise<LicenseCatalog> {
  const [stored, rels] = await Promise.all([listAssets(), listRelations()]);
  const assets = stored.map(toLicenseAsset);
  const byKey = new Map<string, number>();
  assets.forEach((a, i) => byKey.set(a.id.trim().toLowerCase(), i));
  return {
    key,
    assets,
    relations: licenseRelations(rels, isRejected),
    byKey,
    real: stored.filter((a) => !a.placeholder).length,
  };
}

/** The current catalog's fingerprint (catalog stamp and rejected edges): `licenseCatalog().key`, without loading it. */
export async function licenseCatalogKey(): Promise<string> {
  return (await fingerprint()).key;
}

/** The current catalog for the engine (reloaded only when the catalog or the edge decisions changed). */
export async function licenseCatalog(): Promise<LicenseCatalog> {
  const { key, isRejected } = await fingerprint();
  if (cached?.key === key) return cached;
  if (loading?.key === key) return loading.promise;
  const promise = load(key, isRejected).then((c) => {
    cached = c;
    return c;
  });
  const entry = { key, promise };
  loading = entry;
  promise
    .finally(() => {
      if (loading === entry) loading = undefined;
    })
    .catch(() => undefined);
  return promise;
}

/** Tests: forget the cached catalog. */
export function resetLicenseCatalog(): void {
  cached = undefined;
  loading = undefined;
}
