import { describe, expect, it } from 'vitest';
import { mlflowParser, parseMlflow } from './parse';

const MLMODEL = `artifact_path: model
flavors:
  python_function:
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.sklearn
    model_path: model.pkl
    python_version: 3.10.8
  sklearn:
    code: null
    pickled_model: model.pkl
    serialization_format: cloudpickle
    sklearn_version: 1.2.0
mlflow_version: 2.1.1
model_size_bytes: 1234
model_uuid: 746ec2dfc11b4bebb508f7e968d1eb88
run_id: 2acb710b41144039889b0bc27dfd8069
saved_input_example_info:
  artifact_path: input_example.json
  type: dataframe
signature:
  inputs: '[{"name": "a", "type": "double"}, {"name": "b", "type": "long"}]'
  outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float64", "shape": [-1]}}]'
utc_time_created: '2023-02-14 20:25:18.610437'
`;

describe('mlflow sniff', () => {
  it('detects MLmodel YAML by content', () => {
    expect(mlflowParser.sniff({ name: 'whatever.yaml', text: MLMODEL }, MLMODEL)).toBeGreaterThan(0.9);
    const card = '---\nflavors: x\nrun_id: 1\n---\n# Card';
    expect(mlflowParser.sniff({ name: 'README.md', text: card }, card)).toBe(0);
    const other = 'name: x\nrun_id: 1\n';
    expect(mlflowParser.sniff({ name: 'MLmodel', text: other }, other)).toBe(0);
    const reg = '{"registered_model": {"name": "m"}}';
    expect(mlflowParser.sniff({ name: 'm.json', text: reg }, reg)).toBeGreaterThan(0.5);
  });
});

describe('parseMlflow (MLmodel)', () => {
  it('reads the happy path', () => {
    const res = parseMlflow({ name: 'run/model/MLmodel', text: MLMODEL });
    expect(res.format).toBe('mlflow');
    expect(res.issues).toEqual([]);
    expect(res.assets[0]).toMatchObject({
      id: 'mlflow:746ec2dfc11b4bebb508f7e968d1eb88',
      kind: 'model',
      name: 'model',
      libraryName: 'scikit-learn',
      license: { raw: undefined },
      extra: {
        flavors: ['python_function', 'sklearn'],
        mainFlavor: 'sklearn',
        loaderModule: 'mlflow.sklearn',
        libraryVersions: { sklearn_version: '1.2.0' },
        signature: {
          present: true,
          inputs: { count: 2, names: ['a', 'b'], types: ['double', 'long'] },
          outputs: { count: 1, types: ['tensor'], tensorDtypes: ['float64'] },
        },
        runId: '2acb710b41144039889b0bc27dfd8069',
        modelUuid: '746ec2dfc11b4bebb508f7e968d1eb88',
        utcTimeCreated: '2023-02-14 20:25:18.610437',
        modelSizeBytes: 1234,
        artifactPath: 'model',
        mlflowVersion: '2.1.1',
        savedInputExampleInfo: { artifact_path: 'input_example.json', type: 'dataframe' },
      },
    });
  });

  it('id falls back to run_id/artifact_path, then the file path', () => {
    const noUuid = parseMlflow({
      name: 'MLmodel',
      text: 'artifact_path: m\nflavors:\n  keras: {keras_version: 2.6.0}\nrun_id: abc\n',
    });
    expect(noUuid.assets[0]).toMatchObject({
      id: 'mlflow:abc/m',
      libraryName: 'keras',
      extra: { signature: { present: false } },
    });
    const bare = parseMlflow({
      name: 'proj/crate/MLmodel',
      text: 'flavors:\n  crate:\n    version: 0.1.0\nutc_time_created: 19-09-25T13:56:34.34.95\n',
    });
    expect(bare.assets[0]!.id).toBe('mlflow:proj/crate');
    expect(bare.assets[0]!.libraryName).toBe('crate');
    expect(bare.issues.map((i) => i.code)).toEqual(['MISSING_ID', 'INVALID_DATE']);
  });

  it('prefers a registered model name and reads pyfunc-only models', () => {
    const res = parseMlflow({
      name: 'MLmodel',
      text: 'flavors:\n  python_function:\n    loader_module: mlflow.pyfunc.model\nmodel_uuid: u1\nmetadata:\n  registered_model_name: churn\n',
    });
    expect(res.assets[0]).toMatchObject({
      id: 'mlflow:churn',
      name: 'churn',
      extra: { mainFlavor: 'python_function' },
    });
    expect(res.assets[0]!.libraryName).toBeUndefined();
  });

  it('reports YAML errors, placeholders, bad signatures and unknown shapes', () => {
    const bad = parseMlflow({ name: 'MLmodel', text: 'flavors:\n  a: [1\nrun_id: x\n' });
    expect(bad.assets).toEqual([]);
    expect(bad.issues[0]).toMatchObject({ severity: 'error', code: 'YAML_SYNTAX' });
    const placeholder = parseMlflow({
      name: 'MLmodel',
      text: 'flavors:\n  keras: {}\nrun_id: <run-id>\nsignature:\n  inputs: "[oops"\n',
    });
    expect(placeholder.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['PLACEHOLDER_VALUE', 'BAD_SIGNATURE']),
    );
    const list = parseMlflow({ name: 'MLmodel', text: '- a\n- b\n' });
    expect(list.issues[0]).toMatchObject({ code: 'UNKNOWN_SHAPE' });
    const proto = parseMlflow({
      name: 'MLmodel',
      text: 'flavors:\n  sklearn: {}\nrun_id: r\n__proto__:\n  x: 1\n',
    });
    expect(proto.assets).toHaveLength(1);
    expect(proto.issues.some((i) => i.code === 'FORBIDDEN_KEY')).toBe(true);
  });
});

describe('parseMlflow (registry JSON)', () => {
  it('reads a registered model with versions', () => {
    const text = JSON.stringify({
      registered_model: {
        name: 'churn',
        description: 'Churn model',
        creation_timestamp: 1700000000000,
        latest_versions: [
          { name: 'churn', version: '3', source: 'runs:/abc/model', run_id: 'abc', status: 'READY' },
        ],
        tags: [{ key: 'team', value: 'growth' }],
      },
    });
    const res = parseMlflow({ name: 'churn.json', text });
    expect(res.assets).toHaveLength(1);
    expect(res.assets[0]).toMatchObject({
      id: 'mlflow:churn',
      kind: 'model',
      name: 'churn',
      version: '3',
      description: 'Churn model',
      extra: {
        latestVersions: [{ version: '3', source: 'runs:/abc/model', runId: 'abc', status: 'READY' }],
        tags: { team: 'growth' },
      },
    });
  });

  it('reads model versions and reports bad JSON', () => {
    const res = parseMlflow({
      name: 'v.json',
      text: '{"model_versions": [{"name": "m", "version": "1", "user_id": "ann"}, {"name": "m", "version": "2"}]}',
    });
    expect(res.assets).toHaveLength(1);
    expect(res.assets[0]!.extra?.versions).toHaveLength(2);
    const bad = parseMlflow({ name: 'v.json', text: '{"registered_model": ' });
    expect(bad.issues[0]).toMatchObject({ severity: 'error', code: 'JSON_SYNTAX' });
  });
});
