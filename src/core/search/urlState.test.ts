import { describe, expect, it } from 'vitest';
import { parseViewState, serializeViewState, toggleFacet } from './urlState';

describe('view state in the URL', () => {
  it('round-trips query, facets, sort and columns', () => {
    const p = new URLSearchParams(
      'q=llama+license%3Amit&kind=model&lang=de&lang=en&sort=-name&cols=name,kind',
    );
    const s = parseViewState(p);
    expect(s).toEqual({
      q: 'llama license:mit',
      facets: { kind: ['model'], lang: ['de', 'en'] },
      sort: { id: 'name', desc: true },
      cols: ['name', 'kind'],
    });
    expect(parseViewState(serializeViewState(s))).toEqual(s);
  });

  it('round-trips the base model, lineage depth, completeness and first-import facets', () => {
    const s = parseViewState(
      new URLSearchParams('base=acme%2Fbase&depth=5%2B&complete=80-100&imported=2026-12-03'),
    );
    expect(s.facets).toEqual({
      base: ['acme/base'],
      depth: ['5+'],
      complete: ['80-100'],
      imported: ['2026-12-03'],
    });
    expect(parseViewState(serializeViewState(s))).toEqual(s);
  });

  it('ignores unknown sort ids and columns; default columns are not written', () => {
    const s = parseViewState(new URLSearchParams('sort=bogus&cols=nope'));
    expect(s.sort).toBeUndefined();
    expect(s.cols).toBeUndefined();
    expect(
      serializeViewState({
        q: '',
        facets: {},
        cols: ['name', 'kind', 'task', 'license', 'base', 'updated'],
      }).toString(),
    ).toBe('');
  });

  it('toggles facet values', () => {
    const a = toggleFacet({ q: '', facets: {} }, 'kind', 'model');
    expect(a.facets).toEqual({ kind: ['model'] });
    expect(toggleFacet(a, 'kind', 'model').facets).toEqual({});
  });
});
