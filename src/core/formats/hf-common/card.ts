/**
 * Reading the common part of a Hugging Face card: front matter (YAML via safeYamlParse), markdown
 * body, typo keys, id resolution, license, gating, description. Shared by the model-card and
 * dataset-card parsers. Nothing here throws.
 *
 * Broken front matter policy: a YAML syntax error (or an alias bomb, or a non-mapping block) gives an
 * `error` issue with line/column in file coordinates, and the card still yields an asset (id from the
 * file name, body kept) with no metadata: the import report shows the file as faulty because license
 * and lineage are missing, yet the card stays searchable. A card with no front matter, or with an
 * unclosed one, is a `warning` (the Hub itself accepts cards without metadata).
 */
import type { Issue, LicenseInfo, SourceFile } from '../../model';
import { canonicalId, splitOwnerName } from '../../catalog/ids';
import { safeYamlParse } from '../../util/safeParse';
import { asString, asStringList, isObject, type JsonObject } from '../../util/values';
import { splitFrontMatter } from './frontMatter';
import { reindentQuotedContinuations } from './lenientYaml';
import { typoTarget, type CardKind } from './keys';

export type CardRead = {
  /** Sanitised metadata; misspelt keys already folded into their canonical key. */
  meta: JsonObject;
  /** Markdown after the front matter (LF line endings). */
  body: string;
  issues: Issue[];
  /** A closed `---` block was found (even if its YAML is broken). */
  hasFrontMatter: boolean;
  /** The block parsed to a mapping. */
  metadataOk: boolean;
  /** Canonical key → the misspelt key it was read from. */
  typoKeys: Record<string, string>;
};

/** Reads front matter and body of a card. Never throws. */
export function readCard(file: SourceFile, kind: CardKind): CardRead {
  const issues: Issue[] = [];
  const split = splitFrontMatter(typeof file.text === 'string' ? file.text : '');
  if (split.kind === 'none') {
    issues.push({
      severity: 'warning',
      code: 'NO_FRONT_MATTER',
      message: `No YAML front matter: read as a ${kind} card from the markdown only (no license, lineage or tags).`,
      line: 1,
    });
    return { meta: {}, body: split.body, issues, hasFrontMatter: false, metadataOk: false, typoKeys: {} };
  }
  if (split.kind === 'unclosed') {
    issues.push({
      severity: 'warning',
      code: 'FRONT_MATTER_UNCLOSED',
      message: `The front matter opened by "---" on line ${split.openLine} is never closed by another "---" line; metadata ignored.`,
      line: split.openLine,
      column: 1,
    });
    return { meta: {}, body: split.body, issues, hasFrontMatter: false, metadataOk: false, typoKeys: {} };
  }
  const base = { body: split.body, hasFrontMatter: true };
  if (split.yaml.trim() === '') {
    issues.push({
      severity: 'warning',
      code: 'EMPTY_FRONT_MATTER',
      message: 'The front matter is empty.',
      line: split.openLine,
    });
    return { ...base, meta: {}, issues, metadataOk: false, typoKeys: {} };
  }
  let parsed = safeYamlParse(split.yaml);
  if (!parsed.ok && parsed.issues.some((i) => i.code === 'YAML_SYNTAX')) {
    // PyYAML-compatible retry for under-indented continuation lines of quoted strings.
    const repaired = reindentQuotedContinuations(split.yaml);
    const retry = repaired !== undefined ? safeYamlParse(repaired) : undefined;
    if (retry?.ok) {
      const first = parsed.issues[0];
      issues.push({
        severity: 'warning',
        code: 'YAML_LENIENT',
        message: `The front matter is not valid YAML 1.2 (${first?.message ?? 'syntax error'}); read leniently like PyYAML/huggingface_hub: continuation lines of a quoted string are indented less than their key.`,
        ...(first?.line !== undefined ? { line: first.line + split.openLine } : {}),
        ...(first?.column !== undefined ? { column: first.column } : {}),
      });
      parsed = retry;
    }
  }
  for (const issue of parsed.issues) {
    issues.push(issue.line !== undefined ? { ...issue, line: issue.line + split.openLine } : issue);
  }
  if (!parsed.ok) return { ...base, meta: {}, issues, metadataOk: false, typoKeys: {} };
  if (!isObject(parsed.value)) {
    issues.push({
      severity: 'error',
      code: 'FRONT_MATTER_NOT_MAPPING',
      message: `The front matter is ${Array.isArray(parsed.value) ? 'a list' : 'a single value'}, not a key/value mapping; metadata ignored.`,
      line: split.openLine + 1,
    });
    return { ...base, meta: {}, issues, metadataOk: false, typoKeys: {} };
  }
  if (/^[^#\n]*\t/m.test(split.yaml)) {
    issues.push({
      severity: 'info',
      code: 'YAML_TAB',
      message:
        'The front matter contains tab characters: valid YAML 1.2, but PyYAML-based tools (huggingface_hub) reject it.',
    });
  }
  const { meta, typoKeys } = foldTypoKeys(parsed.value, kind, issues);
  return { ...base, meta, issues, metadataOk: true, typoKeys };
}

function foldTypoKeys(
  raw: JsonObject,
  kind: CardKind,
  issues: Issue[],
): { meta: JsonObject; typoKeys: Record<string, string> } {
  const meta: JsonObject = {};
  const typoKeys: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typoTarget(k, kind) === undefined) meta[k] = v;
  }
  for (const [k, v] of Object.entries(raw)) {
    const target = typoTarget(k, kind);
    if (target === undefined) continue;
    if (target in meta) {
      issues.push({
        severity: 'warning',
        code: 'TYPO_KEY',
        message: `Key "${k}" looks like a misspelling of "${target}", which is also present; "${k}" ignored.`,
        path: k,
      });
      meta[`${k}`] = v;
      continue;
    }
    meta[target] = v;
    typoKeys[target] = k;
    issues.push({
      severity: 'warning',
      code: 'TYPO_KEY',
      message: `Key "${k}" is not a Hugging Face card key; read as "${target}".`,
      path: k,
    });
  }
  return { meta, typoKeys };
}

