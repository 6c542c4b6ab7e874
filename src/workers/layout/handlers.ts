/**
 * Layout handlers, served by layout.worker.ts (or run on the main thread when workers fail).
 * `auto` uses ELK for small graphs and the linear-time layered layout for big ones.
 */
import type { CallContext } from '../rpc';
import { fastLayered } from './fastLayered';
import { DEFAULT_ELK_MAX_NODES } from './types';
import type { LayoutRequest, LayoutResult } from './types';

export async function computeLayout(req: LayoutRequest): Promise<LayoutResult> {
  const start = performance.now();
  const engine = req.engine ?? 'auto';
  const useElk =
    engine === 'elk' || (engine === 'auto' && req.nodes.length <= (req.elkMaxNodes ?? DEFAULT_ELK_MAX_NODES));
  if (useElk) {
    try {
      // elkjs is 1.4 MB: loaded on first use, so the worker starts fast for the fast layout.
      const { elkLayered } = await import('./elkLayout');
      const placed = await elkLayered(req);
      return { ...placed, engine: 'elk', ms: performance.now() - start };
    } catch (err) {
      console.warn('ELK layout failed; using the fast layered layout', err);
    }
  }
  const placed = fastLayered(req);
  return { ...placed, engine: 'fast', ms: performance.now() - start };
}

export const layoutHandlers = {
  layout: (args: LayoutRequest, _ctx: CallContext): Promise<LayoutResult> => computeLayout(args),
};

export type LayoutHandlers = typeof layoutHandlers;
