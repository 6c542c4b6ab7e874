/** Licence engine: normaliser, KB facts for the UI, evaluation engine, notices, case variants. */
export type { LicenseInput, LicenseInputFormat, NormalizedLicense, NormalizeFlag } from './normalize';
export { normalizeLicense, parseCanonical, UNKNOWN_EXPRESSION, MISSING_EXPRESSION } from './normalize';
export type { LicenseAtom, LicenseNode } from './expression';
export { formatExpression, expressionAtoms, orBranches } from './expression';
export type { LicenseUiInfo } from './info';
export { licenseInfo, KB_VERSION } from './info';
export type { LicenseFamily } from './family';
export { licenseFamily, LICENSE_FAMILIES } from './family';
export type {
  CatalogLicenseAsset,
  CatalogLicenseRelation,
  IntendedUse,
  LicenseContext,
  LicenseEvaluation,
  LicenseFinding,
  LicenseObligation,
  LicenseVerdict,
  Profile,
} from './types';
export { DEFAULT_INTENDED_USE, DEFAULT_PROFILE } from './types';
export type { LicenseCaseAsset, LicenseCaseInput, LicenseCaseRelation, LicenseScenario } from './evaluate';
export {
  evaluateAsset,
  evaluateCatalog,
  evaluateLicenses,
  licenseInputFromCase,
  normalizeCatalogLicense,
} from './evaluate';
export type { LicenseCatalogEntry } from './evaluate';
export { buildNotice } from './notice';
export type { ExpandedCase } from './variants';
export { applyVariant, expandVariants } from './variants';
