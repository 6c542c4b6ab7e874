import { memo } from 'react';
import type { OverviewPaths } from './toFlow';

/**
 * The far-zoom drawing of a big graph (see `overviewPaths`): boxes and lines in a few SVG paths,
 * placed in flow coordinates inside React Flow's viewport. Clicks go through to the pane.
 */
export const LineageOverview = memo(function LineageOverview({
  paths,
  width,
  height,
}: {
  paths: OverviewPaths;
  width: number;
  height: number;
}) {
  return (
    <svg
      className="lineage-overview"
      data-lineage-overview=""
      data-node-count={paths.count}
      width={Math.max(1, width)}
      height={Math.max(1, height)}
      role="img"
      aria-label={`Overview of ${paths.count} assets: zoom in or use Find in lineage to read names`}
    >
      <path className="lineage-overview__edges" d={paths.edges} />
      {paths.litEdges !== '' ? (
        <path className="lineage-overview__edges is-highlighted" d={paths.litEdges} />
      ) : null}
      {paths.boxes.map((b) => (
        <path key={b.className} className={`lineage-overview__boxes ${b.className}`} d={b.d} />
      ))}
    </svg>
  );
});
