import { useMemo } from 'react';
import { Link } from 'react-router';
import { impactAnalysis, impactToCsv, impactToJson, relationChildNoun, relationLabel } from '@/core/lineage';
import type { ImpactPath, LineageGraph } from '@/core/lineage';
import { downloadText, fileSlug } from '@/components/download';

const MAX_ROWS = 200;

function PathText({ path }: { path: ImpactPath }) {
  return (
    <span className="impact-path">
      {path.ids.map((id, i) => (
        <span key={`${i}:${id}`}>
          {i > 0 ? <span className="muted"> ← {relationLabel(path.types[i - 1] ?? '')} ← </span> : null}
          {id}
        </span>
      ))}
    </span>
  );
}

/**
 * "Used by": every asset downstream of this one with its path and relation types, counts by type
 * and, for a dataset, the models trained on it directly or through fine-tune chains. Exports the
 * full result as JSON or CSV.
 */
export function ImpactPanel({ graph, id }: { graph: LineageGraph; id: string }) {
  const result = useMemo(() => impactAnalysis(graph, id), [graph, id]);
  const counts = Object.entries(result.countsByType).sort((a, b) => b[1] - a[1]);
  const slug = fileSlug(id);
  return (
    <section aria-label="Used by" className="impact">
      <h3>Used by</h3>
      {result.total === 0 ? (
        <p className="muted">Nothing in the catalog derives from this asset.</p>
      ) : (
        <>
          <p data-testid="impact-summary">
            {result.total} downstream {result.total === 1 ? 'asset' : 'assets'}:{' '}
            {counts.map(([type, n]) => `${n} ${relationChildNoun(type, n)}`).join(', ')}
          </p>
          {result.modelsTrainedOn.length > 0 ? (
            <div aria-label="Models trained on it" role="group">
              <h4>Models trained on it ({result.modelsTrainedOn.length})</h4>
              <ul className="impact-trained">
                {result.modelsTrainedOn.slice(0, MAX_ROWS).map((m) => (
                  <li key={m.id}>
                    <Link to={`/asset/${encodeURIComponent(m.id)}`}>{m.id}</Link>{' '}
                    <span className="badge">
                      {m.direct ? 'directly' : `through ${m.path.ids.slice(1, -1).join(' → ')}`}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <table aria-label="Impacted assets" className="impact-table">
            <thead>
              <tr>
                <th scope="col">Asset</th>
                <th scope="col">Kind</th>
                <th scope="col">Relation</th>
                <th scope="col">Hops</th>
                <th scope="col">Path</th>
              </tr>
            </thead>
            <tbody>
              {result.impacted.slice(0, MAX_ROWS).map((a) => (
                <tr key={a.id} data-impacted-id={a.id}>
                  <td>
                    <Link to={`/asset/${encodeURIComponent(a.id)}`}>{a.id}</Link>
                    {a.placeholder ? <span className="badge muted"> not in catalog</span> : null}
                  </td>
                  <td>{a.kind}</td>
                  <td>{relationLabel(a.relation)}</td>
                  <td>{a.depth}</td>
                  <td>
                    <PathText path={a.path} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.impacted.length > MAX_ROWS ? (
            <p className="small muted">
              Showing {MAX_ROWS} of {result.impacted.length}; the exports hold them all.
            </p>
          ) : null}
        </>
      )}
      <div className="inline">
        <button
          type="button"
          onClick={() => downloadText(impactToJson(result), `impact-${slug}.json`, 'application/json')}
        >
          Export impact JSON
        </button>
        <button
          type="button"
          onClick={() => downloadText(impactToCsv(result), `impact-${slug}.csv`, 'text/csv')}
        >
          Export impact CSV
        </button>
      </div>
    </section>
  );
}
