/**
 * Main-thread client of the layout worker (elkjs + fast layered layout), with in-thread fallback.
 * Import it only from lazily loaded code: the worker and its fallback chunk carry elkjs.
 */
import { createRpcClient } from '../rpc';
import type { RpcClient } from '../rpc';
import type { LayoutHandlers } from './handlers';
import type { LayoutRequest, LayoutResult } from './types';

export type { LayoutEngine, LayoutRequest, LayoutResult } from './types';

let client: RpcClient<LayoutHandlers> | undefined;

function layoutClient(): RpcClient<LayoutHandlers> {
  client ??= createRpcClient<LayoutHandlers>(
    () => new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'tarn-layout' }),
    () => import('./handlers').then((m) => m.layoutHandlers),
  );
  return client;
}

/** Lays out a graph off the main thread (falls back to the main thread when workers fail). */
export function requestLayout(req: LayoutRequest, signal?: AbortSignal): Promise<LayoutResult> {
  return layoutClient().call('layout', req, signal ? { signal } : undefined);
}
