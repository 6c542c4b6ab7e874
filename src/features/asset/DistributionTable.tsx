import { formatFieldValue } from '@/core/catalog/fieldRows';
import { isObject } from '@/core/util/values';
import type { StoredAsset } from '@/db';

function UrlCell({ url }: { url: string | undefined }) {
  if (!url) return null;
  if (!/^https?:\/\//i.test(url)) return <span>{url}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer nofollow">
      {url}
    </a>
  );
}

/** Files / distribution entries with their hashes (Croissant FileObjects, CycloneDX hashes, ...). */
export function DistributionTable({ asset }: { asset: StoredAsset }) {
  const files = asset.distribution ?? [];
  const hashes = Array.isArray(asset.extra?.hashes) ? asset.extra.hashes.filter(isObject) : [];
  const fileSets = Array.isArray(asset.extra?.fileSets) ? asset.extra.fileSets : [];
  if (files.length === 0 && hashes.length === 0 && fileSets.length === 0) return null;
  return (
    <section aria-label="Files">
      <h2>Files and distribution</h2>
      {files.length > 0 ? (
        <table aria-label="Distribution files">
          <thead>
            <tr>
              <th>Name</th>
              <th>URL</th>
              <th>Format</th>
              <th>Size</th>
              <th>SHA-256 / MD5</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f, i) => (
              <tr key={`${f.name ?? ''}-${i}`}>
                <td>{f.name ?? ''}</td>
                <td className="value">
                  <UrlCell url={f.url} />
                </td>
                <td>{f.encodingFormat ?? ''}</td>
                <td>{f.contentSize ?? ''}</td>
                <td className="hash">
                  {f.sha256 ? <div>sha256: {f.sha256}</div> : null}
                  {f.md5 ? <div>md5: {f.md5}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {hashes.length > 0 ? (
        <>
          <h3>Component hashes</h3>
          <ul className="hash">
            {hashes.map((h, i) => (
              <li key={i}>
                {formatFieldValue(h.alg)}: {formatFieldValue(h.content)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {fileSets.length > 0 ? (
        <>
          <h3>File sets</h3>
          <ul>
            {fileSets.map((s, i) => (
              <li key={i} className="value">
                {formatFieldValue(s)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
