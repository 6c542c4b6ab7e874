/** Messages of the layout worker. Plain JSON only (structured-clone safe). */

/** A box to place. Width and height in pixels. */
export type LayoutNodeInput = { id: string; width: number; height: number };

/** A directed edge: `source` is drawn above `target` (parent above child in the lineage view). */
export type LayoutEdgeInput = { id: string; source: string; target: string };

/** Which layout engine to use. `auto`: ELK up to `elkMaxNodes` nodes, the fast layered layout above. */
export type LayoutEngine = 'auto' | 'elk' | 'fast';

export type LayoutRequest = {
  nodes: LayoutNodeInput[];
  edges: LayoutEdgeInput[];
  engine?: LayoutEngine;
  /** Largest graph `auto` hands to ELK (default {@link DEFAULT_ELK_MAX_NODES}). */
  elkMaxNodes?: number;
  /** Horizontal gap between boxes of a layer (default 40). */
  nodeSpacing?: number;
  /** Vertical gap between layers (default 70). */
  layerSpacing?: number;
};

/** Top-left corner of every node, by id; nodes that could not be placed are absent. */
export type LayoutResult = {
  positions: Record<string, { x: number; y: number }>;
  /** The engine that actually ran (`elk` may fall back to `fast` on error). */
  engine: 'elk' | 'fast';
  /** Milliseconds spent computing the layout (inside the worker). */
  ms: number;
  width: number;
  height: number;
};

/**
 * ELK's layered algorithm is the better-looking layout but grows steeply: about 0.3 s at 100 nodes
 * and several seconds at 2,000 on a laptop core. Above this size `auto` uses the linear-time
 * layered layout in fastLayered.ts.
 */
export const DEFAULT_ELK_MAX_NODES = 150;
