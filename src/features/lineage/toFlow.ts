/**
 * View model → React Flow elements, and layout request / result plumbing. Pure (type-only imports
 * of React Flow), so it is unit-tested in Node.
 *
 * Direction: React Flow edges go parent (source, bottom handle) → child (target, top handle), so
 * a top-down layered layout puts ancestors above and descendants below.
 */
import type { Edge, Node, NodeHandle, Position } from '@xyflow/react';
import { assetKey } from '@/core/model';
import type { LayoutRequest, LayoutResult } from '@/workers/layout/types';
import type { LineageViewModel, LicenseVerdict, VerdictFor } from './viewModel';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 64;
export const GROUP_WIDTH = 180;
export const GROUP_HEIGHT = 40;

export type AssetNodeData = {
  assetId: string;
  name: string;
  kind: string;
  license?: string;
  placeholder: boolean;
  focus: boolean;
  verdict?: LicenseVerdict;
};

export type GroupNodeData = {
  groupId: string;
  label: string;
  count: number;
  parent: string;
  type: string;
};

export type LineageEdgeData = {
  type: string;
  label: string;
  origin: 'declared' | 'inferred' | 'group';
  decision?: 'confirmed' | 'rejected';
  evidence?: string;
};

export type AssetFlowNode = Node<AssetNodeData, 'asset'>;
export type GroupFlowNode = Node<GroupNodeData, 'fanout'>;
export type LineageFlowNode = AssetFlowNode | GroupFlowNode;
export type LineageFlowEdge = Edge<LineageEdgeData, 'lineage'>;

export type FlowElements = { nodes: LineageFlowNode[]; edges: LineageFlowEdge[] };

/** An asset found by the search box and its ancestry: drawn highlighted, everything else dimmed. */
export type LineageHighlight = {
  /** Display id of the asset found. */
  match: string;
  /** Display ids of the asset and all its ancestors (see `ancestryIds`). */
  ids: readonly string[];
};

type HighlightRole = 'match' | 'ancestor' | 'dimmed';

/** Safe CSS class fragment of a relation type (`finetune_of` → `finetune_of`, odd chars → `-`). */
export function typeClass(type: string): string {
  return type.toLowerCase().replace(/[^a-z0-9_-]/g, '-');
}

/**
 * Handles declared up front (top centre in, bottom centre out) with the node's size, so React Flow
 * need not render every node once to measure it: with `onlyRenderVisibleElements` only the nodes in
 * view ever reach the DOM, even on the first paint of a 2,000-node graph.
 */
function fixedHandles(width: number, height: number): NodeHandle[] {
  return [
    { type: 'target', position: 'top' as Position, x: width / 2 - 0.5, y: 0, width: 1, height: 1 },
    {
      type: 'source',
      position: 'bottom' as Position,
      x: width / 2 - 0.5,
      y: height - 1,
      width: 1,
      height: 1,
    },
  ];
}

function kindWord(kind: string): string {
  return kind === 'unknown' ? 'asset' : kind;
}

const ROLE_WORDS: Record<HighlightRole, string> = {
  match: ', found',
  ancestor: ', ancestor of the asset found',
  dimmed: '',
};

/**
 * React Flow nodes and edges of a view (positions all 0 until a layout is applied). With a
 * `highlight`, the asset found and its ancestors (and the edges between them) are marked, the rest
 * dimmed; the layout key does not change, so highlighting never lays the graph out again.
 */
