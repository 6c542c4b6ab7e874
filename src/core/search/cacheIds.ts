/**
 * Ids and version stamps of the persisted search caches. Its own module: the window reads the display cache
 * at start-up and must not load the search engine (MiniSearch) for two constants.
 */
/** Ids of the persisted search caches (searchIndex table). */
export const SEARCH_CACHE_IDS = {
  rows: 'catalog-rows',
  /** The rows' lists and descriptions (read after the index on a cold start). */
  rowsTail: 'catalog-rows-tail',
  display: 'catalog-display',
  index: 'minisearch',
  /** Computed sort orders (row index → position) as typed arrays. */
  ranks: 'catalog-ranks',
  /** The last whole-catalog licence sweep's verdicts (the "License check" facet), see licenses/verdictStore. */
  licenseVerdicts: 'license-verdicts',
  /** The facet index without licence verdicts, as typed arrays. */
  facets: 'catalog-facets',
} as const;

/** Stamp a persisted cache carries: index version + catalog stamp. */
export function cacheStamp(catalogStamp: string): string {
  return `${SEARCH_INDEX_VERSION}|${catalogStamp}`;
}

/**
 * Bump when documents or options change, or the encoding of any persisted search cache (rows, display
 * snapshot, index, facets, ranks), or what rows derive (4: one licence-family classifier, whose values
 * differ from the catalog's old one): caches stamped with another version are all rebuilt.
 */
export const SEARCH_INDEX_VERSION = 4;
