/**
 * The CouchDB connection as this browser keeps it: localStorage of the app's origin, never the catalog
 * database (so it is in no export), never a URL or a log line. `enabled`: the person started sync and did
 * not stop it, so it resumes when the app opens again.
 */
import type { SyncConfig } from '@/workers/syncCalls';

const STORAGE_KEY = 'tarn.sync.connection';

export type StoredSync = SyncConfig & { enabled: boolean };

const EMPTY: StoredSync = { url: '', user: '', password: '', enabled: false };

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function loadSyncSettings(): StoredSync {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return EMPTY;
    const v = JSON.parse(raw) as Record<string, unknown>;
    return { url: str(v.url), user: str(v.user), password: str(v.password), enabled: v.enabled === true };
  } catch {
    return EMPTY;
  }
}

export function saveSyncSettings(s: StoredSync): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(s));
  } catch (e) {
    console.warn('could not keep the sync settings in this browser:', e instanceof Error ? e.name : 'error');
  }
}

/** Whether this browser was ever set up to sync (the asset page then asks for conflicts). */
export function syncConfigured(): boolean {
  return loadSyncSettings().url !== '';
}
