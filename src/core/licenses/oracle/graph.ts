/**
 * TEST ORACLE: frozen copy of the pre-optimisation licence graph (commit b5cd7a6), used by
 * equivalence tests only. Never import it from app code and do not "fix" it: it defines the reference
 * behaviour the optimised engine must reproduce.
 */
/**
 * Licence graph: assets with normalised licences and parent edges, built once per input and reused
 * (memoised normalisation, per-asset self-consistency).
 */
import type { LicenseNode } from '../expression';
import { formatExpression } from '../expression';
import type { NormalizedLicense } from '../normalize';
import { normalizeLicense, parseCanonical } from '../normalize';

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
};

export type GraphEdge = {
  parent: string;
  /** Canonical relation name (e.g. `quantized_of`). */
  type: string;
  kind: EdgeKind;
  attrs: Record<string, unknown>;
};

export type LicenseGraph = {
  assets: Map<string, GraphAsset>;
  parents: Map<string, GraphEdge[]>;
  /** Memo: asset key -> codes of rules its own declaration breaks against its direct parents. */
  selfIssues: Map<string, string[]>;
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
    };
    if (a.pipelineTag) g.pipelineTag = a.pipelineTag;
    map.set(key, g);
  }
  const parents = new Map<string, GraphEdge[]>();
  for (const r of relations) {
    const child = graphKey(r.child);
    const parent = graphKey(r.parent);
    if (child === parent) continue;
    const childKind = map.get(child)?.kind ?? 'unknown';
    const { type, kind } = classifyRelation(String(r.type), childKind);
    if (kind === 'ignore') continue;
    if (!map.has(parent)) {
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
      });
      const p = map.get(parent);
      if (p) {
        p.node = parseCanonical(p.norm.expression);
        p.check = p.node;
      }
    }
    let list = parents.get(child);
    if (!list) {
      list = [];
      parents.set(child, list);
    }
    if (!list.some((e) => e.parent === parent && e.type === type))
      list.push({ parent, type, kind, attrs: r.attrs ?? {} });
  }
  return { assets: map, parents, selfIssues: new Map() };
}

/** Expression string of an asset for reports. */
export function assetExpression(a: GraphAsset): string {
  return a.node ? formatExpression(a.node) : a.norm.expression;
}
