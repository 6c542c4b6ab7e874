/**
 * Model-to-base-model relation: declared by `base_model_relation`, or inferred the way the Hub does
 * when it is absent. Rules, first match wins:
 *  1. several base models                                              → merge_of
 *  2. library `peft` / `adapter-transformers`                          → adapter_of
 *  3. name ending in an adapter suffix (`-lora`, `_qlora`, `-adapter`)  → adapter_of
 *  4. quantization marker in the card's name (gguf, gptq, awq, exl2, bnb-4bit, 4bit/8bit, NNbpw,
 *     quantized, ...) that the base model's own name does not already carry → quantized_from
 *  5. adapter tags (peft, lora, qlora, dora, adapter) or `adapter_config.json` in the card → adapter_of
 *  6. quantization tags (gguf, gptq, awq, 4-bit, ...) or library `gguf`  → quantized_from
 *  7. merge tags (`merge`, `mergekit`) or library `mergekit`            → merge_of
 *  8. otherwise                                                        → finetune_of
 * Name markers beat tags because quantizers copy the tags of what they quantize (an AWQ copy of a
 * QLoRA-trained model keeps `qlora`; a GGUF copy of a merge keeps `merge`/`mergekit`).
 */
import type { RelationType } from '../../model';

export type BaseRelationType = Extract<
  RelationType,
  'finetune_of' | 'adapter_of' | 'quantized_from' | 'merge_of'
>;

/** `base_model_relation` values (and lenient spellings) → relation type. */
const DECLARED: ReadonlyMap<string, BaseRelationType> = new Map([
  ['adapter', 'adapter_of'],
  ['adapters', 'adapter_of'],
  ['lora', 'adapter_of'],
  ['merge', 'merge_of'],
  ['merged', 'merge_of'],
  ['quantized', 'quantized_from'],
  ['quantised', 'quantized_from'],
  ['quantization', 'quantized_from'],
  ['finetune', 'finetune_of'],
  ['fine-tune', 'finetune_of'],
  ['finetuned', 'finetune_of'],
  ['fine_tune', 'finetune_of'],
]);

/** The four values the Hub documents. */
export const HF_BASE_MODEL_RELATIONS: readonly string[] = ['adapter', 'merge', 'quantized', 'finetune'];

/** Relation type for a declared `base_model_relation` value, or undefined when unknown. */
export function declaredBaseRelation(value: string): BaseRelationType | undefined {
  return DECLARED.get(value.trim().toLowerCase());
}

const QUANT_MARKERS =
  /(?:^|[^a-z0-9])(gguf|ggml|gptq|awq|exl2|hqq|bnb[-_]?[48]bit|[248][-_]?bits?|int[48]|fp8|nf4|\d+(?:\.\d+)?bpw|quantized|quantised|imatrix)(?![a-z0-9])/gi;
const QUANT_TAGS = new Set([
  'gguf',
  'ggml',
  'gptq',
  'awq',
  'exl2',
  'hqq',
  'quantized',
  'quantised',
  '4-bit',
  '8-bit',
  '2-bit',
  '3-bit',
  '5-bit',
  '6-bit',
  'bitsandbytes',
  'llamacpp',
  'llama.cpp',
  'imatrix',
]);
const ADAPTER_TAGS = new Set([
  'peft',
  'lora',
  'qlora',
  'dora',
  'adapter',
  'adapters',
  'lora-adapter',
  'adapter-transformers',
]);
const ADAPTER_LIBRARIES = new Set(['peft', 'adapter-transformers', 'adapters']);
const MERGE_TAGS = new Set(['merge', 'mergekit', 'model-merge', 'merges']);

function markers(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(QUANT_MARKERS)) {
    if (m[1]) out.add(m[1].replace(/[-_]/g, ''));
  }
  return out;
}

export type InferenceInput = {
  /** The card's own repository name (after the owner). */
  name: string;
  baseModels: readonly string[];
  tags: readonly string[];
  libraryName?: string;
  body: string;
};

/** Relation type inferred from the card, with the rule that decided it (for `Relation.evidence`). */
export function inferBaseRelation(input: InferenceInput): { type: BaseRelationType; rule: string } {
  const tags = input.tags.map((t) => t.toLowerCase());
  const lib = input.libraryName?.toLowerCase();
  if (input.baseModels.length > 1) {
    return {
      type: 'merge_of',
      rule: `${input.baseModels.length} base models declared (rule: several base models → merge)`,
    };
  }
  if (lib !== undefined && ADAPTER_LIBRARIES.has(lib)) {
    return { type: 'adapter_of', rule: `library_name: ${lib} (rule: adapter library → adapter)` };
  }
  if (/(?:^|[-_.])(?:q?lora|adapters?)$/i.test(input.name)) {
    return {
      type: 'adapter_of',
      rule: `name "${input.name}" ends in an adapter suffix (rule: adapter name → adapter)`,
    };
  }
  const baseMarkers = new Set<string>();
  for (const b of input.baseModels) for (const m of markers(b)) baseMarkers.add(m);
  const own = [...markers(input.name)].filter((m) => !baseMarkers.has(m));
  if (own.length > 0)
    return {
      type: 'quantized_from',
      rule: `name marker "${own[0] ?? ''}" (rule: quantization marker in name → quantized)`,
    };
  const adapterTag = tags.find((t) => ADAPTER_TAGS.has(t));
  if (adapterTag !== undefined)
    return { type: 'adapter_of', rule: `tag "${adapterTag}" (rule: adapter tag → adapter)` };
  if (/adapter_config\.json/.test(input.body)) {
    return { type: 'adapter_of', rule: 'card mentions adapter_config.json (rule: adapter config → adapter)' };
  }
  const quantTag = tags.find((t) => QUANT_TAGS.has(t) || [...markers(t)].some((m) => !baseMarkers.has(m)));
  if (quantTag !== undefined)
    return { type: 'quantized_from', rule: `tag "${quantTag}" (rule: quantization tag → quantized)` };
  if (lib === 'gguf' || lib === 'ggml')
    return {
      type: 'quantized_from',
      rule: `library_name: ${lib} (rule: quantized format library → quantized)`,
    };
  const mergeTag = tags.find((t) => MERGE_TAGS.has(t));
  if (mergeTag !== undefined)
    return { type: 'merge_of', rule: `tag "${mergeTag}" (rule: merge tag → merge)` };
  if (lib === 'mergekit')
    return { type: 'merge_of', rule: 'library_name: mergekit (rule: merge library → merge)' };
  return { type: 'finetune_of', rule: 'no adapter, quantization or merge signal (rule: default → finetune)' };
}
