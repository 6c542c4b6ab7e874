import { describe, expect, it } from 'vitest';
import { currentWord, freeText, isEmptyQuery, parseQuery } from './query';

describe('parseQuery', () => {
  it('splits free text, field clauses, exclusions and phrases', () => {
    const q = parseQuery('llama license:apache-2.0 task:text-generation -gguf "chat model" -license:mit');
    expect(q.terms).toEqual(['llama']);
    expect(q.phrases).toEqual(['chat model']);
    expect(q.excluded).toEqual(['gguf']);
    expect(q.fields).toEqual([
      { field: 'license', value: 'apache-2.0', negated: false },
      { field: 'task', value: 'text-generation', negated: false },
      { field: 'license', value: 'mit', negated: true },
    ]);
    expect(q.hints).toEqual([]);
    expect(freeText(q)).toBe('llama chat model');
  });

  it('keeps slashes and dots in values, accepts quoted values and aliases', () => {
    const q = parseQuery(
      'base:mistralai/Mistral-7B-v0.1 trained:"tatsu-lab/alpaca" Language:de kind:dataset library:peft format:croissant',
    );
    expect(q.fields.map((f) => [f.field, f.value])).toEqual([
      ['base', 'mistralai/Mistral-7B-v0.1'],
      ['trained-on', 'tatsu-lab/alpaca'],
      ['lang', 'de'],
      ['kind', 'dataset'],
      ['library', 'peft'],
      ['format', 'croissant'],
    ]);
  });

  it('unknown fields give a hint, not an error, and keep their words as text', () => {
    const q = parseQuery('foo:bar llama');
    expect(q.hints).toHaveLength(1);
    expect(q.hints[0]).toMatch(/^Unknown field foo: — try license:, task:/);
    expect(q.terms).toEqual(['foo', 'bar', 'llama']);
    expect(q.fields).toEqual([]);
  });

  it('empty values hint; stray quotes and dashes never throw', () => {
    expect(parseQuery('license:').hints).toEqual(['Type a value after license:']);
    for (const s of ['"', '-', '--', '"unterminated phrase', 'a:"b', ':x', '- -x', ''])
      expect(() => parseQuery(s)).not.toThrow();
    expect(parseQuery('"unterminated phrase').phrases).toEqual(['unterminated phrase']);
    expect(isEmptyQuery(parseQuery('   '))).toBe(true);
    expect(parseQuery('-"base model"').excluded).toEqual(['base model']);
  });
});

describe('currentWord', () => {
  it('finds the word being typed and a field prefix', () => {
    expect(currentWord('llama lic')).toMatchObject({ prefix: 'llama ', word: 'lic', partial: 'lic' });
    expect(currentWord('llama license:ap')).toMatchObject({
      prefix: 'llama ',
      field: 'license',
      partial: 'ap',
    });
    expect(currentWord('x -task:te')).toMatchObject({
      prefix: 'x ',
      word: '-task:te',
      field: 'task',
      partial: 'te',
    });
  });
});
