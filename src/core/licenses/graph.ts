/**
 * Licence graph: assets with normalised licences and parent edges, built once per input and reused
 * (memoised normalisation, per-asset self-consistency). Assets carry a dense index, their parent edges (with a
 * direct reference to the parent) and a lazily filled memo of everything the evaluation derives from their own
 * licence, so a catalog sweep derives it once per asset instead of once per (target, ancestor).
 */
import type { LicenseAtom, LicenseNode } from './expression';
import { formatExpression } from './expression';
import type { NormalizedLicense } from './normalize';
import { normalizeLicense, parseCanonical } from './normalize';

/** How an edge transmits terms. */
export type EdgeKind = 'deriv' | 'train' | 'gen' | 'outputs' | 'eval' | 'library' | 'code' | 'ignore';

export type GraphAsset = {
  id: string;
  key: string;
  kind: string;
  name: string;
  norm: NormalizedLicense;
  /** Parsed declared expression (null when unreadable). */
  node: LicenseNode | null;
  /** Expression used for checks (family ids replaced by their most restrictive member). */
  check: LicenseNode | null;
  meta: Record<string, unknown>;
  tags: string[];
  pipelineTag?: string;
  /** Dense index (0..graph.list.length - 1). */
  idx: number;
  /** Parent edges (same array as `graph.parents.get(key)`), empty when none. */
  edges: GraphEdge[];
  /** Derived facts, filled on first use (see evaluate.ts). */
  memo?: AssetMemo;
};

/** Per-asset facts derived from its own licence and parents; independent of target, intended use and profile. */
export type AssetMemo = {
  /** Expression for reports (`assetExpression`). */
  expr: string;
  /** OR-branches used when the asset is an upstream contribution (`NONE` when unreadable). */
  branches: LicenseAtom[][];
  /** OR-branches of the checked declaration (empty when unreadable): the asset as a target. */
  declared: LicenseAtom[][];
  declaresNothing: boolean;
  /** KB ids of the atoms of `declared` / of the checked expression (lineage ids). */
  declaredIds: string[];
  atomIds: string[];
  /** Normalisation flagged `ambiguous` or `multiple` (rule AMBIGUOUS_ALIAS). */
  ambiguous: boolean;
  /** Lower-case id sets per declared branch, filled lazily by the rules. */
  declaredSets?: Set<string>[];
  /** Memo of `declaredIncludes` answers (key: id + compatible ids). */
  includes?: Map<string, boolean>;
  permitsCommercial?: boolean;
  carriesRestrictions?: boolean;
  /** Codes its declaration breaks against its direct parents. */
  selfIssues?: string[];
  /** Effective KB ids (own licence + derivative ancestors). */
  effectiveIds?: Set<string>;
  /** Merge analysis (incompatible pairs, stacked agreements), when the asset has two or more merge parents. */
  merge?: { incompatible: string[]; agreements: string[] };
};

export type GraphEdge = {
  parent: string;
  /** Canonical relation name (e.g. `quantized_of`). */
  type: string;
  kind: EdgeKind;
  attrs: Record<string, unknown>;
  /** The parent asset itself. */
  to: GraphAsset;
};

export type LicenseGraph = {
  assets: Map<string, GraphAsset>;
  parents: Map<string, GraphEdge[]>;
  /** Memo: asset key -> codes of rules its own declaration breaks against its direct parents. */
  selfIssues: Map<string, string[]>;
  /** Assets by dense index. */
  list: GraphAsset[];
  /** Scratch for the walks (per-asset epoch stamps and marks); evaluations are synchronous, never re-entrant. */
  scratch: { epoch: number; stamp: Uint32Array; mark: Int32Array };
};

const REL_ALIASES: Record<string, string> = {
  finetune: 'finetune_of',
  fine_tune_of: 'finetune_of',
  finetuned_from: 'finetune_of',
  base_model: 'finetune_of',
  adapter: 'adapter_of',
  quantized: 'quantized_of',
  quantized_from: 'quantized_of',
  merge: 'merge_of',
  merged_from: 'merge_of',
};

/** Shared empty edge list (never mutated). */
const NO_EDGES: GraphEdge[] = [];

const classifyMemo = new Map<string, { type: string; kind: EdgeKind }>();

function classifyMemoised(type: string, childKind: string): { type: string; kind: EdgeKind } {
  // Only `uses_code` depends on the child kind (model or not).
  const k = `${childKind === 'model' ? 'm' : 'o'}${type}`;
  let c = classifyMemo.get(k);
  if (!c) {
    c = classifyRelation(type, childKind);
    if (classifyMemo.size < 10_000) classifyMemo.set(k, c);
  }
  return c;
}

