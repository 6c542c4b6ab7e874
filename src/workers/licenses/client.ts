/** Main-thread client of the licence worker, with in-thread fallback. */
import { createRpcClient, type RpcClient } from '../rpc';
import type { LicenseHandlers } from './handlers';

export type { AssetLicenseReport, LicenseIssue, LicenseReport, LicenseSettings } from './types';

let client: RpcClient<LicenseHandlers> | undefined;

export function licensesClient(): RpcClient<LicenseHandlers> {
  client ??= createRpcClient<LicenseHandlers>(
    () =>
      new Worker(new URL('./licenses.worker.ts', import.meta.url), { type: 'module', name: 'tarn-licenses' }),
    () => import('./handlers').then((m) => m.licenseHandlers),
  );
  return client;
}
