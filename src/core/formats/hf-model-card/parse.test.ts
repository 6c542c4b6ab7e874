import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../../model';
import { hfModelCardParser, parseModelCard } from './parse';
import { hfDatasetCardParser } from '../hf-dataset-card/parse';
import { inferBaseRelation } from './lineage';
import { detectFormat, parseFile } from '../parseFile';

const fixture = (name: string): string =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

function head(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .slice(0, 65536)
    .trimStart();
}

function parse(name: string, text: string): ParseResult {
  return parseModelCard({ name, text });
}

function only<T>(list: readonly T[]): T {
  expect(list).toHaveLength(1);
  return list[0] as T;
}

describe('hfModelCardParser: fields', () => {
  const result = parse('model-cards/acme__lora-7b.md', fixture('lora-adapter.md'));
  const asset = only(result.assets);

  it('reads id, owner, name and the common fields', () => {
    expect(result.format).toBe('hf-model-card');
    expect(asset).toMatchObject({
      id: 'acme/lora-7b',
      owner: 'acme',
      name: 'lora-7b',
      kind: 'model',
      pipelineTag: 'text-generation',
      libraryName: 'peft',
      baseModels: ['acme/base-7b'],
      datasets: ['acme/instructions', 'acme/chat', 'rajpurkar/squad_v2'],
      languages: ['en'],
      tags: ['lora'],
      gated: true,
      newVersion: 'acme/lora-7b-v2',
      url: 'https://huggingface.co/acme/lora-7b',
    });
    expect(asset.license).toEqual({
      raw: 'other',
      name: 'acme-research-license',
      link: 'https://example.com/LICENSE',
    });
    expect(asset.description).toBe('A LoRA adapter for base-7b trained on instructions. It is small.');
    expect(asset.body?.startsWith('# LoRA 7B')).toBe(true);
    expect(asset.extra?.gating).toEqual({
      prompt: 'Agree to the terms.',
      fields: { Company: 'text', 'I agree': 'checkbox' },
      gated: true,
    });
  });

  it('reads model-index results', () => {
    expect(asset.evalResults).toEqual([
      {
        task: 'question-answering',
        dataset: 'SQuAD v2',
        datasetId: 'rajpurkar/squad_v2',
        split: 'validation',
        metric: 'f1',
        value: 81.5,
      },
      {
        task: 'question-answering',
        dataset: 'SQuAD v2',
        datasetId: 'rajpurkar/squad_v2',
        split: 'validation',
        metric: 'exact_match',
        value: '78.1',
      },
    ]);
  });

  it('emits inferred adapter, declared trained_on and evaluated_on relations', () => {
    const byType = (t: string) => result.relations.filter((r) => r.type === t);
    expect(only(byType('adapter_of'))).toMatchObject({
      child: 'acme/lora-7b',
      parent: 'acme/base-7b',
      origin: 'inferred',
    });
    expect(only(byType('adapter_of')).evidence).toContain('adapter library');
    expect(byType('trained_on').map((r) => r.parent)).toEqual([
      'acme/instructions',
      'acme/chat',
      'rajpurkar/squad_v2',
    ]);
    expect(byType('trained_on').every((r) => r.origin === 'declared')).toBe(true);
    expect(only(byType('evaluated_on'))).toMatchObject({ parent: 'rajpurkar/squad_v2', origin: 'declared' });
    expect(result.issues).toEqual([]);
  });
});

describe('hfModelCardParser: declared relations', () => {
  it('uses base_model_relation with evidence', () => {
    for (const [rel, type] of [
      ['adapter', 'adapter_of'],
      ['merge', 'merge_of'],
      ['quantized', 'quantized_from'],
      ['finetune', 'finetune_of'],
    ] as const) {
      const r = parse(
        'x/acme__m.md',
        `---\nbase_model: [acme/a, acme/b]\nbase_model_relation: ${rel}\n---\n`,
      );
      expect(r.relations).toHaveLength(2);
      for (const x of r.relations) {
        expect(x).toMatchObject({
          type,
          origin: 'declared',
          evidence: `base_model_relation: ${rel} in x/acme__m.md`,
        });
      }
    }
  });

  it('warns on an unknown relation and infers instead', () => {
    const r = parse('acme__m.md', '---\nbase_model: acme/a\nbase_model_relation: distill\n---\n');
    expect(r.issues.map((i) => i.code)).toContain('UNKNOWN_BASE_MODEL_RELATION');
    expect(only(r.relations)).toMatchObject({ type: 'finetune_of', origin: 'inferred' });
  });

  it('keeps a self-referencing base_model but makes no relation', () => {
    const r = parse('acme__m.md', '---\nbase_model: acme/m\n---\n');
    expect(r.assets[0]?.baseModels).toEqual(['acme/m']);
    expect(r.relations).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['SELF_REFERENCE']);
  });
});

