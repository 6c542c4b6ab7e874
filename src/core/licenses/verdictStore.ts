/**
 * A whole-catalog sweep's verdicts as a value for IndexedDB (keys packed into one string, verdicts as one
 * byte each), so a page load on an unchanged catalog and settings reuses them instead of reading and
 * evaluating every asset again. Pure; `restoreVerdicts` validates and returns undefined on anything
 * unexpected.
 */
import { packedReader, packStrings, type PackedStrings } from '../util/columns';
import type { LicenseVerdict } from './types';

const VERSION = 1;
const VERDICTS: readonly LicenseVerdict[] = ['ok', 'warning', 'review', 'conflict'];

export type StoredVerdicts = { v: number; assets: number; keys: PackedStrings; codes: Uint8Array };

export function storeVerdicts(
  verdicts: Readonly<Record<string, LicenseVerdict>>,
  assets: number,
): StoredVerdicts {
  const keys = Object.keys(verdicts);
  const codes = Uint8Array.from(keys, (k) => Math.max(0, VERDICTS.indexOf(verdicts[k] ?? 'review')));
  return { v: VERSION, assets, keys: packStrings(keys, true), codes };
}

/** The verdicts (an object without a prototype: keys are data) and the number of assets swept, or undefined. */
export function restoreVerdicts(
  x: unknown,
): { verdicts: Record<string, LicenseVerdict>; assets: number } | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const s = x as Partial<StoredVerdicts>;
  if (s.v !== VERSION || typeof s.assets !== 'number' || !(s.codes instanceof Uint8Array)) return undefined;
  const n = s.codes.length;
  const key = packedReader(s.keys, n);
  if (!key) return undefined;
  const verdicts = Object.create(null) as Record<string, LicenseVerdict>;
  for (let i = 0; i < n; i++) {
    const verdict = VERDICTS[s.codes[i] ?? 0];
    if (!verdict) return undefined;
    verdicts[key(i)] = verdict;
  }
  return { verdicts, assets: s.assets };
}
