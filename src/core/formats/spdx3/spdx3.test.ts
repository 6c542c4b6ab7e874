import { describe, expect, it } from 'vitest';
import { parseSpdx3, spdx3Parser } from './parse';

const CTX = 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld';

const GRAPH = {
  '@context': CTX,
  '@graph': [
    { type: 'CreationInfo', '@id': '_:ci', specVersion: '3.0.1' },
    { type: 'Organization', spdxId: 'urn:org', name: 'Acme Labs' },
    {
      type: 'ai_AIPackage',
      spdxId: 'urn:model',
      name: 'sentiment-model',
      software_packageVersion: '1.2',
      software_downloadLocation: 'https://huggingface.co/acme/sentiment-model/tree/main',
      software_primaryPurpose: 'model',
      releaseTime: '2024-01-01T00:00:00Z',
      suppliedBy: 'urn:org',
      originatedBy: ['urn:org'],
      ai_domain: ['nlp'],
      ai_typeOfModel: ['transformer'],
      verifiedUsing: [{ type: 'Hash', algorithm: 'sha256', hashValue: 'E'.repeat(64) }],
    },
    {
      type: 'dataset_DatasetPackage',
      '@id': 'urn:data',
      name: 'reviews',
      software_downloadLocation: 'https://example.org/reviews.zip',
      dataset_datasetType: ['text'],
      dataset_datasetSize: 1000,
    },
    { type: 'dataset_DatasetPackage', spdxId: 'urn:test', name: 'reviews-test' },
    {
      type: 'ai_AIPackage',
      spdxId: 'urn:base',
      name: 'base-model',
      software_packageUrl: 'pkg:huggingface/acme/base-model@abc',
    },
    {
      type: 'software_Package',
      spdxId: 'urn:pkg',
      name: 'app',
      software_primaryPurpose: 'application',
      software_homePage: 'https://app.example',
    },
    { type: 'software_File', spdxId: 'urn:file', name: 'train.py', software_primaryPurpose: 'source' },
    {
      type: 'Relationship',
      spdxId: 'urn:r1',
      relationshipType: 'trainedOn',
      from: 'urn:model',
      to: ['urn:data'],
    },
    {
      type: 'Relationship',
      spdxId: 'urn:r2',
      relationshipType: 'testedOn',
      from: 'urn:model',
      to: 'urn:test',
    },
    {
      type: 'Relationship',
      spdxId: 'urn:r3',
      relationshipType: 'descendantOf',
      from: 'urn:model',
      to: ['urn:base'],
    },
    {
      type: 'Relationship',
      spdxId: 'urn:r4',
      relationshipType: 'ancestorOf',
      from: 'urn:base',
      to: ['urn:model'],
    },
    {
      type: 'LifecycleScopedRelationship',
      spdxId: 'urn:r5',
      relationshipType: 'dependsOn',
      from: 'urn:pkg',
      to: ['urn:model', 'urn:missing'],
    },
    {
      type: 'Relationship',
      spdxId: 'urn:r6',
      relationshipType: 'contains',
      from: 'urn:pkg',
      to: ['urn:file'],
    },
    {
      type: 'Relationship',
      spdxId: 'urn:r7',
      relationshipType: 'generates',
      from: 'urn:file',
      to: ['urn:model'],
    },
    {
      type: 'Relationship',
      spdxId: 'urn:r8',
      relationshipType: 'hasDeclaredLicense',
      from: 'urn:model',
      to: ['https://spdx.org/licenses/Apache-2.0'],
    },
    {
      type: 'Relationship',
      spdxId: 'urn:r9',
      relationshipType: 'hasConcludedLicense',
      from: 'urn:model',
      to: ['urn:lic-expr'],
    },
    {
      type: 'Relationship',
      spdxId: 'urn:r10',
      relationshipType: 'hasConcludedLicense',
      from: 'urn:data',
      to: 'https://spdx.org/licenses/CC-BY-4.0',
    },
    {
      type: 'Relationship',
      spdxId: 'urn:r11',
      relationshipType: 'hasDeclaredLicense',
      from: 'urn:pkg',
      to: ['urn:custom'],
    },
    {
      type: 'simplelicensing_LicenseExpression',
      spdxId: 'https://spdx.org/licenses/Apache-2.0',
      simplelicensing_licenseExpression: 'Apache-2.0',
    },
    {
      type: 'simplelicensing_LicenseExpression',
      spdxId: 'urn:lic-expr',
      simplelicensing_licenseExpression: 'Apache-2.0 AND MIT',
    },
    { type: 'expandedlicensing_CustomLicense', spdxId: 'urn:custom', name: 'Acme EULA' },
  ],
};

function file(doc: unknown): { name: string; text: string } {
  return { name: 'sbom.spdx3.json', text: JSON.stringify(doc) };
}

describe('spdx3 sniff', () => {
  it('needs the SPDX 3 context', () => {
    const f = file(GRAPH);
    expect(spdx3Parser.sniff(f, f.text)).toBeGreaterThan(0.9);
    const v2 = '{"spdxVersion": "SPDX-2.3", "packages": []}';
    expect(spdx3Parser.sniff({ name: 'x.spdx.json', text: v2 }, v2)).toBe(0);
  });
});

