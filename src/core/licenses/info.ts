/** Licence facts for the UI: per-licence info (families: see family.ts). */
import { expressionAtoms } from './expression';
import type { KbCategory } from './kb';
import { KB, kbFactsId, kbLicense } from './kb';
import { CATEGORY_FAMILY, licenseIdFamily, type LicenseFamily } from './family';

/** Version of the bundled knowledge base. */
export const KB_VERSION = KB.kbVersion;

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
      family: licenseIdFamily(id),
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
