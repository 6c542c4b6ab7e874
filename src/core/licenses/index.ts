/** Licence engine: normaliser, KB facts for the UI, evaluation engine, notices, case variants. */
export type { LicenseInput, NormalizeFlag } from './normalize';
export { normalizeLicense } from './normalize';
export { licenseInfo, KB_VERSION } from './info';
export type { LicenseFamily } from './family';
export { licenseFamily } from './family';
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
export type { LicenseScenario } from './evaluate';
export { evaluateAsset, evaluateCatalog, evaluateLicenses, normalizeCatalogLicense } from './evaluate';
export type { LicenseCatalogEntry } from './evaluate';
export { buildNotice } from './notice';
export { applyVariant, expandVariants } from './variants';
export type { ComponentUse, PlanComponent, PlanResult, ProductPlan } from './plan';
export {
  COMPONENT_USE_LABELS,
  COMPONENT_USES,
  diffFindings,
  evaluatePlan,
  newComponent,
  newPlan,
  PLAN_PROFILES,
  planReport,
  planScenario,
  readPlan,
} from './plan';
