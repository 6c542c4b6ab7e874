import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { buildLineageGraph } from '@/core/lineage';
import type { LineageGraph } from '@/core/lineage';
import type { EdgeDecisionRow } from '@/core/catalog/rows';
import { loadLineageAround, loadLineageData, rejectedFilter } from '@/db';
import type { LineageData } from '@/db';
import { factsByKey } from './viewModel';
import type { AssetFacts } from './viewModel';

export type LineageState = {
  data: LineageData;
  /** The graph without the inferred edges the user rejected. */
  graph: LineageGraph;
  facts: Map<string, AssetFacts>;
  decisions: Map<string, EdgeDecisionRow['decision']>;
};

/**
 * The catalog's lineage, live (re-read on every catalog change); undefined while loading. With `aroundId`,
 * only that asset's ancestors, descendants and their edges (read by index: cheap in a 100k catalog).
 */
export function useLineage(aroundId?: string): LineageState | undefined {
  const data = useLiveQuery(
    () => (aroundId === undefined ? loadLineageData() : loadLineageAround(aroundId)),
    [aroundId],
  );
  return useMemo(() => {
    if (!data) return undefined;
    const graph = buildLineageGraph(data.relations, data.assets, {
      isRejected: rejectedFilter(data.decisions),
    });
    return {
      data,
      graph,
      facts: factsByKey(data.assets),
      decisions: new Map(data.decisions.map((d) => [d.id, d.decision])),
    };
  }, [data]);
}
