/**
 * Catalog search documents and MiniSearch options, shared by the search worker and its main-thread fallback.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';

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
  kind: string;
};

export type Indexable = {
  key: string;
  id: string;
  name: string;
  kind: string;
  owner?: string;
  description?: string;
  tags?: string[];
  pipelineTag?: string;
  taskCategories?: string[];
  libraryName?: string;
  datasets?: string[];
  baseModels?: string[];
  license: { normalized?: string; name?: string; raw?: unknown };
};

export const SEARCH_FIELDS = ['name', 'id', 'owner', 'description', 'tags', 'task', 'library', 'datasets', 'baseModels', 'license'] as const;

/** Splits ids and names into words too: `meta-llama/Llama-3.1-8B` → meta, llama, 3.1, 8b ... */
export function tokenize(text: string): string[] {
  return text
    .split(/[\s/_\-:,;()[\]{}"'|!?]+/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

export const SEARCH_OPTIONS: Options<SearchDoc> = {
  idField: 'key',
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  tokenize,
  processTerm: (term) => term.toLowerCase(),
  searchOptions: {
    boost: { name: 4, id: 3, tags: 2, owner: 1.5 },
    prefix: true,
    fuzzy: 0.2,
    combineWith: 'AND',
  },
};

export function toSearchDoc(a: Indexable): SearchDoc {
  const desc = (a.description ?? '').slice(0, 500);
  return {
    key: a.key,
    id: a.id,
    name: a.name,
    owner: a.owner ?? a.id.split('/')[0] ?? '',
    description: desc,
    tags: (a.tags ?? []).join(' '),
    task: [a.pipelineTag ?? '', ...(a.taskCategories ?? [])].join(' '),
    library: a.libraryName ?? '',
    datasets: (a.datasets ?? []).join(' '),
    baseModels: (a.baseModels ?? []).join(' '),
    license: [a.license.normalized ?? '', a.license.name ?? ''].join(' '),
    kind: a.kind,
  };
}

export function createSearchIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
}

export function loadSearchIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
}

/** Free-text search returning asset keys ranked by score. */
export function searchKeys(index: MiniSearch<SearchDoc>, text: string): { key: string; score: number }[] {
  const q = text.trim();
  if (q === '') return [];
  const results: SearchResult[] = index.search(q);
  return results.map((r) => ({ key: String(r.id), score: r.score }));
}

export type { MiniSearch };
