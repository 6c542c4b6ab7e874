import { useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ConfirmButton } from '@/components/ConfirmButton';
import { subscriptionLabel } from '@/core/catalog/subscriptionLabel';
import { catalogClient } from '@/workers/catalogClient';
import { TaskStatus } from './TaskStatus';
import type { SubscribeProgress, SubscribeResult } from '@/workers/catalog/publish';
import { publishKeys } from './queryKeys';

function kb(bytes: number): string {
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} KB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

function progressText(p: SubscribeProgress): string {
  if (p.phase === 'manifest') return 'Fetching the manifest…';
  if (p.phase === 'finishing') return 'Finishing…';
  const stored =
    p.itemsTotal !== undefined
      ? `, stored ${(p.itemsStored ?? 0).toLocaleString('en')} of ${p.itemsTotal.toLocaleString('en')} items`
      : '';
  return `Fetching shards ${p.shardsDone} of ${p.shardsTotal} (${kb(p.bytes)})${stored}…`;
}

function resultText(r: Extract<SubscribeResult, { ok: true }>): string {
  const skipped = r.skipped > 0 ? ` ${r.skipped} items already in this catalog were left as they are.` : '';
  const removed = r.removed > 0 ? ` ${r.removed} assets removed.` : '';
  return `${r.name}: ${r.assets} assets. Fetched ${r.fetched} of ${r.shards} shards (${kb(r.bytes)}).${removed}${skipped}`;
}

/**
 * "Subscribe": reads a published catalog by URL (only that origin, only now), then lists subscriptions with
 * "Refresh" (fetches only new shards) and "Unsubscribe" (removes that catalog's assets and nothing else).
 */
export function SubscribePanel() {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState<SubscribeProgress>();
  const [result, setResult] = useState<string>();
  const [error, setError] = useState<string>();
  const abort = useRef<AbortController>(undefined);
  const client = useQueryClient();
  const subs = useQuery({
    queryKey: publishKeys.subscriptions,
    queryFn: () => catalogClient().call('listSubscriptions', {}),
  });

  const subscribe = async (target: string) => {
    setError(undefined);
    setResult(undefined);
    setBusy({ phase: 'manifest', shardsDone: 0, shardsTotal: 0, bytes: 0 });
    abort.current = new AbortController();
    let res: SubscribeResult;
    try {
      res = await catalogClient().call(
        'subscribeCatalog',
        { url: target },
        { onProgress: setBusy, signal: abort.current.signal },
      );
    } catch (e) {
      res = { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    setBusy(undefined);
    if (res.ok) setResult(resultText(res));
    else setError(res.error);
    void client.invalidateQueries({ queryKey: publishKeys.subscriptions });
  };

  const unsubscribe = async (id: string, name: string) => {
    setError(undefined);
    try {
      const { removed } = await catalogClient().call('unsubscribeCatalog', { id });
      setResult(`Unsubscribed from ${name}: ${removed} assets removed.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    void client.invalidateQueries({ queryKey: publishKeys.subscriptions });
  };

  return (
    <section className="panel" aria-labelledby="subscribe-h">
      <h2 id="subscribe-h">Subscribe</h2>
      <p className="muted">
        The URL of a published folder (where its tarn-catalog.json is). Subscribed assets are read-only here;
        your own tags, notes and status on them stay yours.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void subscribe(url);
        }}
      >
        <label>
          Catalog URL{' '}
          <input
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://example.org/catalog/"
            size={50}
          />
        </label>{' '}
        <button type="submit" disabled={busy !== undefined || url.trim() === ''}>
          Subscribe
        </button>
      </form>
      <TaskStatus
        name="Subscription"
        progress={busy ? progressText(busy) : undefined}
        onCancel={() => abort.current?.abort()}
        result={result}
        error={error}
      />
      {subs.data && subs.data.length > 0 ? (
        <ul aria-label="Subscriptions" className="subscriptions">
          {subs.data.map((s) => (
            <li key={s.id} aria-label={s.name}>
              <strong>{s.name}</strong> <span className="muted">{subscriptionLabel(s.id)}</span>{' '}
              <span className="muted">
                {s.counts ? `${s.counts.assets} assets · ` : ''}
                {s.refreshedAt ? `refreshed ${new Date(s.refreshedAt).toLocaleString()}` : 'not complete'}
              </span>{' '}
              <button type="button" disabled={busy !== undefined} onClick={() => void subscribe(s.url)}>
                Refresh
              </button>{' '}
              <ConfirmButton
                label="Unsubscribe"
                confirmLabel={`Remove ${s.name}`}
                question={`Remove the assets of ${s.name} from this catalog?`}
                disabled={busy !== undefined}
                onConfirm={() => void unsubscribe(s.id, s.name)}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
