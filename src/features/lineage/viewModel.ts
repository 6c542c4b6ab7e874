/**
 * Pure view model of the lineage views: which nodes and edges to show (a neighbourhood of one asset,
 * or the whole catalog), wide fan-outs collapsed into groups, and each node's display facts.
 * No React, no React Flow: toFlow.ts turns the result into React Flow elements.
 */
import { assetKey } from '@/core/model';
import type { RelationOrigin } from '@/core/model';
import type { EdgeDecisionRow } from '@/core/catalog/rows';
import { groupFanOut, hasLineage, relationLabel, subgraphAround } from '@/core/lineage';
import type {
  LineageFamily,
  FanOutGroup,
  FanOutGroupEdge,
  LineageDepth,
  LineageEdge,
  LineageGraph,
  LineageNode,
} from '@/core/lineage';

/** Display facts of an asset, by key (`assetKey(id)`). */
export type AssetFacts = { name?: string; license?: string; kind?: string; placeholder?: boolean };

/** The license verdict colour hook (the license check feature can pass it in later). */
export type LicenseVerdict = 'ok' | 'warning' | 'review' | 'conflict';
export type VerdictFor = (id: string) => LicenseVerdict | undefined;

export type ViewNode = {
  /** Asset id (display id). */
  id: string;
  key: string;
  kind: string;
  name: string;
  placeholder: boolean;
  license?: string;
  /** The asset the view is centred on. */
  focus: boolean;
  /** 0 focus, negative ancestors, positive descendants (neighbourhood views only). */
  level?: number;
};

export type ViewEdge = {
  /** Relation id `childKey|type|parentKey` (also the stored relation row id). */
  id: string;
  child: string;
  parent: string;
  type: string;
  label: string;
  origin: RelationOrigin;
  evidence?: string;
  decision?: EdgeDecisionRow['decision'];
};

export type ViewGroup = FanOutGroup;

export type LineageViewModel = {
  nodes: ViewNode[];
  edges: ViewEdge[];
  groups: ViewGroup[];
  groupEdges: FanOutGroupEdge[];
  /** Every edge of the view before fan-out grouping (for the lineage table). */
  allEdges: ViewEdge[];
};

export type NeighbourhoodOptions = {
  up: LineageDepth;
  down: LineageDepth;
  /** Most children of one relation type shown under one parent before grouping (default 8). */
  threshold?: number;
  expanded?: Iterable<string>;
  decisions?: ReadonlyMap<string, EdgeDecisionRow['decision']>;
  /** More ids never hidden in a fan-out group (the focus asset never is). */
  keep?: Iterable<string>;
};

export type CatalogViewOptions = {
  /** Only assets with at least one relation (default true). */
  onlyWithLineage?: boolean;
  /** Fan-out grouping threshold; `undefined` or Infinity = no grouping. */
  threshold?: number;
  expanded?: Iterable<string>;
  decisions?: ReadonlyMap<string, EdgeDecisionRow['decision']>;
  /** Only these display ids (one family of {@link lineageFamilies}); undefined = every node. */
  only?: Iterable<string>;
  /** Ids never hidden in a fan-out group (the asset a person searched for). */
  keep?: Iterable<string>;
};

export const DEFAULT_FAN_OUT_THRESHOLD = 8;

function toViewNode(
  n: LineageNode,
  facts: ReadonlyMap<string, AssetFacts>,
  focusKey: string | undefined,
  level?: number,
): ViewNode {
  const f = facts.get(n.key);
  const out: ViewNode = {
    id: n.id,
    key: n.key,
    kind: f?.kind ?? n.kind,
    name: n.name ?? f?.name ?? n.id.split('/').pop() ?? n.id,
    placeholder: n.placeholder || f?.placeholder === true || f === undefined,
    focus: n.key === focusKey,
  };
  if (f?.license !== undefined) out.license = f.license;
  if (level !== undefined) out.level = level;
  return out;
}

/** A graph edge as shown: label, origin, evidence and the user's decision. */
export function toViewEdge(
  e: LineageEdge,
  decisions?: ReadonlyMap<string, EdgeDecisionRow['decision']>,
): ViewEdge {
  const out: ViewEdge = {
    id: e.id,
    child: e.child,
    parent: e.parent,
    type: String(e.type),
    label: relationLabel(e.type),
    origin: e.relation.origin === 'inferred' ? 'inferred' : 'declared',
  };
  if (e.relation.evidence !== undefined && e.relation.evidence !== '') out.evidence = e.relation.evidence;
  const d = decisions?.get(e.id);
  if (d !== undefined) out.decision = d;
  return out;
}

/**
 * The neighbourhood of one asset: ancestors up to `up` hops, descendants down to `down` hops,
 * wide fan-outs grouped (the focus asset is never hidden). Unknown id → empty view.
 */
export function neighbourhoodView(
  graph: LineageGraph,
  facts: ReadonlyMap<string, AssetFacts>,
  focusId: string,
  options: NeighbourhoodOptions,
): LineageViewModel {
  const sub = subgraphAround(graph, focusId, { up: options.up, down: options.down });
  if (sub.root === undefined) return { nodes: [], edges: [], groups: [], groupEdges: [], allEdges: [] };
  const focusKey = sub.root.key;
  const grouped = groupFanOut(sub, {
    threshold: options.threshold ?? DEFAULT_FAN_OUT_THRESHOLD,
    keep: [sub.root.id, ...(options.keep ?? [])],
    ...(options.expanded !== undefined ? { expanded: options.expanded } : {}),
  });
  return {
    nodes: grouped.nodes.map((n) => toViewNode(n, facts, focusKey, n.level)),
    edges: grouped.edges.map((e) => toViewEdge(e, options.decisions)),
    groups: grouped.groups,
    groupEdges: grouped.groupEdges,
    allEdges: sub.edges.map((e) => toViewEdge(e, options.decisions)),
  };
}

