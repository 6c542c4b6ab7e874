/**
 * The first rows of the default view, kept in localStorage so a cold start paints them before anything
 * is read from IndexedDB (synchronous, a few KB). Tagged with the catalog stamp they were taken at: the
 * view drops them as soon as the stamp read from the database says the catalog has changed since.
 */
import type { DisplayRow } from '@/core/search/display';

const HEAD_KEY = 'tarn.catalogHead.v1';
/** Enough rows for a tall window. */
export const HEAD_ROWS = 80;

export type CatalogHead = { stamp: string; total: number; rows: DisplayRow[] };

function isHead(x: unknown): x is CatalogHead {
  if (typeof x !== 'object' || x === null) return false;
  const h = x as Record<string, unknown>;
  return (
    typeof h.stamp === 'string' &&
    typeof h.total === 'number' &&
    Array.isArray(h.rows) &&
    h.rows.every((r) => typeof r === 'object' && r !== null && typeof (r as DisplayRow).key === 'string')
  );
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function readCatalogHead(): CatalogHead | undefined {
  try {
    const text = storage()?.getItem(HEAD_KEY);
    if (!text) return undefined;
    const parsed: unknown = JSON.parse(text);
    return isHead(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

let lastWritten = '';

export function writeCatalogHead(stamp: string, total: number, rows: readonly DisplayRow[]): void {
  const head: CatalogHead = { stamp, total, rows: rows.slice(0, HEAD_ROWS) };
  const signature = `${stamp}|${total}|${head.rows.map((r) => r.key).join('\n')}`;
  if (signature === lastWritten) return;
  lastWritten = signature;
  try {
    storage()?.setItem(HEAD_KEY, JSON.stringify(head));
  } catch {
    // Storage full or denied: the cold start reads the database instead.
  }
}
