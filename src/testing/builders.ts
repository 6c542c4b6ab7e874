/** Test-only builders shared by db/ and worker tests. */
import type { ParseResult, Relation } from '@/core/model';
import type { StoredAsset } from '@/core/catalog/rows';
import { createCatalogDb, type CatalogDb } from '@/db/schema';

let counter = 0;

/** A freshly opened, uniquely named catalog database (fake-indexeddb in tests). */
export async function openTestDb(prefix: string): Promise<CatalogDb> {
  const db = createCatalogDb(`tarn-${prefix}-test-${Date.now()}-${counter++}`);
  await db.open();
  return db;
}

export type CardSpec = {
  id: string;
  license?: string;
  normalized?: string;
  base?: string;
  origin?: Relation['origin'];
  body?: string;
};

/** A parsed HF model card: one model asset, and a finetune_of relation when it has a base. */
export function makeCard({
  id,
  license = 'mit',
  normalized,
  base,
  origin = 'declared',
  body,
}: CardSpec): ParseResult {
  return {
    format: 'hf-model-card',
    assets: [
      {
        id,
        kind: 'model',
        name: id.split('/')[1] ?? id,
        license: { raw: license, ...(normalized !== undefined ? { normalized } : {}) },
        ...(base ? { baseModels: [base] } : {}),
        ...(body !== undefined ? { body } : {}),
      },
    ],
    relations: base
      ? [{ child: id, type: 'finetune_of', parent: base, origin, evidence: 'base_model in card.md' }]
      : [],
    issues: [],
  };
}

/** An import source with a fake hash. */
export function makeSource(name: string, sha: string) {
  return { name, text: `text ${sha}`, sha256: sha, bytes: 10 };
}

/** A stored (merged) model asset with an MIT license; `extra` overrides any field. */
export function storedAsset(id: string, extra: Partial<StoredAsset> = {}): StoredAsset {
  return {
    id,
    key: id.toLowerCase(),
    kind: 'model',
    name: id.split('/')[1] ?? id,
    license: { raw: 'mit', normalized: 'MIT' },
    createdAt: '2026-01-01',
    updatedAt: '2026-01-01',
    contributions: [],
    fieldSources: {},
    sourceFormat: 'hf-model-card',
    ...extra,
  };
}
