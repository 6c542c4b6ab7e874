import { describe, expect, it } from 'vitest';
import { parseDatasetCard, sourceDatasetId, summarizeConfigs } from './parse';
import { parseFile } from '../parseFile';

const CARD = [
  '---',
  'annotations_creators: [crowdsourced]',
  'language_creators: [found]',
  'language: en',
  'license: [cc-by-4.0, mit]',
  'multilinguality: [monolingual]',
  'pretty_name: Acme QA',
  'size_categories: [10K<n<100K]',
  'source_datasets:',
  '  - original',
  '  - extended|squad',
  '  - extended|other-web-crawl',
  '  - https://huggingface.co/datasets/acme/raw',
  'task_categories: [question-answering]',
  'task_ids: [extractive-qa]',
  'configs:',
  '  - config_name: default',
  '    default: true',
  '    data_files:',
  '      - split: train',
  '        path: data/train-*',
  'dataset_info:',
  '  features:',
  '    - name: question',
  '      dtype: string',
  '  splits:',
  '    - name: train',
  '      num_bytes: 1000',
  '      num_examples: 10',
  '    - name: test',
  '      num_examples: 2',
  '  download_size: 500',
  '  dataset_size: 1200',
  '---',
  '# Dataset Card for Acme QA',
  '',
  '## Table of Contents',
  '- [Summary](#summary)',
  '',
  'Questions about widgets.',
].join('\r\n');

describe('hfDatasetCardParser', () => {
  const r = parseDatasetCard({ name: 'datasets/acme__qa/README.md', text: CARD });
  const a = r.assets[0];

  it('reads the dataset fields', () => {
    expect(r.format).toBe('hf-dataset-card');
    expect(r.issues).toEqual([]);
    expect(a).toMatchObject({
      id: 'acme/qa',
      owner: 'acme',
      name: 'qa',
      kind: 'dataset',
      languages: ['en'],
      taskCategories: ['question-answering'],
      taskIds: ['extractive-qa'],
      sizeCategories: ['10K<n<100K'],
      sourceDatasets: [
        'original',
        'extended|squad',
        'extended|other-web-crawl',
        'https://huggingface.co/datasets/acme/raw',
      ],
      description: 'Questions about widgets.',
      url: 'https://huggingface.co/datasets/acme/qa',
    });
    expect(a?.license).toEqual({ raw: ['cc-by-4.0', 'mit'] });
    expect(a?.extra).toMatchObject({
      prettyName: 'Acme QA',
      annotationsCreators: ['crowdsourced'],
      multilinguality: ['monolingual'],
      configs: [
        {
          name: 'default',
          default: true,
          splits: [
            { name: 'train', numExamples: 10, numBytes: 1000 },
            { name: 'test', numExamples: 2 },
          ],
          downloadSize: 500,
          datasetSize: 1200,
        },
      ],
    });
  });

  it('turns source_datasets into derived_from relations, skipping provenance words', () => {
    expect(r.relations).toEqual([
      {
        child: 'acme/qa',
        type: 'derived_from',
        parent: 'rajpurkar/squad',
        origin: 'declared',
        evidence: 'source_datasets: extended|squad in datasets/acme__qa/README.md',
      },
      {
        child: 'acme/qa',
        type: 'derived_from',
        parent: 'acme/raw',
        origin: 'declared',
        evidence: 'source_datasets: https://huggingface.co/datasets/acme/raw in datasets/acme__qa/README.md',
      },
    ]);
  });

  it('is picked by parseFile for dataset keys, even in a models folder', () => {
    expect(parseFile({ name: 'models/acme__qa.md', text: CARD }).format).toBe('hf-dataset-card');
  });

  it('falls back to pretty_name for the description and keeps a list dataset_info', () => {
    const text =
      '---\npretty_name: Tiny\ndataset_info:\n  - config_name: a\n    splits: [{name: train, num_examples: 3}]\n  - config_name: b\n---\n# Title\n';
    const x = parseDatasetCard({ name: 'acme__tiny.md', text });
    expect(x.assets[0]?.description).toBe('Tiny');
    expect(x.assets[0]?.extra?.configs).toEqual([
      { name: 'a', splits: [{ name: 'train', numExamples: 3 }] },
      { name: 'b' },
    ]);
  });

  it('survives broken YAML with an asset and an error', () => {
    const x = parseDatasetCard({
      name: 'dataset-cards/acme__bad.md',
      text: '---\ntask_categories: [a\n---\nBody',
    });
    expect(x.assets[0]).toMatchObject({ id: 'acme/bad', kind: 'dataset', body: 'Body' });
    expect(x.issues[0]).toMatchObject({ severity: 'error', code: 'YAML_SYNTAX' });
  });

  it('does not read "dataset" as a typo in dataset cards, but reads "licenses"', () => {
    const x = parseDatasetCard({ name: 'a__b.md', text: '---\ndataset: foo\nlicenses: [mit]\n---\n' });
    expect(x.assets[0]?.license.raw).toEqual(['mit']);
    expect(x.issues.map((i) => i.code)).toEqual(['TYPO_KEY']);
    expect(x.assets[0]?.extra?.otherKeys).toEqual({ dataset: 'foo' });
  });

  it('flattens per-config size_categories maps', () => {
    const x = parseDatasetCard({
      name: 'a__b.md',
      text: '---\nsize_categories:\n  x: [1K<n<10K]\n  y: [1K<n<10K, n<1K]\n---\n',
    });
    expect(x.assets[0]?.sizeCategories).toEqual(['1K<n<10K', 'n<1K']);
  });
});

describe('sourceDatasetId', () => {
  it.each([
    ['original', undefined],
    ['extended', undefined],
    ['curated', undefined],
    ['extended|other-foo', undefined],
    ['other-ImageFlickr and SemEval', undefined],
    ['extended|squad', 'rajpurkar/squad'],
    ['extended | acme/x', 'acme/x'],
    ['wikipedia', 'wikipedia'],
    ['laion/laion-2b', 'laion/laion-2b'],
    ['https://huggingface.co/datasets/acme/y', 'acme/y'],
  ])('%s → %s', (v, id) => expect(sourceDatasetId(v)).toBe(id));
});

describe('summarizeConfigs', () => {
  it('merges configs and dataset_info by name and accepts the legacy name-keyed map', () => {
    expect(
      summarizeConfigs([{ config_name: 'x', data_files: [{ split: 'train', path: 'a' }] }], {
        x: { splits: [{ name: 'train', num_examples: '5' }] },
      }),
    ).toEqual([{ name: 'x', splits: [{ name: 'train', numExamples: 5 }] }]);
    expect(summarizeConfigs('nonsense', 42)).toEqual([]);
  });
});
