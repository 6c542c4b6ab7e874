import { describe, expect, it } from 'vitest';
import { croissantParser, croissantRefId, parseCroissant } from './parse';

const CONTEXT = {
  '@language': 'en',
  '@vocab': 'https://schema.org/',
  cr: 'http://mlcommons.org/croissant/',
  rai: 'http://mlcommons.org/croissant/RAI/',
  dct: 'http://purl.org/dc/terms/',
  conformsTo: 'dct:conformsTo',
  recordSet: 'cr:recordSet',
  field: 'cr:field',
  dataType: { '@id': 'cr:dataType', '@type': '@vocab' },
  prov: 'http://www.w3.org/ns/prov#',
};

function file(doc: unknown, name = 'croissant.json'): { name: string; text: string } {
  return { name, text: JSON.stringify(doc, null, 2) };
}

const HAPPY = {
  '@context': CONTEXT,
  '@type': 'sc:Dataset',
  conformsTo: 'http://mlcommons.org/croissant/1.1',
  name: 'squad_v2',
  description: 'Questions and answers.',
  license: 'https://choosealicense.com/licenses/cc-by-sa-4.0/',
  url: 'https://huggingface.co/datasets/rajpurkar/squad_v2',
  version: '1.0.0',
  creator: [
    { '@type': 'sc:Person', name: 'Pranav Rajpurkar' },
    { '@type': 'sc:Organization', name: ['Stanford', 'NLP'] },
  ],
  citeAs: '@article{rajpurkar2018}',
  datePublished: '2018-06-11',
  keywords: ['qa', 'English'],
  distribution: [
    {
      '@type': 'cr:FileObject',
      '@id': 'repo',
      name: 'repo',
      contentUrl: 'https://huggingface.co/datasets/rajpurkar/squad_v2/tree/refs%2Fconvert%2Fparquet',
      encodingFormat: 'git+https',
      sha256: 'https://github.com/mlcommons/croissant/issues/80',
    },
    {
      '@type': 'cr:FileObject',
      '@id': 'train.csv',
      name: 'train.csv',
      contentUrl: 'data/train.csv',
      encodingFormat: 'text/csv',
      sha256: 'A'.repeat(64),
      md5: 'b'.repeat(32),
    },
    {
      '@type': 'cr:FileSet',
      '@id': 'parquet',
      containedIn: { '@id': 'repo' },
      encodingFormat: 'application/x-parquet',
      includes: '*/*.parquet',
    },
  ],
  recordSet: [
    {
      '@type': 'cr:RecordSet',
      '@id': 'default',
      name: 'default',
      field: [
        { '@type': 'cr:Field', '@id': 'default/id', name: 'id', dataType: 'sc:Text' },
        {
          '@type': 'cr:Field',
          '@id': 'default/answers',
          name: 'answers',
          subField: [{ '@id': 'default/answers/text', name: 'text', dataType: 'sc:Text' }],
        },
        { '@type': 'cr:Field', '@id': 'default/n', name: 'n', dataType: ['sc:Integer'] },
      ],
    },
  ],
  'prov:wasDerivedFrom': {
    '@type': 'prov:Entity',
    '@id': 'squad1',
    'prov:locatedAt': 'https://huggingface.co/datasets/rajpurkar/squad',
  },
  isBasedOn: ['https://www.openml.org/d/61', { '@id': 'urn:dataset:ImageNet' }],
  'rai:dataBiases': ['Wikipedia bias'],
  'rai:dataCollection': 'Crowdworkers',
};

describe('croissant sniff', () => {
  it('detects Croissant by content', () => {
    const f = file(HAPPY);
    expect(croissantParser.sniff(f, f.text)).toBeGreaterThan(0.9);
  });
  it('detects legacy 0.8 (ml: namespace) and cr: keys without conformsTo', () => {
    const legacy = file({
      '@context': { ml: 'http://mlcommons.org/schema/' },
      '@type': 'sc:Dataset',
      name: 'x',
    });
    expect(croissantParser.sniff(legacy, legacy.text)).toBeGreaterThan(0.5);
    const crOnly = file({ '@context': {}, '@type': 'sc:Dataset', recordSet: [] });
    expect(croissantParser.sniff(crOnly, crOnly.text)).toBeGreaterThan(0.5);
  });
  it('does not claim other JSON-LD or other formats', () => {
    const spdx = '{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": []}';
    expect(croissantParser.sniff({ name: 'croissant.json', text: spdx }, spdx)).toBe(0);
    const plain = '{"name": "x"}';
    expect(croissantParser.sniff({ name: 'croissant.json', text: plain }, plain)).toBe(0);
    const md = '---\nlicense: mit\n---\n# croissant';
    expect(croissantParser.sniff({ name: 'README.md', text: md }, md)).toBe(0);
  });
});

