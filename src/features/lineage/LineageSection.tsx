import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { assetKey } from '@/core/model';
import { buildLineageGraph } from '@/core/lineage';
import type { LineageDepth } from '@/core/lineage';
import { decideEdge } from '@/workers/catalogWrites';
import { DepthSelect } from './DepthSelect';
import { ImpactPanel } from './ImpactPanel';
import { LineageLegend } from './LineageLegend';
import { LineageTable } from './LineageTable';
import type { EdgeDecisionChange } from './LineageTable';
import { useLineage } from './useLineageData';
import { neighbourhoodView, toViewEdge } from './viewModel';
import type { VerdictFor, ViewEdge } from './viewModel';

const LineageView = lazy(() => import('./LineageView').then((m) => ({ default: m.LineageView })));

export type LineageSectionProps = {
  /** The asset id of the page. */
  id: string;
  /** License verdict colour per asset id (hook for the license check). */
  verdictFor?: VerdictFor;
};

/** Stores a decision on an inferred edge (or withdraws it). */
export function useEdgeDecision(): (relationId: string, decision: EdgeDecisionChange) => void {
  return useCallback((relationId, decision) => {
    void decideEdge(relationId, decision).then((r) => {
      if (!r.ok) console.error('Could not store the edge decision', r.error);
    });
  }, []);
}

/**
 * The asset page's "Lineage" region: the graph (ancestors above, descendants below, depth per
 * direction, wide fan-outs grouped), the same edges as a table with review buttons, and "Used by"
 * (impact analysis with exports). Mount with `key={id}` so depth and expanded groups reset per asset.
 */
export function LineageSection({ id, verdictFor }: LineageSectionProps) {
  const lineage = useLineage(id);
  const [up, setUp] = useState<LineageDepth>('all');
  const [down, setDown] = useState<LineageDepth>(1);
  const [expanded, setExpanded] = useState<readonly string[]>([]);
  const onDecide = useEdgeDecision();
  const onExpandGroup = useCallback(
    (groupId: string) => setExpanded((prev) => (prev.includes(groupId) ? prev : [...prev, groupId])),
    [],
  );

  const view = useMemo(
    () =>
      lineage
        ? neighbourhoodView(lineage.graph, lineage.facts, id, {
            up,
            down,
            expanded,
            decisions: lineage.decisions,
          })
        : undefined,
    [lineage, id, up, down, expanded],
  );

  // Rejected inferred edges touching the shown assets (kept in the table so they can be undone).
  const rejected = useMemo((): ViewEdge[] => {
    if (!lineage || !view) return [];
    const shown = new Set(view.nodes.map((n) => n.key));
    shown.add(assetKey(id));
    const touching = lineage.graph.rejected.filter(
      (r) => shown.has(assetKey(r.child)) || shown.has(assetKey(r.parent)),
    );
    if (touching.length === 0) return [];
    return buildLineageGraph(touching, lineage.data.assets).edges.map((e) => ({
      ...toViewEdge(e, lineage.decisions),
      decision: 'rejected' as const,
    }));
  }, [lineage, view, id]);

  const hasGraph = view !== undefined && (view.edges.length > 0 || view.groups.length > 0);
  return (
    <section aria-label="Lineage" className="lineage-section">
      <h2>Lineage</h2>
      {!lineage || !view ? (
        <p className="muted">Loading lineage…</p>
      ) : (
        <>
          <div className="lineage-controls">
            <DepthSelect label="Ancestors depth" value={up} onChange={setUp} />
            <DepthSelect label="Descendants depth" value={down} onChange={setDown} />
            <span className="small muted">
              {view.nodes.length} assets, {view.edges.length} edges
              {view.groups.length > 0
                ? `, ${view.groups.reduce((s, g) => s + g.count, 0)} more in groups`
                : ''}
            </span>
            <LineageLegend />
          </div>
          {hasGraph ? (
            <Suspense fallback={<p className="muted">Loading graph…</p>}>
              <LineageView
                view={view}
                onExpandGroup={onExpandGroup}
                label={`Lineage of ${id}`}
                {...(verdictFor ? { verdictFor } : {})}
              />
            </Suspense>
          ) : (
            <p className="muted">No lineage recorded for this asset.</p>
          )}
          <LineageTable edges={view.allEdges} rejected={rejected} onDecide={onDecide} />
          <ImpactPanel graph={lineage.graph} id={id} />
        </>
      )}
    </section>
  );
}
