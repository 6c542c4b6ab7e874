/**
 * Tarn's export format: a versioned envelope with a guard. The export file is itself an accepted import.
 * Bump EXPORT_VERSION when the shape changes; older versions must still validate (a missing part reads as empty).
 * v1: assets, versions, relations, curation, collections, audit, saved views, edge decisions, imports.
 * v2: + product plans (`plans`, optional; each read with `readPlan` on import).
 */
import type { Issue } from '../model';
import type {
  AuditRow,
  CollectionRow,
  CurationRow,
  EdgeDecisionRow,
  ImportRun,
  RelationRow,
  SavedViewRow,
  StoredAsset,
  VersionRow,
} from '../catalog/rows';
import {
  depthIssue,
  MAX_NESTING_DEPTH,
  safeJsonParse,
  sanitizeValue,
  type SafeParseResult,
} from '../util/safeJson';
import { isObject } from '../util/values';
import { findHostileContent } from './hostile';
import type { ProductPlan } from '../licenses/plan';

export const EXPORT_FORMAT = 'tarn-catalog';
export const EXPORT_VERSION = 2;

export type LicenseSummaryEntry = { id: string; verdict: string; normalized: string; findings: string[] };

export type CatalogExport = {
  format: typeof EXPORT_FORMAT;
  /** `EXPORT_VERSION` when written; older versions are read as they are. */
  version: number;
  exportedAt: string;
  app: { name: string; version: string };
  /** What was exported: whole catalog, a view, a collection, a selection. */
  scope?: { kind: string; description?: string; lineageClosure?: boolean; includesSources?: boolean };
  assets: StoredAsset[];
  versions: VersionRow[];
  relations: RelationRow[];
  curation?: CurationRow[];
  collections?: CollectionRow[];
  audit?: AuditRow[];
  savedViews?: SavedViewRow[];
  edgeDecisions?: EdgeDecisionRow[];
  imports?: ImportRun[];
  /** Product plans (v2). */
  plans?: ProductPlan[];
  licenses?: { intendedUse?: unknown; profile?: string; results: LicenseSummaryEntry[]; notice?: string };
};

export type EnvelopeResult =
  { ok: true; value: CatalogExport; issues: Issue[] } | { ok: false; issues: Issue[] };

function fail(code: string, message: string): EnvelopeResult {
  return { ok: false, issues: [{ severity: 'error', code, message }] };
}

const MAX_STRING = 5_000_000;

function checkAsset(a: unknown, i: number): string | undefined {
  if (!isObject(a)) return `assets[${i}] is not an object`;
  if (typeof a.id !== 'string' || a.id.trim() === '' || a.id.length > 1000)
    return `assets[${i}].id is missing or invalid`;
  if (typeof a.key !== 'string') return `assets[${i}].key is missing`;
  if (typeof a.kind !== 'string') return `assets[${i}].kind is missing`;
  if (typeof a.name !== 'string') return `assets[${i}].name is missing`;
  if (!isObject(a.license)) return `assets[${i}].license is missing`;
  if (!Array.isArray(a.contributions)) return `assets[${i}].contributions is missing`;
  return undefined;
}

function checkRelation(r: unknown, i: number): string | undefined {
  if (!isObject(r)) return `relations[${i}] is not an object`;
  for (const f of ['id', 'child', 'parent', 'type', 'childKey', 'parentKey'] as const) {
    if (typeof r[f] !== 'string') return `relations[${i}].${f} is missing`;
  }
  if (r.origin !== 'declared' && r.origin !== 'inferred') return `relations[${i}].origin is invalid`;
  return undefined;
}

function checkVersion(v: unknown, i: number): string | undefined {
  if (!isObject(v)) return `versions[${i}] is not an object`;
  if (typeof v.assetKey !== 'string' || typeof v.sha256 !== 'string')
    return `versions[${i}] lacks assetKey/sha256`;
  if (v.text !== undefined && (typeof v.text !== 'string' || v.text.length > MAX_STRING))
    return `versions[${i}].text is invalid`;
  return undefined;
}

