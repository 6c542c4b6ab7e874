/**
 * Extra checks of an export's identifiers and curation rows before anything is written. An export is
 * data from elsewhere: identifiers that carry control or bidi characters, keys that do not match their
 * ids, or curation rows of the wrong shape mean a damaged or crafted file, and the whole file is refused
 * (the catalog stays untouched). Markup characters (`<`, `>`) are data: real cards have them in
 * `base_model` or `datasets` values, Tarn stores and exports them, so they must restore; every place that
 * shows an id escapes it (React text, sanitized Markdown).
 */
import { assetKey } from '../model';
import { isObject } from '../util/values';

function isBidiControl(c: number): boolean {
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/** C0/C1 controls (never in identifiers) or bidi overrides/isolates. */
function hasControl(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c)) return true;
  }
  return false;
}

/** NUL or bidi overrides/isolates (newlines and tabs are fine in free text). */
function hasNulOrBidi(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0 || isBidiControl(c)) return true;
  }
  return false;
}
const MAX_ID = 1000;
const MAX_TEXT = 1_000_000;
const STATUSES = new Set(['draft', 'approved', 'deprecated']);

function badIdentifier(v: unknown, what: string): string | undefined {
  if (typeof v !== 'string') return `${what} is not a string`;
  if (v.length > MAX_ID) return `${what} is longer than ${MAX_ID} characters`;
  if (hasControl(v)) return `${what} contains control or bidi-override characters`;
  return undefined;
}

function badText(v: unknown, what: string, max = MAX_TEXT): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') return `${what} is not a string`;
  if (v.length > max) return `${what} is too long`;
  // NUL and bidi overrides have no business in names, tags or notes.
  if (hasNulOrBidi(v)) return `${what} contains NUL or bidi-override characters`;
  return undefined;
}

function stringList(v: unknown, what: string, max = 2000): string | undefined {
  if (!Array.isArray(v)) return `${what} is not a list`;
  for (let i = 0; i < v.length; i++) {
    const err =
      badText(v[i], `${what}[${i}]`, max) ??
      (typeof v[i] === 'string' ? undefined : `${what}[${i}] is not a string`);
    if (err) return err;
  }
  return undefined;
}

function checkAssets(assets: readonly unknown[]): string | undefined {
  for (let i = 0; i < assets.length; i++) {
    const a = assets[i];
    if (!isObject(a)) continue;
    const err =
      badIdentifier(a.id, `assets[${i}].id`) ??
      badIdentifier(a.key, `assets[${i}].key`) ??
      badText(a.name, `assets[${i}].name`, 2000) ??
      badText(a.owner, `assets[${i}].owner`, 2000);
    if (err) return err;
    if (typeof a.id === 'string' && a.key !== assetKey(a.id)) return `assets[${i}].key does not match its id`;
  }
  return undefined;
}

function checkRelations(relations: readonly unknown[]): string | undefined {
  for (let i = 0; i < relations.length; i++) {
    const r = relations[i];
    if (!isObject(r)) continue;
    for (const f of ['child', 'parent', 'childKey', 'parentKey', 'type'] as const) {
      const err = badIdentifier(r[f], `relations[${i}].${f}`);
      if (err) return err;
    }
    if (r.id !== `${String(r.childKey)}|${String(r.type)}|${String(r.parentKey)}`)
      return `relations[${i}].id does not match its ends`;
    if (!Array.isArray(r.vias)) return `relations[${i}].vias is not a list`;
  }
  return undefined;
}

function checkVersions(versions: readonly unknown[]): string | undefined {
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i];
    if (!isObject(v)) continue;
    const err =
      badIdentifier(v.assetKey, `versions[${i}].assetKey`) ??
      badText(v.sourceName, `versions[${i}].sourceName`, 4000);
    if (err) return err;
  }
  return undefined;
}

function checkCuration(rows: readonly unknown[]): string | undefined {
  for (let i = 0; i < rows.length; i++) {
    const c = rows[i];
    if (!isObject(c)) return `curation[${i}] is not an object`;
    const err =
      badIdentifier(c.key, `curation[${i}].key`) ??
      stringList(c.tags, `curation[${i}].tags`, 200) ??
      badText(c.notes, `curation[${i}].notes`) ??
      (typeof c.notes === 'string' ? undefined : `curation[${i}].notes is missing`) ??
      badText(c.owner, `curation[${i}].owner`, 500) ??
      (typeof c.updatedAt === 'string' ? undefined : `curation[${i}].updatedAt is missing`);
    if (err) return err;
    if (c.status !== undefined && (typeof c.status !== 'string' || !STATUSES.has(c.status)))
      return `curation[${i}].status is not draft, approved or deprecated`;
  }
  return undefined;
}

function checkCollections(rows: readonly unknown[]): string | undefined {
  for (let i = 0; i < rows.length; i++) {
    const c = rows[i];
    if (!isObject(c)) return `collections[${i}] is not an object`;
    const err =
      badIdentifier(c.id, `collections[${i}].id`) ??
      badText(c.name, `collections[${i}].name`, 500) ??
      (typeof c.name === 'string' ? undefined : `collections[${i}].name is missing`);
    if (err) return err;
    if (!Array.isArray(c.assetKeys)) return `collections[${i}].assetKeys is not a list`;
    for (let j = 0; j < c.assetKeys.length; j++) {
      const e = badIdentifier(c.assetKeys[j], `collections[${i}].assetKeys[${j}]`);
      if (e) return e;
    }
  }
  return undefined;
}

function checkAudit(rows: readonly unknown[]): string | undefined {
  for (let i = 0; i < rows.length; i++) {
    const x = rows[i];
    if (!isObject(x)) return `audit[${i}] is not an object`;
    if (typeof x.at !== 'string' || typeof x.action !== 'string') return `audit[${i}] lacks at/action`;
    const err =
      (x.assetKey === '*' ? undefined : badIdentifier(x.assetKey, `audit[${i}].assetKey`)) ??
      badText(x.action, `audit[${i}].action`, 200) ??
      badText(x.detail, `audit[${i}].detail`, 10_000);
    if (err) return err;
  }
  return undefined;
}

/** First reason the envelope's identifiers or curation rows are unsafe, or undefined when all is well. */
export function findHostileContent(x: Record<string, unknown>): string | undefined {
  const list = (k: string): readonly unknown[] => (Array.isArray(x[k]) ? (x[k] as unknown[]) : []);
  return (
    checkAssets(list('assets')) ??
    checkRelations(list('relations')) ??
    checkVersions(list('versions')) ??
    checkCuration(list('curation')) ??
    checkCollections(list('collections')) ??
    checkAudit(list('audit'))
  );
}