describe('parseCroissant', () => {
  it('reads the happy path', () => {
    const res = parseCroissant(file(HAPPY));
    expect(res.format).toBe('croissant');
    expect(res.assets).toHaveLength(1);
    const a = res.assets[0]!;
    expect(a).toMatchObject({
      id: 'rajpurkar/squad_v2',
      kind: 'dataset',
      name: 'squad_v2',
      description: 'Questions and answers.',
      url: 'https://huggingface.co/datasets/rajpurkar/squad_v2',
      version: '1.0.0',
      creators: ['Pranav Rajpurkar', 'Stanford', 'NLP'],
      citation: '@article{rajpurkar2018}',
      tags: ['qa', 'English'],
      sourceFormat: 'croissant',
    });
    expect(a.license.raw).toBe('https://choosealicense.com/licenses/cc-by-sa-4.0/');
    expect(a.license.normalized).toBeUndefined();
    expect(a.distribution).toEqual([
      {
        name: 'repo',
        url: 'https://huggingface.co/datasets/rajpurkar/squad_v2/tree/refs%2Fconvert%2Fparquet',
        encodingFormat: 'git+https',
      },
      {
        name: 'train.csv',
        url: 'data/train.csv',
        encodingFormat: 'text/csv',
        sha256: 'a'.repeat(64),
        md5: 'b'.repeat(32),
      },
      { name: 'parquet', encodingFormat: 'application/x-parquet' },
    ]);
    expect(a.extra).toMatchObject({
      croissantVersion: '1.1',
      conformsTo: 'http://mlcommons.org/croissant/1.1',
      datePublished: '2018-06-11',
      recordSetCount: 1,
      fieldCount: 4,
      recordSets: [
        {
          name: 'default',
          fieldCount: 4,
          fields: ['id', 'answers', 'text', 'n'],
          dataTypes: ['sc:Text', 'sc:Integer'],
        },
      ],
      fileSets: [{ name: 'parquet', includes: ['*/*.parquet'], containedIn: ['repo'] }],
      rai: { dataBiases: ['Wikipedia bias'], dataCollection: 'Crowdworkers' },
    });
    expect(res.relations).toEqual([
      {
        child: 'rajpurkar/squad_v2',
        type: 'derived_from',
        parent: 'rajpurkar/squad',
        origin: 'declared',
        evidence: 'prov:wasDerivedFrom',
      },
      {
        child: 'rajpurkar/squad_v2',
        type: 'derived_from',
        parent: 'openml:61',
        origin: 'declared',
        evidence: 'isBasedOn',
      },
      {
        child: 'rajpurkar/squad_v2',
        type: 'derived_from',
        parent: 'urn:dataset:ImageNet',
        origin: 'declared',
        evidence: 'isBasedOn',
      },
    ]);
    expect(res.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(res.issues.some((i) => i.code === 'BAD_CHECKSUM')).toBe(true);
  });

  it('keeps a list of licenses raw and a single CreativeWork with name/link', () => {
    const list = parseCroissant(
      file({ ...HAPPY, license: ['mit', 'https://creativecommons.org/licenses/by/4.0/'] }),
    );
    expect(list.assets[0]!.license).toEqual({ raw: ['mit', 'https://creativecommons.org/licenses/by/4.0/'] });
    const cw = parseCroissant(
      file({
        ...HAPPY,
        license: { '@type': 'sc:CreativeWork', name: 'CC BY 4.0', url: 'https://cc.org/by' },
      }),
    );
    expect(cw.assets[0]!.license).toMatchObject({ name: 'CC BY 4.0', link: 'https://cc.org/by' });
  });

  it('uses a Hugging Face sameAs for the id and records other sameAs as derived_from', () => {
    const res = parseCroissant(
      file({
        ...HAPPY,
        url: 'https://example.org/squad',
        sameAs: [
          'https://huggingface.co/datasets/rajpurkar/squad_v2',
          'https://rajpurkar.github.io/SQuAD-explorer/',
        ],
      }),
    );
    expect(res.assets[0]!.id).toBe('rajpurkar/squad_v2');
    expect(res.relations.find((r) => r.evidence === 'sameAs')?.parent).toBe(
      'rajpurkar.github.io/SQuAD-explorer',
    );
  });

  it('id rules: OpenML url, plain url, name, file name', () => {
    const base = {
      '@context': CONTEXT,
      '@type': 'sc:Dataset',
      conformsTo: 'http://mlcommons.org/croissant/1.0',
    };
    expect(
      parseCroissant(file({ ...base, name: 'covertype', url: 'https://www.openml.org/d/180' })).assets[0]!.id,
    ).toBe('openml:180');
    expect(
      parseCroissant(file({ ...base, name: 'b', url: 'https://www.openml.org/search?type=data&id=41464' }))
        .assets[0]!.id,
    ).toBe('openml:41464');
    expect(
      parseCroissant(file({ ...base, name: 'd', url: 'https://github.com/org/dices/?x=1' })).assets[0]!.id,
    ).toBe('github.com/org/dices');
    expect(parseCroissant(file({ ...base, name: 'titanic' })).assets[0]!.id).toBe('croissant:titanic');
    const noName = parseCroissant(file({ ...base }, 'dir/my-data.json'));
    expect(noName.assets[0]!.id).toBe('croissant:my-data');
    expect(noName.issues.some((i) => i.code === 'MISSING_NAME')).toBe(true);
  });

  it('falls back to the HF repo contentUrl when url is missing', () => {
    const { url: _u, name: _n, ...rest } = HAPPY;
    const res = parseCroissant(file(rest));
    expect(res.assets[0]!.id).toBe('rajpurkar/squad_v2');
    expect(res.assets[0]!.name).toBe('rajpurkar/squad_v2');
  });

  it('reads multilingual names and conformsTo lists', () => {
    const res = parseCroissant(
      file({
        ...HAPPY,
        name: { de: 'Beispiel', en: 'example' },
        description: { en: 'An example' },
        conformsTo: ['http://mlcommons.org/croissant/1.0', 'http://myorg/coolspec/0.1b'],
      }),
    );
    expect(res.assets[0]!.name).toBe('example');
    expect(res.assets[0]!.description).toBe('An example');
    expect(res.assets[0]!.extra?.croissantVersion).toBe('1.0');
    expect(res.assets[0]!.extra?.conformsTo).toEqual([
      'http://mlcommons.org/croissant/1.0',
      'http://myorg/coolspec/0.1b',
    ]);
  });

  it('reads legacy 0.8 with unprefixed RAI keys', () => {
    const res = parseCroissant(
      file({
        '@context': {
          ml: 'http://mlcommons.org/schema/',
          dataBiases: 'ml:dataBiases',
          '@vocab': 'https://schema.org/',
        },
        '@type': 'sc:Dataset',
        name: 'legacy',
        dataBiases: 'some',
        url: 'https://example.com/legacy',
      }),
    );
    expect(res.assets[0]!.extra).toMatchObject({ croissantVersion: '0.8', rai: { dataBiases: 'some' } });
    expect(res.issues.some((i) => i.code === 'LEGACY_CROISSANT')).toBe(true);
  });

  it('reports invalid JSON with line and column and returns no assets', () => {
    const res = parseCroissant({ name: 'x.json', text: '{\n  "@context": {},\n  "name": "x",,\n}' });
    expect(res.assets).toEqual([]);
    expect(res.issues[0]).toMatchObject({ severity: 'error', code: 'JSON_SYNTAX' });
    expect(res.issues[0]!.line).toBe(3);
    expect(res.issues[0]!.column).toBeGreaterThan(0);
  });

  it('drops __proto__ keys with a warning', () => {
    const text = `{"@context": {"cr": "http://mlcommons.org/croissant/"}, "@type": "sc:Dataset", "name": "p", "__proto__": {"polluted": true}}`;
    const res = parseCroissant({ name: 'p.json', text });
    expect(res.assets[0]!.name).toBe('p');
    expect(res.issues.some((i) => i.code === 'FORBIDDEN_KEY')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('warns on unknown shapes instead of throwing', () => {
    const arr = parseCroissant({ name: 'a.json', text: '[1, 2]' });
    expect(arr.assets).toEqual([]);
    expect(arr.issues[0]).toMatchObject({ severity: 'warning', code: 'UNKNOWN_SHAPE' });
    const odd = parseCroissant(
      file({
        '@context': CONTEXT,
        '@type': 'sc:Person',
        name: 'Bob',
        creator: 5,
        distribution: 'x',
        recordSet: 7,
      }),
    );
    expect(odd.assets).toHaveLength(1);
    expect(odd.issues.some((i) => i.code === 'UNEXPECTED_TYPE')).toBe(true);
  });

  it('finds the Dataset node inside @graph', () => {
    const res = parseCroissant(
      file({
        '@context': CONTEXT,
        '@graph': [
          { '@type': 'sc:Person', name: 'x' },
          { '@type': 'sc:Dataset', name: 'g' },
        ],
      }),
    );
    expect(res.assets[0]!.name).toBe('g');
  });

  it('canonicalises references', () => {
    expect(croissantRefId('https://huggingface.co/datasets/allenai/WildChat-1M-Full')).toBe(
      'allenai/WildChat-1M-Full',
    );
    expect(croissantRefId('https://openml.org/d/42')).toBe('openml:42');
    expect(croissantRefId('http://example.com/a/')).toBe('example.com/a');
  });
});
