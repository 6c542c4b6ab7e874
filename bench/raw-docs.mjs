// The raw baseline's MiniSearch documents and options: plain fields, no app logic. Shared by bench/raw.mjs
// (in the browser) and scripts/bench-search-node.ts (in Node), so both baselines search the same index.
export const RAW_FIELDS = [
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
];

export function rawDoc(a) {
  return {
    key: a.key,
    id: a.id,
    name: a.name,
    owner: a.owner ?? '',
    description: (a.description ?? '').slice(0, 300),
    tags: (a.tags ?? []).join(' '),
    task: [a.pipelineTag ?? '', ...(a.taskCategories ?? [])].join(' '),
    library: a.libraryName ?? '',
    datasets: (a.datasets ?? []).join(' '),
    baseModels: (a.baseModels ?? []).join(' '),
    license: a.license?.normalized ?? '',
  };
}

/** MiniSearch options of the raw baseline (library defaults otherwise). */
export const RAW_OPTIONS = {
  idField: 'key',
  fields: RAW_FIELDS,
  storeFields: [],
  tokenize: (t) => t.split(/[\s/_\-:,;()[\]{}"'|!?*#<>=`~@&+]+/u).filter(Boolean),
  processTerm: (t) => t.toLowerCase(),
};
