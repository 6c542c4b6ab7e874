/** Intended use and profile as stored in settings (`intendedUse`, `licenseProfile`). Pure helpers. */
import { DEFAULT_INTENDED_USE, DEFAULT_PROFILE, type IntendedUse, type Profile } from '@/core/licenses';
import type { LicenseSettings } from '@/workers/licenses/client';

export const INTENDED_USE_KEY = 'intendedUse';
export const PROFILE_KEY = 'licenseProfile';
export const PROFILES: readonly Profile[] = ['balanced', 'conservative', 'permissive'];

export const PROFILE_TEXT: Readonly<Record<Profile, string>> = {
  balanced: 'Balanced (default): unsettled questions (e.g. training on NC/SA data) need review.',
  conservative: 'Conservative: trained weights count as adaptations of their data (unsettled → conflict).',
  permissive:
    'Permissive: training counts as non-expressive use (unsettled → ok); contract terms still apply.',
};

function bool(v: unknown, d: boolean): boolean {
  return typeof v === 'boolean' ? v : d;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

/** Stored value (any shape) → a complete intended use. */
export function toIntendedUse(stored: unknown): IntendedUse {
  const s = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const region =
    typeof s.licensee_region === 'string' && s.licensee_region.trim() !== ''
      ? s.licensee_region.trim()
      : null;
  return {
    commercial: bool(s.commercial, DEFAULT_INTENDED_USE.commercial),
    redistribute: bool(s.redistribute, DEFAULT_INTENDED_USE.redistribute),
    hosted_service: bool(s.hosted_service, DEFAULT_INTENDED_USE.hosted_service),
    licensee_mau_at_release: num(s.licensee_mau_at_release),
    annual_revenue_usd: num(s.annual_revenue_usd),
    licensee_region: region,
    licensee_is_end_user: bool(s.licensee_is_end_user, DEFAULT_INTENDED_USE.licensee_is_end_user),
  };
}

export function toProfile(stored: unknown): Profile {
  return PROFILES.includes(stored as Profile) ? (stored as Profile) : DEFAULT_PROFILE;
}

export function toSettings(intendedUse: unknown, profile: unknown): LicenseSettings {
  return { intendedUse: toIntendedUse(intendedUse), profile: toProfile(profile) };
}

/** Stable key of settings (equal settings, equal key). */
export function settingsId(s: LicenseSettings): string {
  return JSON.stringify([toIntendedUse(s.intendedUse), s.profile]);
}

/** Short human summary, e.g. "commercial, redistributed · balanced profile". */
export function describeSettings(s: LicenseSettings): string {
  const u = s.intendedUse;
  const parts = [
    u.commercial ? 'commercial' : 'non-commercial',
    u.redistribute ? 'redistributed' : 'not redistributed',
  ];
  if (u.hosted_service) parts.push('hosted service');
  if (u.licensee_is_end_user) parts.push('end user');
  if (u.licensee_mau_at_release !== null) parts.push(`${u.licensee_mau_at_release.toLocaleString('en')} MAU`);
  if (u.annual_revenue_usd !== null) parts.push(`US$${u.annual_revenue_usd.toLocaleString('en')} revenue`);
  if (u.licensee_region) parts.push(`region ${u.licensee_region}`);
  return `${parts.join(', ')} · ${s.profile} profile`;
}