describe('inferBaseRelation', () => {
  const base = { name: 'm', baseModels: ['org/base'], tags: [] as string[], body: '' };
  it.each([
    [{ baseModels: ['a/x', 'b/y'] }, 'merge_of', 'several base models'],
    [{ libraryName: 'peft' }, 'adapter_of', 'adapter library'],
    [{ tags: ['lora', 'text-to-image'] }, 'adapter_of', 'adapter tag'],
    [{ name: 'thing-qlora' }, 'adapter_of', 'adapter name'],
    [{ body: 'Load adapter_config.json first' }, 'adapter_of', 'adapter config'],
    [{ name: 'Llama-3-8B-GGUF' }, 'quantized_from', 'name'],
    [{ name: 'Mistral-7B-AWQ', tags: ['qlora'] }, 'quantized_from', 'name'],
    [{ name: 'm-8bpw-exl2' }, 'quantized_from', 'name'],
    [{ name: 'llama-bnb-4bit' }, 'quantized_from', 'name'],
    [{ tags: ['gptq'] }, 'quantized_from', 'quantization tag'],
    [{ name: 'x-GGUF', tags: ['merge', 'mergekit'] }, 'quantized_from', 'name'],
    [{ tags: ['mergekit'] }, 'merge_of', 'merge tag'],
    [{ libraryName: 'mergekit' }, 'merge_of', 'merge library'],
    [{}, 'finetune_of', 'default'],
  ] as const)('%j → %s', (over, type, rule) => {
    const got = inferBaseRelation({ ...base, ...over });
    expect(got.type).toBe(type);
    expect(got.rule).toContain(rule);
  });

  it('ignores quantization markers the base model already carries', () => {
    expect(
      inferBaseRelation({
        ...base,
        name: 'llama-3-8b-bnb-4bit-climate',
        baseModels: ['unsloth/llama-3-8b-bnb-4bit'],
      }).type,
    ).toBe('finetune_of');
  });
});

describe('hfModelCardParser: ids', () => {
  it('prefers an explicit owner/name id, then the file name', () => {
    expect(parse('cards/whatever.md', '---\nmodel_id: acme/real\n---\n').assets[0]?.id).toBe('acme/real');
    expect(
      parse('cards/whatever.md', '---\nrepo_id: https://huggingface.co/acme/real/tree/main\n---\n').assets[0]
        ?.id,
    ).toBe('acme/real');
    expect(parse('acme__x.md', '---\nmodel_id: x\n---\n').assets[0]?.id).toBe('acme/x');
    expect(parse('README.md', '---\nmodel_id: gpt2-finetune\n---\n').assets[0]?.id).toBe('gpt2-finetune');
  });

  it('derives ids from folders and resolves legacy aliases', () => {
    expect(parse('zip/acme__m/README.md', '---\nlicense: mit\n---\n').assets[0]).toMatchObject({
      id: 'acme/m',
      owner: 'acme',
      name: 'm',
    });
    expect(parse('acme/m/README.md', '---\nlicense: mit\n---\n').assets[0]?.id).toBe('acme/m');
    expect(parse('models/gpt2/README.md', '---\nlicense: mit\n---\n').assets[0]).toMatchObject({
      id: 'openai-community/gpt2',
      owner: 'openai-community',
    });
    const legacy = parse('acme__m.md', '---\nbase_model: bert-base-uncased\ndatasets: [squad]\n---\n');
    expect(legacy.assets[0]?.baseModels).toEqual(['google-bert/bert-base-uncased']);
    expect(legacy.relations.map((r) => r.parent)).toEqual([
      'google-bert/bert-base-uncased',
      'rajpurkar/squad',
    ]);
  });

  it('falls back to a stable hash id with a warning', () => {
    const r = parse('README.md', '---\nlicense: mit\n---\n');
    expect(r.assets[0]?.id).toMatch(/^unnamed-[0-9a-f]{8}$/);
    expect(r.issues.map((i) => i.code)).toContain('NO_ID');
  });
});

