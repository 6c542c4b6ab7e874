/**
 * The interactive lineage graph (React Flow + elkjs layout in a worker). Load it lazily:
 *   const LineageView = lazy(() => import('./LineageView').then((m) => ({ default: m.LineageView })));
 * so neither React Flow nor elkjs is in the initial bundle.
 *
 * Timings: `performance.measure('lineage:layout')` (request → positions, worker round trip
 * included) and `performance.measure('lineage:render')` (positions → nodes and edges painted). The
 * canvas element also carries them as `data-layout-ms`, `data-render-ms`, `data-layout-engine`.
 */
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { Background, Controls, MarkerType, MiniMap, ReactFlow, ViewportPortal } from '@xyflow/react';
import type { DefaultEdgeOptions, OnMove, ReactFlowInstance, Viewport } from '@xyflow/react';
import { requestLayout } from '@/workers/layout/client';
import type { LayoutEngine, LayoutResult } from '@/workers/layout/client';
import { edgeTypes, MiniMapRect, nodeTypes } from './flowComponents';
import { LineageOverview } from './LineageOverview';
import {
  applyLayout,
  layoutKey,
  layoutRequestOf,
  overviewPaths,
  toFlowElements,
  viewportAround,
} from './toFlow';
import type { LineageFlowEdge, LineageFlowNode, LineageHighlight } from './toFlow';
import type { LineageViewModel, VerdictFor } from './viewModel';

export type LineageViewProps = {
  view: LineageViewModel;
  /** License verdict colour per asset id (optional; the license check can pass it). */
  verdictFor?: VerdictFor;
  /** Called when the user opens a collapsed fan-out group ("+ 37 fine-tunes"). */
  onExpandGroup?: (groupId: string) => void;
  /** Accessible name of the graph. */
  label?: string;
  /** Fit the whole graph in view up to this many nodes; above, start zoomed on the focus/top. */
  fitMaxNodes?: number;
  className?: string;
  /** Layout engine (default `auto`: ELK for small graphs, the fast layered layout for big ones). */
  engine?: LayoutEngine;
  /**
   * An asset found by search and its ancestry: highlighted (the rest dimmed), zoomed to, and the
   * asset's node gets the keyboard focus.
   */
  highlight?: LineageHighlight;
};

const DEFAULT_EDGE_OPTIONS: DefaultEdgeOptions = {
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
};
const PRO_OPTIONS = { hideAttribution: false };
// Hidden nodes count: a big graph zoomed out hides its nodes behind the overview drawing.
const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1.2, includeHiddenNodes: true };
/** While the overview draws the edges, React Flow gets none (it would re-check 2,500 on every frame). */
const NO_EDGES: LineageFlowEdge[] = [];
/** Graphs above this many nodes are drawn as an overview (boxes and lines) while zoomed out. */
const OVERVIEW_MIN_NODES = 300;
/** Below this zoom node text is unreadable (a 64 px node is under 26 px tall). */
const OVERVIEW_MAX_ZOOM = 0.4;

/** The zoom at which React Flow's fitView shows a whole layout in a container. */
function fitZoom(layout: LayoutResult, width: number, height: number): number {
  const pad = 1 + FIT_VIEW_OPTIONS.padding;
  return Math.min(
    FIT_VIEW_OPTIONS.maxZoom,
    width / Math.max(1, layout.width * pad),
    height / Math.max(1, layout.height * pad),
  );
}

function minimapClass(node: LineageFlowNode): string {
  if (node.type === 'fanout') return 'minimap-group';
  return node.data.placeholder
    ? 'minimap-placeholder'
    : node.data.focus
      ? 'minimap-focus'
      : `minimap-${node.data.kind}`;
}

type Laid = {
  key: string;
  result: LayoutResult;
  seq: number;
  /** Where a big graph starts (undefined: fit the whole graph). */
  viewport: Viewport | undefined;
};

