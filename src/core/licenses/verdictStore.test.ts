import { describe, expect, it } from 'vitest';
import { restoreVerdicts, storeVerdicts } from './verdictStore';
import type { LicenseVerdict } from './types';

describe('stored sweep verdicts', () => {
  it('round-trip through a structured clone, odd keys included', () => {
    const verdicts: Record<string, LicenseVerdict> = {
      'acme/a': 'ok',
      'acme/b': 'warning',
      'ünï/c': 'review',
    };
    // A key that is also an Object.prototype member.
    verdicts['constructor'] = 'conflict';
    const back = restoreVerdicts(structuredClone(storeVerdicts(verdicts, 7)));
    expect(back?.assets).toBe(7);
    expect({ ...back?.verdicts }).toEqual(verdicts);
    expect(restoreVerdicts(structuredClone(storeVerdicts({}, 0)))).toEqual({ verdicts: {}, assets: 0 });
  });

  it('refuses other versions, unknown verdict codes and keys that do not fit', () => {
    const good = storeVerdicts({ 'a/b': 'ok', 'c/d': 'conflict' }, 2);
    expect(restoreVerdicts({ ...good, v: 99 })).toBeUndefined();
    expect(restoreVerdicts({ ...good, codes: Uint8Array.from([0, 9]) })).toBeUndefined();
    expect(restoreVerdicts({ ...good, codes: Uint8Array.from([0]) })).toBeUndefined();
    expect(
      restoreVerdicts({ ...good, keys: { text: 'a/b', lengths: Uint32Array.from([3, 3]) } }),
    ).toBeUndefined();
    expect(restoreVerdicts(null)).toBeUndefined();
  });
});
