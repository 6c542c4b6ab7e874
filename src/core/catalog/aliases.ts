/**
 * Legacy Hugging Face ids that moved under an organisation. Keys are lower-case.
 * Extend as real files show more.
 */
export const LEGACY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['gpt2', 'openai-community/gpt2'],
  ['bert-base-uncased', 'google-bert/bert-base-uncased'],
]);
