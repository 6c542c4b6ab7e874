import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { setSyncOnline, startSync, syncStatus, type SyncStatus } from '@/workers/syncCalls';
import { syncKeys } from './queryKeys';
import { loadSyncSettings } from './syncSettings';

/** How often the panel asks the worker for the sync state while it is shown. */
const STATUS_POLL_MS = 700;

export function useSyncStatus() {
  // A worker call, not a network request: it must go on while the browser is offline.
  return useQuery({
    queryKey: syncKeys.status(),
    queryFn: syncStatus,
    refetchInterval: STATUS_POLL_MS,
    networkMode: 'always',
  });
}

/**
 * App-wide, once: resumes the sync the person started (and did not stop) when the app opens, and tells
 * the worker when the browser goes offline or online (replication pauses rather than failing requests).
 */
export function useSyncController(): void {
  const client = useQueryClient();
  useEffect(() => {
    const put = (s: SyncStatus) => client.setQueryData(syncKeys.status(), s);
    const stored = loadSyncSettings();
    if (stored.enabled && stored.url !== '')
      void startSync(stored).then(async (s) => {
        put(s);
        if (!navigator.onLine) put(await setSyncOnline(false));
      });
    const online = () => void setSyncOnline(true).then(put);
    const offline = () => void setSyncOnline(false).then(put);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, [client]);
}
