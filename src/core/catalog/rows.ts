/**
 * Row shapes of the catalog store, shared by db/ (persistence), workers/ and the export envelope.
 * Pure types: plain JSON values only.
 */
import type { Asset, Issue, Relation } from '../model';

/** One source's latest contribution to an asset (an HF card, a Croissant file, ...). */
export type Contribution = {
  /** Format id of the source (`hf-model-card`, `croissant`, ...). */
  format: string;
  sourceName: string;
  sha256: string;
  importedAt: string;
  /** The asset exactly as that source described it. */
  asset: Asset;
};

/** The current record of an asset: merged view of its contributions. Primary key `key`. */
export type StoredAsset = Omit<Asset, 'body'> & {
  key: string;
  createdAt: string;
  updatedAt: string;
  /** Latest contribution per source format; empty for placeholders. */
  contributions: Contribution[];
  /** Which source supplied each top-level field (field → `format: sourceName`). */
  fieldSources: Record<string, string>;
  /** Set when the asset came from a subscribed published catalog: that subscription's id (read-only here). */
  subscription?: string;
};

/** Immutable snapshot per import of a changed source. */
export type VersionRow = {
  seq?: number;
  assetKey: string;
  assetId: string;
  sha256: string;
  sourceName: string;
  format: string;
  importedAt: string;
  importId?: number;
  /** Raw text of the source file (omitted in metadata-only exports). */
  text?: string;
};

/** A stored relation: `id` = `${childKey}|${type}|${parentKey}`. */
export type RelationRow = Relation & {
  id: string;
  childKey: string;
  parentKey: string;
  /** Source formats that declared or inferred it. */
  vias: string[];
  /** Set when the relation came from a subscribed published catalog. */
  subscription?: string;
};

/** A subscription to a published catalog. `id` is the manifest URL. */
export type SubscriptionRow = {
  id: string;
  url: string;
  name: string;
  subscribedAt: string;
  refreshedAt?: string;
  /** The shards held, in manifest order, with the ids each holds and deletes. */
  shards: { hash: string; kind: string; ids: string[]; deleted: string[] }[];
  counts?: { assets: number; relations: number; curation: number };
};

export type FileStatus = 'imported' | 'unchanged' | 'failed' | 'skipped';

export type FileReport = {
  name: string;
  bytes: number;
  format: string;
  status: FileStatus;
  created: number;
  updated: number;
  unchanged: number;
  relationsAdded: number;
  assetIds: string[];
  issues: Issue[];
};

export type ImportSummary = {
  new: number;
  updated: number;
  unchanged: number;
  failed: number;
  skipped: number;
};

export type ImportRun = {
  id?: number;
  startedAt: string;
  finishedAt?: string;
  cancelled?: boolean;
  /** The browser's storage for the site filled up: the files reported STORAGE_FULL were not stored. */
  storageFull?: boolean;
  summary: ImportSummary;
  files: FileReport[];
};

export type CurationStatus = 'draft' | 'approved' | 'deprecated';

/** User curation, stored apart from imported data so re-import never overwrites it. */
export type CurationRow = {
  key: string;
  tags: string[];
  notes: string;
  status?: CurationStatus;
  owner?: string;
  updatedAt: string;
};

export type CollectionRow = {
  id: string;
  name: string;
  assetKeys: string[];
  createdAt: string;
  updatedAt: string;
};

export type AuditRow = {
  seq?: number;
  at: string;
  /** Asset concerned, or `*` for catalog-wide events. */
  assetKey: string;
  action: string;
  detail?: string;
};

export type SavedViewRow = { id: string; name: string; search: string; createdAt: string };

/** A user's decision on an inferred edge; survives re-import. `id` = relation id. */
export type EdgeDecisionRow = { id: string; decision: 'confirmed' | 'rejected'; at: string };

export function relationId(childKey: string, type: string, parentKey: string): string {
  return `${childKey}|${type}|${parentKey}`;
}
