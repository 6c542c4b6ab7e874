import { Link } from 'react-router';
import type { ViewEdge } from './viewModel';

export type EdgeDecisionChange = 'confirmed' | 'rejected' | null;

export type LineageTableProps = {
  edges: readonly ViewEdge[];
  /** Rejected inferred edges near the view, listed so the decision can be undone. */
  rejected?: readonly ViewEdge[];
  onDecide?: (relationId: string, decision: EdgeDecisionChange) => void;
  caption?: string;
};

function AssetRef({ id }: { id: string }) {
  return <Link to={`/asset/${encodeURIComponent(id)}`}>{id}</Link>;
}

function status(e: ViewEdge): string {
  if (e.origin === 'declared') return 'declared';
  if (e.decision === 'confirmed') return 'inferred, confirmed';
  if (e.decision === 'rejected') return 'inferred, rejected';
  return 'inferred';
}

/**
 * The lineage as a table (child, relation, parent, origin, evidence): the accessible and copyable
 * alternative to the graph, with confirm / reject for inferred edges.
 */
export function LineageTable({ edges, rejected = [], onDecide, caption }: LineageTableProps) {
  const rows = [...edges, ...rejected];
  if (rows.length === 0) return null;
  return (
    <table aria-label="Lineage table" className="lineage-table">
      {caption ? <caption className="small muted">{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">Child</th>
          <th scope="col">Relation</th>
          <th scope="col">Parent</th>
          <th scope="col">Origin</th>
          <th scope="col">Evidence</th>
          <th scope="col">Review</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => {
          const what = `${e.child} ${e.label} ${e.parent}`;
          return (
            <tr
              key={e.id}
              data-relation-id={e.id}
              data-origin={e.origin}
              data-decision={e.decision ?? ''}
              className={e.decision === 'rejected' ? 'is-rejected' : undefined}
            >
              <td>
                <AssetRef id={e.child} />
              </td>
              <td>
                {e.label} <code className="small muted">{e.type}</code>
              </td>
              <td>
                <AssetRef id={e.parent} />
              </td>
              <td>{status(e)}</td>
              <td className="small">{e.evidence ?? ''}</td>
              <td>
                {e.origin === 'inferred' && onDecide ? (
                  <span className="inline">
                    {e.decision !== 'confirmed' ? (
                      <button
                        type="button"
                        aria-label={`Confirm edge: ${what}`}
                        onClick={() => onDecide(e.id, 'confirmed')}
                      >
                        Confirm
                      </button>
                    ) : null}
                    {e.decision !== 'rejected' ? (
                      <button
                        type="button"
                        aria-label={`Reject edge: ${what}`}
                        onClick={() => onDecide(e.id, 'rejected')}
                      >
                        Reject
                      </button>
                    ) : null}
                    {e.decision !== undefined ? (
                      <button
                        type="button"
                        aria-label={`Undo decision: ${what}`}
                        onClick={() => onDecide(e.id, null)}
                      >
                        Undo
                      </button>
                    ) : null}
                  </span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
