/**
 * Lineage on the real corpus: relations are built from the manifest's hf-model-card entries
 * (`base_model` → finetune_of, `datasets` → trained_on) and every expectation is derived from the
 * manifest itself (mainly `base_model_in_corpus`), never hard-coded.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Relation } from '../model';
import { assetKey } from '../model';
import { CORPUS_DIR, requireShared } from '../../testing/shared';
import type { LineageGraph } from './index';
import {
  ancestors,
  buildLineageGraph,
  derivativeType,
  descendants,
  findCycles,
  getNode,
  groupFanOut,
  hasLineage,
  impactAnalysis,
  impactToCsv,
  subgraphAround,
  topologicalOrder,
} from './index';

type ModelEntry = {
  id: string;
  bases: string[];
  datasets: string[];
  basesInCorpus: string[];
};

function strings(v: unknown): string[] {
  const list = Array.isArray(v) ? (v as unknown[]) : [v];
  return list.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
}

function field(o: unknown, key: string): unknown {
  return o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;
}

const models: ModelEntry[] = [];
const datasetCardIds: string[] = [];
let relations: Relation[] = [];
let graph: LineageGraph;

beforeAll(() => {
  requireShared();
  const manifest: unknown = JSON.parse(readFileSync(`${CORPUS_DIR}/manifest.json`, 'utf8'));
  const files = field(manifest, 'files');
  const entries = Array.isArray(files) ? (files as unknown[]) : [];
  for (const f of entries) {
    const id = field(f, 'id');
    if (typeof id !== 'string') continue;
    if (field(f, 'kind') === 'hf-dataset-card') datasetCardIds.push(id);
    if (field(f, 'kind') !== 'hf-model-card') continue;
    models.push({
      id,
      bases: strings(field(f, 'base_model')),
      datasets: strings(field(f, 'datasets')),
      basesInCorpus: strings(field(f, 'base_model_in_corpus')),
    });
  }
  relations = models.flatMap((m) => [
    ...m.bases.map((b): Relation => ({
      child: m.id,
      type: 'finetune_of',
      parent: b,
      origin: 'declared',
      evidence: 'base_model',
    })),
    ...m.datasets.map((d): Relation => ({
      child: m.id,
      type: 'trained_on',
      parent: d,
      origin: 'declared',
      evidence: 'datasets',
    })),
  ]);
  graph = buildLineageGraph(relations, [
    ...models.map((m) => ({ id: m.id, kind: 'model' })),
    ...datasetCardIds.map((id) => ({ id, kind: 'dataset' })),
  ]);
});

/** Longest chain child → base → base … using only `base_model_in_corpus` links (cycle-guarded). */
function longestChains(): string[][] {
  const inCorpus = new Map(models.map((m) => [assetKey(m.id), m]));
  const memo = new Map<string, string[]>();
  const visiting = new Set<string>();
  const chainFrom = (key: string): string[] => {
    const cached = memo.get(key);
    if (cached) return cached;
    const m = inCorpus.get(key);
    if (!m || visiting.has(key)) return [key];
    visiting.add(key);
    let best: string[] = [];
    for (const b of m.basesInCorpus) {
      const bk = assetKey(b);
      if (bk === key) continue;
      const c = chainFrom(bk);
      if (c.length > best.length) best = c;
    }
    visiting.delete(key);
    const chain = [key, ...best];
    memo.set(key, chain);
    return chain;
  };
  const all = models.map((m) => chainFrom(assetKey(m.id)));
  const max = Math.max(...all.map((c) => c.length));
  return all.filter((c) => c.length === max);
}

