/**
 * React Flow node and edge components of the lineage graph. Deliberately simple (no hooks beyond
 * the handles React Flow needs) so thousands of them stay cheap. Exported maps are module-scope.
 */
import { memo } from 'react';
import { Handle, Position, getBezierPath } from '@xyflow/react';
import type { EdgeProps, EdgeTypes, MiniMapNodeProps, NodeProps, NodeTypes } from '@xyflow/react';
import { kindIcon } from './kindIcon';
import type { AssetFlowNode, GroupFlowNode, LineageFlowEdge } from './toFlow';

const VERDICT_TEXT = {
  ok: 'license ok',
  warning: 'license warning',
  review: 'license needs review',
  conflict: 'license conflict',
} as const;

export const AssetNodeView = memo(function AssetNodeView({ data }: NodeProps<AssetFlowNode>) {
  return (
    <div
      className={`lineage-node__body${data.verdict ? ` lineage-verdict--${data.verdict}` : ''}`}
      data-verdict={data.verdict}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="lineage-node__title">
        <span className="lineage-node__icon" aria-hidden="true" title={data.kind}>
          {kindIcon(data.kind)}
        </span>
        <span className="lineage-node__name" title={data.assetId}>
          {data.name}
        </span>
      </div>
      <div className="lineage-node__meta">
        <span className="lineage-node__license">{data.license ?? 'no license'}</span>
        {data.placeholder ? <span className="lineage-node__missing">not in catalog</span> : null}
        {data.verdict ? (
          <span className="lineage-node__verdict" title={VERDICT_TEXT[data.verdict]}>
            <span className="visually-hidden">{VERDICT_TEXT[data.verdict]}</span>
          </span>
        ) : null}
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});

export const GroupNodeView = memo(function GroupNodeView({ data }: NodeProps<GroupFlowNode>) {
  return (
    <div className="lineage-group__body">
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <span>{data.label}</span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});

/** A bezier path with a plain SVG label (no measured label background: cheap at any count). */
export const LineageEdgeView = memo(function LineageEdgeView(props: EdgeProps<LineageFlowEdge>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, data } = props;
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const label = data?.label ?? '';
  return (
    <>
      <path className="react-flow__edge-path" d={path} fill="none" markerEnd={markerEnd} />
      {label !== '' ? (
        <text
          className="lineage-edge__label"
          x={labelX}
          y={labelY}
          textAnchor="middle"
          dominantBaseline="middle"
        >
          {label}
        </text>
      ) : null}
    </>
  );
});

/** A bare minimap rectangle (the default sets a dozen attributes and styles per node). */
export const MiniMapRect = memo(function MiniMapRect({ x, y, width, height, className }: MiniMapNodeProps) {
  return (
    <rect className={`react-flow__minimap-node ${className}`} x={x} y={y} width={width} height={height} />
  );
});

export const nodeTypes: NodeTypes = { asset: AssetNodeView, fanout: GroupNodeView };
export const edgeTypes: EdgeTypes = { lineage: LineageEdgeView };
