/**
 * The one licence-family classifier: the coarse family of a licence expression, shown by the catalog's
 * "License family" facet and column, the `license:<family>` query clause, and the Licenses page.
 *
 * Each KB category has one family (`CATEGORY_FAMILY`). Ids the KB does not model fall back on name
 * patterns, and to `unknown` when nothing matches: an id we cannot place has no known family
 * (`custom` means a licence whose own terms must be read, e.g. a declared `LicenseRef-`).
 */
import type { LicenseNode } from './expression';
import type { KbCategory } from './kb';
import { kbLicense } from './kb';
import { parseCanonical } from './normalize';

/** Coarse licence family for badges, facets and filters. */
export type LicenseFamily =
  'permissive' | 'copyleft' | 'non-commercial' | 'responsible-ai' | 'custom' | 'unknown';

/** Every family, least restrictive first (the order AND / OR pick by). */
export const LICENSE_FAMILIES: readonly LicenseFamily[] = [
  'permissive',
  'copyleft',
  'responsible-ai',
  'custom',
  'non-commercial',
  'unknown',
];

/**
 * The family of each KB category. `no-derivatives` (CC-BY-ND) is `custom`: it allows commercial use
 * (so not `non-commercial`), forbids sharing adaptations (so neither `permissive` nor `copyleft`), and
 * its terms have to be read for what a model may do with it. Non-commercial ND variants are in the KB's
 * `non-commercial` category.
 */
export const CATEGORY_FAMILY: Readonly<Record<KbCategory, LicenseFamily>> = {
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
const RANK: Readonly<Record<LicenseFamily, number>> = {
  permissive: 0,
  copyleft: 1,
  'responsible-ai': 2,
  custom: 3,
  'non-commercial': 4,
  unknown: 5,
};

/** The family of one licence id (KB category, else name patterns, else `unknown`). */
export function licenseIdFamily(rawId: string): LicenseFamily {
  const id = String(rawId ?? '')
    .replace(/\+$/u, '')
    .trim();
  if (
    id === '' ||
    /^(NOASSERTION|NONE|UNKNOWN)$/iu.test(id) ||
    /^LicenseRef-(other-unresolved|unresolved-|ambiguous-family)/iu.test(id)
  )
    return 'unknown';
  const lic = kbLicense(id);
  if (lic) return CATEGORY_FAMILY[lic.category];
  if (/-NC\b|noncommercial|non-commercial|research/iu.test(id)) return 'non-commercial';
  if (/^CC-BY-ND\b/iu.test(id)) return 'custom';
  if (/rail/iu.test(id)) return 'responsible-ai';
  if (/GPL|EUPL|MPL|EPL|CDDL|OSL|CECILL|-SA\b|copyleft/iu.test(id)) return 'copyleft';
  if (/^(LicenseRef|DocumentRef)-/iu.test(id)) return 'custom';
  if (
    /^(0BSD|BSD|MIT|ISC|Apache|Zlib|X11|Unlicense|CC0|CC-BY-\d|PDDL|BlueOak|UPL|PSF|Python|WTFPL|BSL-1|NCSA|OLDAP|PostgreSQL|Artistic)/iu.test(
      id,
    )
  )
    return 'permissive';
  return 'unknown';
}

function nodeFamily(node: LicenseNode): LicenseFamily {
  if (node.type === 'license') return licenseIdFamily(node.id);
  let pick: LicenseFamily | undefined;
  for (const arg of node.args) {
    const f = nodeFamily(arg);
    if (pick === undefined || (node.type === 'and' ? RANK[f] > RANK[pick] : RANK[f] < RANK[pick])) pick = f;
  }
  return pick ?? 'unknown';
}

/** Families by expression: a catalog has few distinct expressions, and parsing one costs tens of µs. */
const familyMemo = new Map<string, LicenseFamily>();
const FAMILY_MEMO_MAX = 10_000;

/**
 * Coarse family of a canonical expression (`MIT OR GPL-3.0-only` → permissive; `X AND CC-BY-NC-4.0` →
 * non-commercial); empty or unparsable → unknown. Never throws. Memoized (a pure function of the text).
 */
export function licenseFamily(expression: string | undefined): LicenseFamily {
  const expr = (expression ?? '').trim();
  if (expr === '') return 'unknown';
  let family = familyMemo.get(expr);
  if (family !== undefined) return family;
  try {
    const node = parseCanonical(expr);
    family = node ? nodeFamily(node) : 'unknown';
  } catch {
    family = 'unknown';
  }
  if (familyMemo.size < FAMILY_MEMO_MAX) familyMemo.set(expr, family);
  return family;
}
