import { describe, expect, it } from 'vitest';
import { exportFilePrefix, exportStamp } from './fileName';

describe('export file names', () => {
  it('prefixes a slug of the name, at most 40 characters of [a-z0-9-]', () => {
    expect(exportFilePrefix('Q3 release!')).toBe('tarn-q3-release');
    expect(exportFilePrefix('***')).toBe('tarn-export');
    expect(exportFilePrefix('a'.repeat(60))).toBe(`tarn-${'a'.repeat(40)}`);
  });

  it('stamps the UTC time, sortable and file-name safe', () => {
    expect(exportStamp(new Date('2026-12-03T06:30:05.123Z'))).toBe('2026-12-03-06-30-05');
  });
});
