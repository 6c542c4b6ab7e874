/**
 * A linear-time layered (Sugiyama-style) layout for big graphs, where ELK takes seconds:
 * cycle breaking by DFS, longest-path layering (sources pulled down next to their children),
 * DFS-order seeding plus barycenter sweeps for the order inside a layer, and a two-pass
 * coordinate assignment that centres nodes over their parents, then parents over their children.
 * Isolated nodes are packed in a grid below the layered block. Pure: no DOM, no workers.
 */
import type { LayoutRequest, LayoutResult } from './types';

type Placement = Omit<LayoutResult, 'engine' | 'ms'>;

export function fastLayered(req: LayoutRequest): Placement {
  const gap = req.nodeSpacing ?? 40;
  const layerGap = req.layerSpacing ?? 70;
  const n = req.nodes.length;
  const index = new Map<string, number>();
  const w: number[] = [];
  const h: number[] = [];
  req.nodes.forEach((node, i) => {
    if (!index.has(node.id)) index.set(node.id, i);
    w.push(Math.max(1, node.width));
    h.push(Math.max(1, node.height));
  });

  // Adjacency (deduplicated, no self-loops).
  const succ: number[][] = Array.from({ length: n }, () => []);
  const pred: number[][] = Array.from({ length: n }, () => []);
  const seenEdge = new Set<string>();
  for (const e of req.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    const key = `${s}>${t}`;
    if (seenEdge.has(key)) continue;
    seenEdge.add(key);
    succ[s]?.push(t);
    pred[t]?.push(s);
  }

  // 1. Cycle breaking: iterative DFS; an edge to a node on the stack is a back edge and is ignored.
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const dagSucc: number[][] = Array.from({ length: n }, () => []);
  const dagPred: number[][] = Array.from({ length: n }, () => []);
  const dfsOrder = new Int32Array(n).fill(-1);
  let dfsCounter = 0;
  const roots: number[] = [];
  for (let i = 0; i < n; i++) if ((pred[i]?.length ?? 0) === 0) roots.push(i);
  for (let i = 0; i < n; i++) roots.push(i); // every node, so cycles without a source are reached
  for (const start of roots) {
    if (state[start] !== 0) continue;
    const stack: [number, number][] = [[start, 0]];
    state[start] = 1;
    dfsOrder[start] = dfsCounter++;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const [v, k] = top;
      const out = succ[v] ?? [];
      if (k < out.length) {
        top[1] = k + 1;
        const t = out[k] as number;
        if (state[t] === 1) continue; // back edge
        dagSucc[v]?.push(t);
        dagPred[t]?.push(v);
        if (state[t] === 0) {
          state[t] = 1;
          dfsOrder[t] = dfsCounter++;
          stack.push([t, 0]);
        }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  }

  // 2. Longest-path layering in topological order (Kahn).
  const indeg = new Int32Array(n);
  for (let v = 0; v < n; v++) indeg[v] = dagPred[v]?.length ?? 0;
  const topo: number[] = [];
  for (let v = 0; v < n; v++) if (indeg[v] === 0) topo.push(v);
  for (let head = 0; head < topo.length; head++) {
    const v = topo[head] as number;
    for (const t of dagSucc[v] ?? []) {
      indeg[t] = (indeg[t] ?? 0) - 1;
      if (indeg[t] === 0) topo.push(t);
    }
  }
  const layer = new Int32Array(n);
  for (const v of topo) {
    let l = 0;
    for (const p of dagPred[v] ?? []) l = Math.max(l, (layer[p] ?? 0) + 1);
    layer[v] = l;
  }
  // Pull sources down so they sit right above their nearest child (datasets next to their models).
  for (const v of topo) {
    if ((dagPred[v]?.length ?? 0) > 0) continue;
    const kids = dagSucc[v] ?? [];
    if (kids.length === 0) continue;
    let min = Infinity;
    for (const t of kids) min = Math.min(min, layer[t] ?? 0);
    layer[v] = Math.max(0, min - 1);
  }

  const isolated: number[] = [];
  const layers: number[][] = [];
  for (let v = 0; v < n; v++) {
    if ((succ[v]?.length ?? 0) === 0 && (pred[v]?.length ?? 0) === 0) {
      isolated.push(v);
      continue;
    }
    const l = layer[v] ?? 0;
    while (layers.length <= l) layers.push([]);
    layers[l]?.push(v);
  }

  // A layer wider than the drawing's aim (about 1.6:1 for the whole graph) is cut, in DFS order, into
  // several rows one under the other, so a hub with hundreds of children fits a screen and reads.
  let area = 0;
  let widest = 0;
  for (const row of layers)
    for (const v of row) {
      area += ((w[v] ?? 0) + gap) * ((h[v] ?? 0) + layerGap);
      widest = Math.max(widest, w[v] ?? 0);
    }
  const maxRowWidth = Math.max(widest, Math.sqrt(area * 1.6));
  const rows: number[][] = [];
  for (const row of layers) {
    row.sort((a, b) => (dfsOrder[a] ?? 0) - (dfsOrder[b] ?? 0));
    let line: number[] = [];
    let lineW = -gap;
    for (const v of row) {
      const add = (w[v] ?? 0) + gap;
      if (line.length > 0 && lineW + add > maxRowWidth) {
        rows.push(line);
        line = [];
        lineW = -gap;
      }
      line.push(v);
      lineW += add;
    }
    rows.push(line);
  }
  layers.splice(0, layers.length, ...rows);

  // 3. Order inside layers: DFS order (the rows above are cut in it; keeps subtrees together), then barycenter
  // sweeps.
  const x = new Float64Array(n); // centre x
  const place = (row: number[], desired: (v: number) => number): void => {
    // Keep the given order; put each node at its desired centre without overlapping its left
    // neighbour, then shift the row so it is centred on the desired centres on average.
    let right = -Infinity;
    let sumDesired = 0;
    let sumActual = 0;
    for (const v of row) {
      const want = desired(v);
      const half = (w[v] ?? 0) / 2;
      const c = right === -Infinity ? want : Math.max(want, right + gap + half);
      x[v] = c;
      right = c + half;
      sumDesired += want;
      sumActual += c;
    }
    if (row.length > 0) {
      const shift = (sumDesired - sumActual) / row.length;
      for (const v of row) x[v] = (x[v] ?? 0) + shift;
    }
  };
  const mean = (list: readonly number[] | undefined, fallback: number): number => {
    if (list === undefined || list.length === 0) return fallback;
    let s = 0;
    for (const u of list) s += x[u] ?? 0;
    return s / list.length;
  };
  for (const row of layers) {
    let left = 0;
    for (const v of row) {
      x[v] = left + (w[v] ?? 0) / 2;
      left += (w[v] ?? 0) + gap;
    }
  }
  const sortBy = (row: number[], key: (v: number) => number): void => {
    const keys = new Map<number, number>();
    for (const v of row) keys.set(v, key(v));
    row.sort((a, b) => (keys.get(a) ?? 0) - (keys.get(b) ?? 0) || (x[a] ?? 0) - (x[b] ?? 0));
  };
  for (let iter = 0; iter < 2; iter++) {
    for (let l = 1; l < layers.length; l++) {
      const row = layers[l] ?? [];
      sortBy(row, (v) => mean(pred[v], x[v] ?? 0));
      place(row, (v) => mean(pred[v], x[v] ?? 0));
    }
    for (let l = layers.length - 2; l >= 0; l--) {
      const row = layers[l] ?? [];
      sortBy(row, (v) => mean(succ[v], x[v] ?? 0));
      place(row, (v) => mean(succ[v], x[v] ?? 0));
    }
  }
  // 4. Final coordinates: children under their parents, then parents over their children.
  for (let l = 1; l < layers.length; l++) {
    const row = layers[l] ?? [];
    place(row, (v) => mean(pred[v], x[v] ?? 0));
  }
  for (let l = layers.length - 2; l >= 0; l--) {
    const row = layers[l] ?? [];
    place(row, (v) => mean(succ[v], x[v] ?? 0));
  }

  const positions: Record<string, { x: number; y: number }> = {};
  let minX = Infinity;
  for (const row of layers) for (const v of row) minX = Math.min(minX, (x[v] ?? 0) - (w[v] ?? 0) / 2);
  if (!Number.isFinite(minX)) minX = 0;
  let y = 0;
  let width = 0;
  for (const row of layers) {
    let rowH = 0;
    for (const v of row) {
      const id = req.nodes[v]?.id;
      if (id === undefined) continue;
      const left = (x[v] ?? 0) - (w[v] ?? 0) / 2 - minX;
      positions[id] = { x: left, y };
      width = Math.max(width, left + (w[v] ?? 0));
      rowH = Math.max(rowH, h[v] ?? 0);
    }
    if (row.length > 0) y += rowH + layerGap;
  }
  // Isolated nodes: a grid under the layered block.
  if (isolated.length > 0) {
    const cols = Math.max(1, Math.ceil(Math.sqrt(isolated.length * 2)));
    const cellW = Math.max(...isolated.map((v) => w[v] ?? 0)) + gap;
    const cellH = Math.max(...isolated.map((v) => h[v] ?? 0)) + gap;
    isolated.forEach((v, i) => {
      const id = req.nodes[v]?.id;
      if (id === undefined) return;
      positions[id] = { x: (i % cols) * cellW, y: y + Math.floor(i / cols) * cellH };
    });
    width = Math.max(width, Math.min(cols, isolated.length) * cellW);
    y += Math.ceil(isolated.length / cols) * cellH;
  } else if (layers.length > 0) {
    y -= layerGap;
  }
  return { positions, width, height: Math.max(0, y) };
}
