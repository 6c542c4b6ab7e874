import { describe, expect, it } from 'vitest';
import { canonicalId, splitOwnerName } from './ids';
import { LEGACY_ALIASES, LEGACY_DATASET_ALIASES, LEGACY_MODEL_ALIASES } from './aliases';

describe('canonicalId', () => {
  it('strips hub URLs, suffixes and trailing slashes', () => {
    expect(canonicalId('https://huggingface.co/meta-llama/Llama-2-7b-hf')).toBe('meta-llama/Llama-2-7b-hf');
    expect(canonicalId('https://huggingface.co/datasets/allenai/c4/')).toBe('allenai/c4');
    expect(canonicalId('hf.co/Qwen/Qwen2-7B/tree/main')).toBe('Qwen/Qwen2-7B');
    expect(canonicalId('https://huggingface.co/org/m/blob/main/README.md')).toBe('org/m');
    expect(canonicalId('https://huggingface.co/org/m.git')).toBe('org/m');
    expect(canonicalId('hf://datasets/org/data')).toBe('org/data');
    expect(canonicalId('https://huggingface.co/datasets/acme/raw')).toBe('acme/raw');
    expect(canonicalId('https://huggingface.co/acme/tree')).toBe('acme/tree');
    expect(canonicalId('https://huggingface.co/gpt2/blob/main/config.json')).toBe('openai-community/gpt2');
    expect(canonicalId('  org/m?x=1 ')).toBe('org/m');
  });

  it('resolves legacy model and dataset ids case-insensitively', () => {
    expect(canonicalId('gpt2')).toBe('openai-community/gpt2');
    expect(canonicalId('BERT-base-uncased')).toBe('google-bert/bert-base-uncased');
    expect(canonicalId('distilbert-base-uncased')).toBe('distilbert/distilbert-base-uncased');
    expect(canonicalId('roberta-base')).toBe('FacebookAI/roberta-base');
    expect(canonicalId('xlm-roberta-base')).toBe('FacebookAI/xlm-roberta-base');
    expect(canonicalId('t5-small')).toBe('google-t5/t5-small');
    expect(canonicalId('https://huggingface.co/bert-base-chinese')).toBe('google-bert/bert-base-chinese');
    expect(canonicalId('squad_v2')).toBe('rajpurkar/squad_v2');
    expect(canonicalId('https://huggingface.co/datasets/gsm8k')).toBe('openai/gsm8k');
  });

  it('leaves namespaced and unknown ids alone and is idempotent', () => {
    expect(canonicalId('someone/gpt2')).toBe('someone/gpt2');
    expect(canonicalId('my-model')).toBe('my-model');
    for (const v of LEGACY_ALIASES.values()) expect(canonicalId(v)).toBe(v);
  });

  it('keeps the alias tables lower-case keyed, namespaced and disjoint', () => {
    for (const [k, v] of LEGACY_ALIASES) {
      expect(k).toBe(k.toLowerCase());
      expect(v).toMatch(/^[^/]+\/[^/]+$/);
    }
    for (const k of LEGACY_MODEL_ALIASES.keys()) expect(LEGACY_DATASET_ALIASES.has(k)).toBe(false);
  });
});

describe('splitOwnerName', () => {
  it('splits at the first slash', () => {
    expect(splitOwnerName('a/b__c')).toEqual({ owner: 'a', name: 'b__c' });
    expect(splitOwnerName('cail2018')).toEqual({ name: 'cail2018' });
  });
});
