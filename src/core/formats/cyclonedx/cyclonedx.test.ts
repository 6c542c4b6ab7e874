import { describe, expect, it } from 'vitest';
import { cycloneDxParser, hfIdFromPurl, parseCycloneDx } from './parse';

const BOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  metadata: {
    component: { type: 'application', 'bom-ref': 'app', name: 'chat-app', version: '2.0' },
  },
  components: [
    {
      type: 'machine-learning-model',
      'bom-ref': 'model-1',
      group: 'acme',
      name: 'tiny-llm-ft',
      version: '1.0',
      purl: 'pkg:huggingface/acme/tiny-llm-ft@abc123',
      description: 'A fine-tune.',
      authors: [{ name: 'Ann' }],
      licenses: [{ license: { id: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' } }],
      hashes: [
        { alg: 'SHA-256', content: 'C'.repeat(64) },
        { alg: 'SHA-1', content: 'd'.repeat(40) },
      ],
      tags: ['llm'],
      modelCard: {
        modelParameters: {
          approach: { type: 'supervised' },
          task: 'text-generation',
          architectureFamily: 'llama',
          modelArchitecture: 'LlamaForCausalLM',
          datasets: [
            { ref: 'data-1' },
            {
              type: 'dataset',
              name: 'wiki',
              contents: { url: 'https://huggingface.co/datasets/legacy-datasets/wikipedia' },
            },
          ],
          inputs: [{ format: 'string' }],
          outputs: [{ format: 'string' }],
        },
        quantitativeAnalysis: {
          performanceMetrics: [
            { type: 'accuracy', value: '0.91', slice: 'test' },
            { type: 'notes', value: 'good' },
          ],
          graphics: { collection: [{ image: { content: 'AAAA' } }] },
        },
        considerations: { useCases: ['chat'], ethicalConsiderations: [{ name: 'bias' }] },
      },
      pedigree: {
        ancestors: [{ type: 'machine-learning-model', name: 'tiny-llm', group: 'acme' }],
        variants: [{ type: 'machine-learning-model', name: 'tiny-llm-ft-gguf', group: 'acme' }],
      },
    },
    {
      type: 'data',
      'bom-ref': 'data-1',
      name: 'corpus',
      data: [
        { type: 'dataset', name: 'corpus', contents: { url: 'https://huggingface.co/datasets/acme/corpus' } },
      ],
      licenses: [{ expression: 'CC-BY-4.0 OR MIT' }],
    },
    { type: 'library', 'bom-ref': 'lib-torch', name: 'torch', version: '2.3' },
    { type: 'library', 'bom-ref': 'lib-unused', name: 'left-pad' },
  ],
  dependencies: [
    { ref: 'model-1', dependsOn: ['data-1', 'lib-torch', 'ghost'] },
    { ref: 'app', dependsOn: ['model-1'] },
  ],
};

function file(doc: unknown): { name: string; text: string } {
  return { name: 'bom.json', text: JSON.stringify(doc, null, 2) };
}

describe('cyclonedx sniff', () => {
  it('detects bomFormat CycloneDX even when JSON is invalid', () => {
    const text = '{\n "bomFormat": "CycloneDX",\n "metadata": {"a": 1,},\n}';
    expect(cycloneDxParser.sniff({ name: 'x.txt', text }, text)).toBeGreaterThan(0.9);
    const other = '{"bomFormat": "SPDX"}';
    expect(cycloneDxParser.sniff({ name: 'bom.json', text: other }, other)).toBe(0);
  });
});

describe('parseCycloneDx', () => {
  it('reads models, data, metadata component and relations', () => {
    const res = parseCycloneDx(file(BOM));
    expect(res.format).toBe('cyclonedx');
    const ids = res.assets.map((a) => a.id);
    expect(ids).toEqual(['chat-app', 'acme/tiny-llm-ft', 'acme/corpus', 'torch']);
    const model = res.assets.find((a) => a.id === 'acme/tiny-llm-ft')!;
    expect(model).toMatchObject({
      kind: 'model',
      name: 'tiny-llm-ft',
      owner: 'acme',
      version: '1.0',
      description: 'A fine-tune.',
      pipelineTag: 'text-generation',
      creators: ['Ann'],
      tags: ['llm'],
      datasets: ['acme/corpus', 'legacy-datasets/wikipedia'],
      baseModels: ['acme/tiny-llm'],
      distribution: [{ name: 'tiny-llm-ft', sha256: 'c'.repeat(64) }],
      evalResults: [
        { metric: 'accuracy', value: 0.91, split: 'test', source: 'cyclonedx:quantitativeAnalysis' },
        { metric: 'notes', value: 'good', source: 'cyclonedx:quantitativeAnalysis' },
      ],
    });
    expect(model.license).toEqual({
      raw: [{ license: { id: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' } }],
      link: 'https://www.apache.org/licenses/LICENSE-2.0',
    });
    expect(model.extra).toMatchObject({
      bomRef: 'model-1',
      specVersion: '1.6',
      modelParameters: {
        task: 'text-generation',
        approach: 'supervised',
        architectureFamily: 'llama',
        inputs: ['string'],
      },
      considerations: { useCases: ['chat'] },
    });
    expect(JSON.stringify(model.extra)).not.toContain('AAAA');
    const data = res.assets.find((a) => a.id === 'acme/corpus')!;
    expect(data.kind).toBe('dataset');
    expect(data.license.raw).toEqual([{ expression: 'CC-BY-4.0 OR MIT' }]);
    expect(res.assets.find((a) => a.id === 'chat-app')!.kind).toBe('software');

    const rel = res.relations.map((r) => `${r.child} ${r.type} ${r.parent} ${r.origin}`);
    expect(rel).toEqual(
      expect.arrayContaining([
        'acme/tiny-llm-ft trained_on acme/corpus declared',
        'acme/tiny-llm-ft trained_on legacy-datasets/wikipedia declared',
        'acme/tiny-llm-ft finetune_of acme/tiny-llm inferred',
        'acme/tiny-llm-ft-gguf variant_of acme/tiny-llm-ft declared',
        'acme/tiny-llm-ft depends_on torch declared',
        'chat-app depends_on acme/tiny-llm-ft declared',
      ]),
    );
    expect(rel.filter((r) => r.startsWith('acme/tiny-llm-ft trained_on acme/corpus'))).toHaveLength(1);
    expect(res.issues.some((i) => i.code === 'DANGLING_REF' && i.message.includes('ghost'))).toBe(true);
    expect(res.issues.some((i) => i.code === 'SKIPPED_COMPONENTS')).toBe(true);
  });

  it('maps hf:base_model_relation on pedigree ancestors', () => {
    const doc = {
      bomFormat: 'CycloneDX',
      specVersion: '1.7',
      components: [
        {
          type: 'machine-learning-model',
          name: 'm-gguf',
          group: 'o',
          properties: [{ name: 'hf:base_model_relation', value: 'quantized' }],
          pedigree: { ancestors: [{ type: 'machine-learning-model', purl: 'pkg:huggingface/o/m@1' }] },
        },
      ],
    };
    const res = parseCycloneDx(file(doc));
    expect(res.relations).toEqual([
      {
        child: 'o/m-gguf',
        type: 'quantized_from',
        parent: 'o/m',
        origin: 'declared',
        evidence: 'pedigree.ancestors + property hf:base_model_relation=quantized',
      },
    ]);
  });

  it('derives ids from purl, HF external references, group/name', () => {
    expect(hfIdFromPurl('pkg:huggingface/google-bert/bert-base-cased@cd5ef92')).toBe(
      'google-bert/bert-base-cased',
    );
    expect(hfIdFromPurl('pkg:huggingface/org%2Fname@1?x=1')).toBe('org/name');
    expect(hfIdFromPurl('pkg:npm/left-pad@1')).toBeUndefined();
    const doc = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      components: [
        {
          type: 'machine-learning-model',
          name: 'bert-base-cased',
          supplier: { name: 'google-bert' },
          externalReferences: [
            { type: 'website', url: 'https://huggingface.co/google-bert/bert-base-cased' },
          ],
        },
        {
          type: 'data',
          name: 'wikipedia',
          data: [
            { type: 'dataset', contents: { url: 'https://huggingface.co/datasets/wikimedia/wikipedia' } },
          ],
        },
        { type: 'machine-learning-model', name: 'gpt-4o' },
      ],
    };
    const res = parseCycloneDx(file(doc));
    expect(res.assets.map((a) => a.id)).toEqual([
      'google-bert/bert-base-cased',
      'wikimedia/wikipedia',
      'gpt-4o',
    ]);
    expect(res.assets[0]!.url).toBe('https://huggingface.co/google-bert/bert-base-cased');
  });

  it('tolerates trailing commas with a TRAILING_COMMA warning carrying line/column', () => {
    const text =
      '{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.6",\n  "metadata": {\n    "timestamp": "2024",\n  },\n  "components": [{"type": "data", "name": "d",}]\n}';
    const res = parseCycloneDx({ name: 'bom.json', text });
    expect(res.assets.map((a) => a.id)).toEqual(['d']);
    const w = res.issues.find((i) => i.code === 'TRAILING_COMMA');
    expect(w).toMatchObject({ severity: 'warning', line: 5 });
    expect(w!.column).toBeGreaterThan(0);
  });

  it('reports invalid JSON with line/column and no assets', () => {
    const res = parseCycloneDx({ name: 'bom.json', text: '{\n  "bomFormat": "CycloneDX"\n  "x": 1\n}' });
    expect(res.assets).toEqual([]);
    expect(res.issues[0]).toMatchObject({ severity: 'error', code: 'JSON_SYNTAX' });
    expect(res.issues[0]!.line).toBeDefined();
  });

  it('drops __proto__ keys and survives odd shapes', () => {
    const text =
      '{"bomFormat": "CycloneDX", "specVersion": "1.5", "__proto__": {"x": 1}, "components": [{"type": "data", "name": "d", "__proto__": {"y": 2}, "licenses": "MIT", "hashes": "nope", "modelCard": 5, "pedigree": {"ancestors": "a"}}, 7, null], "dependencies": {"ref": "d"}}';
    const res = parseCycloneDx({ name: 'bom.json', text });
    expect(res.assets.map((a) => a.id)).toEqual(['d']);
    expect(res.issues.filter((i) => i.code === 'FORBIDDEN_KEY')).toHaveLength(2);
  });

  it('warns on unknown shapes and on BOMs without ML components', () => {
    const wrong = parseCycloneDx({ name: 'bom.json', text: '[1]' });
    expect(wrong.issues[0]).toMatchObject({ severity: 'warning', code: 'UNKNOWN_SHAPE' });
    const empty = parseCycloneDx(
      file({ bomFormat: 'CycloneDX', specVersion: '1.4', components: [{ type: 'library', name: 'x' }] }),
    );
    expect(empty.assets).toEqual([]);
    expect(empty.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['SPEC_VERSION', 'NO_ASSETS']));
  });
});
