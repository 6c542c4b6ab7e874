import { describe, expect, it } from 'vitest';
import { COMPLETENESS_BUCKETS, completenessBucket } from './completenessBuckets';
import {
  completeness,
  completenessPercent,
  missingFields,
  relevantStandards,
  scoreStandard,
  type CompletenessInput,
} from './completeness';

const model: CompletenessInput = {
  id: 'acme/m',
  kind: 'model',
  name: 'm',
  license: { raw: 'apache-2.0', normalized: 'Apache-2.0' },
  pipelineTag: 'text-generation',
  libraryName: 'transformers',
  languages: ['en'],
  contributions: [{ format: 'hf-model-card' }],
};

describe('completeness', () => {
  it('picks the standards of the contributing formats, else one by kind', () => {
    expect(relevantStandards(model)).toEqual(['hf-model-card']);
    expect(
      relevantStandards({
        ...model,
        contributions: [{ format: 'hf-dataset-card' }, { format: 'croissant' }],
      }),
    ).toEqual(['hf-dataset-card', 'croissant']);
    expect(relevantStandards({ ...model, contributions: [{ format: 'cyclonedx' }] })).toEqual(['ml-bom']);
    expect(relevantStandards({ ...model, contributions: [{ format: 'mlflow' }] })).toEqual(['hf-model-card']);
    expect(relevantStandards({ ...model, kind: 'dataset', contributions: [] })).toEqual(['croissant']);
    expect(relevantStandards({ ...model, kind: 'software', contributions: [] })).toEqual(['ml-bom']);
  });

  it('lists present and missing HF model card fields, including card sections from the body', () => {
    const body = '# M\n\n## Uses\n\nChat.\n\n## Citation\n\n```bibtex\n```';
    const s = scoreStandard('hf-model-card', model, body);
    const present = s.checks.filter((c) => c.present).map((c) => c.field);
    expect(present).toEqual(
      expect.arrayContaining([
        'license',
        'language',
        'library_name',
        'pipeline_tag',
        'section: Uses',
        'section: Citation',
      ]),
    );
    const missing = missingFields(s).map((c) => c.field);
    expect(missing).toEqual(
      expect.arrayContaining(['datasets', 'tags', 'model-index (evaluation results)', 'section: Evaluation']),
    );
    expect(s.present + missing.length).toBe(s.total);
    expect(s.score).toBeCloseTo(s.present / s.total);
  });

  it('Croissant: required fields come first among the missing ones', () => {
    const ds: CompletenessInput = {
      id: 'croissant:x',
      kind: 'dataset',
      name: 'x',
      license: { raw: undefined },
      description: 'd',
      url: 'https://example.org',
      tags: ['a'],
      extra: { datePublished: '2024-01-01', rai: { dataBiases: 'some' } },
      contributions: [{ format: 'croissant' }],
    };
    const r = completeness(ds);
    expect(r.standards).toHaveLength(1);
    const s = r.standards[0]!;
    const missing = missingFields(s);
    expect(missing.slice(0, 3).every((c) => c.required)).toBe(true);
    expect(missing.map((c) => c.field)).toEqual(
      expect.arrayContaining(['license', 'creator', 'distribution', 'version']),
    );
    expect(s.checks.find((c) => c.field === 'datePublished')?.present).toBe(true);
    expect(s.checks.find((c) => c.field === 'keywords')?.present).toBe(true);
    expect(s.checks.find((c) => c.field.startsWith('rai'))?.present).toBe(true);
  });

  it('ML-BOM model reads modelParameters from extra; a data component uses the data checklist', () => {
    const bom: CompletenessInput = {
      ...model,
      contributions: [{ format: 'cyclonedx' }],
      version: '1.0',
      extra: {
        modelParameters: { task: 'classification', approach: 'supervised' },
        hashes: [{ alg: 'SHA-256', content: 'ab' }],
      },
    };
    const s = scoreStandard('ml-bom', bom);
    const byField = new Map(s.checks.map((c) => [c.field, c.present]));
    expect(byField.get('modelCard.modelParameters.approach')).toBe(true);
    expect(byField.get('hashes')).toBe(true);
    expect(byField.get('modelCard.considerations')).toBe(false);
    const data = scoreStandard('ml-bom', { ...bom, kind: 'dataset' });
    expect(data.checks.some((c) => c.field.startsWith('data'))).toBe(true);
    expect(data.checks.some((c) => c.field.startsWith('modelCard'))).toBe(false);
  });

  it('overall score is the mean over standards; an empty placeholder scores low', () => {
    const r = completeness({
      id: 'x/y',
      kind: 'model',
      name: 'y',
      license: { raw: undefined },
      placeholder: true,
      contributions: [],
    });
    expect(r.score).toBe(0);
    const two = completeness({
      ...model,
      contributions: [{ format: 'hf-model-card' }, { format: 'cyclonedx' }],
    });
    expect(two.score).toBeCloseTo((two.standards[0]!.score + two.standards[1]!.score) / 2);
  });
});

describe('completeness buckets', () => {
  it('puts a percentage in a bucket of 20 points, 100 in the top one', () => {
    expect([0, 19, 20, 39, 40, 59, 60, 79, 80, 100].map(completenessBucket)).toEqual([
      '0-19',
      '0-19',
      '20-39',
      '20-39',
      '40-59',
      '40-59',
      '60-79',
      '60-79',
      '80-100',
      '80-100',
    ]);
    expect(COMPLETENESS_BUCKETS).toEqual(['0-19', '20-39', '40-59', '60-79', '80-100']);
  });

  it('reads the percentage the asset page shows (sections of the card included)', () => {
    const without = completeness(model);
    const withSections = completeness(model, { body: '# Uses\ntext\n\n## Training details\n' });
    expect(completenessPercent(without)).toBe(Math.round(without.score * 100));
    expect(completenessPercent(withSections)).toBeGreaterThan(completenessPercent(without));
  });
});