/** Type guard with reasons: is `x` a valid Tarn catalog export of a supported version? */
export function validateCatalogExport(x: unknown): EnvelopeResult {
  if (!isObject(x)) return fail('EXPORT_INVALID', 'Not a Tarn export: the top level is not an object.');
  if (x.format !== EXPORT_FORMAT)
    return fail('EXPORT_INVALID', `Not a Tarn export: format is ${JSON.stringify(x.format)}.`);
  if (typeof x.version !== 'number' || !Number.isInteger(x.version)) {
    return fail('EXPORT_VERSION', 'Tarn export without a version number.');
  }
  if (x.version > EXPORT_VERSION) {
    return fail(
      'EXPORT_VERSION',
      `This export is version ${x.version}; this Tarn reads up to version ${EXPORT_VERSION}. Update Tarn to import it.`,
    );
  }
  if (x.version < 1) return fail('EXPORT_VERSION', `Unsupported export version ${x.version}.`);
  for (const f of ['assets', 'versions', 'relations'] as const) {
    if (!Array.isArray(x[f])) return fail('EXPORT_INVALID', `Tarn export is missing the "${f}" list.`);
  }
  const assets = x.assets as unknown[];
  const relations = x.relations as unknown[];
  const versions = x.versions as unknown[];
  for (let i = 0; i < assets.length; i++) {
    const err = checkAsset(assets[i], i);
    if (err) return fail('EXPORT_INVALID', `Tarn export is damaged: ${err}.`);
  }
  for (let i = 0; i < relations.length; i++) {
    const err = checkRelation(relations[i], i);
    if (err) return fail('EXPORT_INVALID', `Tarn export is damaged: ${err}.`);
  }
  for (let i = 0; i < versions.length; i++) {
    const err = checkVersion(versions[i], i);
    if (err) return fail('EXPORT_INVALID', `Tarn export is damaged: ${err}.`);
  }
  for (const f of [
    'curation',
    'collections',
    'audit',
    'savedViews',
    'edgeDecisions',
    'imports',
    'plans',
  ] as const) {
    if (x[f] !== undefined && !Array.isArray(x[f]))
      return fail('EXPORT_INVALID', `Tarn export: "${f}" is not a list.`);
  }
  const hostile = findHostileContent(x);
  if (hostile) return fail('EXPORT_HOSTILE', `Tarn export refused, nothing was imported: ${hostile}.`);
  return { ok: true, value: x as CatalogExport, issues: [] };
}

/** Keys the sanitizing parser drops (see `safeJsonParse`). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Below the sanitizing parser's own bound, so everything near it is left to that parser to judge. */
const FAST_DEPTH = MAX_NESTING_DEPTH - 2;

/** True when a `JSON.parse` result has a forbidden key or deep nesting somewhere (checked in place). */
function needsSanitizing(value: object, depth: number): boolean {
  if (depth > FAST_DEPTH) return true;
  if (Array.isArray(value)) {
    for (const v of value as unknown[]) {
      if (v !== null && typeof v === 'object' && needsSanitizing(v, depth + 1)) return true;
    }
    return false;
  }
  const rec = value as Record<string, unknown>;
  for (const k of Object.keys(rec)) {
    if (FORBIDDEN_KEYS.has(k)) return true;
    const v = rec[k];
    if (v !== null && typeof v === 'object' && needsSanitizing(v, depth + 1)) return true;
  }
  return false;
}

/**
 * JSON of an export. Exports are large (many MB), so the common case is a plain `JSON.parse` checked in
 * place; anything unusual (a syntax error, a forbidden key, deep nesting) goes through `safeJsonParse`,
 * which rebuilds the value and reports exactly as for any other JSON file.
 */
function parseExportJson(text: string): SafeParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return safeJsonParse(text);
  }
  if (raw !== null && typeof raw === 'object' && needsSanitizing(raw, 0)) return safeJsonParse(text);
  return { ok: true, value: raw, issues: [] };
}

/**
 * Validates an export already parsed by a plain JSON parser (e.g. read in parts, see `./stream`):
 * forbidden keys and deep nesting are handled as `parseCatalogExport` does. Never throws.
 */
export function checkCatalogExportValue(raw: unknown): EnvelopeResult {
  let value = raw;
  const issues: Issue[] = [];
  if (raw !== null && typeof raw === 'object' && needsSanitizing(raw, 0)) {
    try {
      value = sanitizeValue(raw, issues);
    } catch {
      return { ok: false, issues: [depthIssue('JSON')] };
    }
  }
  const res = validateCatalogExport(value);
  return res.ok
    ? { ...res, issues: [...issues, ...res.issues] }
    : { ok: false, issues: [...issues, ...res.issues] };
}

/** Parses and validates an export file's text. Never throws. */
export function parseCatalogExport(text: string): EnvelopeResult {
  const parsed = parseExportJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.ok) {
    const damaged: Issue = {
      severity: 'error',
      code: 'EXPORT_DAMAGED',
      message: 'This Tarn export is truncated or damaged (not valid JSON); nothing was imported.',
    };
    return { ok: false, issues: [...parsed.issues, damaged] };
  }
  const res = validateCatalogExport(parsed.value);
  return res.ok
    ? { ...res, issues: [...parsed.issues, ...res.issues] }
    : { ok: false, issues: [...parsed.issues, ...res.issues] };
}

/** Builds an envelope; callers pass rows read from the store. */
export function serializeCatalog(
  parts: Omit<CatalogExport, 'format' | 'version' | 'exportedAt' | 'app'> & { exportedAt?: string },
  app: { name: string; version: string } = { name: 'Tarn', version: '0.1.0' },
): CatalogExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: parts.exportedAt ?? new Date().toISOString(),
    app,
    ...parts,
  };
}
