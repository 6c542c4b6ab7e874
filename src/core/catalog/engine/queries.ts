/**
 * Query-side helpers of the catalog engine: the result cache (one per engine), what a query needs
 * from the rows, answering a query over a state, and suggestions. Pure.
 */
import { freeText, parseQuery, QUERY_FIELDS, type ParsedQuery, type QueryField } from '../../search/query';
import type { currentWord } from '../../search/query';
import { SORT_IDS, type SortId } from '../../search/display';
import { queryCandidates, type MiniSearch, type SearchDoc } from '../../search/searchIndex';
import { applyFacets } from '../facets';
import type { FacetIndex, FacetSelection } from '../facetTypes';
import { sortIndices, type State } from './state';
import type { CatalogQuery, CatalogQueryResult } from './types';

/**
 * Recent query results (LRU), valid for one snapshot of one state with one facet index: repeated queries
 * (back/forward, toggling a facet off again, retyping) answer without searching. Cleared on every change.
 */
type CachedResult = {
  st: State;
  snapshotId: string;
  facets: FacetIndex;
  result: Omit<CatalogQueryResult, 'ms'>;
};

const RESULT_CACHE_SIZE = 64;
/** Bound on the row indices held (4 bytes each): a few MB at most. */
const RESULT_CACHE_MAX_ROWS = 1_000_000;

export class ResultCache {
  private readonly entries = new Map<string, CachedResult>();

  /** The result cached for `key` if it was computed for the state's current snapshot and facet index. */
  get(key: string, st: State): Omit<CatalogQueryResult, 'ms'> | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.st !== st || hit.snapshotId !== st.snapshotId || hit.facets !== st.facets)
      return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.result;
  }

  set(key: string, st: State, facets: FacetIndex, result: Omit<CatalogQueryResult, 'ms'>): void {
    this.entries.set(key, { st, snapshotId: st.snapshotId, facets, result });
    while (this.entries.size > RESULT_CACHE_SIZE || this.cachedLength() > RESULT_CACHE_MAX_ROWS) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  private cachedLength(): number {
    let n = 0;
    for (const c of this.entries.values()) n += c.result.order.length;
    return n;
  }
}

export function resultCacheKey(args: CatalogQuery): string {
  const facets = Object.keys(args.facets)
    .sort()
    .map((k) => [k, args.facets[k as keyof FacetSelection]]);
  return JSON.stringify([args.q.trim().replace(/\s+/gu, ' '), facets, args.sort ?? null]);
}

/**
 * Whether answering `args` reads the rows' lists or descriptions (phrases and field clauses test them; a
 * missing facet index or sort order is built from them), which a cold start reads after the index.
 */
export function queryNeedsTail(st: State, args: CatalogQuery): boolean {
  if (st.tailLoaded) return false;
  if (!st.facets) return true;
  const parsed = parseQuery(args.q);
  if (parsed.fields.length > 0 || parsed.phrases.length > 0) return true;
  return args.sort !== undefined && !st.ranks.has(args.sort.id);
}

const FIELD_FACET: Partial<Record<QueryField, keyof FacetIndex['columns']>> = {
  license: 'license',
  task: 'task',
  kind: 'kind',
  library: 'library',
  'trained-on': 'trained',
  lang: 'lang',
  format: 'format',
};

/** Family words a `license:` clause accepts besides licence ids (see search/filter). */
const FAMILY_SUGGESTIONS = ['permissive', 'copyleft', 'non-commercial', 'responsible-ai', 'custom'];

/** Known values of a field, most frequent first (from the facet index). */
export function fieldValues(st: State, field: QueryField): string[] {
  const facet = FIELD_FACET[field];
  if (facet && st.facets) {
    const col = st.facets.columns[facet];
    const counts = new Uint32Array(col.labels.length);
    for (const id of col.ids) counts[id] = (counts[id] ?? 0) + 1;
    const values = col.labels.map((label, i) => ({ label, n: counts[i] ?? 0 })).sort((a, b) => b.n - a.n);
    const out = values.map((v) => v.label);
    if (field === 'license') out.push(...FAMILY_SUGGESTIONS);
    return out;
  }
  const seen = new Map<string, number>();
  for (const r of st.rows) {
    const vals =
      field === 'base' ? r.baseModels : field === 'owner' ? [r.owner] : field === 'tag' ? r.tags : [];
    for (const v of vals) if (v) seen.set(v, (seen.get(v) ?? 0) + 1);
  }
  return Array.from(seen.entries())
    .sort((a, b) => b[1] - a[1])
    .map(([v]) => v);
}

/** Whether a query reads the search index (free text or exclusions). */
export function queryNeedsIndex(parsed: ParsedQuery): boolean {
  return freeText(parsed) !== '' || parsed.excluded.length > 0;
}

/** Answers a parsed query over `st` (`idx`: when `queryNeedsIndex`). */
export function answerQuery(
  st: State,
  facets: FacetIndex,
  idx: MiniSearch<SearchDoc> | undefined,
  parsed: ParsedQuery,
  args: CatalogQuery,
): Omit<CatalogQueryResult, 'ms'> {
  const hasText = freeText(parsed) !== '';
  // Text hits in rank order (row indices straight from the index), minus exclusions, then field clauses
  // and phrases on the facet columns; without text, in row order.
  const candidates = queryCandidates(idx, st.rows, st.keyToIndex, parsed, facets);
  const res = applyFacets(facets, candidates, args.facets);
  let order = res.matches;
  const sort = args.sort ?? (hasText ? undefined : { id: 'updated' as SortId, desc: true });
  if (sort && SORT_IDS.includes(sort.id)) {
    // Without text, matches are in row order: rows in default order (newest first) need no sort for it.
    if (!(st.ordered && sort.id === 'updated' && sort.desc && !hasText)) order = sortIndices(st, order, sort);
  }
  return {
    snapshotId: st.snapshotId,
    order,
    total: st.rows.length,
    counts: res.counts,
    hints: parsed.hints,
  };
}

type CurrentWord = ReturnType<typeof currentWord>;

/** Completions of a field clause's value (`field:par…`), most frequent values first. */
export function valueSuggestions(
  st: State,
  cw: CurrentWord,
  field: QueryField,
  neg: string,
  limit: number,
): string[] {
  const p = cw.partial.toLowerCase();
  const out: string[] = [];
  for (const v of fieldValues(st, field)) {
    if (v.toLowerCase().startsWith(p) && v.toLowerCase() !== p) {
      out.push(`${cw.prefix}${neg}${field}:${/\s/u.test(v) ? `"${v}"` : v} `);
      if (out.length >= limit) break;
    }
  }
  return out;
}

/** Field names the word being typed may start (`lic` → `license:`). */
export function fieldNameSuggestions(cw: CurrentWord, neg: string): string[] {
  return QUERY_FIELDS.filter((f) => cw.partial.length >= 2 && f.startsWith(cw.partial.toLowerCase())).map(
    (f) => `${cw.prefix}${neg}${f}:`,
  );
}
