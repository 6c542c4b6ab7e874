import { describe, expect, it } from 'vitest';
import type { StoredAsset } from '../catalog/rows';
import { parseCatalogExport, serializeCatalog, validateCatalogExport } from './envelope';

const asset: StoredAsset = {
  id: 'acme/m',
  key: 'acme/m',
  kind: 'model',
  name: 'm',
  license: { raw: 'mit' },
  createdAt: 'a',
  updatedAt: 'b',
  contributions: [],
  fieldSources: {},
};

describe('export envelope guard', () => {
  it('accepts what serializeCatalog writes', () => {
    const env = serializeCatalog({ assets: [{ ...asset }], versions: [], relations: [] });
    expect(env).toMatchObject({ format: 'tarn-catalog', version: 2, app: { name: 'Tarn' } });
    expect(parseCatalogExport(JSON.stringify(env)).ok).toBe(true);
  });

  it('still accepts a version 1 export (no plans); a plans part must be a list', () => {
    const v1 = { format: 'tarn-catalog', version: 1, assets: [{ ...asset }], versions: [], relations: [] };
    expect(parseCatalogExport(JSON.stringify(v1)).ok).toBe(true);
    expect(validateCatalogExport({ ...v1, version: 2, plans: [{ id: 'p1', components: [] }] }).ok).toBe(true);
    const bad = validateCatalogExport({ ...v1, version: 2, plans: { id: 'p1' } });
    expect(bad.ok).toBe(false);
    expect(bad.issues[0]?.message).toMatch(/"plans" is not a list/);
  });

  it('rejects a newer version with a clear message', () => {
    const res = validateCatalogExport({
      format: 'tarn-catalog',
      version: 99,
      assets: [],
      versions: [],
      relations: [],
    });
    expect(res.ok).toBe(false);
    expect(res.issues[0]?.message).toMatch(/version 99/);
  });

  it('rejects truncated files with line and column', () => {
    const text = JSON.stringify(
      serializeCatalog({ assets: [{ ...asset }], versions: [], relations: [] }),
    ).slice(0, 60);
    const res = parseCatalogExport(text);
    expect(res.ok).toBe(false);
    expect(res.issues[0]?.code).toBe('JSON_SYNTAX');
  });

  it('rejects damaged rows and other formats', () => {
    expect(validateCatalogExport({ format: 'other' }).ok).toBe(false);
    expect(
      validateCatalogExport({
        format: 'tarn-catalog',
        version: 1,
        assets: [{ id: 3 }],
        versions: [],
        relations: [],
      }).ok,
    ).toBe(false);
    expect(
      validateCatalogExport({
        format: 'tarn-catalog',
        version: 1,
        assets: [],
        versions: [],
        relations: [{ id: 'x' }],
      }).ok,
    ).toBe(false);
    expect(validateCatalogExport([]).ok).toBe(false);
  });

  it('drops __proto__ keys instead of polluting prototypes', () => {
    const text = `{"format":"tarn-catalog","version":1,"assets":[],"versions":[],"relations":[],"__proto__":{"polluted":true}}`;
    const res = parseCatalogExport(text);
    expect(res.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(res.issues.some((i) => i.code === 'FORBIDDEN_KEY')).toBe(true);
  });

  it('drops forbidden keys nested in rows too, and refuses deep nesting', () => {
    const env = serializeCatalog({ assets: [{ ...asset }], versions: [], relations: [] });
    const text = JSON.stringify(env).replace(
      '"contributions":[]',
      '"contributions":[],"constructor":{"x":1}',
    );
    const res = parseCatalogExport(text);
    expect(res.ok).toBe(true);
    expect(res.ok && Object.keys(res.value.assets[0] ?? {})).not.toContain('constructor');
    expect(res.issues.find((i) => i.code === 'FORBIDDEN_KEY')?.message).toMatch(/assets\[0\]\.constructor/);
    const deep = JSON.stringify(env).replace(
      '"fieldSources":{}',
      `"fieldSources":${'['.repeat(300)}${']'.repeat(300)}`,
    );
    const refused = parseCatalogExport(deep);
    expect(refused.ok).toBe(false);
    expect(refused.issues[0]?.code).toBe('TOO_DEEP');
  });

  it('reads an export with a byte order mark', () => {
    const text = `\uFEFF${JSON.stringify(serializeCatalog({ assets: [{ ...asset }], versions: [], relations: [] }))}`;
    expect(parseCatalogExport(text).ok).toBe(true);
  });
});

describe('hostile exports are refused as a whole', () => {
  const base = { format: 'tarn-catalog', version: 1, versions: [], relations: [] };
  const refuse = (x: unknown) => {
    const r = validateCatalogExport(x);
    expect(r.ok).toBe(false);
    return r.issues[0]?.message ?? '';
  };

  it('identifiers with control characters or a key that does not match the id', () => {
    expect(refuse({ ...base, assets: [{ ...asset, id: 'acme/\u202Em', key: 'acme/\u202Em' }] })).toMatch(
      /control|bidi/,
    );
    expect(refuse({ ...base, assets: [{ ...asset, key: 'other/key' }] })).toMatch(/does not match/);
    expect(refuse({ ...base, assets: [{ ...asset, name: 'a\u0000b' }] })).toMatch(/NUL/);
  });

  it('relations whose id does not match their ends, and malformed curation rows', () => {
    const rel = {
      id: 'x|finetune_of|y',
      child: 'a',
      childKey: 'a',
      parent: 'b',
      parentKey: 'b',
      type: 'finetune_of',
      origin: 'declared',
      vias: [],
    };
    expect(refuse({ ...base, assets: [], relations: [rel] })).toMatch(/does not match its ends/);
    expect(
      refuse({ ...base, assets: [], curation: [{ key: 'acme/m', tags: 'gold', notes: '', updatedAt: 'x' }] }),
    ).toMatch(/tags is not a list/);
    expect(
      refuse({
        ...base,
        assets: [],
        curation: [{ key: 'acme/m', tags: [], notes: '', status: 'pwned', updatedAt: 'x' }],
      }),
    ).toMatch(/status/);
    expect(
      refuse({ ...base, assets: [], collections: [{ id: 'c', name: 'n', assetKeys: ['a\u202Eb'] }] }),
    ).toMatch(/bidi/);
    expect(refuse({ ...base, assets: [], audit: [{ at: 'x', assetKey: 'a', action: 5 }] })).toMatch(/audit/);
  });

  it('ids with markup characters are data: an export that carries them restores', () => {
    const id = 'evil/<img alt=">" src=x onerror="x()">';
    const rel = {
      id: `acme/m|finetune_of|${id}`,
      child: 'acme/m',
      childKey: 'acme/m',
      parent: id,
      parentKey: id,
      type: 'finetune_of',
      origin: 'declared',
      vias: [],
    };
    const r = validateCatalogExport({
      ...base,
      assets: [{ ...asset }, { ...asset, id, key: id, name: id }],
      relations: [rel],
      collections: [{ id: 'c<1>', name: '<b>', assetKeys: [id] }],
    });
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('hostile markup in free text (notes, card bodies) is accepted: it is rendered sanitized', () => {
    const r = validateCatalogExport({
      ...base,
      assets: [{ ...asset }],
      curation: [{ key: 'acme/m', tags: ['<b>x</b>'], notes: '<script>alert(1)</script>', updatedAt: 'x' }],
    });
    expect(r.ok).toBe(true);
  });
});
