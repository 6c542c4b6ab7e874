/** What is stored in IndexedDB. Plain JSON only (structured-clone safe, exportable as is). */
export type { Asset, Relation } from '@/core/model';
export type {
  StoredAsset,
  VersionRow,
  RelationRow,
  ImportRun,
  CurationRow,
  CollectionRow,
  AuditRow,
  SavedViewRow,
  EdgeDecisionRow,
  FileReport,
  ImportSummary,
  Contribution,
  SubscriptionRow,
} from '@/core/catalog/rows';

/** A shard of this catalog's last publication: what the next one needs to keep it (bytes) or replace it. */
export type PublishedShardRow = {
  hash: string;
  kind: string;
  /** Position in the last publication's manifest. */
  order: number;
  count: number;
  ids: string[];
  itemHashes: string[];
  deleted: string[];
  bytes: Uint8Array;
};

export type SettingRow = { key: string; value: unknown };

/** Persisted search index (MiniSearch JSON) with the catalog stamp it was built for. */
export type SearchIndexRow = {
  id: string;
  stamp: string;
  json: string;
  builtAt: string;
  /** Structured data (typed arrays) stored as is, for caches that are not JSON. */
  data?: unknown;
};
