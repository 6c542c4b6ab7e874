/** Main-thread client of the catalog worker (import, search, clear), with in-thread fallback. */
import { createRpcClient } from './rpc';
import type { CatalogHandlers } from './catalog/handlers';

export type { ImportProgress, ImportResult } from './catalog/importFiles';
export type { InputFile } from './catalog/intake';

let client: ReturnType<typeof createRpcClient<CatalogHandlers>> | undefined;

export function catalogClient(): ReturnType<typeof createRpcClient<CatalogHandlers>> {
  client ??= createRpcClient<CatalogHandlers>(
    () =>
      new Worker(new URL('./catalog/catalog.worker.ts', import.meta.url), {
        type: 'module',
        name: 'tarn-catalog',
      }),
    () => import('./catalog/handlers').then((m) => m.catalogHandlers),
  );
  return client;
}
