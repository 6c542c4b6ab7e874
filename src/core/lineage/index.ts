/**
 * Pure lineage model: an indexed graph of assets and relations plus the queries the lineage view,
 * impact analysis, license engine and catalog facets run on it. No React, Dexie or DOM.
 *
 * Build once with {@link buildLineageGraph}; every query then costs O(what it visits).
 */
export { buildLineageGraph, getNode } from './graph';
export type {
  BuildLineageOptions,
  LineageAssetInput,
  LineageEdge,
  LineageGraph,
  LineageNode,
  LineageRelationType,
} from './graph';
export { ancestors, connectedComponent, descendants, shortestPath, subgraphAround } from './traverse';
export type {
  LineageDepth,
  LineagePath,
  LineageView,
  PathStep,
  ShortestPathOptions,
  Subgraph,
  SubgraphNode,
  SubgraphOptions,
  TraversalOptions,
  TraversalResult,
  TraversedNode,
} from './traverse';
export { findCycles, topologicalOrder } from './cycles';
export type { LineageCycle, TopologicalOrder } from './cycles';
export { groupFanOut } from './group';
export type {
  FanOutEdgeLike,
  FanOutGroup,
  FanOutGroupEdge,
  FanOutNodeLike,
  FanOutOptions,
  FanOutResult,
} from './group';
export { groupLabel, relationChildNoun, relationLabel } from './labels';
export { impactAnalysis, impactToCsv, impactToJson, MODEL_DERIVATION_TYPES } from './impact';
export type { ImpactedAsset, ImpactOptions, ImpactPath, ImpactResult, TrainedModel } from './impact';
export { derivationOf, derivativeType, hasLineage } from './derivative';
export type { DerivationEdge, DerivativeType } from './derivative';
