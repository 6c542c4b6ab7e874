import { useState } from 'react';
import { formatLabel } from '@/core/labels';
import type { VersionRow } from '@/db';
import { VersionDiff } from './VersionDiff';

const MAX_SOURCE_VIEW = 500_000;

function label(i: number): string {
  return `v${i + 1}`;
}

/** Every stored version of the asset's sources, each with its raw text, and a diff between any two. */
export function VersionsSection({ versions }: { versions: readonly VersionRow[] }) {
  const [shown, setShown] = useState<number>();
  const [from, setFrom] = useState(Math.max(0, versions.length - 2));
  const [to, setTo] = useState(versions.length - 1);
  if (versions.length === 0) return null;
  const a = versions[Math.min(from, versions.length - 1)];
  const b = versions[Math.min(to, versions.length - 1)];
  const source = shown !== undefined ? versions[shown] : undefined;
  return (
    <section aria-label="Versions">
      <h2>Versions ({versions.length})</h2>
      <table aria-label="Versions list">
        <thead>
          <tr>
            <th>Version</th>
            <th>Imported</th>
            <th>File</th>
            <th>Format</th>
            <th>SHA-256</th>
            <th>Source</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v, i) => (
            <tr key={v.seq ?? `${v.sha256}-${i}`}>
              <td>{label(i)}</td>
              <td>{v.importedAt}</td>
              <td>{v.sourceName}</td>
              <td title={v.format}>{formatLabel(v.format)}</td>
              <td className="hash" title={v.sha256}>
                {v.sha256.slice(0, 12)}
              </td>
              <td>
                {v.text === undefined ? (
                  <span className="muted">not stored</span>
                ) : (
                  <button
                    type="button"
                    aria-pressed={shown === i}
                    onClick={() => setShown(shown === i ? undefined : i)}
                  >
                    {shown === i ? 'Hide' : 'View'} source {label(i)}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {source?.text !== undefined && shown !== undefined ? (
        <figure className="raw-source" aria-label={`Source of ${label(shown)}`}>
          <figcaption className="muted small">
            {source.sourceName} ({formatLabel(source.format)}), {label(shown)}
          </figcaption>
          <pre tabIndex={0}>
            {source.text.length > MAX_SOURCE_VIEW
              ? `${source.text.slice(0, MAX_SOURCE_VIEW)}\n… (truncated for display)`
              : source.text}
          </pre>
        </figure>
      ) : null}
      {versions.length > 1 && a && b ? (
        <div className="diff-controls">
          <label>
            Compare{' '}
            <select
              aria-label="From version"
              value={from}
              onChange={(e) => setFrom(Number(e.currentTarget.value))}
            >
              {versions.map((_, i) => (
                <option key={i} value={i}>
                  {label(i)}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            with{' '}
            <select aria-label="To version" value={to} onChange={(e) => setTo(Number(e.currentTarget.value))}>
              {versions.map((_, i) => (
                <option key={i} value={i}>
                  {label(i)}
                </option>
              ))}
            </select>
          </label>
          {from === to ? (
            <p className="muted">Choose two different versions.</p>
          ) : (
            <VersionDiff from={a} to={b} fromLabel={label(from)} toLabel={label(to)} />
          )}
        </div>
      ) : null}
    </section>
  );
}
