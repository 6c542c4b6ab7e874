import { useMemo, useState } from 'react';
import type { EvalResult } from '@/core/model';

type Col = 'task' | 'dataset' | 'metric' | 'value';
const COLS: { col: Col; label: string }[] = [
  { col: 'task', label: 'Task' },
  { col: 'dataset', label: 'Dataset' },
  { col: 'metric', label: 'Metric' },
  { col: 'value', label: 'Value' },
];

function cell(r: EvalResult, col: Col): string | number {
  if (col === 'value') return r.value;
  if (col === 'dataset')
    return [r.dataset ?? r.datasetId ?? '', r.split ? `(${r.split})` : ''].join(' ').trim();
  return r[col] ?? '';
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return String(a).localeCompare(String(b));
}

/** Evaluation results (task, dataset, metric, value), sortable by any column. */
export function EvalResultsTable({ results }: { results: readonly EvalResult[] | undefined }) {
  const [sort, setSort] = useState<{ col: Col; dir: 1 | -1 }>({ col: 'task', dir: 1 });
  const rows = useMemo(
    () => [...(results ?? [])].sort((a, b) => sort.dir * compare(cell(a, sort.col), cell(b, sort.col))),
    [results, sort],
  );
  if (!results || results.length === 0) return null;
  return (
    <section aria-label="Evaluation results">
      <h2>Evaluation results</h2>
      <table aria-label="Evaluation results table">
        <thead>
          <tr>
            {COLS.map(({ col, label }) => (
              <th
                key={col}
                aria-sort={sort.col === col ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
              >
                <button
                  type="button"
                  className="link-like"
                  onClick={() => setSort((s) => ({ col, dir: s.col === col ? (s.dir === 1 ? -1 : 1) : 1 }))}
                >
                  {label}
                  {sort.col === col ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
            <th>Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {COLS.map(({ col }) => (
                <td key={col}>{String(cell(r, col))}</td>
              ))}
              <td className="muted small">{r.source ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