/** Known container folders that are never the owner part of an `owner/name/README.md` path. */
const CONTAINER_FOLDERS = new Set([
  'models',
  'model',
  'datasets',
  'dataset',
  'spaces',
  'model-cards',
  'dataset-cards',
  'cards',
  'hf',
  'huggingface',
  'hub',
  'corpus',
  'repos',
  'data',
  'src',
  'docs',
]);

const README = /^(?:readme|model[-_]?card|dataset[-_]?card)(?:\.(?:md|markdown|mdx|txt))?$/i;

/** Id parts derived from a (possibly folder-qualified) file name. */
export type FileNameId = { id: string; how: 'file' | 'folder' | 'owner-folder' };

/**
 * Id from a file name: `owner__name.md` → `owner/name` (split at the first `__`), `owner__name/README.md`
 * → `owner/name`, `owner/name/README.md` → `owner/name` (unless `owner` is a container folder such as
 * `models/` or `datasets/`), `name/README.md` or `name.md` → `name`. Undefined when nothing usable.
 */
export function idFromFileName(fileName: string): FileNameId | undefined {
  const segments = fileName
    .split(/[\\/]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== '.' && s !== '..');
  const base = segments[segments.length - 1];
  if (base === undefined) return undefined;
  if (README.test(base)) {
    const parent = segments[segments.length - 2];
    if (parent === undefined) return undefined;
    const hub = /^(?:models|datasets)--(.+?)--(.+)$/.exec(parent);
    if (hub?.[1] && hub[2]) return { id: `${hub[1]}/${hub[2]}`, how: 'folder' };
    if (parent.includes('__')) return { id: ownerNameFromDunder(parent), how: 'folder' };
    const grand = segments[segments.length - 3];
    if (grand !== undefined && !CONTAINER_FOLDERS.has(grand.toLowerCase())) {
      return { id: `${grand}/${parent}`, how: 'owner-folder' };
    }
    return { id: parent, how: 'folder' };
  }
  const stem = base.replace(/\.(?:md|markdown|mdx|txt)$/i, '');
  if (stem === '') return undefined;
  return { id: stem.includes('__') ? ownerNameFromDunder(stem) : stem, how: 'file' };
}

