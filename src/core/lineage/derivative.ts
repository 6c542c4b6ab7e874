/**
 * Per-asset lineage facts for catalog facets: what kind of derivative a model is, and whether an
 * asset has any lineage at all. O(degree of the asset).
 */
import { assetKey } from '../model';
import type { LineageGraph } from './graph';
import { childEdges, parentEdges } from './graph';

/** Catalog facet value: how a model was made from its base(s). */
export type DerivativeType = 'finetune' | 'adapter' | 'quantized' | 'merge' | 'original';

/** An outgoing (child → parent) relation as far as derivation is concerned. */
export type DerivationEdge = { readonly type: string; readonly parentKey: string };

/**
 * How a model derives from its bases, read from its own outgoing (child → parent) model relations:
 * - any `merge_of` → `merge`; else `quantized_from` → `quantized`; else `adapter_of` → `adapter`;
 * - else `finetune_of`: `merge` when it names two or more distinct bases (the Hugging Face Hub's
 *   rule for cards listing several `base_model`s without a relation), otherwise `finetune`;
 * - no such relation (other types such as `trained_on` do not count) → `original`.
 * Self-relations (`parentKey === key`) say nothing about derivation. The one rule: the lineage graph
 * (`derivativeType`) and the catalog rows both use it.
 */
export function derivationOf(key: string, outgoing: Iterable<DerivationEdge>): DerivativeType {
  let merge = false;
  let quantized = false;
  let adapter = false;
  const finetuneBases = new Set<string>();
  for (const edge of outgoing) {
    if (edge.parentKey === key) continue;
    if (edge.type === 'merge_of') merge = true;
    else if (edge.type === 'quantized_from') quantized = true;
    else if (edge.type === 'adapter_of') adapter = true;
    else if (edge.type === 'finetune_of') finetuneBases.add(edge.parentKey);
  }
  if (merge) return 'merge';
  if (quantized) return 'quantized';
  if (adapter) return 'adapter';
  if (finetuneBases.size >= 2) return 'merge';
  if (finetuneBases.size === 1) return 'finetune';
  return 'original';
}

/** How a model in the graph derives from its bases (see `derivationOf`); unknown id → `original`. */
export function derivativeType(graph: LineageGraph, id: string): DerivativeType {
  if (typeof id !== 'string') return 'original';
  const key = assetKey(id);
  return derivationOf(key, parentEdges(graph, key));
}

/**
 * True when the asset has at least one parent or child other than itself (self-relations do not
 * count). Unknown id → false.
 */
export function hasLineage(graph: LineageGraph, id: string): boolean {
  if (typeof id !== 'string') return false;
  const key = assetKey(id);
  return (
    parentEdges(graph, key).some((e) => e.parentKey !== key) ||
    childEdges(graph, key).some((e) => e.childKey !== key)
  );
}