/**
 * The whole catalog's lineage: every node (or only those with lineage) and every edge, fan-outs
 * grouped when a threshold is given.
 */
export function catalogView(
  graph: LineageGraph,
  facts: ReadonlyMap<string, AssetFacts>,
  options: CatalogViewOptions = {},
): LineageViewModel {
  const nodes = catalogNodes(graph, options.onlyWithLineage ?? true);
  let edges = graph.edges.filter((e) => e.childKey !== e.parentKey);
  let shown = nodes;
  if (options.only !== undefined) {
    const keys = new Set<string>();
    for (const id of options.only) keys.add(assetKey(id));
    shown = nodes.filter((n) => keys.has(n.key));
    edges = edges.filter((e) => keys.has(e.childKey) && keys.has(e.parentKey));
  }
  const threshold = options.threshold;
  const grouped =
    threshold !== undefined && Number.isFinite(threshold)
      ? groupFanOut(
          { nodes: shown, edges },
          {
            threshold,
            ...(options.expanded !== undefined ? { expanded: options.expanded } : {}),
            ...(options.keep !== undefined ? { keep: options.keep } : {}),
          },
        )
      : { nodes: shown, edges, groups: [], groupEdges: [] };
  return {
    nodes: grouped.nodes.map((n) => toViewNode(n, facts, undefined)),
    edges: grouped.edges.map((e) => toViewEdge(e, options.decisions)),
    groups: grouped.groups,
    groupEdges: grouped.groupEdges,
    allEdges: edges.map((e) => toViewEdge(e, options.decisions)),
  };
}

/** The catalog view's candidate nodes: every node, or only those with at least one relation. */
export function catalogNodes(graph: LineageGraph, onlyWithLineage: boolean): LineageNode[] {
  const nodes: LineageNode[] = [];
  for (const n of graph.nodes.values()) if (!onlyWithLineage || hasLineage(graph, n.id)) nodes.push(n);
  return nodes;
}

/** One entry of the family picker: a family, or every asset without lineage in one entry. */
export type FamilyChoice = {
  /** URL value: the family's root id, or {@link NO_LINEAGE_CHOICE}. */
  value: string;
  label: string;
  /** Display ids of the assets it shows. */
  ids: readonly string[];
  size: number;
};

/** The picker value of the assets without any relation (shown only when they are included). */
export const NO_LINEAGE_CHOICE = 'none';

/**
 * Family picker entries, largest family first: "tarnlab/base-7b (7 assets)". Single assets without
 * relations (only there when the view includes them) share one last entry instead of one each.
 */
export function familyChoices(families: readonly LineageFamily[]): FamilyChoice[] {
  const out: FamilyChoice[] = [];
  const alone: string[] = [];
  for (const f of families) {
    if (f.size === 1 && f.edgeCount === 0) alone.push(...f.nodeIds);
    else out.push({ value: f.rootId, label: `${f.rootId} (${f.size} assets)`, ids: f.nodeIds, size: f.size });
  }
  if (alone.length > 0) {
    out.push({
      value: NO_LINEAGE_CHOICE,
      label: `Assets without lineage (${alone.length})`,
      ids: alone,
      size: alone.length,
    });
  }
  return out;
}

/** The entry a URL value names (a root id, any case), else the one holding that asset, else the first. */
export function pickFamily(choices: readonly FamilyChoice[], value: string | null): FamilyChoice | undefined {
  if (value === null || value === '') return choices[0];
  const key = value === NO_LINEAGE_CHOICE ? value : assetKey(value);
  return (
    choices.find((c) => (c.value === NO_LINEAGE_CHOICE ? c.value : assetKey(c.value)) === key) ??
    choiceOf(choices, value) ??
    choices[0]
  );
}

/** How many families the picker lists; smaller ones are reached with "Find in lineage". */
export const FAMILY_PICKER_LIMIT = 200;

/**
 * What the family picker lists: the largest `limit` entries (and "Assets without lineage"), plus the
 * current one when it is further down (reached by Find or a URL), and how many it leaves out.
 */
export function familyPickerOptions(
  choices: readonly FamilyChoice[],
  current: FamilyChoice | undefined,
  limit = FAMILY_PICKER_LIMIT,
): { options: FamilyChoice[]; hidden: number } {
  const families = choices.filter((c) => c.value !== NO_LINEAGE_CHOICE);
  const alone = choices.find((c) => c.value === NO_LINEAGE_CHOICE);
  const options = families.slice(0, limit);
  if (current && current.value !== NO_LINEAGE_CHOICE && !options.includes(current)) options.push(current);
  const hidden = families.length - options.length;
  if (alone) options.push(alone);
  return { options, hidden };
}

/** The entry that shows an asset. */
export function choiceOf(choices: readonly FamilyChoice[], id: string): FamilyChoice | undefined {
  const key = assetKey(id);
  return choices.find((c) => c.ids.some((x) => assetKey(x) === key));
}

/** Display facts by key, from asset summaries. */
export function factsByKey(
  assets: Iterable<{ id: string; kind: string; name: string; placeholder: boolean; license?: string }>,
): Map<string, AssetFacts> {
  const out = new Map<string, AssetFacts>();
  for (const a of assets) {
    const f: AssetFacts = { name: a.name, kind: a.kind, placeholder: a.placeholder };
    if (a.license !== undefined) f.license = a.license;
    out.set(assetKey(a.id), f);
  }
  return out;
}

/** Parses a depth selector value (`1`, `2`, `3`, `all`). */
export function parseDepth(value: string | null | undefined, fallback: LineageDepth): LineageDepth {
  if (value === 'all') return 'all';
  if (typeof value !== 'string' || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}
