/**
 * The window's calls to team sync, which runs in the catalog worker (PouchDB replicates there; what
 * arrives is written through the one writer). Errors come back as values.
 */
import type { ConflictField, FieldConflict, FieldValue } from '@/core/sync/docs';
import type { SyncConfig, SyncStatus } from './catalog/sync/syncEngine';
import { catalogClient } from './catalogClient';

export type { SyncConfig, SyncStatus } from './catalog/sync/syncEngine';
export type { ConflictField, FieldConflict, FieldValue } from '@/core/sync/docs';

function failed(e: unknown): SyncStatus {
  return { state: 'error', pending: 0, error: e instanceof Error ? e.message : String(e) };
}

export function startSync(config: SyncConfig): Promise<SyncStatus> {
  return catalogClient().call('syncStart', config).catch(failed);
}

export function stopSync(): Promise<SyncStatus> {
  return catalogClient().call('syncStop', {}).catch(failed);
}

export function syncStatus(): Promise<SyncStatus> {
  return catalogClient().call('syncStatus', {}).catch(failed);
}

export function setSyncOnline(online: boolean): Promise<SyncStatus> {
  return catalogClient().call('syncNetwork', { online }).catch(failed);
}

export function syncConflicts(key: string): Promise<FieldConflict[]> {
  return catalogClient().call('syncConflicts', { key });
}

export type ResolveResult = { ok: true; remaining: FieldConflict[] } | { ok: false; error: string };

export function resolveSyncConflict(
  key: string,
  field: ConflictField,
  value: FieldValue,
): Promise<ResolveResult> {
  return catalogClient()
    .call('syncResolve', { key, field, value })
    .then(
      (remaining): ResolveResult => ({ ok: true, remaining }),
      (e: unknown): ResolveResult => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
}
