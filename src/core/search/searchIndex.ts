/**
 * Catalog full-text index: documents, MiniSearch options and search helpers, shared by the catalog
 * worker and its main-thread fallback. Pure (MiniSearch is a plain library).
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { CatalogRow } from '../catalog/facets';

/** Ids of the persisted search caches (searchIndex table). */
export const SEARCH_CACHE_IDS = {
  rows: 'catalog-rows',
  display: 'catalog-display',
  index: 'minisearch',
} as const;

/** Stamp a persisted cache carries: index version + catalog stamp. */
export function cacheStamp(catalogStamp: string): string {
  return `${SEARCH_INDEX_VERSION}|${catalogStamp}`;
}

/** Bump when documents or options change: persisted indexes with another version are rebuilt. */
export const SEARCH_INDEX_VERSION = 2;

export type SearchDoc = {
  key: string;
  id: string;
  name: string;
  owner: string;
  description: string;
  tags: string;
  task: string;
  library: string;
  datasets: string;
  baseModels: string;
  license: string;
};

export const SEARCH_FIELDS = [
  'name',
  'id',
  'owner',
  'description',
  'tags',
  'task',
  'library',
  'datasets',
  'baseModels',
  'license',
] as const;

/** Boosts: name > id > tags > everything else. */
export const SEARCH_BOOST: Readonly<Record<string, number>> = { name: 5, id: 3, tags: 2 };

/** Splits ids and names into words too: `meta-llama/Llama-3.1-8B` → meta, llama, 3.1, 8b ... */
export function tokenize(text: string): string[] {
  return text
    .split(/[\s/_\-:,;()[\]{}"'|!?*#<>=`~@&+]+/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

const processTerm = (term: string): string | null => {
  const t = term.toLowerCase().replace(/^\.+|\.+$/gu, '');
  return t === '' ? null : t;
};

/** Typo tolerance scaled to the term: none below 4 characters, at most 2 edits. */
export function fuzziness(term: string): number {
  if (term.length < 4) return 0;
  return term.length < 8 ? 1 : 2;
}

export const SEARCH_OPTIONS: Options<SearchDoc> = {
  idField: 'key',
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: {
    boost: { ...SEARCH_BOOST },
    prefix: (term) => term.length >= 2,
    fuzzy: (term) => fuzziness(term),
    maxFuzzy: 2,
    combineWith: 'AND',
  },
};

export function toSearchDoc(r: CatalogRow): SearchDoc {
  return {
    key: r.key,
    id: r.id,
    name: r.name,
    owner: r.owner,
    description: r.desc,
    tags: r.tags.join(' '),
    task: r.tasks.join(' '),
    library: r.library,
    datasets: r.trainedOn.join(' '),
    baseModels: r.baseModels.join(' '),
    license: `${r.license} ${r.licenseName}`.trim(),
  };
}

export function createSearchIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
}

export function loadSearchIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
}

/** Like `loadSearchIndex`, but yields while loading so other work (queries without text) can run. */
export function loadSearchIndexAsync(json: string): Promise<MiniSearch<SearchDoc>> {
  return MiniSearch.loadJSONAsync<SearchDoc>(json, SEARCH_OPTIONS);
}

/**
 * Catalog search: exact words, prefix on the last word (as you type); typo tolerance only when that finds
 * nothing (a typo rarely co-occurs with exact hits, and fuzzy expansion is the costly part at 100k).
 */
export function searchCatalog(index: MiniSearch<SearchDoc>, text: string): SearchResult[] {
  const words = tokenize(text)
    .map((w) => processTerm(w))
    .filter((w): w is string => w !== null);
  if (words.length === 0) return [];
  const last = words[words.length - 1] ?? '';
  const q = words.join(' ');
  const fast = index.search(q, {
    prefix: (term) => term === last && term.length >= 2,
    fuzzy: false,
    combineWith: 'AND',
    boost: { ...SEARCH_BOOST },
  });
  if (fast.length > 0) return fast;
  return index.search(q);
}

/** Keys of documents containing the word exactly (for `-word` exclusion). */
export function exactKeys(index: MiniSearch<SearchDoc>, word: string): Set<string> {
  const out = new Set<string>();
  if (word.trim() === '') return out;
  for (const r of index.search(word, { prefix: false, fuzzy: false, combineWith: 'AND' }))
    out.add(String(r.id));
  return out;
}

/** Completion suggestions for the text typed so far (whole-query strings, best first). */
export function suggestText(index: MiniSearch<SearchDoc>, text: string, limit = 8): string[] {
  const q = text.trim();
  if (q === '') return [];
  return index
    .autoSuggest(q, {
      prefix: (t) => t.length >= 2,
      fuzzy: false,
      boost: { name: 5, id: 3, tags: 2 },
      fields: ['name', 'id', 'tags', 'owner', 'task', 'library'],
    })
    .slice(0, limit)
    .map((s) => s.suggestion);
}

export type { MiniSearch };