function ownerNameFromDunder(s: string): string {
  const i = s.indexOf('__');
  const owner = s.slice(0, i);
  const name = s.slice(i + 2);
  if (owner === '' || name === '') return s;
  return `${owner}/${name}`;
}

const EXPLICIT_ID_KEYS: Record<CardKind, readonly string[]> = {
  model: ['id', 'model_id', 'repo_id'],
  dataset: ['id', 'dataset_id', 'repo_id'],
};

export type ResolvedId = { id: string; owner?: string; name: string; source: string };

/**
 * The card's id. An explicit `id` / `model_id` (`dataset_id`) / `repo_id` holding a full
 * `owner/name` (or a hub URL) wins; an owner-less explicit value only wins when the file name gives
 * no owner either (an owner-less `model_id: bert-base-uncased-x` next to `acme__bert-base-uncased-x.md`
 * would otherwise lose the owner, and a bare `gpt2` would be captured by the legacy alias table).
 * Then the file name, then a stable hash of the text (warning `NO_ID`). Always canonicalised.
 */
export function resolveCardId(
  file: SourceFile,
  meta: JsonObject,
  kind: CardKind,
  issues: Issue[],
): ResolvedId {
  const fromFile = idFromFileName(file.name);
  const fileId = fromFile ? canonicalId(fromFile.id) : undefined;
  for (const key of EXPLICIT_ID_KEYS[kind]) {
    const v = meta[key];
    if (v === undefined || v === null) continue;
    const s = asString(v);
    if (s === undefined || typeof v !== 'string') {
      issues.push({
        severity: 'warning',
        code: 'INVALID_VALUE',
        message: `"${key}" is not a string; ignored.`,
        path: key,
      });
      continue;
    }
    const explicit = canonicalId(s);
    if (explicit === '') continue;
    if (explicit.includes('/') || !fileId?.includes('/')) {
      if (fileId !== undefined && fileId.toLowerCase() !== explicit.toLowerCase()) {
        issues.push({
          severity: 'info',
          code: 'ID_FROM_METADATA',
          message: `Id "${explicit}" taken from "${key}"; the file name suggests "${fileId}".`,
          path: key,
        });
      }
      return { id: explicit, ...splitOwnerName(explicit), source: key };
    }
  }
  if (fileId !== undefined && fileId !== '')
    return { id: fileId, ...splitOwnerName(fileId), source: `file name (${fromFile?.how ?? 'file'})` };
  const id = `unnamed-${fnv1a(file.text)}`;
  issues.push({
    severity: 'warning',
    code: 'NO_ID',
    message: `Neither the metadata nor the file name "${file.name}" gives an id; using "${id}".`,
  });
  return { id, name: id, source: 'hash' };
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** `license` (+ `license_name`, `license_link`) as declared; `normalized` is left to the caller. */
export function readLicense(meta: JsonObject, issues: Issue[]): LicenseInfo {
  const raw = meta.license;
  const info: LicenseInfo = { raw: raw === null ? undefined : raw };
  const name = asString(meta.license_name);
  const link = asString(meta.license_link);
  if (name !== undefined) info.name = name;
  if (link !== undefined) info.link = link;
  const ids = asStringList(raw).map((s) => s.toLowerCase());
  if (ids.includes('other') && name === undefined && link === undefined) {
    issues.push({
      severity: 'warning',
      code: 'LICENSE_OTHER_UNNAMED',
      message: '"license: other" without "license_name" or "license_link": the actual license is unknown.',
      path: 'license',
    });
  }
  return info;
}

/** String list from a string-or-list field, with a warning for values that are not strings. */
export function readStringList(meta: JsonObject, key: string, issues: Issue[]): string[] {
  const v = meta[key];
  if (v === undefined || v === null) return [];
  const items = Array.isArray(v) ? v : [v];
  const bad = items.filter((x) => x !== null && typeof x !== 'string' && typeof x !== 'number');
  if (bad.length > 0 || (!Array.isArray(v) && typeof v === 'object')) {
    issues.push({
      severity: 'warning',
      code: 'INVALID_VALUE',
      message: `"${key}" should be a string or a list of strings; ${bad.length || 1} value(s) ignored.`,
      path: key,
    });
  }
  return asStringList(items.filter((x) => typeof x === 'string' || typeof x === 'number'));
}

/** Ids from a string-or-list field, canonicalised, de-duplicated case-insensitively. */
export function readIdList(meta: JsonObject, key: string, issues: Issue[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const s of readStringList(meta, key, issues)) {
    const id = canonicalId(s);
    if (id === '' || seen.has(id.toLowerCase())) continue;
    seen.add(id.toLowerCase());
    out.push(id);
  }
  return out;
}

/** Gating: `gated` or any `extra_gated_*` key → gated, with the prompt and fields kept for `extra`. */
export function readGating(meta: JsonObject): { gated?: boolean; extra?: JsonObject } {
  const extra: JsonObject = {};
  for (const [k, v] of Object.entries(meta)) {
    if (k.startsWith('extra_gated_')) extra[snakeToCamel(k.slice('extra_gated_'.length))] = v;
  }
  const g = meta.gated;
  if (g !== undefined && g !== null) extra.gated = g;
  const declared = g === true || (typeof g === 'string' && !/^(?:false|no|off|none)$/i.test(g.trim()));
  const gated = declared || Object.keys(extra).some((k) => k !== 'gated');
  if (g === false && !gated) return { gated: false };
  return gated ? { gated: true, extra } : {};
}

function snakeToCamel(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** First paragraph of a markdown body as plain text (headings, lists, tables, HTML, code skipped). */
export function firstParagraph(body: string, max = 1000): string | undefined {
  const lines = body.split('\n');
  let inFence = false;
  let inComment = false;
  const para: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (inComment) {
      if (t.includes('-->')) inComment = false;
      continue;
    }
    if (/^(?:```|~~~)/.test(t)) {
      if (para.length > 0) break;
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (t.startsWith('<!--')) {
      if (para.length > 0) break;
      if (!t.includes('-->')) inComment = true;
      continue;
    }
    if (t === '') {
      if (para.length > 0) break;
      continue;
    }
    const structural =
      /^(?:#|[-*+]\s|\d+[.)]\s|\||>|<\/?[a-zA-Z][^>]*>?$|!\[|\[!\[|={3,}$|-{3,}$|\*{3,}$|_{3,}$)/.test(t) ||
      /^<[a-zA-Z]/.test(t);
    if (structural) {
      if (para.length > 0) break;
      continue;
    }
    para.push(t);
  }
  const text = stripInlineMarkdown(para.join(' '));
  if (text === '') return undefined;
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function stripInlineMarkdown(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Keys each parser maps to typed fields; everything else is kept in `extra.otherKeys`. */
export function otherKeys(meta: JsonObject, consumed: ReadonlySet<string>): JsonObject | undefined {
  const out: JsonObject = {};
  let n = 0;
  for (const [k, v] of Object.entries(meta)) {
    if (consumed.has(k) || k.startsWith('extra_gated_')) continue;
    out[k] = v;
    n++;
  }
  return n > 0 ? out : undefined;
}

/** Relation evidence for a declared key. */
export function declaredEvidence(key: string, fileName: string, value?: string): string {
  return value === undefined ? `${key} in ${fileName}` : `${key}: ${value} in ${fileName}`;
}
