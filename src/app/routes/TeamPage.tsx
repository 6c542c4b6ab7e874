import { PublishPanel } from '@/features/publish/PublishPanel';
import { SubscribePanel } from '@/features/publish/SubscribePanel';
import { SyncPanel } from '@/features/sync/SyncPanel';

/**
 * Team: share the catalog with other people. Published catalogs (publish a static folder, subscribe to one by
 * URL) and live sync through CouchDB each live in their own feature; this page only composes them.
 */
export function TeamPage() {
  return (
    <section className="team-page">
      <h1>Team</h1>
      <p className="muted">
        Share this catalog: publish it as static files anyone can subscribe to, or sync it through CouchDB.
      </p>
      {/* --- Published catalogs (features/publish) --- */}
      <PublishPanel />
      <SubscribePanel />
      {/* --- Live sync through CouchDB (features/sync) --- */}
      <SyncPanel />
    </section>
  );
}
