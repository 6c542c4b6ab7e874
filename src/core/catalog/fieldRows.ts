/**
 * Flattening an asset into displayable field rows (top-level fields and `extra.*` keys), with the
 * source that supplied each one. Shared by the asset page's fields table and the version fields diff.
 */
import type { Asset } from '../model';
import { isObject } from '../util/values';
import type { Contribution, StoredAsset } from './rows';

/** Bookkeeping keys of a stored record: never shown as fields. */
const HIDDEN = new Set(['key', 'createdAt', 'updatedAt', 'contributions', 'fieldSources', 'extra', 'body']);

const MAX_VALUE = 2000;

export type FieldRow = { field: string; value: string; source?: string };

/** A value as one readable line: strings as is, lists joined, objects as compact JSON (truncated). */
export function formatFieldValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join(', ');
  const json = JSON.stringify(v) ?? '';
  return json.length > MAX_VALUE ? `${json.slice(0, MAX_VALUE)}…` : json;
}

/** License as one line: canonical expression first, then what the source said. */
export function formatLicense(l: Asset['license'] | undefined): string {
  if (!l) return '';
  const parts: string[] = [];
  if (l.normalized) parts.push(l.normalized);
  const raw = l.raw === undefined ? '' : formatFieldValue(l.raw);
  if (raw !== '' && raw !== l.normalized) parts.push(`declared: ${raw}`);
  if (l.name) parts.push(`name: ${l.name}`);
  if (l.link) parts.push(`link: ${l.link}`);
  return parts.join('; ');
}

/** Field name → display value for every non-empty field of an asset, `extra.*` keys flattened one level. */
export function flattenFields(a: Partial<Asset> & Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(a)) {
    if (HIDDEN.has(k) || v === undefined) continue;
    const s = k === 'license' ? formatLicense(v as Asset['license']) : formatFieldValue(v);
    if (s !== '') out.set(k, s);
  }
  if (isObject(a.extra)) {
    for (const [k, v] of Object.entries(a.extra)) {
      const s = formatFieldValue(v);
      if (s !== '') out.set(`extra.${k}`, s);
    }
  }
  return out;
}

function describeSource(c: Contribution): string {
  return `${c.format}: ${c.sourceName}`;
}

/** Every parsed field of a stored asset with the source that supplied it (from `fieldSources`). */
export function fieldRows(a: StoredAsset): FieldRow[] {
  const byNewest = [...a.contributions].sort((x, y) => y.importedAt.localeCompare(x.importedAt));
  const rows: FieldRow[] = [];
  for (const [field, value] of flattenFields(a)) {
    let source: string | undefined;
    if (field.startsWith('extra.')) {
      const k = field.slice('extra.'.length);
      const c = byNewest.find((x) => isObject(x.asset.extra) && x.asset.extra[k] !== undefined);
      source = c ? describeSource(c) : a.fieldSources.extra;
    } else {
      source = a.fieldSources[field];
      if (source === undefined && (field === 'id' || field === 'key') && byNewest[0])
        source = describeSource(byNewest[0]);
    }
    rows.push(source !== undefined ? { field, value, source } : { field, value });
  }
  return rows;
}
