/**
 * Legacy Hugging Face ids that moved under an organisation. Keys are lower-case; values keep the
 * Hub's casing. Lookups are case-insensitive (see `canonicalId`).
 *
 * Models: in 2024 the Hub moved the un-namespaced "canonical" models (`gpt2`, `bert-base-uncased`,
 * `t5-small`, ...) under organisations (`openai-community/`, `google-bert/`, `google-t5/`, ...); the
 * old ids still redirect. Datasets: the same happened to canonical datasets (`squad` →
 * `rajpurkar/squad`, `glue` → `nyu-mll/glue`, ...).
 *
 * Only names specific enough not to collide with ordinary words are listed (no `race`, `drop`,
 * `art`, `emotion`, `spider`, ... even though they are legacy dataset ids too): every format's
 * ids pass through `canonicalId`, so a generic word would capture unrelated assets.
 * Checked against the corpus: legacy ids used as `base_model` there are bert-base-chinese,
 * distilbert-base-uncased, xlm-roberta-base, bert-base-uncased, roberta-base, bert-base-cased,
 * t5-small and bert-base-german-cased; as `datasets`, openbookqa, piqa, boolq, squad_v2, ai2_arc,
 * gsm8k, ... (all listed below).
 */

/** Legacy model id → organisation id (HF "canonical models" migration). */
const MODEL_ALIASES: ReadonlyArray<readonly [string, string]> = [
  // openai-community
  ['gpt2', 'openai-community/gpt2'],
  ['gpt2-medium', 'openai-community/gpt2-medium'],
  ['gpt2-large', 'openai-community/gpt2-large'],
  ['gpt2-xl', 'openai-community/gpt2-xl'],
  ['openai-gpt', 'openai-community/openai-gpt'],
  ['roberta-base-openai-detector', 'openai-community/roberta-base-openai-detector'],
  ['roberta-large-openai-detector', 'openai-community/roberta-large-openai-detector'],
  // google-bert
  ['bert-base-uncased', 'google-bert/bert-base-uncased'],
  ['bert-base-cased', 'google-bert/bert-base-cased'],
  ['bert-large-uncased', 'google-bert/bert-large-uncased'],
  ['bert-large-cased', 'google-bert/bert-large-cased'],
  ['bert-base-multilingual-uncased', 'google-bert/bert-base-multilingual-uncased'],
  ['bert-base-multilingual-cased', 'google-bert/bert-base-multilingual-cased'],
  ['bert-base-chinese', 'google-bert/bert-base-chinese'],
  ['bert-base-german-cased', 'google-bert/bert-base-german-cased'],
  ['bert-base-german-dbmdz-cased', 'google-bert/bert-base-german-dbmdz-cased'],
  ['bert-base-german-dbmdz-uncased', 'google-bert/bert-base-german-dbmdz-uncased'],
  ['bert-large-uncased-whole-word-masking', 'google-bert/bert-large-uncased-whole-word-masking'],
  ['bert-large-cased-whole-word-masking', 'google-bert/bert-large-cased-whole-word-masking'],
  [
    'bert-large-uncased-whole-word-masking-finetuned-squad',
    'google-bert/bert-large-uncased-whole-word-masking-finetuned-squad',
  ],
  [
    'bert-large-cased-whole-word-masking-finetuned-squad',
    'google-bert/bert-large-cased-whole-word-masking-finetuned-squad',
  ],
  ['bert-base-cased-finetuned-mrpc', 'google-bert/bert-base-cased-finetuned-mrpc'],
  // distilbert
  ['distilbert-base-uncased', 'distilbert/distilbert-base-uncased'],
  ['distilbert-base-cased', 'distilbert/distilbert-base-cased'],
  ['distilbert-base-uncased-distilled-squad', 'distilbert/distilbert-base-uncased-distilled-squad'],
  ['distilbert-base-cased-distilled-squad', 'distilbert/distilbert-base-cased-distilled-squad'],
  ['distilbert-base-multilingual-cased', 'distilbert/distilbert-base-multilingual-cased'],
  ['distilbert-base-german-cased', 'distilbert/distilbert-base-german-cased'],
  [
    'distilbert-base-uncased-finetuned-sst-2-english',
    'distilbert/distilbert-base-uncased-finetuned-sst-2-english',
  ],
  ['distilgpt2', 'distilbert/distilgpt2'],
  ['distilroberta-base', 'distilbert/distilroberta-base'],
  // FacebookAI
  ['roberta-base', 'FacebookAI/roberta-base'],
  ['roberta-large', 'FacebookAI/roberta-large'],
  ['roberta-large-mnli', 'FacebookAI/roberta-large-mnli'],
  ['xlm-roberta-base', 'FacebookAI/xlm-roberta-base'],
  ['xlm-roberta-large', 'FacebookAI/xlm-roberta-large'],
  ['xlm-roberta-large-finetuned-conll02-dutch', 'FacebookAI/xlm-roberta-large-finetuned-conll02-dutch'],
  ['xlm-roberta-large-finetuned-conll02-spanish', 'FacebookAI/xlm-roberta-large-finetuned-conll02-spanish'],
  ['xlm-roberta-large-finetuned-conll03-english', 'FacebookAI/xlm-roberta-large-finetuned-conll03-english'],
  ['xlm-roberta-large-finetuned-conll03-german', 'FacebookAI/xlm-roberta-large-finetuned-conll03-german'],
  ['xlm-mlm-en-2048', 'FacebookAI/xlm-mlm-en-2048'],
  ['xlm-mlm-ende-1024', 'FacebookAI/xlm-mlm-ende-1024'],
  ['xlm-mlm-enfr-1024', 'FacebookAI/xlm-mlm-enfr-1024'],
  ['xlm-mlm-enro-1024', 'FacebookAI/xlm-mlm-enro-1024'],
  ['xlm-mlm-xnli15-1024', 'FacebookAI/xlm-mlm-xnli15-1024'],
  ['xlm-mlm-tlm-xnli15-1024', 'FacebookAI/xlm-mlm-tlm-xnli15-1024'],
  ['xlm-clm-enfr-1024', 'FacebookAI/xlm-clm-enfr-1024'],
  ['xlm-clm-ende-1024', 'FacebookAI/xlm-clm-ende-1024'],
  ['xlm-mlm-17-1280', 'FacebookAI/xlm-mlm-17-1280'],
  ['xlm-mlm-100-1280', 'FacebookAI/xlm-mlm-100-1280'],
  // google-t5
  ['t5-small', 'google-t5/t5-small'],
  ['t5-base', 'google-t5/t5-base'],
  ['t5-large', 'google-t5/t5-large'],
  ['t5-3b', 'google-t5/t5-3b'],
  ['t5-11b', 'google-t5/t5-11b'],
  // albert
  ['albert-base-v1', 'albert/albert-base-v1'],
  ['albert-large-v1', 'albert/albert-large-v1'],
  ['albert-xlarge-v1', 'albert/albert-xlarge-v1'],
  ['albert-xxlarge-v1', 'albert/albert-xxlarge-v1'],
  ['albert-base-v2', 'albert/albert-base-v2'],
  ['albert-large-v2', 'albert/albert-large-v2'],
  ['albert-xlarge-v2', 'albert/albert-xlarge-v2'],
  ['albert-xxlarge-v2', 'albert/albert-xxlarge-v2'],
  // others
  ['xlnet-base-cased', 'xlnet/xlnet-base-cased'],
  ['xlnet-large-cased', 'xlnet/xlnet-large-cased'],
  ['ctrl', 'Salesforce/ctrl'],
  ['transfo-xl-wt103', 'transfo-xl/transfo-xl-wt103'],
  ['camembert-base', 'almanach/camembert-base'],
];

