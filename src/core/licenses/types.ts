/** Public types of the licence engine. */
import type { AssetKind } from '../model';

/** Verdicts, worst wins: conflict > review > warning > ok. */
export type LicenseVerdict = 'ok' | 'warning' | 'review' | 'conflict';

/** Policy profile: changes only the rules marked "unsettled" in the KB. */
export type Profile = 'balanced' | 'conservative' | 'permissive';

/** Planned use of the target asset (snake_case as in license-cases.json). */
export type IntendedUse = {
  commercial: boolean;
  /** Publish weights / data / a bundle. */
  redistribute: boolean;
  hosted_service: boolean;
  /** Licensee (with affiliates) monthly active users on the upstream's release date. */
  licensee_mau_at_release: number | null;
  annual_revenue_usd: number | null;
  /** ISO country code or `EU`. */
  licensee_region: string | null;
  licensee_is_end_user: boolean;
};

/** Default intended use: commercial redistribution (the most demanding common case). */
export const DEFAULT_INTENDED_USE: IntendedUse = {
  commercial: true,
  redistribute: true,
  hosted_service: false,
  licensee_mau_at_release: null,
  annual_revenue_usd: null,
  licensee_region: null,
  licensee_is_end_user: false,
};

/** Default profile. */
export const DEFAULT_PROFILE: Profile = 'balanced';

/** One rule hit. */
export type LicenseFinding = {
  /** KB rule code, e.g. `CUSTOM_TERMS_DROPPED`. */
  code: string;
  message: string;
  severity: LicenseVerdict;
  /** Asset the finding is about (the upstream asset, or the target). */
  asset?: string;
  /** Asset ids from the target up to `asset`. */
  path?: string[];
  /** Relation (first hop, or `trained_on->generated_by`). */
  relation?: string;
  /** True for rules whose outcome depends on unsettled law (profile-dependent). */
  unsettled?: boolean;
};

/** Something the publisher must do; never changes the verdict. */
export type LicenseObligation = { type: string; source: string; value?: string };

/** Result of an evaluation. */
export type LicenseEvaluation = {
  verdict: LicenseVerdict;
  /** asset id -> canonical expression. */
  normalized: Record<string, string>;
  findings: LicenseFinding[];
  obligations: LicenseObligation[];
  /** OR choices made for upstream assets (asset id -> chosen branch). */
  orChoice: Record<string, string>;
  /** Declared licence of the target AND the licences inherited from derivative ancestors. */
  effective: string;
};

/** Catalog asset as the engine needs it (a subset of `Asset`). */
export type CatalogLicenseAsset = {
  id: string;
  kind: AssetKind | (string & {});
  name: string;
  license: { raw: unknown; normalized?: string; name?: string; link?: string };
  tags?: string[];
  libraryName?: string;
  pipelineTag?: string;
  /** Extra facts (`multimodal`, `publisher` ...). */
  meta?: Record<string, unknown>;
};

/** Catalog relation (child --type--> parent). */
export type CatalogLicenseRelation = {
  child: string;
  type: string;
  parent: string;
  origin?: string;
  attrs?: Record<string, unknown>;
};

/** What `evaluateAsset` / `evaluateCatalog` / `buildNotice` read. Keep the arrays stable between calls to reuse caches. */
export type LicenseContext = {
  assets: readonly CatalogLicenseAsset[];
  relations: readonly CatalogLicenseRelation[];
  intendedUse?: Partial<IntendedUse>;
  profile?: Profile;
};