export function toFlowElements(
  view: LineageViewModel,
  verdictFor?: VerdictFor,
  highlight?: LineageHighlight,
): FlowElements {
  const nodes: LineageFlowNode[] = [];
  const ids = new Set<string>();
  const lit = highlight ? new Set(highlight.ids.map(assetKey)) : undefined;
  const matchKey = highlight ? assetKey(highlight.match) : undefined;
  const roleOf = (id: string): HighlightRole | undefined => {
    if (lit === undefined) return undefined;
    const k = assetKey(id);
    return k === matchKey ? 'match' : lit.has(k) ? 'ancestor' : 'dimmed';
  };
  for (const n of view.nodes) {
    if (ids.has(n.id)) continue;
    ids.add(n.id);
    const data: AssetNodeData = {
      assetId: n.id,
      name: n.name,
      kind: n.kind,
      placeholder: n.placeholder,
      focus: n.focus,
    };
    if (n.license !== undefined) data.license = n.license;
    let verdict: LicenseVerdict | undefined;
    try {
      verdict = verdictFor?.(n.id);
    } catch {
      verdict = undefined;
    }
    if (verdict !== undefined) data.verdict = verdict;
    const classes = ['lineage-node', `kind-${typeClass(n.kind)}`];
    if (n.placeholder) classes.push('is-placeholder');
    if (n.focus) classes.push('is-focus');
    const role = roleOf(n.id);
    if (role !== undefined) classes.push(`is-${role}`);
    nodes.push({
      id: n.id,
      type: 'asset',
      position: { x: 0, y: 0 },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      measured: { width: NODE_WIDTH, height: NODE_HEIGHT },
      handles: fixedHandles(NODE_WIDTH, NODE_HEIGHT),
      data,
      className: classes.join(' '),
      ariaRole: 'link',
      ariaLabel: `${n.name} (${kindWord(n.kind)}${n.placeholder ? ', not in catalog' : ''}${n.license ? `, license ${n.license}` : ''})${n.focus ? ', this asset' : ''}${role ? ROLE_WORDS[role] : ''}`,
      domAttributes: {
        'data-asset-id': n.id,
        'data-placeholder': n.placeholder ? 'true' : 'false',
        ...(role !== undefined ? { 'data-highlight': role } : {}),
      } as AssetFlowNode['domAttributes'],
      draggable: false,
      connectable: false,
    });
  }
  for (const g of view.groups) {
    if (ids.has(g.id)) continue;
    ids.add(g.id);
    nodes.push({
      id: g.id,
      type: 'fanout',
      position: { x: 0, y: 0 },
      width: GROUP_WIDTH,
      height: GROUP_HEIGHT,
      measured: { width: GROUP_WIDTH, height: GROUP_HEIGHT },
      handles: fixedHandles(GROUP_WIDTH, GROUP_HEIGHT),
      data: { groupId: g.id, label: g.label, count: g.count, parent: g.parent, type: String(g.type) },
      className: lit !== undefined ? 'lineage-group is-dimmed' : 'lineage-group',
      ariaRole: 'button',
      ariaLabel: `${g.label} of ${g.parent}: show them`,
      domAttributes: { 'data-group-id': g.id } as GroupFlowNode['domAttributes'],
      draggable: false,
      connectable: false,
    });
  }
  const edges: LineageFlowEdge[] = [];
  for (const e of view.edges) {
    if (!ids.has(e.child) || !ids.has(e.parent) || e.child === e.parent) continue;
    const classes = [
      'lineage-edge',
      `rel-${typeClass(e.type)}`,
      e.origin === 'inferred' ? 'is-inferred' : 'is-declared',
    ];
    if (e.decision === 'confirmed') classes.push('is-confirmed');
    if (lit !== undefined) {
      const on = lit.has(assetKey(e.child)) && lit.has(assetKey(e.parent));
      classes.push(on ? 'is-highlighted' : 'is-dimmed');
    }
    const data: LineageEdgeData = { type: e.type, label: e.label, origin: e.origin };
    if (e.decision !== undefined) data.decision = e.decision;
    if (e.evidence !== undefined) data.evidence = e.evidence;
    edges.push({
      id: e.id,
      type: 'lineage',
      source: e.parent,
      target: e.child,
      data,
      className: classes.join(' '),
      ariaLabel: `${e.child} ${e.label} ${e.parent}${e.origin === 'inferred' ? ' (inferred)' : ''}`,
      domAttributes: {
        'data-relation-type': e.type,
        'data-origin': e.origin,
        'data-child': e.child,
        'data-parent': e.parent,
      } as LineageFlowEdge['domAttributes'],
      focusable: false,
      selectable: false,
    });
  }
  for (const ge of view.groupEdges) {
    if (!ids.has(ge.child) || !ids.has(ge.parent)) continue;
    edges.push({
      id: ge.id,
      type: 'lineage',
      source: ge.parent,
      target: ge.child,
      data: { type: String(ge.type), label: '', origin: 'group' },
      className: `lineage-edge rel-${typeClass(String(ge.type))} is-group${lit !== undefined ? ' is-dimmed' : ''}`,
      ariaLabel: `${ge.parent}: collapsed ${String(ge.type)} children`,
      focusable: false,
      selectable: false,
    });
  }
  return { nodes, edges };
}