/** Legacy dataset id → organisation id (HF "canonical datasets" migration). */
const DATASET_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['squad', 'rajpurkar/squad'],
  ['squad_v2', 'rajpurkar/squad_v2'],
  ['glue', 'nyu-mll/glue'],
  ['multi_nli', 'nyu-mll/multi_nli'],
  ['blimp', 'nyu-mll/blimp'],
  ['super_glue', 'aps/super_glue'],
  ['imdb', 'stanfordnlp/imdb'],
  ['snli', 'stanfordnlp/snli'],
  ['sst2', 'stanfordnlp/sst2'],
  ['gsm8k', 'openai/gsm8k'],
  ['ai2_arc', 'allenai/ai2_arc'],
  ['openbookqa', 'allenai/openbookqa'],
  ['winogrande', 'allenai/winogrande'],
  ['sciq', 'allenai/sciq'],
  ['c4', 'allenai/c4'],
  ['social_i_qa', 'allenai/social_i_qa'],
  ['cosmos_qa', 'allenai/cosmos_qa'],
  ['qasc', 'allenai/qasc'],
  ['math_qa', 'allenai/math_qa'],
  ['piqa', 'ybisk/piqa'],
  ['boolq', 'google/boolq'],
  ['hellaswag', 'Rowan/hellaswag'],
  ['cnn_dailymail', 'abisee/cnn_dailymail'],
  ['xsum', 'EdinburghNLP/xsum'],
  ['ag_news', 'fancyzhx/ag_news'],
  ['dbpedia_14', 'fancyzhx/dbpedia_14'],
  ['amazon_polarity', 'fancyzhx/amazon_polarity'],
  ['yelp_review_full', 'Yelp/yelp_review_full'],
  ['rotten_tomatoes', 'cornell-movie-review-data/rotten_tomatoes'],
  ['trivia_qa', 'mandarjoshi/trivia_qa'],
  ['truthful_qa', 'truthfulqa/truthful_qa'],
  ['commonsense_qa', 'tau/commonsense_qa'],
  ['natural_questions', 'google-research-datasets/natural_questions'],
  ['go_emotions', 'google-research-datasets/go_emotions'],
  ['conll2003', 'eriktks/conll2003'],
  ['tweet_eval', 'cardiffnlp/tweet_eval'],
  ['openwebtext', 'Skylion007/openwebtext'],
  ['bookcorpus', 'bookcorpus/bookcorpus'],
  ['wikitext', 'Salesforce/wikitext'],
  ['samsum', 'Samsung/samsum'],
  ['code_search_net', 'code-search-net/code_search_net'],
  ['ms_marco', 'microsoft/ms_marco'],
  ['wiki_qa', 'microsoft/wiki_qa'],
  ['xnli', 'facebook/xnli'],
  ['pg19', 'deepmind/pg19'],
  ['aqua_rat', 'deepmind/aqua_rat'],
  ['financial_phrasebank', 'takala/financial_phrasebank'],
  ['mnist', 'ylecun/mnist'],
  ['fashion_mnist', 'zalando-datasets/fashion_mnist'],
  ['cifar10', 'uoft-cs/cifar10'],
  ['cifar100', 'uoft-cs/cifar100'],
  ['librispeech_asr', 'openslr/librispeech_asr'],
  ['wikiann', 'unimelb-nlp/wikiann'],
];

/** Every legacy alias (models and datasets), keyed by lower-case legacy id. */
export const LEGACY_ALIASES: ReadonlyMap<string, string> = new Map(
  [...MODEL_ALIASES, ...DATASET_ALIASES].map(([k, v]) => [k.toLowerCase(), v] as const),
);

/** Legacy model aliases only (for reports and tests). */
export const LEGACY_MODEL_ALIASES: ReadonlyMap<string, string> = new Map(
  MODEL_ALIASES.map(([k, v]) => [k.toLowerCase(), v] as const),
);

/** Legacy dataset aliases only (for reports and tests). */
export const LEGACY_DATASET_ALIASES: ReadonlyMap<string, string> = new Map(
  DATASET_ALIASES.map(([k, v]) => [k.toLowerCase(), v] as const),
);
