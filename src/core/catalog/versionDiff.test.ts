import { describe, expect, it } from 'vitest';
import type { StoredAsset } from './rows';
import { fieldRows, flattenFields } from './fieldRows';
import { fieldsDiff, textDiff } from './versionDiff';

describe('textDiff', () => {
  it('shows a changed line as a removal and an addition, folding far unchanged lines', () => {
    const before = [
      '---',
      'license: mit',
      'tags:',
      '- a',
      '---',
      '',
      ...Array.from({ length: 20 }, (_, i) => `line ${i}`),
    ].join('\n');
    const after = before.replace('license: mit', 'license: apache-2.0');
    const d = textDiff(before, after, 2);
    if (!d.ok) throw new Error(d.reason);
    expect(d.added).toBe(1);
    expect(d.removed).toBe(1);
    expect(d.lines).toContainEqual({ kind: 'del', text: 'license: mit', oldNo: 2 });
    expect(d.lines).toContainEqual({ kind: 'add', text: 'license: apache-2.0', newNo: 2 });
    const gap = d.lines.find((l) => l.kind === 'gap');
    expect(gap).toBeDefined();
  });

  it('identical texts have no changes and CRLF does not count', () => {
    const d = textDiff('a\r\nb\r\n', 'a\nb\n');
    expect(d.ok && d.added + d.removed).toBe(0);
  });
});

describe('fieldsDiff', () => {
  it('reports a license change first, then other fields, with before and after', () => {
    const changes = fieldsDiff(
      { id: 'a/b', kind: 'model', name: 'b', license: { raw: 'mit', normalized: 'MIT' }, tags: ['x'] },
      {
        id: 'a/b',
        kind: 'model',
        name: 'b',
        license: { raw: 'apache-2.0', normalized: 'Apache-2.0' },
        tags: ['x', 'y'],
        extra: { k: 1 },
      },
    );
    expect(changes[0]).toEqual({
      field: 'license',
      before: 'MIT; declared: mit',
      after: 'Apache-2.0; declared: apache-2.0',
    });
    expect(changes.map((c) => c.field)).toEqual(['license', 'tags', 'extra.k']);
    expect(changes[2]).toEqual({ field: 'extra.k', after: '1' });
  });
});

describe('fieldRows', () => {
  it('gives every field its source, extra keys from the newest contribution that has them', () => {
    const a: StoredAsset = {
      id: 'a/b',
      key: 'a/b',
      kind: 'dataset',
      name: 'b',
      license: { raw: 'mit', normalized: 'MIT' },
      version: '1.0.0',
      extra: { prettyName: 'B', datePublished: '2024' },
      createdAt: 't',
      updatedAt: 't',
      contributions: [
        {
          format: 'hf-dataset-card',
          sourceName: 'README.md',
          sha256: 's',
          importedAt: '1',
          asset: {
            id: 'a/b',
            kind: 'dataset',
            name: 'b',
            license: { raw: 'mit' },
            extra: { prettyName: 'B' },
          },
        },
        {
          format: 'croissant',
          sourceName: 'c.json',
          sha256: 't',
          importedAt: '2',
          asset: {
            id: 'a/b',
            kind: 'dataset',
            name: 'b',
            license: { raw: undefined },
            extra: { datePublished: '2024' },
          },
        },
      ],
      fieldSources: {
        license: 'hf-dataset-card: README.md',
        version: 'croissant: c.json',
        name: 'croissant: c.json',
        kind: 'croissant: c.json',
      },
    };
    const rows = new Map(fieldRows(a).map((r) => [r.field, r]));
    expect(rows.get('license')?.source).toBe('hf-dataset-card: README.md');
    expect(rows.get('version')?.source).toBe('croissant: c.json');
    expect(rows.get('extra.prettyName')?.source).toBe('hf-dataset-card: README.md');
    expect(rows.get('extra.datePublished')?.source).toBe('croissant: c.json');
    expect(rows.has('contributions')).toBe(false);
    expect(flattenFields(a).get('license')).toBe('MIT; declared: mit');
  });
});
