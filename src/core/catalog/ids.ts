/**
 * Canonical asset ids. Every reference (base_model, datasets, relation parents, ...) goes through
 * `canonicalId` so one real-world asset gets one id whatever form the source used.
 * The alias table (legacy HF ids) lives in ./aliases.ts.
 */
import { LEGACY_ALIASES } from './aliases';

const HF_URL = /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/(?:(datasets|spaces)\/)?/i;
/** `hf://datasets/owner/name` and `hf://owner/name` (huggingface_hub file-system URLs). */
const HF_SCHEME = /^hf:\/\/(?:(datasets|spaces|models)\/)?/i;

/**
 * Normalises an id or URL: strips hub URLs (https://huggingface.co/owner/name, .../datasets/owner/name,
 * hf://datasets/owner/name), trailing slashes and `.git`, `/tree/...`, `/blob/...`, `/resolve/...`
 * and `/raw/...` suffixes, and resolves legacy aliases (`gpt2` → `openai-community/gpt2`,
 * case-insensitive). Case is otherwise preserved; comparisons use `assetKey`. Idempotent.
 */
export function canonicalId(raw: string): string {
  let id = raw.trim();
  const m = HF_URL.exec(id) ?? HF_SCHEME.exec(id);
  if (m) {
    id = id.slice(m[0].length);
    id = id.replace(/[?#].*$/, '');
    id = stripRepoPath(id.replace(/\/+$/, '')).replace(/\.git$/i, '');
  }
  id = id.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const alias = LEGACY_ALIASES.get(id.toLowerCase());
  return alias ?? id;
}

/** Hub page segments after a repo id (`/tree/main`, `/blob/main/README.md`, ...). */
const REPO_PAGES = new Set(['tree', 'blob', 'resolve', 'raw', 'commit', 'commits', 'discussions', 'edit']);

/** `owner/name/tree/main/x` → `owner/name`; `gpt2/blob/main` → `gpt2` (a repo may itself be named `raw`). */
function stripRepoPath(path: string): string {
  const parts = path.split('/');
  if (parts.length >= 3 && REPO_PAGES.has(parts[2] ?? '')) return parts.slice(0, 2).join('/');
  if (parts.length >= 2 && REPO_PAGES.has(parts[1] ?? '') && parts.length > 2) return parts[0] ?? path;
  return path;
}

/** Owner and repository name of an `owner/name` id (no owner for legacy single-segment ids). */
export function splitOwnerName(id: string): { owner?: string; name: string } {
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) return { name: id };
  return { owner: id.slice(0, slash), name: id.slice(slash + 1) };
}
