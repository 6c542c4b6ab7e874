import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { setSyncOnline, startSync, stopSync, type SyncStatus } from '@/workers/syncCalls';
import { syncKeys } from './queryKeys';
import { loadSyncSettings, saveSyncSettings } from './syncSettings';
import { useSyncStatus } from './useSync';

/** The words beside the state (`data-sync-state` carries the state itself). */
export function syncWords(s: SyncStatus): string {
  const words = stateWords(s);
  return s.elsewhere && s.state !== 'idle' ? `${words} (runs in another tab)` : words;
}

function stateWords(s: SyncStatus): string {
  switch (s.state) {
    case 'idle':
      return 'Not syncing';
    case 'syncing':
      return s.pending > 0 ? `Syncing — ${s.pending} pending` : 'Syncing';
    case 'up-to-date':
      return 'Up to date';
    case 'offline':
      return `Offline — ${s.pending} pending`;
    case 'error':
      return `Error: ${s.error ?? 'sync failed'}`;
  }
}

/** The sync state in the top bar, on every page, while sync runs (idle: nothing shown). */
export function SyncIndicator() {
  const status = useSyncStatus().data;
  if (!status || status.state === 'idle') return null;
  return (
    <span
      role="status"
      aria-label="Team sync"
      data-sync-state={status.state}
      className="sync-indicator small"
    >
      Sync: {syncWords(status)}
    </span>
  );
}

/**
 * Live sync through CouchDB: the database URL and credentials (kept in this browser only), start/stop,
 * and the sync state. Nothing is requested from the server before "Start sync".
 */
export function SyncPanel() {
  const client = useQueryClient();
  const [form, setForm] = useState(loadSyncSettings);
  const [busy, setBusy] = useState(false);
  const status = useSyncStatus().data ?? { state: 'idle', pending: 0 };

  const put = (s: SyncStatus) => client.setQueryData(syncKeys.status(), s);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const config = { url: form.url.trim(), user: form.user.trim(), password: form.password };
    saveSyncSettings({ ...config, enabled: true });
    let s = await startSync(config);
    if (!navigator.onLine) s = await setSyncOnline(false);
    put(s);
    setBusy(false);
  };

  const stop = async () => {
    setBusy(true);
    saveSyncSettings({ ...loadSyncSettings(), enabled: false });
    put(await stopSync());
    setBusy(false);
  };

  const field = (name: 'url' | 'user' | 'password') => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
  });

  return (
    <section className="sync-panel" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <p className="muted small">
        Live sync through a CouchDB database your team shares: curation, collections, edge decisions, saved
        views and imported assets replicate both ways. The user and password stay in this browser.
      </p>
      <form onSubmit={(e) => void start(e)} className="sync-form">
        <label>
          CouchDB URL
          <input
            type="url"
            placeholder="https://couch.example.org/tarn"
            autoComplete="url"
            {...field('url')}
          />
        </label>
        <label>
          CouchDB user
          <input type="text" autoComplete="username" {...field('user')} />
        </label>
        <label>
          CouchDB password
          <input type="password" autoComplete="current-password" {...field('password')} />
        </label>
        <div className="sync-buttons">
          <button type="submit" disabled={busy || form.url.trim() === ''}>
            Start sync
          </button>
          <button type="button" disabled={busy || status.state === 'idle'} onClick={() => void stop()}>
            Stop sync
          </button>
        </div>
      </form>
      <p role="status" aria-label="Sync status" data-sync-state={status.state} className="sync-status">
        {syncWords(status)}
        {status.origin && status.state !== 'idle' ? (
          <span className="muted small"> ({status.origin})</span>
        ) : null}
      </p>
    </section>
  );
}
