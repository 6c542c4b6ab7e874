/**
 * The catalog query language: free text combined with field clauses. Pure and total: every input
 * parses; problems (unknown fields, empty values) become hints, never errors.
 *
 *   llama license:apache-2.0 task:text-generation -gguf "chat model" -license:mit base:mistralai/Mistral-7B-v0.1
 */

/** Field names the catalog understands. */
export type QueryField =
  'license' | 'task' | 'kind' | 'library' | 'base' | 'trained-on' | 'lang' | 'format' | 'owner' | 'tag';

export const QUERY_FIELDS: readonly QueryField[] = [
  'license',
  'task',
  'kind',
  'library',
  'base',
  'trained-on',
  'lang',
  'format',
  'owner',
  'tag',
];

/** Other spellings accepted for a field. */
const FIELD_ALIASES: Readonly<Record<string, QueryField>> = {
  license: 'license',
  licence: 'license',
  task: 'task',
  pipeline: 'task',
  kind: 'kind',
  type: 'kind',
  library: 'library',
  lib: 'library',
  base: 'base',
  'base-model': 'base',
  'trained-on': 'trained-on',
  trained: 'trained-on',
  dataset: 'trained-on',
  lang: 'lang',
  language: 'lang',
  format: 'format',
  owner: 'owner',
  author: 'owner',
  tag: 'tag',
};

export type FieldClause = { field: QueryField; value: string; negated: boolean };

export type ParsedQuery = {
  /** Free-text words (not negated), in order. */
  terms: string[];
  /** Quoted phrases (not negated), without quotes. */
  phrases: string[];
  /** Negated words and phrases (`-gguf`, `-"base model"`). */
  excluded: string[];
  /** Field clauses, in order. */
  fields: FieldClause[];
  /** Human-readable hints (unknown fields, empty values). */
  hints: string[];
};

/** Resolves a field name (case-insensitive, aliases allowed). */
export function resolveField(name: string): QueryField | undefined {
  return FIELD_ALIASES[name.toLowerCase()];
}

export function fieldHintList(): string {
  return QUERY_FIELDS.map((f) => `${f}:`).join(', ');
}

type RawToken = { text: string; quoted: boolean; negated: boolean; field?: string };

/** Splits the input into tokens: words, `"quoted phrases"`, `field:value`, `field:"quoted value"`, each optionally `-`negated. */
function lex(input: string): RawToken[] {
  const out: RawToken[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    while (i < n && /\s/u.test(input[i] ?? '')) i++;
    if (i >= n) break;
    let negated = false;
    if (input[i] === '-' && i + 1 < n && !/\s/u.test(input[i + 1] ?? '')) {
      negated = true;
      i++;
    }
    if (input[i] === '"') {
      const end = input.indexOf('"', i + 1);
      const stop = end === -1 ? n : end;
      out.push({ text: input.slice(i + 1, stop), quoted: true, negated });
      i = stop + 1;
      continue;
    }
    // A bare word, possibly `field:value` or `field:"quoted value"`.
    let j = i;
    while (j < n && !/\s/u.test(input[j] ?? '') && input[j] !== '"') j++;
    const word = input.slice(i, j);
    const colon = word.indexOf(':');
    if (colon > 0 && /^[a-z][a-z-]*$/iu.test(word.slice(0, colon))) {
      const field = word.slice(0, colon);
      let value = word.slice(colon + 1);
      if (value === '' && input[j] === '"') {
        const end = input.indexOf('"', j + 1);
        const stop = end === -1 ? n : end;
        value = input.slice(j + 1, stop);
        j = stop + 1;
      }
      out.push({ text: value, quoted: false, negated, field });
      i = j;
      continue;
    }
    out.push({ text: word, quoted: false, negated });
    i = j;
  }
  return out;
}

/** Parses a catalog query. Never throws. */
export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { terms: [], phrases: [], excluded: [], fields: [], hints: [] };
  const unknown = new Set<string>();
  for (const t of lex(input)) {
    if (t.field !== undefined) {
      const field = resolveField(t.field);
      if (!field) {
        unknown.add(t.field);
        // Keep the words so the search still finds something useful.
        const words = `${t.field} ${t.text}`.trim();
        if (t.negated) q.excluded.push(words);
        else q.terms.push(...words.split(/\s+/u).filter(Boolean));
        continue;
      }
      const value = t.text.trim();
      if (value === '') {
        q.hints.push(`Type a value after ${field}:`);
        continue;
      }
      q.fields.push({ field, value, negated: t.negated });
      continue;
    }
    const text = t.text.trim();
    if (text === '') continue;
    if (t.negated) q.excluded.push(text);
    else if (t.quoted) q.phrases.push(text);
    else q.terms.push(text);
  }
  for (const f of unknown) q.hints.push(`Unknown field ${f}: — try ${fieldHintList()}`);
  return q;
}

/** The text handed to the full-text index: words and phrase words. */
export function freeText(q: ParsedQuery): string {
  return [...q.terms, ...q.phrases].join(' ').trim();
}

/** True when the query restricts nothing. */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.terms.length === 0 && q.phrases.length === 0 && q.excluded.length === 0 && q.fields.length === 0;
}

/**
 * Splits the input at the word being typed (for autosuggest): `prefix` is everything before it, `word`
 * is the current (last) token, and `field` is set when that token is `field:partial`.
 */
export function currentWord(input: string): {
  prefix: string;
  word: string;
  field?: QueryField;
  fieldName?: string;
  partial: string;
} {
  const m = /(^|\s)(-?)([^\s]*)$/u.exec(input);
  const word = m ? `${m[2] ?? ''}${m[3] ?? ''}` : '';
  const prefix = input.slice(0, input.length - word.length);
  const bare = word.replace(/^-/u, '');
  const colon = bare.indexOf(':');
  if (colon > 0) {
    const fieldName = bare.slice(0, colon);
    const field = resolveField(fieldName);
    const partial = bare.slice(colon + 1).replace(/^"/u, '');
    return field ? { prefix, word, field, fieldName, partial } : { prefix, word, fieldName, partial };
  }
  return { prefix, word, partial: bare };
}
