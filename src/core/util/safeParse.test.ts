import { describe, expect, it } from 'vitest';
import { safeJsonParse, safeYamlParse, yamlDepthExceeds, MAX_NESTING_DEPTH } from './safeParse';

describe('safeYamlParse', () => {
  it('reports syntax errors with line and column', () => {
    const res = safeYamlParse('a: 1\nb: [1, 2\nc: 3\n');
    expect(res.ok).toBe(false);
    expect(res.issues[0]).toMatchObject({ code: 'YAML_SYNTAX' });
    expect(res.issues[0]?.line).toBeGreaterThan(0);
  });

  it('refuses alias bombs', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    let prev = 'a';
    for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
      prev = name;
    }
    const res = safeYamlParse(lines.join('\n'));
    expect(res.ok).toBe(false);
    expect(res.issues[0]?.code).toBe('YAML_ALIAS_LIMIT');
  });

  it.each([
    ['flow sequences', (n: number) => `a: ${'['.repeat(n)}1${']'.repeat(n)}\n`],
    ['flow mappings', (n: number) => `a: ${'{b: '.repeat(n)}1${'}'.repeat(n)}\n`],
    ['compact block sequences', (n: number) => `a:\n  ${'- '.repeat(n)}x\n`],
  ])('reports %s nested 10,000 deep as "nested too deeply", not a stack overflow', (_, make) => {
    const res = safeYamlParse(make(10_000));
    expect(res.ok).toBe(false);
    expect(res.issues[0]?.code).toBe('TOO_DEEP');
    expect(res.issues[0]?.message).toMatch(/YAML is nested deeper than 200 levels/);
  });

  it('reports block nesting past the bound (3,000 levels: 4.5 MB of indentation), reads it below', () => {
    const block = (n: number) =>
      Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';
    expect(safeYamlParse(block(3000)).issues[0]?.code).toBe('TOO_DEEP');
    expect(safeYamlParse(block(MAX_NESTING_DEPTH + 5)).issues[0]?.code).toBe('TOO_DEEP');
    expect(safeYamlParse(block(50)).ok).toBe(true);
    expect(safeYamlParse('a:\n  b:\n    - x\n    - y: |\n        text\n          more\n  c: 1\n').ok).toBe(
      true,
    );
    expect(safeYamlParse(`a: ${'['.repeat(50)}1${']'.repeat(50)}`).ok).toBe(true);
  });

  it('the depth pre-check skips brackets in quoted scalars and comments', () => {
    const many = '['.repeat(MAX_NESTING_DEPTH + 1);
    expect(yamlDepthExceeds(`a: "${many}"\nb: '${many}'\n# ${many}\n`, MAX_NESTING_DEPTH)).toBe(false);
    expect(yamlDepthExceeds(`a: ${many}`, MAX_NESTING_DEPTH)).toBe(true);
    expect(safeYamlParse(`a: "${many}"\n`).ok).toBe(true);
  });

  it('drops __proto__ and constructor keys and keeps dates as strings', () => {
    const res = safeYamlParse('__proto__:\n  polluted: true\nconstructor: x\ndate: 2024-01-02\nok: 1\n');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value).toEqual({ date: '2024-01-02', ok: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(res.issues.map((i) => i.code)).toContain('FORBIDDEN_KEY');
  });
});

describe('safeJsonParse', () => {
  it('tolerates trailing commas only when asked, with a warning', () => {
    expect(safeJsonParse('{"a": [1, 2,],}').ok).toBe(false);
    const res = safeJsonParse('{"a": [1, 2,],}', { allowTrailingCommas: true });
    expect(res.ok).toBe(true);
    expect(res.issues[0]?.code).toBe('TRAILING_COMMA');
  });

  it('refuses nesting beyond the bound', () => {
    const deep = '['.repeat(MAX_NESTING_DEPTH + 5) + ']'.repeat(MAX_NESTING_DEPTH + 5);
    const res = safeJsonParse(deep);
    expect(res.ok).toBe(false);
    expect(res.issues[0]?.code).toBe('TOO_DEEP');
  });

  it('reports the position of syntax errors', () => {
    const res = safeJsonParse('{\n  "a": 1,\n  "b": x\n}');
    expect(res.ok).toBe(false);
    expect(res.issues[0]?.message).toMatch(/line 3/);
  });
});
