/** Shapes exchanged with the licence handlers (structured-clone safe). */
import type {
  IntendedUse,
  LicenseEvaluation,
  LicenseFamily,
  LicenseVerdict,
  NormalizeFlag,
  Profile,
} from '@/core/licenses';

/** The user's intended use and policy profile (stored in settings). */
export type LicenseSettings = { intendedUse: IntendedUse; profile: Profile };

/** Per-asset verdicts of a whole-catalog sweep, keyed by asset key (lower-case id). */
export type LicenseSweepResult = {
  /** Catalog fingerprint + settings the sweep was computed for. */
  key: string;
  verdicts: Record<string, LicenseVerdict>;
  /** Assets evaluated (placeholders included). */
  assets: number;
  ms: number;
};

/** How one asset's licence was read and normalised. */
export type LicenseDerivation = {
  id: string;
  name: string;
  kind: string;
  /** False for ids only known through a relation (no record in the catalog). */
  inCatalog: boolean;
  placeholder: boolean;
  /** The raw declared value, as text (JSON for non-strings; '' when absent). */
  raw: string;
  licenseName?: string;
  licenseLink?: string;
  expression: string;
  confidence: 'exact' | 'alias' | 'inferred' | 'unknown';
  how: string;
  flags: NormalizeFlag[];
  family: LicenseFamily;
};

/** The licence check of one asset: evaluation, per-asset derivations and a NOTICE. */
export type AssetLicenseReport = {
  id: string;
  name: string;
  key: string;
  evaluation: LicenseEvaluation;
  /** Target first, then every asset the evaluation reached. */
  derivations: LicenseDerivation[];
  /** Display names of every id in findings' paths and obligations. */
  names: Record<string, string>;
  notice: string;
  ms: number;
};

/** One asset with a verdict worse than ok in the report. */
export type LicenseIssue = {
  id: string;
  name: string;
  kind: string;
  verdict: LicenseVerdict;
  expression: string;
  family: LicenseFamily;
  /** Distinct rule codes, worst first. */
  codes: string[];
  /** Codes that set the verdict. */
  worst: string[];
  /** Findings with messages and paths (only for the first issues; codes suffice for the rest). */
  reasons?: { code: string; severity: LicenseVerdict; message: string; path: string[] }[];
};

/** The catalog licence report. */
export type LicenseReport = {
  key: string;
  generatedAt: string;
  settings: LicenseSettings;
  /** Real (non-placeholder) assets counted. */
  total: number;
  byVerdict: Record<LicenseVerdict, number>;
  byFamily: { family: LicenseFamily; count: number; byVerdict: Record<LicenseVerdict, number> }[];
  /** Conflicts first, then reviews, each sorted by name. */
  issues: LicenseIssue[];
  /** Display names for ids in reasons' paths. */
  names: Record<string, string>;
  ms: number;
};
