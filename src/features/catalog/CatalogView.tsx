import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '@/hooks/useDebouncedValue';
import { catalogClient } from '@/workers/catalogClient';
import type { StoredAsset } from '@/db';
import { useCatalogAssets } from './useCatalogAssets';

type FacetDef = { param: string; label: string; values: (a: StoredAsset) => string[] };

const FACETS: FacetDef[] = [
  { param: 'kind', label: 'Kind', values: (a) => [a.kind] },
  { param: 'license', label: 'License', values: (a) => [a.license.normalized ?? 'unknown'] },
  { param: 'task', label: 'Task', values: (a) => [a.pipelineTag, ...(a.taskCategories ?? [])].filter((x): x is string => !!x) },
  { param: 'library', label: 'Library', values: (a) => (a.libraryName ? [a.libraryName] : []) },
  { param: 'lang', label: 'Language', values: (a) => a.languages ?? [] },
];

export function CatalogView() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const debounced = useDebouncedValue(q, 120);
  const assets = useCatalogAssets();
  const search = useQuery({
    queryKey: ['search', debounced, assets?.length ?? 0],
    queryFn: () => catalogClient().call('search', { q: debounced }),
    enabled: debounced.trim() !== '',
  });

  const { rows, counts } = useMemo(() => {
    const all = (assets ?? []).filter((a) => !a.placeholder);
    let base = all;
    if (debounced.trim() !== '' && search.data) {
      const rank = new Map(search.data.keys.map((k, i) => [k, i]));
      base = all.filter((a) => rank.has(a.key)).sort((x, y) => (rank.get(x.key) ?? 0) - (rank.get(y.key) ?? 0));
    }
    const selected = FACETS.map((f) => ({ f, vals: params.getAll(f.param) }));
    const match = (a: StoredAsset, skip?: string) =>
      selected.every(({ f, vals }) => f.param === skip || vals.length === 0 || f.values(a).some((v) => vals.includes(v)));
    const rows = base.filter((a) => match(a));
    const counts = new Map<string, Map<string, number>>();
    for (const { f } of selected) {
      const m = new Map<string, number>();
      for (const a of base) if (match(a, f.param)) for (const v of f.values(a)) m.set(v, (m.get(v) ?? 0) + 1);
      counts.set(f.param, m);
    }
    return { rows, counts, total: all.length };
  }, [assets, search.data, debounced, params]);

  const total = (assets ?? []).filter((a) => !a.placeholder).length;

  const toggle = (param: string, value: string) => {
    const next = new URLSearchParams(params);
    const vals = next.getAll(param);
    next.delete(param);
    for (const v of vals.includes(value) ? vals.filter((x) => x !== value) : [...vals, value]) next.append(param, v);
    setParams(next);
  };

  return (
    <div className="catalog">
      <aside className="facets">
        {FACETS.map((f) => {
          const m = counts.get(f.param) ?? new Map<string, number>();
          const vals = params.getAll(f.param);
          const entries = Array.from(m.entries()).sort((a, b) => b[1] - a[1]).slice(0, 12);
          return (
            <fieldset key={f.param} role="group" aria-label={f.label}>
              <legend>{f.label}</legend>
              {entries.map(([v, n]) => (
                <label key={v}>
                  <input type="checkbox" checked={vals.includes(v)} onChange={() => toggle(f.param, v)} />
                  {v} ({n})
                </label>
              ))}
            </fieldset>
          );
        })}
      </aside>
      <section className="results">
        <input
          type="search"
          role="searchbox"
          aria-label="Search catalog"
          placeholder="Search catalog"
          value={q}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            if (e.currentTarget.value) next.set('q', e.currentTarget.value);
            else next.delete('q');
            setParams(next, { replace: true });
          }}
        />
        <p className="count">
          Showing {rows.length} of {total} assets
        </p>
        <table aria-label="Catalog">
          <thead>
            <tr>
              <th>Name</th>
              <th>Kind</th>
              <th>Task</th>
              <th>License</th>
              <th>Base model</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, 200).map((a) => (
              <tr key={a.key}>
                <td>
                  <Link to={`/asset/${encodeURIComponent(a.id)}`}>{a.name}</Link>
                  <div className="muted small">{a.id}</div>
                </td>
                <td>{a.kind}</td>
                <td>{a.pipelineTag ?? a.taskCategories?.[0] ?? ''}</td>
                <td>{a.license.normalized ?? ''}</td>
                <td>{a.baseModels?.join(', ') ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