describe('hfModelCardParser: value variants', () => {
  it('accepts string or list for base_model, datasets, language, license', () => {
    const a = parse(
      'a__b.md',
      '---\nbase_model: org/x\ndatasets: org/d\nlanguage: [en, fr]\nlicense: [mit, apache-2.0]\n---\n',
    ).assets[0];
    expect(a).toMatchObject({ baseModels: ['org/x'], datasets: ['org/d'], languages: ['en', 'fr'] });
    expect(a?.license.raw).toEqual(['mit', 'apache-2.0']);
  });

  it('reads misspelt keys with TYPO_KEY warnings', () => {
    const r = parse(
      'a__b.md',
      '---\nlicence: mit\nbase_models: org/x\npipeline-tag: fill-mask\ndataset: [org/d]\n---\n',
    );
    expect(r.assets[0]).toMatchObject({
      license: { raw: 'mit' },
      baseModels: ['org/x'],
      pipelineTag: 'fill-mask',
      datasets: ['org/d'],
    });
    expect(r.issues.filter((i) => i.code === 'TYPO_KEY')).toHaveLength(4);
    const both = parse('a__b.md', '---\nlicense: mit\nlicence: gpl-3.0\n---\n');
    expect(both.assets[0]?.license.raw).toBe('mit');
    expect(both.issues.map((i) => i.code)).toEqual(['TYPO_KEY']);
  });

  it('reads eval_results entries in both shapes', () => {
    const text = [
      '---',
      'eval_results:',
      '  - dataset: {id: org/bench, task_id: math}',
      '    value: 0.5',
      '    source: {url: https://example.com}',
      '  - task_type: text-classification',
      '    dataset_type: imdb',
      '    dataset_name: IMDB',
      '    metric_type: accuracy',
      '    metric_value: 0.9',
      '---',
    ].join('\n');
    const r = parse('a__b.md', text);
    expect(r.assets[0]?.evalResults).toEqual([
      {
        metric: 'math',
        value: 0.5,
        task: 'math',
        dataset: 'org/bench',
        datasetId: 'org/bench',
        source: 'https://example.com',
      },
      {
        metric: 'accuracy',
        value: 0.9,
        task: 'text-classification',
        dataset: 'IMDB',
        datasetId: 'stanfordnlp/imdb',
      },
    ]);
    expect(r.relations.filter((x) => x.type === 'evaluated_on').map((x) => x.parent)).toEqual([
      'org/bench',
      'stanfordnlp/imdb',
    ]);
  });

  it('warns on malformed model-index entries and keeps the good ones', () => {
    const r = parse(
      'a__b.md',
      '---\nmodel-index:\n  - name: x\n    results:\n      - task: {type: t}\n        metrics: [{type: acc, value: 1}]\n      - nonsense\n---\n',
    );
    expect(r.assets[0]?.evalResults).toEqual([{ task: 't', metric: 'acc', value: 1 }]);
    expect(r.issues.map((i) => i.code)).toEqual(['INVALID_MODEL_INDEX']);
  });

  it('warns on license: other without a name', () => {
    expect(parse('a__b.md', '---\nlicense: other\n---\n').issues.map((i) => i.code)).toEqual([
      'LICENSE_OTHER_UNNAMED',
    ]);
  });
});

