import { useMemo } from 'react';
import { assetKey, type Asset } from '@/core/model';
import { parseFile } from '@/core/formats/parseFile';
import { fieldsDiff, textDiff } from '@/core/catalog/versionDiff';
import type { VersionRow } from '@/db';

function parsedAsset(v: VersionRow): Asset | undefined {
  if (v.text === undefined) return undefined;
  const res = parseFile({ name: v.sourceName, text: v.text });
  return res.assets.find((a) => assetKey(a.id) === v.assetKey) ?? res.assets[0];
}

/** What changed between two versions: the parsed fields, then the raw text line by line. */
export function VersionDiff({
  from,
  to,
  fromLabel,
  toLabel,
}: {
  from: VersionRow;
  to: VersionRow;
  fromLabel: string;
  toLabel: string;
}) {
  const fields = useMemo(() => fieldsDiff(parsedAsset(from), parsedAsset(to)), [from, to]);
  const text = useMemo(
    () => (from.text !== undefined && to.text !== undefined ? textDiff(from.text, to.text) : undefined),
    [from, to],
  );
  return (
    <section aria-label="Version diff" className="version-diff">
      <h3>
        Changes from {fromLabel} to {toLabel}
      </h3>
      {from.text === undefined || to.text === undefined ? (
        <p className="muted">
          The raw source of one of these versions is not stored (metadata-only export), so it cannot be
          compared.
        </p>
      ) : null}
      <h4>Fields</h4>
      {fields.length === 0 ? (
        <p className="muted">No parsed field changed.</p>
      ) : (
        <table aria-label="Changed fields">
          <thead>
            <tr>
              <th>Field</th>
              <th>{fromLabel}</th>
              <th>{toLabel}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((c) => (
              <tr key={c.field} data-field={c.field}>
                <th scope="row">{c.field}</th>
                <td className="diff-before value">{c.before ?? <span className="muted">absent</span>}</td>
                <td className="diff-after value">{c.after ?? <span className="muted">absent</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>Source text</h4>
      {text === undefined ? null : !text.ok ? (
        <p className="muted">{text.reason}</p>
      ) : text.added + text.removed === 0 ? (
        <p className="muted">The texts are identical.</p>
      ) : (
        <div className="diff" role="group" aria-label="Text diff">
          <p className="muted small">
            {text.added} lines added, {text.removed} removed
          </p>
          {text.lines.map((l, i) =>
            l.kind === 'gap' ? (
              <div key={i} className="diff-gap">
                ⋯ {l.count} unchanged lines
              </div>
            ) : (
              <div key={i} className={`diff-line ${l.kind}`} data-kind={l.kind}>
                <span className="diff-no">{l.oldNo ?? ''}</span>
                <span className="diff-no">{l.newNo ?? ''}</span>
                <span className="diff-sign" aria-hidden="true">
                  {l.kind === 'add' ? '+' : l.kind === 'del' ? '-' : ' '}
                </span>
                <code>{l.text}</code>
              </div>
            ),
          )}
        </div>
      )}
    </section>
  );
}