describe('corpus lineage (manifest hf-model-card entries)', () => {
  it('builds one node per distinct id and marks out-of-corpus bases as placeholders', () => {
    const ids = new Set(relations.flatMap((r) => [assetKey(r.child), assetKey(r.parent)]));
    for (const m of models) ids.add(assetKey(m.id));
    for (const d of datasetCardIds) ids.add(assetKey(d));
    expect(graph.nodes.size).toBe(ids.size);
    const modelKeys = new Set(models.map((m) => assetKey(m.id)));
    for (const m of models) {
      for (const b of m.bases) {
        const node = getNode(graph, b);
        const bk = assetKey(b);
        const isAsset = modelKeys.has(bk) || datasetCardIds.some((d) => assetKey(d) === bk);
        expect(node?.placeholder).toBe(!isAsset);
      }
    }
  });

  it('depth-1 in-corpus model ancestors equal base_model_in_corpus for every card', () => {
    let checked = 0;
    for (const m of models) {
      const parents = ancestors(graph, m.id, { depth: 1, types: ['finetune_of'] })
        .nodes.filter((n) => !n.placeholder && n.kind === 'model')
        .map((n) => n.key);
      const expected = new Set(m.basesInCorpus.map(assetKey).filter((k) => k !== assetKey(m.id)));
      expect(new Set(parents), m.id).toEqual(expected);
      if (expected.size > 0) checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('finds the longest in-corpus ancestor chain (≥ 3 hops) and ancestors() returns all of it', () => {
    const chains = longestChains();
    const hops = (chains[0]?.length ?? 1) - 1;
    expect(hops).toBeGreaterThanOrEqual(3);
    let deepest = 0;
    for (const chain of chains) {
      const tail = chain[0] as string;
      const r = ancestors(graph, tail, { types: ['finetune_of'] });
      const depth = new Map(r.nodes.map((n) => [n.key, n.depth]));
      chain.slice(1).forEach((key, i) => {
        // Every chain element is an ancestor, no further than its position in the chain.
        expect(depth.has(key), `${key} ancestor of ${tail}`).toBe(true);
        expect(depth.get(key)).toBeLessThanOrEqual(i + 1);
        expect(getNode(graph, key)?.placeholder).toBe(false);
      });
      deepest = Math.max(deepest, depth.get(chain[chain.length - 1] as string) ?? 0);
      // Limited depth stops exactly there.
      expect(ancestors(graph, tail, { depth: 1 }).nodes.every((n) => n.depth === 1)).toBe(true);
    }
    expect(deepest).toBeGreaterThanOrEqual(3);
    console.log(
      `longest in-corpus chains (${hops} hops):\n` +
        chains.map((c) => c.map((k) => getNode(graph, k)?.id ?? k).join(' -> ')).join('\n'),
    );
  });

  it('returns every parent of multi-parent merges', () => {
    const merges = models.filter((m) => new Set(m.basesInCorpus.map(assetKey)).size >= 2);
    expect(merges.length).toBeGreaterThan(0);
    for (const m of merges) {
      const parents = new Set(
        ancestors(graph, m.id, { depth: 1, types: ['finetune_of'] }).nodes.map((n) => n.key),
      );
      const declared = new Set(m.bases.map(assetKey).filter((k) => k !== assetKey(m.id)));
      expect(parents, m.id).toEqual(declared);
      expect(derivativeType(graph, m.id)).toBe('merge');
    }
    const widest = [...merges].sort((a, b) => b.bases.length - a.bases.length)[0];
    console.log(
      `${merges.length} cards with ≥ 2 in-corpus bases; widest: ${widest?.id} (${new Set(widest?.bases.map(assetKey)).size} bases, ${new Set(widest?.basesInCorpus.map(assetKey)).size} in corpus)`,
    );
  });

  it('descendants and impact of the most-derived base list exactly its children', () => {
    const childrenOf = new Map<string, Set<string>>();
    for (const m of models) {
      for (const b of m.bases) {
        const bk = assetKey(b);
        if (bk === assetKey(m.id)) continue;
        const set = childrenOf.get(bk) ?? new Set<string>();
        set.add(assetKey(m.id));
        childrenOf.set(bk, set);
      }
    }
    const [base, expected] = [...childrenOf.entries()].sort((a, b) => b[1].size - a[1].size)[0] ?? [
      '',
      new Set(),
    ];
    expect(expected.size).toBeGreaterThan(1);
    const direct = descendants(graph, base, { depth: 1, types: ['finetune_of'] });
    expect(new Set(direct.nodes.map((n) => n.key))).toEqual(expected);

    const impact = impactAnalysis(graph, base);
    const depth1 = impact.impacted.filter((a) => a.depth === 1);
    expect(new Set(depth1.map((a) => assetKey(a.id)))).toEqual(expected);
    for (const a of depth1) expect(a.path.ids.map(assetKey)).toEqual([base, assetKey(a.id)]);
    expect(impact.total).toBe(descendants(graph, base).nodes.length);
    expect(impact.countsByType['finetune_of']).toBe(impact.total);
    expect(impactToCsv(impact).split('\r\n')).toHaveLength(impact.total + 2);

    const view = subgraphAround(graph, base, { up: 0, down: 1 });
    const grouped = groupFanOut(view, { threshold: 5, keep: [base] });
    const hidden = grouped.groups.reduce((s, g) => s + g.count, 0);
    expect(grouped.nodes.length + hidden).toBe(view.nodes.length);
    expect(grouped.edges.filter((e) => e.parentKey === base).length).toBeLessThanOrEqual(
      Math.max(5, view.edges.filter((e) => e.parentKey === base).length - hidden),
    );
    console.log(
      `most-derived base: ${getNode(graph, base)?.id} with ${expected.size} children, ${impact.total} downstream; grouped: ${grouped.groups.map((g) => g.label).join(', ')}`,
    );
  });

  it('lists models trained on a dataset directly and through fine-tune chains', () => {
    // Reference from the manifest: direct users of each dataset, then their base_model descendants.
    const childrenOf = new Map<string, string[]>();
    for (const m of models) {
      for (const b of m.bases)
        childrenOf.set(assetKey(b), [...(childrenOf.get(assetKey(b)) ?? []), assetKey(m.id)]);
    }
    const usersOf = new Map<string, Set<string>>();
    for (const m of models) {
      for (const d of m.datasets) {
        const set = usersOf.get(assetKey(d)) ?? new Set<string>();
        set.add(assetKey(m.id));
        usersOf.set(assetKey(d), set);
      }
    }
    let best: { ds: string; direct: Set<string>; all: Set<string> } | undefined;
    for (const [ds, direct] of usersOf) {
      const all = new Set(direct);
      const queue = [...direct];
      for (let i = 0; i < queue.length; i++) {
        for (const c of childrenOf.get(queue[i] as string) ?? []) {
          if (!all.has(c)) {
            all.add(c);
            queue.push(c);
          }
        }
      }
      if (!best || all.size - direct.size > best.all.size - best.direct.size) best = { ds, direct, all };
    }
    expect(best).toBeDefined();
    if (!best) return;
    const r = impactAnalysis(graph, best.ds);
    expect(new Set(r.modelsTrainedOn.filter((m) => m.direct).map((m) => assetKey(m.id)))).toEqual(
      best.direct,
    );
    expect(new Set(r.modelsTrainedOn.map((m) => assetKey(m.id)))).toEqual(best.all);
    for (const m of r.modelsTrainedOn) {
      expect(m.path.types[0]).toBe('trained_on');
      expect(m.path.types.slice(1).every((t) => t === 'finetune_of')).toBe(true);
    }
    console.log(
      `dataset ${getNode(graph, best.ds)?.id}: ${best.direct.size} models trained on it directly, ${best.all.size - best.direct.size} more through fine-tune chains`,
    );
  });

  it('reports self-referencing cards as cycles and still orders the whole corpus', () => {
    // A card naming itself as base_model, or as a dataset (HF model and dataset repos may share an
    // owner/name, and assetKey joins them), is a self-relation.
    const selfRefs = new Set(
      models
        .filter((m) => [...m.bases, ...m.datasets].some((b) => assetKey(b) === assetKey(m.id)))
        .map((m) => assetKey(m.id)),
    );
    expect(selfRefs.size).toBeGreaterThan(0);
    const cycles = findCycles(graph);
    const singles = new Set(
      cycles.filter((c) => c.members.length === 1).map((c) => assetKey(c.members[0] ?? '')),
    );
    expect(singles).toEqual(selfRefs);
    const members = new Set(cycles.flatMap((c) => c.members.map(assetKey)));
    for (const c of cycles) {
      for (const e of c.edges) {
        expect(
          relations.some((r) => assetKey(r.child) === e.childKey && assetKey(r.parent) === e.parentKey),
        ).toBe(true);
      }
    }
    const topo = topologicalOrder(graph);
    expect(topo.order).toHaveLength(graph.nodes.size);
    const pos = new Map(topo.order.map((id, i) => [assetKey(id), i]));
    for (const e of graph.edges) {
      if (e.childKey === e.parentKey) continue;
      if (members.has(e.childKey) && members.has(e.parentKey)) continue;
      expect((pos.get(e.parentKey) ?? -1) < (pos.get(e.childKey) ?? -1)).toBe(true);
    }
    const byType = findCycles(graph, { types: ['finetune_of'] }).length;
    console.log(
      `cycles: ${cycles.length}, ${byType} along finetune_of (${cycles.map((c) => c.path.join(' -> ')).join('; ')})`,
    );
  });

  it('facets: derivative type and hasLineage agree with the cards', () => {
    const counts = new Map<string, number>();
    for (const m of models) {
      const t = derivativeType(graph, m.id);
      counts.set(t, (counts.get(t) ?? 0) + 1);
      const realBases = new Set(m.bases.map(assetKey).filter((k) => k !== assetKey(m.id)));
      if (realBases.size === 0) expect(t).toBe('original');
      else if (realBases.size === 1) expect(t).toBe('finetune');
      else expect(t).toBe('merge');
      const realDatasets = m.datasets.filter((d) => assetKey(d) !== assetKey(m.id));
      const hasChildren = descendants(graph, m.id, { depth: 1 }).nodes.length > 0;
      expect(hasLineage(graph, m.id), m.id).toBe(
        realBases.size > 0 || realDatasets.length > 0 || hasChildren,
      );
    }
    console.log(`derivative facet: ${JSON.stringify(Object.fromEntries(counts))}`);
  });
});
