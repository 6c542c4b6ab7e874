import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { getNode } from '@/core/lineage';
import { DepthSelect } from './DepthSelect';
import { LineageLegend } from './LineageLegend';
import { useLineage } from './useLineageData';
import { catalogView, DEFAULT_FAN_OUT_THRESHOLD, neighbourhoodView, parseDepth } from './viewModel';
import type { VerdictFor } from './viewModel';

const LineageView = lazy(() => import('./LineageView').then((m) => ({ default: m.LineageView })));

export type CatalogLineageProps = { verdictFor?: VerdictFor };

/**
 * Catalog-wide lineage (`/lineage`): one root asset's whole lineage, or every asset (optionally
 * only those with lineage). State lives in the URL:
 * `?root=<id>&up=all&down=all` or `?scope=all&lineageOnly=0&group=0` (`&engine=elk|fast` forces a layout engine).
 */
export function CatalogLineage({ verdictFor }: CatalogLineageProps) {
  const lineage = useLineage();
  const [params, setParams] = useSearchParams();
  const root = params.get('root') ?? '';
  const up = parseDepth(params.get('up'), 'all');
  const down = parseDepth(params.get('down'), 'all');
  const lineageOnly = params.get('lineageOnly') !== '0';
  const group = params.get('group') !== '0';
  const engineParam = params.get('engine');
  const engine = engineParam === 'elk' || engineParam === 'fast' ? engineParam : 'auto';
  const [draft, setDraft] = useState(root);
  const [expanded, setExpanded] = useState<readonly string[]>([]);

  const update = useCallback(
    (patch: Record<string, string | null>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === null) next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      );
      setExpanded([]);
    },
    [setParams],
  );

  const ids = useMemo(
    () => (lineage ? lineage.data.assets.map((a) => a.id).sort((a, b) => a.localeCompare(b)) : []),
    [lineage],
  );
  const rootKnown = lineage !== undefined && root !== '' && getNode(lineage.graph, root) !== undefined;
  const view = useMemo(() => {
    if (!lineage) return undefined;
    if (root !== '') {
      return neighbourhoodView(lineage.graph, lineage.facts, root, {
        up,
        down,
        expanded,
        decisions: lineage.decisions,
        threshold: group ? DEFAULT_FAN_OUT_THRESHOLD : Infinity,
      });
    }
    return catalogView(lineage.graph, lineage.facts, {
      onlyWithLineage: lineageOnly,
      ...(group ? { threshold: DEFAULT_FAN_OUT_THRESHOLD } : {}),
      expanded,
      decisions: lineage.decisions,
    });
  }, [lineage, root, up, down, lineageOnly, group, expanded]);
  const onExpandGroup = useCallback(
    (groupId: string) => setExpanded((prev) => (prev.includes(groupId) ? prev : [...prev, groupId])),
    [],
  );

  return (
    <section aria-label="Catalog lineage" className="catalog-lineage">
      <form
        className="lineage-controls"
        role="search"
        aria-label="Choose lineage"
        onSubmit={(e) => {
          e.preventDefault();
          update({ root: draft.trim() === '' ? null : draft.trim(), scope: null });
        }}
      >
        <label>
          Root asset{' '}
          <input
            type="search"
            list="lineage-asset-ids"
            value={draft}
            placeholder="owner/name"
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
        </label>
        <datalist id="lineage-asset-ids">
          {ids.slice(0, 5000).map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        <button type="submit">Show lineage</button>
        <button
          type="button"
          aria-pressed={root === ''}
          onClick={() => {
            setDraft('');
            update({ root: null, scope: 'all' });
          }}
        >
          All assets
        </button>
        {root === '' ? (
          <label>
            <input
              type="checkbox"
              checked={lineageOnly}
              onChange={(e) => update({ lineageOnly: e.currentTarget.checked ? null : '0' })}
            />{' '}
            Only assets with lineage
          </label>
        ) : (
          <>
            <DepthSelect label="Ancestors depth" value={up} onChange={(d) => update({ up: String(d) })} />
            <DepthSelect
              label="Descendants depth"
              value={down}
              onChange={(d) => update({ down: String(d) })}
            />
          </>
        )}
        <label>
          <input
            type="checkbox"
            checked={group}
            onChange={(e) => update({ group: e.currentTarget.checked ? null : '0' })}
          />{' '}
          Group wide fan-outs
        </label>
        <LineageLegend />
      </form>
      {!lineage || !view ? (
        <p className="muted">Loading lineage…</p>
      ) : root !== '' && !rootKnown ? (
        <p role="status">No asset “{root}” in the catalog.</p>
      ) : view.nodes.length === 0 ? (
        <p role="status">No lineage in the catalog yet. Import model cards with a base model to see it.</p>
      ) : (
        <>
          <p className="small muted" role="status" aria-label="Lineage size">
            {view.nodes.length} assets, {view.edges.length} edges
            {view.groups.length > 0
              ? `, ${view.groups.reduce((s, g) => s + g.count, 0)} more in ${view.groups.length} groups`
              : ''}
          </p>
          <Suspense fallback={<p className="muted">Loading graph…</p>}>
            <LineageView
              view={view}
              onExpandGroup={onExpandGroup}
              label={root !== '' ? `Lineage of ${root}` : 'Catalog lineage'}
              className="lineage-canvas--page"
              engine={engine}
              {...(verdictFor ? { verdictFor } : {})}
            />
          </Suspense>
        </>
      )}
    </section>
  );
}
