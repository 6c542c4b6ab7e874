/**
 * The licence engine's view of the catalog, loaded from IndexedDB and cached per catalog fingerprint:
 * every asset (placeholders included) and every relation except inferred edges the user rejected.
 * The arrays keep their identity between calls so the engine's graph cache is reused.
 */
import type { CatalogLicenseAsset, CatalogLicenseRelation } from '@/core/licenses';
import type { RelationRow, StoredAsset } from '@/core/catalog/rows';
import { catalogStamp, getDb, listAssets, listRelations } from '@/db';

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
export function toLicenseAsset(a: Pick<StoredAsset, 'id' | 'kind' | 'name' | 'license' | 'tags' | 'libraryName' | 'pipelineTag' | 'placeholder' | 'extra'>): CatalogLicenseAsset {
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

/** Relations the engine follows: everything but rejected edges. */
export function licenseRelations(rows: readonly RelationRow[], rejected: ReadonlySet<string>): CatalogLicenseRelation[] {
  const out: CatalogLicenseRelation[] = [];
  for (const r of rows) {
    if (rejected.has(r.id)) continue;
    out.push({ child: r.child, type: r.type, parent: r.parent, origin: r.origin });
  }
  return out;
}

let cached: LicenseCatalog | undefined;
let loading: { key: string; promise: Promise<LicenseCatalog> } | undefined;

async function rejectedEdges(): Promise<Set<string>> {
  const rows = await getDb().edgeDecisions.toArray();
  return new Set(rows.filter((d) => d.decision === 'rejected').map((d) => d.id));
}

async function fingerprint(): Promise<{ key: string; rejected: Set<string> }> {
  const [stamp, rejected] = await Promise.all([catalogStamp(), rejectedEdges()]);
  return { key: `${stamp}#${[...rejected].sort().join(',')}`, rejected };
}

async function load(key: string, rejected: Set<string>): Promise<LicenseCatalog> {
  const [stored, rels] = await Promise.all([listAssets(), listRelations()]);
  const assets = stored.map(toLicenseAsset);
  const byKey = new Map<string, number>();
  assets.forEach((a, i) => byKey.set(a.id.trim().toLowerCase(), i));
  return { key, assets, relations: licenseRelations(rels, rejected), byKey, real: stored.filter((a) => !a.placeholder).length };
}

/** The current catalog for the engine (reloaded only when the catalog or the edge decisions changed). */
export async function licenseCatalog(): Promise<LicenseCatalog> {
  const { key, rejected } = await fingerprint();
  if (cached?.key === key) return cached;
  if (loading?.key === key) return loading.promise;
  const promise = load(key, rejected).then((c) => {
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
