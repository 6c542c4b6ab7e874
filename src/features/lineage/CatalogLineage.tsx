import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ancestryIds, findAsset, getNode, lineageFamilies } from '@/core/lineage';
import { assetKey } from '@/core/model';
import { DepthSelect } from './DepthSelect';
import { LineageFind } from './LineageFind';
import { LineageLegend } from './LineageLegend';
import type { LineageHighlight } from './toFlow';
import { useLineage } from './useLineageData';
import {
  catalogNodes,
  catalogView,
  choiceOf,
  DEFAULT_FAN_OUT_THRESHOLD,
  familyChoices,
  neighbourhoodView,
  parseDepth,
  NO_LINEAGE_CHOICE,
  familyPickerOptions,
  pickFamily,
} from './viewModel';
import type { VerdictFor } from './viewModel';

const LineageView = lazy(() => import('./LineageView').then((m) => ({ default: m.LineageView })));

export type CatalogLineageProps = { verdictFor?: VerdictFor };

/**
 * Catalog-wide lineage (`/lineage`): one root asset's whole lineage, or every asset (optionally
 * only those with lineage) one family (connected component) at a time, largest first, fitted to
 * the view. "Find in lineage" zooms to an asset and highlights its ancestry. State lives in the URL:
 * `?root=<id>&up=all&down=all` or `?scope=all&family=<root id>&lineageOnly=0&group=0`, plus
 * `&find=<id>` (`&engine=elk|fast` forces a layout engine).
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
  const familyParam = params.get('family');
  const find = params.get('find') ?? '';
  const [draft, setDraft] = useState(root);
  const [expanded, setExpanded] = useState<readonly string[]>([]);

  const update = useCallback(
    (patch: Record<string, string | null>, keepExpanded = false) => {
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
      if (!keepExpanded) setExpanded([]);
    },
    [setParams],
  );

  const ids = useMemo(
    () => (lineage ? lineage.data.assets.map((a) => a.id).sort((a, b) => a.localeCompare(b)) : []),
    [lineage],
  );
  const rootKnown = lineage !== undefined && root !== '' && getNode(lineage.graph, root) !== undefined;
  // Every asset the overview can show, with its name (what "Find in lineage" searches), and its families.
  const overview = useMemo(() => {
    if (!lineage) return undefined;
    const nodes = catalogNodes(lineage.graph, lineageOnly).map((n) => ({
      id: n.id,
      name: lineage.facts.get(n.key)?.name ?? n.name ?? n.id,
    }));
    return { nodes, choices: familyChoices(lineageFamilies(nodes, lineage.graph.edges)) };
  }, [lineage, lineageOnly]);
  const family = root === '' && overview ? pickFamily(overview.choices, familyParam) : undefined;
  const picker = useMemo(() => familyPickerOptions(overview?.choices ?? [], family), [overview, family]);
  const keep = useMemo(() => (find !== '' ? [find] : []), [find]);
  const view = useMemo(() => {
    if (!lineage) return undefined;
    if (root !== '') {
      return neighbourhoodView(lineage.graph, lineage.facts, root, {
        up,
        down,
        expanded,
        keep,
        decisions: lineage.decisions,
        threshold: group ? DEFAULT_FAN_OUT_THRESHOLD : Infinity,
      });
    }
    return catalogView(lineage.graph, lineage.facts, {
      onlyWithLineage: lineageOnly,
      ...(group ? { threshold: DEFAULT_FAN_OUT_THRESHOLD } : {}),
      expanded,
      keep,
      only: family?.ids ?? [],
      decisions: lineage.decisions,
    });
  }, [lineage, root, up, down, lineageOnly, group, expanded, keep, family]);
  const highlight = useMemo((): LineageHighlight | undefined => {
    if (!view || find === '') return undefined;
    const key = assetKey(find);
    const node = view.nodes.find((n) => n.key === key);
    return node ? { match: node.id, ids: ancestryIds(node.id, view.allEdges) } : undefined;
  }, [view, find]);
  const onFind = useCallback(
    (text: string): boolean => {
      if (!overview || !view) return false;
      if (root !== '') {
        const hit = findAsset(text, [
          ...view.nodes,
          ...view.groups.flatMap((g) => g.hiddenIds.map((id) => ({ id }))),
        ]);
        if (hit) update({ find: hit.id }, true);
        return hit !== undefined;
      }
      const hit = findAsset(text, overview.nodes);
      if (!hit) return false;
      const home = choiceOf(overview.choices, hit.id);
      const moved = home !== undefined && home !== family;
      update({ find: hit.id, ...(moved ? { family: home.value } : {}) }, !moved);
      return true;
    },
    [overview, view, root, family, update],
  );
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
        {root === '' && overview && overview.choices.length > 0 ? (
          <label>
            Family{' '}
            <select
              value={family?.value ?? ''}
              onChange={(e) => update({ family: e.currentTarget.value, find: null })}
            >
              {picker.options.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
              {picker.hidden > 0 ? (
                <option disabled value="">
                  {`… ${picker.hidden.toLocaleString('en')} smaller ${picker.hidden === 1 ? 'family' : 'families'}: use Find in lineage`}
                </option>
              ) : null}
            </select>
          </label>
        ) : null}
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
      <LineageFind
        current={highlight?.match ?? find}
        listId="lineage-asset-ids"
        onFind={onFind}
        onClear={() => update({ find: null }, true)}
      />
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
            {family && overview
              ? ` in ${family.value === NO_LINEAGE_CHOICE ? 'assets without lineage' : `the family of ${family.value}`} (${overview.choices.indexOf(family) + 1} of ${overview.choices.length})`
              : ''}
            {highlight
              ? `. Found ${highlight.match}, highlighted with ${highlight.ids.length - 1} ancestors.`
              : ''}
          </p>
          <Suspense fallback={<p className="muted">Loading graph…</p>}>
            <LineageView
              view={view}
              onExpandGroup={onExpandGroup}
              label={
                root !== ''
                  ? `Lineage of ${root}`
                  : family && family.value !== NO_LINEAGE_CHOICE
                    ? `Lineage family of ${family.value}`
                    : 'Catalog lineage'
              }
              fitMaxNodes={Infinity}
              {...(highlight ? { highlight } : {})}
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
