/**
 * Dexie schema. DO NOT CHANGE DB_NAME, table names or an existing version's stores without adding a new
 * version with a named migration and a test that seeds the old version first (schema.test.ts).
 */
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { ProductPlan } from '@/core/licenses/plan';
import type {
  AuditRow,
  CollectionRow,
  CurationRow,
  EdgeDecisionRow,
  ImportRun,
  RelationRow,
  SavedViewRow,
  SearchIndexRow,
  PublishedShardRow,
  SettingRow,
  StoredAsset,
  SubscriptionRow,
  VersionRow,
} from './rows';

export const DB_NAME = 'tarn';

export const TABLES = {
  assets: 'assets',
  versions: 'versions',
  relations: 'relations',
  imports: 'imports',
  settings: 'settings',
  curation: 'curation',
  collections: 'collections',
  audit: 'audit',
  savedViews: 'savedViews',
  edgeDecisions: 'edgeDecisions',
  searchIndex: 'searchIndex',
  plans: 'plans',
  subscriptions: 'subscriptions',
  publishedShards: 'publishedShards',
} as const;

/** v1 Foundation: assets, versions, relations, imports, settings. */
export const SCHEMA_V1 = {
  assets: 'key, kind, updatedAt',
  versions: '++seq, assetKey, [assetKey+sha256]',
  relations: 'id, childKey, parentKey',
  imports: '++id',
  settings: 'key',
} as const;

/** v2 Curation: curation overlay, collections, audit log, saved views, edge decisions, persisted search index. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  curation: 'key, status',
  collections: 'id',
  audit: '++seq, assetKey, at',
  savedViews: 'id',
  edgeDecisions: 'id',
  searchIndex: 'id',
} as const;

/** v3 ProductPlans: product plans (licence compliance of a work built from catalog assets). */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  plans: 'id, updatedAt',
};

/**
 * v4 PublishedCatalogs: subscriptions to published catalogs and the shards of this catalog's last
 * publication; assets and relations are indexed by the subscription they came from.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  assets: 'key, kind, updatedAt, subscription',
  relations: 'id, childKey, parentKey, subscription',
  subscriptions: 'id',
  publishedShards: 'hash, kind',
} as const;

export type CatalogDb = Dexie & {
  assets: EntityTable<StoredAsset, 'key'>;
  versions: EntityTable<VersionRow, 'seq'>;
  relations: EntityTable<RelationRow, 'id'>;
  imports: EntityTable<ImportRun, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  curation: EntityTable<CurationRow, 'key'>;
  collections: EntityTable<CollectionRow, 'id'>;
  audit: EntityTable<AuditRow, 'seq'>;
  savedViews: EntityTable<SavedViewRow, 'id'>;
  edgeDecisions: EntityTable<EdgeDecisionRow, 'id'>;
  searchIndex: EntityTable<SearchIndexRow, 'id'>;
  plans: EntityTable<ProductPlan, 'id'>;
  subscriptions: EntityTable<SubscriptionRow, 'id'>;
  publishedShards: EntityTable<PublishedShardRow, 'hash'>;
};

/** Records a migration of a non-empty catalog in its audit log. */
async function auditMigration(tx: Transaction, what: string): Promise<void> {
  const count = await tx.table(TABLES.assets).count();
  if (count === 0) return;
  await tx.table(TABLES.audit).add({
    at: new Date().toISOString(),
    assetKey: '*',
    action: 'migrate',
    detail: `${what} added to a catalog of ${count} assets`,
  } satisfies AuditRow);
}

/** Opens (declares) the catalog database with every version and migration. */
export function createCatalogDb(name: string = DB_NAME): CatalogDb {
  const db = new Dexie(name) as CatalogDb;
  db.version(1).stores(SCHEMA_V1);
  // v2 AddCuration: new tables only; existing rows need no change, so no upgrade function beyond
  // recording the migration in the audit log.
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade((tx) => auditMigration(tx, 'Schema v2 (curation tables)'));
  // v3 AddProductPlans: a new table only; existing rows are untouched.
  db.version(3)
    .stores(SCHEMA_V3)
    .upgrade((tx) => auditMigration(tx, 'Schema v3 (product plans)'));
  // v4 AddPublishedCatalogs: two new tables and two new indexes; no existing row changes (local assets have
  // no subscription, so the new indexes hold nothing until a subscription writes).
  db.version(4)
    .stores(SCHEMA_V4)
    .upgrade((tx) => auditMigration(tx, 'Schema v4 (published catalogs)'));
  return db;
}
