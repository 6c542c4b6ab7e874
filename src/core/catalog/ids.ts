/**
 * Canonical asset ids. Every reference (base_model, datasets, relation parents, ...) goes through
 * `canonicalId` so one real-world asset gets one id whatever form the source used.
 * The alias table (legacy HF ids) lives in ./aliases.ts.
 */
import { LEGACY_ALIASES } from './aliases';

const HF_URL = /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/(?:(datasets|spaces)\/)?/i;

/**
 * Normalises an id or URL: strips hub URLs (https://huggingface.co/owner/name, .../datasets/owner/name),
 * trailing slashes, `/tree/...` and `/blob/...` suffixes, and resolves legacy aliases
 * (`gpt2` → `openai-community/gpt2`). Case is preserved; comparisons use `assetKey`.
 */
export function canonicalId(raw: string): string {
  let id = raw.trim();
  const m = HF_URL.exec(id);
  if (m) {
    id = id.slice(m[0].length);
    id = id.replace(/\/(?:tree|blob|resolve|raw)\/.*$/, '');
  }
  id = id.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const alias = LEGACY_ALIASES.get(id.toLowerCase());
  return alias ?? id;
}
