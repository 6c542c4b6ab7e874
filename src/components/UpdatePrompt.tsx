import { useEffect, useState } from 'react';

type Waiting = { apply: () => void };

/**
 * Registers the service worker (production builds only) and, when a new version of the app has been
 * downloaded and waits, offers to reload into it ("update available").
 */
export function UpdatePrompt() {
  const [waiting, setWaiting] = useState<Waiting | undefined>(undefined);
  useEffect(() => {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    let cancelled = false;
    void import('workbox-window').then(({ Workbox }) => {
      if (cancelled) return;
      const wb = new Workbox('/sw.js', { scope: '/' });
      wb.addEventListener('waiting', () => {
        setWaiting({
          apply: () => {
            wb.addEventListener('controlling', () => window.location.reload());
            wb.messageSkipWaiting();
          },
        });
      });
      wb.register().catch((e: unknown) => console.warn('Offline support unavailable', e));
    });
    return () => {
      cancelled = true;
    };
  }, []);
  if (!waiting) return null;
  return (
    <div role="status" aria-label="Update available" className="update-prompt">
      A new version of Tarn is available.{' '}
      <button type="button" className="primary" onClick={waiting.apply}>
        Reload
      </button>{' '}
      <button type="button" onClick={() => setWaiting(undefined)}>
        Later
      </button>
    </div>
  );
}
