// The benchmark's fixed 50 queries (free text, typos, prefixes, field clauses, combinations, with facets),
// shared by scripts/bench.mjs (Chromium) and scripts/bench-search-node.ts (Node), each with a category.
export function benchQueries(popularBase, popularDataset) {
  const free = [
    'llama',
    'mistral chat',
    'qwen coder',
    'gemma instruct',
    'phi math',
    'bert',
    'whisper',
    'stable diffusion',
    'dialogs',
    'reviews corpus',
    'lora',
    'gguf',
    'medical',
    'legal documents',
    'customer support',
    'translation',
    'falcon 7b',
    'deepseek',
    'hermes',
    'dolphin uncensored',
  ];
  const typo = ['mistrla', 'qwne', 'instrcut', 'lla', 'mis'];
  const free2 = ['code', 'roberta base', 'vit', 'olmo', 'pythia 1b'];
  const fields = [
    'license:apache-2.0',
    'license:permissive',
    'task:text-generation',
    'kind:dataset',
    'library:peft',
    'lang:de',
    'format:croissant',
    `base:${popularBase}`,
    `trained-on:${popularDataset}`,
    'llama license:mit',
    'chat task:text-generation -gguf',
    '"customer support" kind:model',
    'kind:model -license:none',
    'license:non-commercial task:text-generation',
    'qwen lang:zh',
    'coder library:transformers',
  ];
  const withFacets = [
    { q: 'llama', facets: { kind: ['model'] }, cat: 'facets' },
    { q: 'chat', facets: { family: ['permissive'] }, cat: 'facets' },
    { q: 'task:text-generation', facets: { lang: ['en'], derivative: ['finetune'] }, cat: 'facets' },
    { q: 'mistral', facets: { library: ['peft'], lineage: ['yes'] }, cat: 'facets' },
  ];
  return [
    ...free.map((q) => ({ q, facets: {}, cat: 'free text' })),
    ...typo.map((q) => ({ q, facets: {}, cat: 'typo/prefix' })),
    ...free2.map((q) => ({ q, facets: {}, cat: 'free text' })),
    ...fields.map((q) => ({ q, facets: {}, cat: 'fields' })),
    ...withFacets,
  ];
}
