import { describe, expect, it } from 'vitest';
import { openmlParser, parseOpenml } from './parse';

const JSON_DESC = {
  data_set_description: {
    id: '61',
    name: 'iris',
    version: '1',
    description: '**Author**: R.A. Fisher',
    format: 'ARFF',
    creator: ['R.A. Fisher'],
    contributor: 'Michael Marshall',
    collection_date: '1936',
    upload_date: '2014-04-06T23:23:39',
    language: 'English',
    licence: 'Public',
    url: 'https://api.openml.org/data/v1/download/61/iris.arff',
    parquet_url: 'https://openml1.win.tue.nl/datasets/0000/0061/dataset_61.pq',
    file_id: '61',
    default_target_attribute: 'class',
    tag: ['Botany', 'Ecology'],
    visibility: 'public',
    original_data_url: 'https://archive.ics.uci.edu/ml/datasets/Iris',
    paper_url: 'http://example.org/paper',
    status: 'active',
    md5_checksum: 'AD484452702105CBF3D30F8DEABA39A9',
  },
};

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<oml:data_set_description xmlns:oml="http://openml.org/openml">
  <oml:id>40945</oml:id>
  <oml:name>Titanic</oml:name>
  <oml:version>1</oml:version>
  <oml:description>Survival &amp; class</oml:description>
  <oml:format>ARFF</oml:format>
  <oml:creator>Frank E. Harrell Jr.</oml:creator>
  <oml:creator>Thomas Cason</oml:creator>
  <oml:upload_date>2017-10-16T01:17:36</oml:upload_date>
  <oml:licence>Public</oml:licence>
  <oml:url>https://api.openml.org/data/v1/download/16826755/Titanic.arff</oml:url>
  <oml:default_target_attribute>survived</oml:default_target_attribute>
  <oml:tag>text_data</oml:tag>
  <oml:original_data_url>https://www.openml.org/d/40704</oml:original_data_url>
  <oml:md5_checksum>60ac7205eee0ba5045c90b3bba95b1c4</oml:md5_checksum>
</oml:data_set_description>`;

describe('openml sniff', () => {
  it('detects JSON and XML dataset descriptions', () => {
    const json = JSON.stringify(JSON_DESC);
    expect(openmlParser.sniff({ name: 'x', text: json }, json)).toBeGreaterThan(0.9);
    expect(openmlParser.sniff({ name: 'x', text: XML }, XML)).toBeGreaterThan(0.9);
    const other = '<bom xmlns="http://cyclonedx.org/schema/bom/1.6"/>';
    expect(openmlParser.sniff({ name: 'x.xml', text: other }, other)).toBe(0);
  });
});

describe('parseOpenml', () => {
  it('reads the JSON shape', () => {
    const res = parseOpenml({ name: 'iris.json', text: JSON.stringify(JSON_DESC) });
    expect(res.format).toBe('openml');
    expect(res.assets).toHaveLength(1);
    expect(res.assets[0]).toMatchObject({
      id: 'openml:61',
      kind: 'dataset',
      name: 'iris',
      version: '1',
      license: { raw: 'Public' },
      description: '**Author**: R.A. Fisher',
      url: 'https://www.openml.org/d/61',
      creators: ['R.A. Fisher'],
      tags: ['Botany', 'Ecology'],
      languages: ['English'],
      distribution: [
        {
          name: 'iris.arff',
          url: 'https://api.openml.org/data/v1/download/61/iris.arff',
          encodingFormat: 'ARFF',
          md5: 'ad484452702105cbf3d30f8deaba39a9',
        },
        {
          name: 'dataset_61.pq',
          url: 'https://openml1.win.tue.nl/datasets/0000/0061/dataset_61.pq',
          encodingFormat: 'parquet',
        },
      ],
      extra: {
        openmlId: '61',
        format: 'ARFF',
        uploadDate: '2014-04-06T23:23:39',
        defaultTargetAttribute: 'class',
        contributors: ['Michael Marshall'],
        originalDataUrl: 'https://archive.ics.uci.edu/ml/datasets/Iris',
        paperUrl: 'http://example.org/paper',
      },
    });
    expect(res.assets[0]!.license.normalized).toBeUndefined();
    expect(res.relations).toEqual([]);
  });

  it('reads the XML shape (namespaced, repeated elements, entities)', () => {
    const res = parseOpenml({ name: 'titanic.xml', text: XML });
    expect(res.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(res.assets[0]).toMatchObject({
      id: 'openml:40945',
      name: 'Titanic',
      description: 'Survival & class',
      creators: ['Frank E. Harrell Jr.', 'Thomas Cason'],
      tags: ['text_data'],
      license: { raw: 'Public' },
      extra: { serialization: 'xml', defaultTargetAttribute: 'survived' },
    });
    expect(res.relations).toEqual([
      {
        child: 'openml:40945',
        type: 'derived_from',
        parent: 'openml:40704',
        origin: 'declared',
        evidence: 'original_data_url',
      },
    ]);
  });

  it('handles OpenML quirks: description [], numbers as strings or numbers, scalar tag', () => {
    const res = parseOpenml({
      name: 'x.json',
      text: JSON.stringify({
        data_set_description: {
          id: 130,
          name: 'iris',
          version: 2,
          description: [],
          tag: 'uci',
          creator: 'Fisher',
        },
      }),
    });
    expect(res.assets[0]).toMatchObject({
      id: 'openml:130',
      version: '2',
      tags: ['uci'],
      creators: ['Fisher'],
    });
    expect(res.assets[0]!.description).toBeUndefined();
    expect(res.assets[0]!.license.raw).toBeUndefined();
  });

  it('reports invalid XML and JSON with line/column', () => {
    const xml = parseOpenml({
      name: 'x.xml',
      text: '<oml:data_set_description xmlns:oml="http://openml.org/openml">\n  <oml:id>1</oml:name>\n</oml:data_set_description>',
    });
    expect(xml.assets).toEqual([]);
    expect(xml.issues[0]).toMatchObject({ severity: 'error', code: 'XML_SYNTAX', line: 2 });
    const json = parseOpenml({ name: 'x.json', text: '{"data_set_description": {"id": "1",}}' });
    expect(json.assets).toEqual([]);
    expect(json.issues[0]).toMatchObject({ severity: 'error', code: 'JSON_SYNTAX', line: 1 });
  });

  it('warns on unknown shapes and drops __proto__', () => {
    const odd = parseOpenml({ name: 'x.json', text: '{"flow": {"id": "1"}}' });
    expect(odd.issues[0]).toMatchObject({ severity: 'warning', code: 'UNKNOWN_SHAPE' });
    const empty = parseOpenml({ name: 'x.json', text: '{"data_set_description": {"status": "active"}}' });
    expect(empty.assets).toEqual([]);
    const proto = parseOpenml({
      name: 'x.json',
      text: '{"data_set_description": {"id": "5", "name": "n", "__proto__": {"a": 1}}}',
    });
    expect(proto.assets[0]!.id).toBe('openml:5');
    expect(proto.issues.some((i) => i.code === 'FORBIDDEN_KEY')).toBe(true);
    const noId = parseOpenml({
      name: 'x.json',
      text: '{"data_set_description": {"name": "n", "version": "3"}}',
    });
    expect(noId.assets[0]!.id).toBe('openml:n@3');
    expect(noId.issues.some((i) => i.code === 'MISSING_ID')).toBe(true);
  });
});
