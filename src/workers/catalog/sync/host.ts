/**
 * The catalog worker's team sync: one engine on this tab's writer and database, PouchDB in the browser
 * (IndexedDB mirror `tarn-sync`, the team's CouchDB over HTTP). Loaded on the first sync call only.
 */
import PouchDB from 'pouchdb-browser';
import { applySyncBatch, getSyncRows, readSyncScope } from '@/db';
import type { CatalogWriter } from '../writer';
import { createSyncEngine, type SyncEngine } from './syncEngine';

/** The local mirror's name (PouchDB stores it as the IndexedDB database `_pouch_tarn-sync`). */
const LOCAL_NAME = 'tarn-sync';

export function createHostSyncEngine(writer: CatalogWriter): SyncEngine {
  return createSyncEngine({
    writer,
    repo: { readSyncScope, getSyncRows, applySyncBatch },
    openLocal: () => new PouchDB(LOCAL_NAME, { auto_compaction: true }),
    openRemote: (config) =>
      new PouchDB(config.url, {
        skip_setup: true,
        ...(config.user !== '' ? { auth: { username: config.user, password: config.password } } : {}),
      }),
  });
}