describe('hfModelCardParser: robustness', () => {
  const lf = '---\nlicense: mit\nbase_model: org/x\n---\n# T\n\nHello.\n';

  it('treats CRLF and BOM like LF', () => {
    const a = parse('a__b.md', lf);
    expect(parse('a__b.md', `\uFEFF${lf.replace(/\n/g, '\r\n')}`)).toEqual(a);
    expect(a.assets[0]?.description).toBe('Hello.');
  });

  it('accepts a markdown README without front matter, with a warning', () => {
    const r = parseFile({ name: 'acme__plain/README.md', text: '# Plain\n\nJust text.\n' });
    expect(r.format).toBe('hf-model-card');
    expect(r.assets[0]).toMatchObject({
      id: 'acme/plain',
      description: 'Just text.',
      body: '# Plain\n\nJust text.\n',
    });
    expect(r.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'NO_FRONT_MATTER']]);
  });

  it('keeps an asset with id and body when the YAML is broken, with a located error', () => {
    const r = parse(
      'acme__broken.md',
      '---\nlicense: mit\ntags: [a, b\nbase_model: org/x\n---\nBody text.\n',
    );
    expect(r.assets[0]).toMatchObject({
      id: 'acme/broken',
      body: 'Body text.\n',
      license: { raw: undefined },
    });
    const issue = r.issues.find((i) => i.code === 'YAML_SYNTAX');
    expect(issue?.severity).toBe('error');
    expect(issue?.line).toBeGreaterThanOrEqual(3);
    expect(issue?.column).toBeGreaterThanOrEqual(1);
    expect(r.relations).toEqual([]);
  });

  it('reads under-indented quoted strings leniently (like PyYAML) with a warning', () => {
    const r = parse('a__b.md', '---\nwidget:\n  - text: "one\n\n two"\npipeline_tag: text-generation\n---\n');
    expect(r.assets[0]?.pipelineTag).toBe('text-generation');
    expect(r.issues.map((i) => i.code)).toEqual(['YAML_LENIENT']);
  });

  it('reports an unclosed front matter', () => {
    const r = parse('a__b.md', '---\nlicense: mit\n# no end');
    expect(r.assets).toHaveLength(1);
    expect(r.issues.map((i) => i.code)).toEqual(['FRONT_MATTER_UNCLOSED']);
  });

  it('refuses a YAML alias bomb without crashing', () => {
    const lines = ['---', 'a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: 12 }, () => `*a${i - 1}`).join(', ')}]`);
    lines.push('license: mit', '---', 'body');
    const r = parse('a__bomb.md', lines.join('\n'));
    expect(r.assets[0]?.id).toBe('a/bomb');
    expect(r.issues.map((i) => i.code)).toContain('YAML_ALIAS_LIMIT');
  });

  it('drops __proto__ keys with a warning', () => {
    const r = parse('a__b.md', '---\n__proto__: {polluted: true}\nlicense: mit\ntags: [x]\n---\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.assets[0]?.license.raw).toBe('mit');
    expect(r.issues.map((i) => i.code)).toEqual(['FORBIDDEN_KEY']);
  });

  it('reports non-mapping and empty front matter', () => {
    expect(parse('a__b.md', '---\n- a\n- b\n---\n').issues.map((i) => i.code)).toEqual([
      'FRONT_MATTER_NOT_MAPPING',
    ]);
    expect(parse('a__b.md', '---\n---\nbody').issues.map((i) => i.code)).toEqual(['EMPTY_FRONT_MATTER']);
  });

  it('never throws on odd input', () => {
    for (const text of [
      '',
      '---',
      '---\n---',
      '\u0000\u0001',
      '---\n: : :\n---',
      '---\nbase_model: {a: 1}\ndatasets: [1, null, {x: 2}]\n---',
    ]) {
      expect(() => hfModelCardParser.parse({ name: '', text })).not.toThrow();
    }
    const r = parse('a__b.md', '---\nbase_model: {a: 1}\ndatasets: [org/d, null, {x: 2}]\n---');
    expect(r.assets[0]?.datasets).toEqual(['org/d']);
    expect(r.issues.filter((i) => i.code === 'INVALID_VALUE')).toHaveLength(2);
  });
});

describe('sniffing', () => {
  const sniff = (name: string, text: string) => ({
    model: hfModelCardParser.sniff({ name, text }, head(text)),
    dataset: hfDatasetCardParser.sniff({ name, text }, head(text)),
  });

  it('tells model from dataset cards by keys, the path breaking ties only', () => {
    const model = sniff('datasets/x/README.md', '---\nbase_model: a/b\nlicense: mit\n---\n');
    expect(model.model).toBeGreaterThan(model.dataset);
    const ds = sniff('x.md', '---\ntask_categories: [qa]\nsize_categories: [n<1K]\n---\n');
    expect(ds.dataset).toBeGreaterThan(ds.model);
    const tie = sniff('dataset-cards/x.md', '---\nlicense: mit\n---\n');
    expect(tie.dataset).toBeGreaterThan(tie.model);
  });

  it('gives plain markdown a low model score and non-markdown zero', () => {
    const md = sniff('notes/README.md', '# Hello');
    expect(md.model).toBeGreaterThan(0);
    expect(md.model).toBeLessThan(0.3);
    expect(md.model).toBeGreaterThan(md.dataset);
    expect(sniff('data.json', '{"a": 1}').model).toBe(0);
    expect(sniff('config.yaml', 'a: 1').model).toBe(0);
  });

  it('routes through detectFormat', () => {
    expect(detectFormat({ name: 'a.md', text: '---\npipeline_tag: fill-mask\n---\n' })).toBe('hf-model-card');
    expect(detectFormat({ name: 'a.md', text: '---\ndataset_info:\n  features: []\n---\n' })).toBe(
      'hf-dataset-card',
    );
  });
});

describe('not a card', () => {
  it('a license text with front matter (choosealicense style) is not taken for a model card', async () => {
    const { parseFile } = await import('../parseFile');
    const text =
      '---\ntitle: MIT License\nspdx-id: MIT\npermissions:\n  - commercial-use\nconditions: []\n---\n\nPermission is hereby granted...';
    const r = parseFile({ name: '_licenses/mit.txt', text });
    expect(r.assets).toHaveLength(0);
    expect(r.issues[0]?.code).toBe('UNKNOWN_FORMAT');
  });
});
