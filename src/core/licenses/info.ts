/** Licence facts for the UI: coarse family of an expression and per-licence info. */
import type { LicenseNode } from './expression';
import { expressionAtoms } from './expression';
import type { KbCategory } from './kb';
import { KB, kbFactsId, kbLicense } from './kb';
import { parseCanonical } from './normalize';

/** Coarse licence family for badges and filters. */
export type LicenseFamily =
  'permissive' | 'copyleft' | 'non-commercial' | 'responsible-ai' | 'custom' | 'unknown';

/** Version of the bundled knowledge base. */
export const KB_VERSION = KB.kbVersion;

const CATEGORY_FAMILY: Record<KbCategory, LicenseFamily> = {
  'public-domain': 'permissive',
  permissive: 'permissive',
  'weak-copyleft': 'copyleft',
  'strong-copyleft': 'copyleft',
  'network-copyleft': 'copyleft',
  'share-alike': 'copyleft',
  'non-commercial': 'non-commercial',
  'research-only': 'non-commercial',
  'no-derivatives': 'custom',
  'responsible-ai': 'responsible-ai',
  'open-weights-custom': 'custom',
  'proprietary-terms': 'custom',
  unknown: 'unknown',
};

/** AND takes the most restrictive family, OR the least restrictive. */
const RANK: Record<LicenseFamily, number> = {
  permissive: 0,
  copyleft: 1,
  'responsible-ai': 2,
  custom: 3,
  'non-commercial': 4,
  unknown: 5,
};

function atomFamily(id: string): LicenseFamily {
  const lic = kbLicense(id);
  if (lic) return CATEGORY_FAMILY[lic.category];
  if (/^CC-BY(-\d|-NC|-SA|-ND)/i.test(id)) {
    if (/-NC/i.test(id)) return 'non-commercial';
    if (/-SA/i.test(id)) return 'copyleft';
    if (/-ND/i.test(id)) return 'custom';
    return 'permissive';
  }
  if (/GPL|EUPL|MPL|EPL|CDDL|OSL|CECILL|-SA-/i.test(id)) return 'copyleft';
  if (
    /^(NOASSERTION|NONE)$/i.test(id) ||
    /^LicenseRef-(other-unresolved|unresolved-|ambiguous-family)/i.test(id)
  )
    return 'unknown';
  if (/^(LicenseRef|DocumentRef)-/i.test(id)) return 'custom';
  if (/^(0BSD|BSD|MIT|ISC|Apache|Zlib|X11|Unlicense|CC0|PDDL|BlueOak|UPL|PSF|Python)/i.test(id))
    return 'permissive';
  return 'unknown';
}

function nodeFamily(node: LicenseNode): LicenseFamily {
  if (node.type === 'license') return atomFamily(node.id);
  const fams = node.args.map(nodeFamily);
  const pick =
    node.type === 'and' ? Math.max(...fams.map((f) => RANK[f])) : Math.min(...fams.map((f) => RANK[f]));
  return (Object.keys(RANK) as LicenseFamily[]).find((f) => RANK[f] === pick) ?? 'unknown';
}

/** Coarse family of a canonical expression (`MIT OR GPL-3.0-only` -> permissive; `X AND CC-BY-NC-4.0` -> non-commercial). */
export function licenseFamily(expression: string): LicenseFamily {
  try {
    const node = parseCanonical(expression ?? '');
    return node ? nodeFamily(node) : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** UI facts about one canonical licence id. */
export type LicenseUiInfo = {
  id: string;
  /** True when the KB models this licence. */
  known: boolean;
  name: string;
  category: KbCategory;
  family: LicenseFamily;
  url?: string;
  commercialUse: 'yes' | 'no' | 'conditional' | 'unknown';
  commercialConditions?: string;
  copyleft: string;
  useRestrictions?: string;
  attribution: { required: boolean; notice?: string; display?: string; details?: string };
  namingPrefix?: string;
  mauThreshold?: number;
  revenueThresholdUsd?: number;
  osiApproved?: boolean;
};

/** Facts about one canonical licence id for the UI (unknown ids get `known: false`). Never throws. */
export function licenseInfo(canonicalId: string): LicenseUiInfo {
  const id = String(canonicalId ?? '').trim();
  const lic = kbLicense(id);
  if (!lic) {
    const spdx = /^(LicenseRef|DocumentRef)-/i.test(id) ? undefined : `https://spdx.org/licenses/${id}.html`;
    const info: LicenseUiInfo = {
      id,
      known: false,
      name: id || 'unknown',
      category: 'unknown',
      family: atomFamily(id),
      commercialUse: 'unknown',
      copyleft: 'unknown',
      attribution: { required: false },
    };
    if (spdx && id && expressionAtoms({ type: 'license', id }).length) info.url = spdx;
    return info;
  }
  const factsId = kbFactsId(id) ?? id;
  const info: LicenseUiInfo = {
    id: factsId === id ? id : id,
    known: true,
    name: lic.name,
    category: lic.category,
    family: CATEGORY_FAMILY[lic.category],
    commercialUse: lic.commercialUse,
    copyleft: lic.copyleft,
    attribution: { required: lic.attributionRequired },
  };
  if (lic.url) info.url = lic.url;
  if (lic.commercialConditions) info.commercialConditions = lic.commercialConditions;
  if (lic.restrictionsSummary ?? lic.policy) info.useRestrictions = lic.restrictionsSummary ?? lic.policy;
  if (lic.notice) info.attribution.notice = lic.notice;
  if (lic.display) info.attribution.display = lic.display;
  if (lic.attributionDetails) info.attribution.details = lic.attributionDetails;
  if (lic.naming) info.namingPrefix = lic.naming;
  if (lic.mau != null) info.mauThreshold = lic.mau;
  if (lic.revenue != null) info.revenueThresholdUsd = lic.revenue;
  if (lic.osi != null) info.osiApproved = lic.osi;
  return info;
}