describe('parseSpdx3', () => {
  it('reads packages, licenses and typed relations from @graph', () => {
    const res = parseSpdx3(file(GRAPH));
    expect(res.format).toBe('spdx3');
    const byName = new Map(res.assets.map((a) => [a.name, a]));
    const model = byName.get('sentiment-model')!;
    expect(model).toMatchObject({
      id: 'acme/sentiment-model',
      kind: 'model',
      version: '1.2',
      creators: ['Acme Labs'],
      license: { raw: 'Apache-2.0' },
      distribution: [
        {
          name: 'sentiment-model',
          url: 'https://huggingface.co/acme/sentiment-model/tree/main',
          sha256: 'e'.repeat(64),
        },
      ],
      datasets: ['reviews'],
    });
    expect(model.extra).toMatchObject({
      spdxId: 'urn:model',
      suppliedBy: ['Acme Labs'],
      concludedLicense: 'Apache-2.0 AND MIT',
      ai: { domain: ['nlp'] },
    });
    expect(byName.get('reviews')).toMatchObject({
      id: 'reviews',
      kind: 'dataset',
      license: { raw: 'CC-BY-4.0' },
      extra: { dataset: { datasetSize: 1000 } },
    });
    expect(byName.get('base-model')!.id).toBe('acme/base-model');
    expect(byName.get('app')).toMatchObject({
      kind: 'software',
      url: 'https://app.example',
      license: { raw: 'Acme EULA' },
    });
    expect(byName.get('train.py')).toMatchObject({ id: 'app/train.py', kind: 'code' });

    const rel = res.relations.map((r) => `${r.child} ${r.type} ${r.parent}`);
    expect(rel).toEqual([
      'acme/sentiment-model trained_on reviews',
      'acme/sentiment-model evaluated_on reviews-test',
      'acme/sentiment-model derived_from acme/base-model',
      'app depends_on acme/sentiment-model',
      'acme/sentiment-model generated_by app/train.py',
    ]);
    expect(res.issues.filter((i) => i.code === 'DANGLING_REF')).toHaveLength(1);
  });

  it('accepts an element list and a single root element', () => {
    const listed = parseSpdx3(
      file({ '@context': CTX, element: [{ '@type': 'ai_AIPackage', '@id': 'x', name: 'm' }] }),
    );
    expect(listed.assets.map((a) => [a.id, a.kind])).toEqual([['m', 'model']]);
    const single = parseSpdx3(
      file({
        '@context': CTX,
        type: 'software_Package',
        spdxId: 'urn:p',
        name: 'pkg',
        software_packageVersion: '1',
      }),
    );
    expect(single.assets.map((a) => a.id)).toEqual(['pkg']);
  });

  it('reports documents that only reference elements', () => {
    const res = parseSpdx3(
      file({ '@context': CTX, type: 'SpdxDocument', spdxId: 'urn:doc', element: ['urn:a', 'urn:b'] }),
    );
    expect(res.assets).toEqual([]);
    expect(res.issues.some((i) => i.code === 'NO_ASSETS')).toBe(true);
  });

  it('disambiguates clashing names', () => {
    const res = parseSpdx3(
      file({
        '@context': CTX,
        '@graph': [
          { type: 'software_Package', spdxId: 'urn:1', name: 'lmdb', software_packageVersion: '1.0.0' },
          { type: 'software_Package', spdxId: 'urn:2', name: 'lmdb', software_packageVersion: '3.2.1' },
          { type: 'software_File', spdxId: 'urn:3' },
          { type: 'software_File', spdxId: 'https://ns.example/doc#File-4' },
          { type: 'software_Package', spdxId: 'urn:5', name: 'word-model' },
          { type: 'ai_AIPackage', spdxId: 'urn:6', name: 'word-model' },
        ],
      }),
    );
    expect(res.assets.map((a) => a.id)).toEqual([
      'lmdb',
      'lmdb@3.2.1',
      'spdx:urn:3',
      'spdx:ns.example/doc/File-4',
      'spdx:urn:5',
      'word-model',
    ]);
  });

  it('returns issues for invalid JSON, unknown shapes and __proto__', () => {
    const bad = parseSpdx3({
      name: 'x.json',
      text: '{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",\n "@graph": [}',
    });
    expect(bad.assets).toEqual([]);
    expect(bad.issues[0]).toMatchObject({ severity: 'error', code: 'JSON_SYNTAX', line: 2 });
    const odd = parseSpdx3(file({ '@context': CTX, foo: 1 }));
    expect(odd.issues[0]).toMatchObject({ code: 'UNKNOWN_SHAPE' });
    const proto = parseSpdx3({
      name: 'x.json',
      text: `{"@context": "${CTX}", "@graph": [{"type": "ai_AIPackage", "spdxId": "u", "name": "m", "__proto__": {"a": 1}}]}`,
    });
    expect(proto.assets).toHaveLength(1);
    expect(proto.issues.some((i) => i.code === 'FORBIDDEN_KEY')).toBe(true);
  });
});