/** The layout worker's input for some flow elements. */
export function layoutRequestOf(elements: FlowElements): LayoutRequest {
  return {
    nodes: elements.nodes.map((n) => ({
      id: n.id,
      width: n.width ?? NODE_WIDTH,
      height: n.height ?? NODE_HEIGHT,
    })),
    edges: elements.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}

/** Copies of the nodes at their laid-out positions (nodes the layout missed stay at 0,0). */
export function applyLayout(
  nodes: readonly LineageFlowNode[],
  layout: Pick<LayoutResult, 'positions'>,
): LineageFlowNode[] {
  return nodes.map((n) => {
    const p = layout.positions[n.id];
    return p ? { ...n, position: { x: p.x, y: p.y } } : n;
  });
}

/** A signature of the graph's shape: re-layout only when it changes (not on label or colour changes). */
export function layoutKey(elements: FlowElements): string {
  const parts: string[] = [];
  for (const n of elements.nodes) parts.push(`n:${n.id}`);
  for (const e of elements.edges) parts.push(`e:${e.source}>${e.target}`);
  return parts.join('\n');
}

/** A box in flow coordinates. */
export type FlowBox = { x: number; y: number; width: number; height: number };

/** Options of {@link viewportAround}. */
export type AroundOptions = {
  /** Margin around the boxes, as a fraction of the container (default 0.15, like fitView). */
  padding?: number;
  maxZoom?: number;
  /** Below this zoom the boxes are not all shown: the view centres on `centre` at this zoom. */
  minZoom?: number;
};

/**
 * The viewport that shows `boxes` (an asset found and its ancestry) in a container, like React
 * Flow's fitView; when they only fit below a readable zoom, the view centres on `centre` (the asset
 * found) at `minZoom` instead, so the asset is never a speck.
 */
export function viewportAround(
  boxes: readonly FlowBox[],
  centre: FlowBox,
  container: { width: number; height: number },
  options: AroundOptions = {},
): { x: number; y: number; zoom: number } {
  const padding = options.padding ?? 0.15;
  const maxZoom = options.maxZoom ?? 1.2;
  const minZoom = options.minZoom ?? 0.5;
  const all = [centre, ...boxes];
  const x0 = Math.min(...all.map((b) => b.x));
  const y0 = Math.min(...all.map((b) => b.y));
  const x1 = Math.max(...all.map((b) => b.x + b.width));
  const y1 = Math.max(...all.map((b) => b.y + b.height));
  const width = Math.max(1, container.width);
  const height = Math.max(1, container.height);
  const fit = Math.min(
    (width * (1 - 2 * padding)) / Math.max(1, x1 - x0),
    (height * (1 - 2 * padding)) / Math.max(1, y1 - y0),
  );
  const zoom = Math.min(maxZoom, fit);
  if (zoom < minZoom) {
    const cx = centre.x + centre.width / 2;
    const cy = centre.y + centre.height / 2;
    return { x: width / 2 - cx * minZoom, y: height / 2 - cy * minZoom, zoom: minZoom };
  }
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { x: width / 2 - cx * zoom, y: height / 2 - cy * zoom, zoom };
}

/** SVG path data of a whole graph drawn as plain boxes and straight lines (the far-zoom overview). */
export type OverviewPaths = {
  /** One path per CSS class (`kind-model`, `kind-dataset`, `is-placeholder`, `is-group`, `is-match` …). */
  boxes: { className: string; d: string }[];
  /** Every edge, parent's bottom centre to child's top centre, as one path. */
  edges: string;
  /** Edges between highlighted nodes (empty without a highlight). */
  litEdges: string;
  count: number;
};

function boxClass(n: LineageFlowNode): string {
  if (n.type === 'fanout') return 'is-group';
  const c = n.className ?? '';
  if (c.includes('is-match')) return 'is-match';
  if (c.includes('is-ancestor')) return 'is-ancestor';
  if (n.data.placeholder) return 'is-placeholder';
  return `kind-${typeClass(n.data.kind)}`;
}

/**
 * The laid-out graph as a handful of SVG paths: thousands of nodes cost a few DOM elements, so a
 * fitted 2,000-node family pans and zooms smoothly when its boxes are too small to read anyway.
 */
export function overviewPaths(
  elements: FlowElements,
  layout: Pick<LayoutResult, 'positions'>,
): OverviewPaths {
  const byClass = new Map<string, string[]>();
  const anchor = new Map<string, { top: string; bottom: string }>();
  let count = 0;
  for (const n of elements.nodes) {
    const p = layout.positions[n.id];
    if (!p) continue;
    const w = n.width ?? NODE_WIDTH;
    const h = n.height ?? NODE_HEIGHT;
    const cls = boxClass(n);
    let parts = byClass.get(cls);
    if (parts === undefined) byClass.set(cls, (parts = []));
    parts.push(`M${r(p.x)} ${r(p.y)}h${r(w)}v${r(h)}h${r(-w)}z`);
    anchor.set(n.id, { top: `${r(p.x + w / 2)} ${r(p.y)}`, bottom: `${r(p.x + w / 2)} ${r(p.y + h)}` });
    count++;
  }
  const edges: string[] = [];
  const litEdges: string[] = [];
  for (const e of elements.edges) {
    const from = anchor.get(e.source);
    const to = anchor.get(e.target);
    if (!from || !to) continue;
    const segment = `M${from.bottom}L${to.top}`;
    if (e.className?.includes('is-highlighted')) litEdges.push(segment);
    else edges.push(segment);
  }
  return {
    boxes: [...byClass].map(([className, parts]) => ({ className, d: parts.join('') })),
    edges: edges.join(''),
    litEdges: litEdges.join(''),
    count,
  };
}

function r(v: number): number {
  return Math.round(v * 10) / 10;
}
