/**
 * License normalizer: turns any license input into a canonical SPDX-style expression with provenance.
 * PLACEHOLDER implementation; the license engine work (issue #7) replaces the body, keeping the signature.
 */

export type LicenseInputFormat = 'hf' | 'spdx' | 'text' | 'croissant' | 'cyclonedx' | 'auto';

export type LicenseInput = {
  /** The raw value as found (string, list, object ...). */
  raw: unknown;
  /** HF `license_name` or similar. */
  name?: string;
  /** HF `license_link` or similar. */
  link?: string;
  format?: LicenseInputFormat;
};

export type NormalizedLicense = {
  /** Canonical expression, e.g. `Apache-2.0`, `MIT OR Apache-2.0`, `LicenseRef-unknown`. */
  expression: string;
  /** How sure the mapping is. */
  confidence: 'exact' | 'alias' | 'inferred' | 'unknown';
  /** Human-readable explanation of how the value was mapped. */
  how: string;
};

export function normalizeLicense(input: LicenseInput): NormalizedLicense {
  const raw = input.raw;
  if (typeof raw === 'string' && raw.trim() !== '') {
    return { expression: raw.trim(), confidence: 'inferred', how: 'taken as written' };
  }
  return { expression: 'LicenseRef-unknown', confidence: 'unknown', how: 'no license given' };
}
