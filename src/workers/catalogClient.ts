/**
 * Main-thread client of the catalog worker (import, search, every catalog write), with in-thread
 * fallback. The worker's change events (local and other tabs' writes) are delivered to
 * `onCatalogChange` subscribers (catalogEvents.ts).
 */
import { createRpcClient, type RpcClient } from './rpc';
import type { CatalogHandlers } from './catalog/handlers';
import { emitCatalogChange, type CatalogChange } from './catalogEvents';

export type { ImportProgress } from './catalog/importFiles';
export type { ImportOutcome } from './catalog/handlers';
export type { InputFile } from './catalog/intake';

let client: RpcClient<CatalogHandlers> | undefined;

export function catalogClient(): RpcClient<CatalogHandlers> {
  client ??= createRpcClient<CatalogHandlers, CatalogChange>(
    () =>
      new Worker(new URL('./catalog/catalog.worker.ts', import.meta.url), {
        type: 'module',
        name: 'tarn-catalog',
      }),
    () =>
      import('./catalog/handlers').then((m) => {
        // In-thread, the writer's events go straight to the subscribers.
        m.catalogWriter.subscribe(emitCatalogChange);
        return m.catalogHandlers;
      }),
    { onEvent: emitCatalogChange },
  );
  return client;
}
