import { describe, expect, it } from 'vitest';
import { parseCatalogExport, serializeCatalog, validateCatalogExport } from './envelope';

const asset = {
  id: 'acme/m',
  key: 'acme/m',
  kind: 'model',
  name: 'm',
  license: { raw: 'mit' },
  createdAt: 'a',
  updatedAt: 'b',
  contributions: [],
  fieldSources: {},
} as const;

describe('export envelope guard', () => {
  it('accepts what serializeCatalog writes', () => {
    const env = serializeCatalog({ assets: [{ ...asset }], versions: [], relations: [] });
    expect(env).toMatchObject({ format: 'tarn-catalog', version: 1, app: { name: 'Tarn' } });
    expect(parseCatalogExport(JSON.stringify(env)).ok).toBe(true);
  });

  it('rejects a newer version with a clear message', () => {
    const res = validateCatalogExport({ format: 'tarn-catalog', version: 99, assets: [], versions: [], relations: [] });
    expect(res.ok).toBe(false);
    expect(res.issues[0]?.message).toMatch(/version 99/);
  });

  it('rejects truncated files with line and column', () => {
    const text = JSON.stringify(serializeCatalog({ assets: [{ ...asset }], versions: [], relations: [] })).slice(0, 60);
    const res = parseCatalogExport(text);
    expect(res.ok).toBe(false);
    expect(res.issues[0]?.code).toBe('JSON_SYNTAX');
  });

  it('rejects damaged rows and other formats', () => {
    expect(validateCatalogExport({ format: 'other' }).ok).toBe(false);
    expect(validateCatalogExport({ format: 'tarn-catalog', version: 1, assets: [{ id: 3 }], versions: [], relations: [] }).ok).toBe(false);
    expect(validateCatalogExport({ format: 'tarn-catalog', version: 1, assets: [], versions: [], relations: [{ id: 'x' }] }).ok).toBe(false);
    expect(validateCatalogExport([]).ok).toBe(false);
  });

  it('drops __proto__ keys instead of polluting prototypes', () => {
    const text = `{"format":"tarn-catalog","version":1,"assets":[],"versions":[],"relations":[],"__proto__":{"polluted":true}}`;
    const res = parseCatalogExport(text);
    expect(res.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(res.issues.some((i) => i.code === 'FORBIDDEN_KEY')).toBe(true);
  });
});
