/**
 * What a person can do about a finding: one sentence per rule code, naming the component and, where it matters,
 * the licence. Pure; the findings themselves come from the rules (rules.ts), this only words the way out.
 */
import type { LicenseFinding } from './types';

type RemedyContext = {
  /** Name of the asset the finding is about. */
  asset: string;
  /** Licence (canonical expression) of that asset, when known. */
  license: string;
};

const REMEDIES: Readonly<Record<string, (c: RemedyContext) => string>> = {
  NC_COMMERCIAL_USE: (c) =>
    `Keep the product non-commercial, get a commercial licence for ${c.asset}, or replace it.`,
  NC_RELICENSE: (c) => `Declare the product under terms that keep ${c.license}, or replace ${c.asset}.`,
  TRAINING_DATA_NC_UNSETTLED: (c) =>
    `Ask the rights holder of ${c.asset} for permission, use a model trained without it, or keep the product non-commercial.`,
  TRAINING_DATA_SA_UNSETTLED: (c) =>
    `Release the product under ${c.license} (or a compatible licence), or use a model trained without ${c.asset}.`,
  TRAINING_DATA_ND_UNSETTLED: (c) => `Do not share the product, or ask the rights holder of ${c.asset}.`,
  SA_RELICENSE: (c) => `License the product under ${c.license} or a licence it lists as compatible.`,
  SA_COLLECTION: (c) => `Declare per-part licences, keeping ${c.license} for ${c.asset}.`,
  ND_ADAPTATION_SHARED: (c) =>
    `Do not share an adaptation of ${c.asset}; use it unmodified or keep it private.`,
  CONTRACT_RESEARCH_ONLY: (c) => `Use ${c.asset} for research only, or negotiate commercial terms.`,
  CUSTOM_TERMS_DROPPED: (c) =>
    `Ship the ${c.license} agreement with the product and declare it beside your own terms (e.g. "${c.license} AND <your terms>").`,
  USE_RESTRICTIONS_DROPPED: (c) =>
    `Put the use restrictions of ${c.license} into the product's licence or terms of service.`,
  USE_RESTRICTIONS_FLOW: (c) => `Pass the use restrictions of ${c.license} on to your users.`,
  LLAMA_NAMING: () => 'Rename the product so that it begins with the required prefix.',
  LLAMA_OUTPUT_TRAINING: (c) =>
    `Do not train the product on outputs of ${c.asset}, or derive it from that model.`,
  MAU_THRESHOLD: (c) => `Request a licence from the licensor of ${c.asset} before release.`,
  REVENUE_THRESHOLD: (c) => `Obtain the enterprise licence for ${c.asset}.`,
  GEO_RESTRICTION: (c) => `Use another checkpoint than ${c.asset} for licensees in that region.`,
  MERGE_INCOMPATIBLE: () => 'Merge only parents whose licences can all be met, or drop one parent.',
  MERGE_STACKED_AGREEMENTS: () =>
    'Ship every agreement and all their restrictions, and have the combination reviewed.',
  COPYLEFT_CODE_COMBINED: (c) =>
    `Call ${c.asset} over a network API or run it as a separate process, or license the product under ${c.license} (or a licence it accepts).`,
  NETWORK_COPYLEFT_SAAS: (c) =>
    `Offer the modified source of ${c.asset} to the service's users (AGPL section 13), or use it unmodified.`,
  COPYLEFT_SOURCE_NOT_OFFERED: (c) => `Offer the corresponding source of ${c.asset} with the product.`,
  UNKNOWN_LICENSE: (c) => `Find out the licence of ${c.asset} from its publisher, or replace it.`,
  UNRESOLVED_LICENSE_REF: (c) => `Read the terms of ${c.asset} (${c.license}) and decide.`,
  AMBIGUOUS_ALIAS: (c) => `Confirm which licence ${c.asset} means.`,
  MISSING_DECLARED_LICENSE: () => 'Declare the inherited licences and ship their texts.',
  API_TERMS_COMPETITION: (c) => `Check the API terms of ${c.asset} against what the product does.`,
  UPSTREAM_INCONSISTENT: (c) => `Treat ${c.asset} under the licences of its own lineage.`,
  PERMISSIVE_RELABEL_COPY: (c) => `Ship the licence and notices of ${c.asset} (${c.license}) with the copy.`,
};

/**
 * The remedy for a finding that needs one (not for notes: ok findings carry obligations instead), or undefined.
 * `names` and `licenses` map asset ids to display names and canonical expressions.
 */
export function remedyFor(
  f: LicenseFinding,
  names: Readonly<Record<string, string>>,
  licenses: Readonly<Record<string, string>>,
): string | undefined {
  if (f.severity === 'ok') return undefined;
  const make = REMEDIES[f.code];
  if (!make) return undefined;
  const id = f.asset ?? '';
  return make({ asset: names[id] ?? (id || 'this component'), license: licenses[id] ?? 'its licence' });
}