/** Big graphs start at a readable zoom on the focus node (or the top-most node), not fitted. */
function startViewport(
  nodes: readonly LineageFlowNode[],
  layout: LayoutResult,
  containerWidth: number,
): Viewport {
  const focus = nodes.find((n) => n.type === 'asset' && n.data.focus) ?? topMost(nodes, layout);
  const p = focus ? layout.positions[focus.id] : undefined;
  const zoom = 0.8;
  return p
    ? { x: containerWidth / 2 - (p.x + (focus?.width ?? 0) / 2) * zoom, y: 40 - p.y * zoom, zoom }
    : { x: 20, y: 20, zoom };
}

export function LineageView({
  view,
  verdictFor,
  onExpandGroup,
  label = 'Lineage graph',
  fitMaxNodes = 300,
  className,
  engine = 'auto',
  highlight,
}: LineageViewProps) {
  const navigate = useNavigate();
  const elements = useMemo(() => toFlowElements(view, verdictFor, highlight), [view, verdictFor, highlight]);
  const key = useMemo(() => layoutKey(elements), [elements]);
  const [laid, setLaid] = useState<Laid | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [instance, setInstance] = useState<ReactFlowInstance<LineageFlowNode, LineageFlowEdge> | undefined>(
    undefined,
  );
  const containerRef = useRef<HTMLDivElement>(null);
  const seqRef = useRef(0);
  const requestedKey = useRef<string | undefined>(undefined);
  const measuredSeq = useRef(0);
  const [fitOnMount, setFitOnMount] = useState<boolean | undefined>(undefined);
  // A big graph zoomed out is drawn as an overview (nodes hidden from React Flow): see OVERVIEW_*.
  const big = elements.nodes.length > OVERVIEW_MIN_NODES;
  const [far, setFar] = useState(false);
  const highlightRef = useRef(highlight);
  useEffect(() => {
    highlightRef.current = highlight;
  }, [highlight]);
  // The minimap (one SVG shape per node) is mounted once the graph itself is painted.
  const [showMiniMap, setShowMiniMap] = useState(false);

  useEffect(() => {
    const requestKey = `${engine}\n${key}`;
    if (requestedKey.current === requestKey) return;
    requestedKey.current = requestKey;
    const seq = ++seqRef.current;
    if (containerRef.current) containerRef.current.dataset.ready = 'false';
    const start = `lineage:layout:start:${seq}`;
    performance.mark(start);
    requestLayout({ ...layoutRequestOf(elements), engine }).then(
      (result) => {
        if (seq !== seqRef.current) return;
        const end = `lineage:layout:end:${seq}`;
        performance.mark(end);
        const m = performance.measure('lineage:layout', start, end);
        const el = containerRef.current;
        if (el) {
          el.dataset.layoutMs = m.duration.toFixed(1);
          el.dataset.layoutEngine = result.engine;
          el.dataset.layoutWorkerMs = result.ms.toFixed(1);
        }
        const unfitted = elements.nodes.length > fitMaxNodes;
        const viewport = unfitted ? startViewport(elements.nodes, result, el?.clientWidth ?? 800) : undefined;
        performance.mark(`lineage:render:start:${seq}`);
        setError(undefined);
        const match = highlightRef.current?.match;
        const highlighted = match !== undefined && result.positions[match] !== undefined;
        // ReactFlow's `fitView` prop queues a fit whenever it changes: decided once, on the first layout.
        setFitOnMount((prev) => prev ?? (viewport === undefined && !highlighted));
        const startZoom = highlighted
          ? 1
          : (viewport?.zoom ?? fitZoom(result, el?.clientWidth ?? 800, el?.clientHeight ?? 500));
        setFar(elements.nodes.length > OVERVIEW_MIN_NODES && startZoom < OVERVIEW_MAX_ZOOM);
        setLaid({ key, result, seq, viewport });
      },
      (err: unknown) => {
        if (seq !== seqRef.current) return;
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  }, [key, elements, engine, fitMaxNodes]);

  const nodes = useMemo(() => {
    if (!laid) return [];
    const placed = applyLayout(elements.nodes, laid.result);
    // Nodes the current layout has not placed yet (a re-layout is on its way) stay hidden, and so
    // does every node while the overview drawing stands in for them.
    const overview = far && big;
    return placed.map((n) => (!overview && laid.result.positions[n.id] ? n : { ...n, hidden: true }));
  }, [elements, laid, far, big]);
  const overview = useMemo(
    () => (far && big && laid ? overviewPaths(elements, laid.result) : undefined),
    [far, big, laid, elements],
  );
  const onMove = useCallback<OnMove>(
    (_event, viewport) => setFar(big && viewport.zoom < OVERVIEW_MAX_ZOOM),
    [big],
  );
  // In the overview, a click zooms in on that spot at a readable zoom.
  const onPaneClick = useCallback(
    (event: { clientX: number; clientY: number }) => {
      if (!instance || !far || !big) return;
      const p = instance.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      void instance.setCenter(p.x, p.y, { zoom: 1 });
    },
    [instance, far, big],
  );

  // Render timing: from positions received to nodes (and edges) in the DOM, then one more frame.
  useEffect(() => {
    if (!laid || measuredSeq.current === laid.seq) return;
    const el = containerRef.current;
    const wantEdges = elements.edges.length > 0;
    let frame = 0;
    let tries = 0;
    const check = () => {
      tries++;
      const ready =
        el !== null &&
        (el.querySelector('[data-lineage-overview]') !== null ||
          (el.querySelector('.react-flow__node') !== null &&
            (!wantEdges || el.querySelector('.react-flow__edge path') !== null)));
      if (!ready && tries < 600) {
        frame = requestAnimationFrame(check);
        return;
      }
      frame = requestAnimationFrame(() => {
        measuredSeq.current = laid.seq;
        const end = `lineage:render:end:${laid.seq}`;
        performance.mark(end);
        try {
          const m = performance.measure('lineage:render', `lineage:render:start:${laid.seq}`, end);
          if (el) {
            el.dataset.renderMs = m.duration.toFixed(1);
            el.dataset.nodeCount = String(elements.nodes.length);
            el.dataset.edgeCount = String(elements.edges.length);
            el.dataset.ready = 'true';
          }
        } catch {
          // start mark cleared by someone else: skip this sample
        }
        setShowMiniMap(true);
      });
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [laid, elements]);

  const nodeById = useMemo(() => new Map(elements.nodes.map((n) => [n.id, n])), [elements]);
  // Viewport: the first layout uses ReactFlow's props (fitView / defaultViewport, so nothing is
  // painted twice); later layouts (depth change, group opened, another family) refit or re-centre
  // here. An asset found by search is zoomed to (with its ancestry) and given the keyboard focus.
  const lastFitted = useRef<string | undefined>(undefined);
  const lastMatch = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!instance || !laid) return undefined;
    const match = highlight?.match;
    const relaid = lastFitted.current !== laid.key;
    if (!relaid && lastMatch.current === match) return undefined;
    const first = lastFitted.current === undefined;
    lastFitted.current = laid.key;
    lastMatch.current = match;
    const at = match !== undefined ? laid.result.positions[match] : undefined;
    const el = containerRef.current;
    if (highlight && at && el) {
      const box = (id: string) => {
        const p = laid.result.positions[id];
        const n = nodeById.get(id);
        return p && n ? { x: p.x, y: p.y, width: n.width ?? 0, height: n.height ?? 0 } : undefined;
      };
      const boxes = highlight.ids.map(box).filter((b) => b !== undefined);
      const centre = box(highlight.match) ?? { ...at, width: 0, height: 0 };
      void instance.setViewport(
        viewportAround(boxes, centre, { width: el.clientWidth, height: el.clientHeight }),
      );
      // The node reaches the DOM once React Flow renders the new viewport: try for a few frames.
      const id = highlight.match;
      let frame = 0;
      let tries = 0;
      const focusNode = () => {
        const node = [...el.querySelectorAll<HTMLElement>('.react-flow__node')].find(
          (n) => n.dataset.id === id,
        );
        if (node) node.focus({ preventScroll: true });
        else if (++tries < 60) frame = requestAnimationFrame(focusNode);
      };
      frame = requestAnimationFrame(focusNode);
      return () => cancelAnimationFrame(frame);
    }
    if (!relaid) return undefined;
    // The first fit is asked for here too: ReactFlow's `fitView` prop is dropped when its first
    // nodes are all hidden (a big family opening as an overview) before the pane exists.
    if (!laid.viewport) void instance.fitView(FIT_VIEW_OPTIONS);
    else if (!first) void instance.setViewport(laid.viewport);
    return undefined;
  }, [instance, laid, highlight, nodeById]);
  const minZoom = useMemo(() => {
    if (!laid) return 0.05;
    const el = containerRef.current;
    const fit = Math.min(
      (el?.clientWidth ?? 800) / Math.max(1, laid.result.width),
      (el?.clientHeight ?? 500) / Math.max(1, laid.result.height),
    );
    return Math.max(0.001, Math.min(0.05, fit * 0.8));
  }, [laid]);

  const openNode = useCallback(
    (node: LineageFlowNode) => {
      if (node.type === 'fanout') onExpandGroup?.(node.data.groupId);
      else void navigate(`/asset/${encodeURIComponent(node.data.assetId)}`);
    },
    [navigate, onExpandGroup],
  );
  const onNodeClick = useCallback((_e: unknown, node: LineageFlowNode) => openNode(node), [openNode]);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      const target = e.target instanceof Element ? e.target.closest('.react-flow__node') : null;
      const id = target?.getAttribute('data-id');
      const node = id ? nodeById.get(id) : undefined;
      if (!node) return;
      e.preventDefault();
      openNode(node);
    },
    [nodeById, openNode],
  );

  return (
    <div
      ref={containerRef}
      className={`lineage-canvas${className ? ` ${className}` : ''}`}
      data-lineage-canvas=""
    >
      {error ? <p className="error-box">Layout failed: {error}</p> : null}
      {!laid ? <p className="lineage-canvas__wait muted">Laying out {elements.nodes.length} nodes…</p> : null}
      {laid ? (
        <ReactFlow<LineageFlowNode, LineageFlowEdge>
          aria-label={label}
          nodes={nodes}
          edges={overview ? NO_EDGES : elements.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
          onInit={setInstance}
          onNodeClick={onNodeClick}
          onPaneClick={onPaneClick}
          onMove={onMove}
          onKeyDown={onKeyDown}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          nodesFocusable
          onlyRenderVisibleElements
          fitView={fitOnMount ?? false}
          fitViewOptions={FIT_VIEW_OPTIONS}
          {...(laid.viewport ? { defaultViewport: laid.viewport } : {})}
          minZoom={minZoom}
          maxZoom={2}
          proOptions={PRO_OPTIONS}
        >
          <Background gap={24} size={1} />
          {overview && laid ? (
            <ViewportPortal>
              <LineageOverview paths={overview} width={laid.result.width} height={laid.result.height} />
            </ViewportPortal>
          ) : null}
          {showMiniMap && !overview ? (
            <MiniMap<LineageFlowNode>
              pannable
              zoomable
              nodeClassName={minimapClass}
              nodeComponent={MiniMapRect}
              ariaLabel="Lineage overview"
            />
          ) : null}
          <Controls showInteractive={false} aria-label="Graph controls" />
        </ReactFlow>
      ) : null}
    </div>
  );
}

function topMost(nodes: readonly LineageFlowNode[], layout: LayoutResult): LineageFlowNode | undefined {
  let best: LineageFlowNode | undefined;
  let bestY = Infinity;
  for (const n of nodes) {
    const p = layout.positions[n.id];
    if (p && p.y < bestY) {
      bestY = p.y;
      best = n;
    }
  }
  return best;
}