/** Canonical relation name and how it transmits terms. */
export function classifyRelation(type: string, childKind: string): { type: string; kind: EdgeKind } {
  const t0 = type.trim().toLowerCase();
  const t = REL_ALIASES[t0] ?? t0;
  switch (t) {
    case 'finetune_of':
    case 'adapter_of':
    case 'quantized_of':
    case 'merge_of':
    case 'derived_from':
    case 'collection_of':
    case 'variant_of':
      return { type: t, kind: 'deriv' };
    case 'trained_on':
      return { type: t, kind: 'train' };
    case 'generated_by':
      return { type: t, kind: 'gen' };
    case 'distilled_from':
    case 'trained_on_outputs_of':
      return { type: t, kind: 'outputs' };
    case 'evaluated_on':
      return { type: t, kind: 'eval' };
    case 'code_uses_library':
    case 'depends_on':
      return { type: 'code_uses_library', kind: 'library' };
    case 'uses_code':
      return childKind === 'model'
        ? { type: 'trained_with_code', kind: 'code' }
        : { type: 'code_uses_library', kind: 'library' };
    case 'trained_with_code':
      return { type: t, kind: 'code' };
    default:
      return { type: t, kind: 'ignore' };
  }
}

/** Key used to join ids (case-insensitive). */
export function graphKey(id: string): string {
  return id.trim().toLowerCase();
}

/** Input of `buildGraph`: an asset with its normalisation already done, or raw input. */
export type GraphInputAsset = {
  id: string;
  kind: string;
  name: string;
  norm: NormalizedLicense;
  meta?: Record<string, unknown>;
  tags?: string[];
  pipelineTag?: string;
};

export type GraphInputEdge = { child: string; type: string; parent: string; attrs?: Record<string, unknown> };

/** Builds the graph (O(assets + relations)). */
export function buildGraph(
  assets: readonly GraphInputAsset[],
  relations: readonly GraphInputEdge[],
): LicenseGraph {
  const map = new Map<string, GraphAsset>();
  const parsed = new Map<string, LicenseNode | null>();
  const parse = (e: string): LicenseNode | null => {
    let n = parsed.get(e);
    if (n === undefined) {
      n = parseCanonical(e);
      parsed.set(e, n);
    }
    return n;
  };
  for (const a of assets) {
    const key = graphKey(a.id);
    const node = parse(a.norm.expression);
    const check = a.norm.checkAs ? (parse(a.norm.checkAs) ?? node) : node;
    const g: GraphAsset = {
      id: a.id,
      key,
      kind: a.kind,
      name: a.name,
      norm: a.norm,
      node,
      check,
      meta: a.meta ?? {},
      tags: a.tags ?? [],
      // Every asset gets every field, in one order: one hidden class for the whole graph (fast property loads).
      pipelineTag: a.pipelineTag || undefined,
      idx: 0,
      edges: NO_EDGES,
      memo: undefined,
    };
    map.set(key, g);
  }
  const parents = new Map<string, GraphEdge[]>();
  for (const r of relations) {
    const child = graphKey(r.child);
    const parent = graphKey(r.parent);
    if (child === parent) continue;
    const childKind = map.get(child)?.kind ?? 'unknown';
    const { type, kind } = classifyMemoised(String(r.type), childKind);
    if (kind === 'ignore') continue;
    let to = map.get(parent);
    if (!to) {
      map.set(parent, {
        id: r.parent,
        key: parent,
        kind: 'unknown',
        name: r.parent,
        norm: normalizeLicense({ raw: undefined }),
        node: null,
        check: null,
        meta: { placeholder: true },
        tags: [],
        pipelineTag: undefined,
        idx: 0,
        edges: NO_EDGES,
        memo: undefined,
      });
      const p = map.get(parent);
      if (p) {
        p.node = parseCanonical(p.norm.expression);
        p.check = p.node;
      }
      to = p;
    }
    if (!to) continue;
    let list = parents.get(child);
    if (!list) {
      list = [];
      parents.set(child, list);
    }
    if (!list.some((e) => e.parent === parent && e.type === type))
      list.push({ parent, type, kind, attrs: r.attrs ?? {}, to });
  }
  const list: GraphAsset[] = [];
  for (const g of map.values()) {
    g.idx = list.length;
    list.push(g);
  }
  // Attached after all relations: a child may only become a (placeholder) asset through a later relation.
  for (const [key, edges] of parents) {
    const g = map.get(key);
    if (g) g.edges = edges;
  }
  return {
    assets: map,
    parents,
    selfIssues: new Map(),
    list,
    scratch: { epoch: 0, stamp: new Uint32Array(list.length), mark: new Int32Array(list.length) },
  };
}

/** Expression string of an asset for reports. */
export function assetExpression(a: GraphAsset): string {
  return a.node ? formatExpression(a.node) : a.norm.expression;
}
