/**
 * Pure lineage model: an indexed graph of assets and relations plus the queries the lineage view,
 * impact analysis, license engine and catalog facets run on it. No React, Dexie or DOM.
 *
 * Build once with {@link buildLineageGraph}; every query then costs O(what it visits).
 */
export { buildLineageGraph, getNode } from './graph';
export type { LineageEdge, LineageGraph, LineageNode } from './graph';
export { ancestors, connectedComponent, descendants, shortestPath, subgraphAround } from './traverse';
export type { LineageDepth } from './traverse';
export { findCycles, topologicalOrder } from './cycles';
export { groupFanOut } from './group';
export type { FanOutGroup, FanOutGroupEdge } from './group';
export { groupLabel, relationChildNoun, relationLabel } from './labels';
export { impactAnalysis, impactToCsv, impactToJson } from './impact';
export type { ImpactPath, ImpactResult } from './impact';
export { derivativeType, hasLineage } from './derivative';
export { ancestryIds, findAsset, lineageFamilies } from './overview';
export type { LineageFamily } from './overview';
