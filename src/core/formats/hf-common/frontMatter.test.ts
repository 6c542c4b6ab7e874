import { describe, expect, it } from 'vitest';
import { safeYamlParse } from '../../util/safeParse';
import { scanTopLevelKeys, splitFrontMatter } from './frontMatter';
import { reindentQuotedContinuations } from './lenientYaml';
import { classifyCard, typoTarget } from './keys';
import { firstParagraph, idFromFileName } from './card';

describe('splitFrontMatter', () => {
  it('splits LF, CRLF and BOM cards the same way', () => {
    const lf = '---\nlicense: mit\n---\n# Title\n\nText.\n';
    const crlf = '\uFEFF---\r\nlicense: mit\r\n---\r\n# Title\r\n\r\nText.\r\n';
    expect(splitFrontMatter(lf)).toEqual({
      kind: 'front-matter',
      yaml: 'license: mit',
      openLine: 1,
      body: '# Title\n\nText.\n',
    });
    expect(splitFrontMatter(crlf)).toEqual(splitFrontMatter(lf));
  });

  it('reports missing and unclosed front matter', () => {
    expect(splitFrontMatter('# Just markdown').kind).toBe('none');
    expect(splitFrontMatter('\n\n---\nlicense: mit\n# no close').kind).toBe('unclosed');
    const leading = splitFrontMatter('\n\n---\na: 1\n---\nbody');
    expect(leading.kind === 'front-matter' && leading.openLine).toBe(3);
  });
});

describe('scanTopLevelKeys', () => {
  it('lists top-level keys without parsing YAML', () => {
    const scan = scanTopLevelKeys(
      '---\nlicense: mit\ntags:\n- a\nmodel-index:\n  - name: x\n"pipeline_tag": fill-mask\n---\n',
    );
    expect(scan).toEqual({ keys: ['license', 'tags', 'model-index', 'pipeline_tag'], closed: true });
    expect(scanTopLevelKeys('no front matter')).toBeUndefined();
  });
});

describe('classifyCard / typoTarget', () => {
  it('decides by keys and uses the path only to break ties', () => {
    expect(classifyCard(['license', 'base_model'], 'datasets/x/README.md').kind).toBe('model');
    expect(classifyCard(['license', 'task_categories', 'size_categories'], 'x.md').kind).toBe('dataset');
    expect(classifyCard(['license', 'tags'], 'dataset-cards/x.md').kind).toBe('dataset');
    expect(classifyCard(['license', 'tags'], 'model-cards/x.md').kind).toBe('model');
  });

  it('maps misspelt keys', () => {
    expect(typoTarget('licence', 'model')).toBe('license');
    expect(typoTarget('pipeline-tag', 'model')).toBe('pipeline_tag');
    expect(typoTarget('base_models', 'model')).toBe('base_model');
    expect(typoTarget('dataset', 'model')).toBe('datasets');
    expect(typoTarget('dataset', 'dataset')).toBeUndefined();
    expect(typoTarget('license', 'model')).toBeUndefined();
    expect(typoTarget('model-index', 'model')).toBeUndefined();
  });
});

describe('idFromFileName', () => {
  it('reads owner__name files and owner/name folders', () => {
    expect(idFromFileName('model-cards/TheBloke__Llama-2-7B-GGUF.md')?.id).toBe('TheBloke/Llama-2-7B-GGUF');
    expect(idFromFileName('x/a__b__c.md')?.id).toBe('a/b__c');
    expect(idFromFileName('upload/acme__bert-x/README.md')?.id).toBe('acme/bert-x');
    expect(idFromFileName('acme/bert-x/README.md')?.id).toBe('acme/bert-x');
    expect(idFromFileName('C:\\cards\\acme\\bert-x\\README.md')?.id).toBe('acme/bert-x');
    expect(idFromFileName('datasets/squad/README.md')?.id).toBe('squad');
    expect(idFromFileName('hub/models--acme--m/README.md')?.id).toBe('acme/m');
    expect(idFromFileName('README.md')).toBeUndefined();
  });
});

describe('firstParagraph', () => {
  it('skips headings, badges, lists, comments and code, strips inline markdown', () => {
    const body =
      '# Title\n<!-- note\nmore -->\n![badge](x.png)\n\n```\ncode\n```\n- item\n\nThis **model** is a [fine-tune](http://x) of `base`.\nSecond line.\n\nNext.';
    expect(firstParagraph(body)).toBe('This model is a fine-tune of base. Second line.');
    expect(firstParagraph('# Only a heading')).toBeUndefined();
  });
});

describe('reindentQuotedContinuations', () => {
  it('re-indents under-indented continuation lines of a quoted string', () => {
    const yaml = 'widget:\n  - text: "first\n\n second"\nlicense: mit';
    expect(safeYamlParse(yaml).ok).toBe(false);
    const fixed = reindentQuotedContinuations(yaml) ?? '';
    expect(fixed).toBe(`widget:\n  - text: "first\n\n${' '.repeat(11)}second"\nlicense: mit`);
    const parsed = safeYamlParse(fixed);
    expect(parsed.ok && parsed.value).toEqual({ widget: [{ text: 'first\nsecond' }], license: 'mit' });
    expect(reindentQuotedContinuations('a: "one line"\nb: 2')).toBeUndefined();
  });
});
