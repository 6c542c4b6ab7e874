/** ELK (elkjs, bundled build) layered layout. Loaded only inside the layout worker or its fallback. */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { LayoutRequest, LayoutResult } from './types';

type Placement = Omit<LayoutResult, 'engine' | 'ms'>;

let elk: InstanceType<typeof ELK> | undefined;

// elkjs' bundled build installs its own `self.onmessage` dispatcher when it finds itself in a
// worker scope (on import); the RPC listener is the only one that should answer.
if (typeof document === 'undefined' && typeof self !== 'undefined' && 'onmessage' in self) {
  (self as { onmessage: unknown }).onmessage = null;
}

/** Layered, top-down layout (sources at the top) computed by ELK. */
export async function elkLayered(req: LayoutRequest): Promise<Placement> {
  elk ??= new ELK();
  const ids = new Set<string>();
  const children: ElkNode[] = [];
  for (const n of req.nodes) {
    if (ids.has(n.id)) continue;
    ids.add(n.id);
    children.push({ id: n.id, width: n.width, height: n.height });
  }
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'POLYLINE',
      'elk.spacing.nodeNode': String(req.nodeSpacing ?? 40),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(req.layerSpacing ?? 70),
      'elk.spacing.componentComponent': String(req.nodeSpacing ?? 40),
      'elk.layered.thoroughness': '4',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children,
    edges: req.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
  };
  const out = await elk.layout(graph);
  const positions: Record<string, { x: number; y: number }> = {};
  for (const child of out.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return { positions, width: out.width ?? 0, height: out.height ?? 0 };
}
