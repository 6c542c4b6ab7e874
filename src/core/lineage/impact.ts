/**
 * Impact analysis: "if this asset changes (license, takedown, poisoned data), what is affected?"
 * Lists every downstream asset with the path that connects it, counts, and, for a dataset, the
 * models trained on it directly or through derivation chains. Exports to CSV and JSON.
 */
import { assetKey } from '../model';
import type { LineageEdge, LineageGraph, LineageRelationType } from './graph';
import { typeFilter } from './graph';
import { walk } from './traverse';
import type { Walk } from './traverse';

/**
 * Relation types through which a model inherits what its parent model was trained on: a
 * fine-tune, adapter, quantization or merge of a model trained on dataset D also carries D.
 */
export const MODEL_DERIVATION_TYPES: readonly LineageRelationType[] = [
  'finetune_of',
  'adapter_of',
  'quantized_from',
  'merge_of',
];

/** A path from the analysed asset down to an impacted one. */
export type ImpactPath = {
  /** Display ids, starting with the analysed asset (length = types + 1). */
  ids: string[];
  /** Relation type of each hop (`types[i]` links `ids[i + 1]` to its parent `ids[i]`). */
  types: LineageRelationType[];
};

/** One downstream asset. */
export type ImpactedAsset = {
  id: string;
  kind: string;
  name?: string;
  placeholder: boolean;
  /** Hops from the analysed asset along the shortest path. */
  depth: number;
  /** Type of the last hop (how this asset relates to its parent on the path). */
  relation: LineageRelationType;
  path: ImpactPath;
};

/** A model trained on the analysed dataset, directly or through a derivation chain. */
export type TrainedModel = ImpactedAsset & {
  /** True when the model itself declares `trained_on` the dataset. */
  direct: boolean;
};

/** Result of {@link impactAnalysis}. */
export type ImpactResult = {
  /** The analysed asset, or `undefined` when the id is not in the graph (all lists empty). */
  root: { id: string; kind: string; name?: string; placeholder: boolean } | undefined;
  /** Number of distinct downstream assets. */
  total: number;
  /** Every downstream asset once, breadth-first (nearest first). */
  impacted: ImpactedAsset[];
  /** Downstream assets per type of the hop that reached them (each asset counted once). */
  countsByType: Record<string, number>;
  /** Downstream assets per kind. */
  countsByKind: Record<string, number>;
  /**
   * Models trained on the asset: those with a `trained_on` edge to it (`direct`), then every model
   * derived from them through {@link MODEL_DERIVATION_TYPES}. Empty unless something is trained on it.
   */
  modelsTrainedOn: TrainedModel[];
};

/** Options of {@link impactAnalysis}. */
export type ImpactOptions = {
  /** Relation types followed for `impacted` (default: all). */
  types?: readonly LineageRelationType[];
};

/**
 * Every asset downstream of `id` with its shortest path from `id`, counts by relation type and
 * kind, and (for a dataset) the models trained on it directly or through fine-tune / adapter /
 * quantize / merge chains. Cycle-safe; O(downstream size × path length). Unknown id → empty result.
 */
export function impactAnalysis(graph: LineageGraph, id: string, options: ImpactOptions = {}): ImpactResult {
  const rootNode = typeof id === 'string' ? graph.nodes.get(assetKey(id)) : undefined;
  if (rootNode === undefined) {
    return {
      root: undefined,
      total: 0,
      impacted: [],
      countsByType: {},
      countsByKind: {},
      modelsTrainedOn: [],
    };
  }
  const types = typeFilter(options?.types);
  const all = walk(graph, rootNode.key, 'down', Infinity, (e) => types === undefined || types.has(e.type));
  const impacted = toImpacted(graph, rootNode.key, all);

  const derivation = new Set<string>(MODEL_DERIVATION_TYPES);
  const trained = walk(graph, rootNode.key, 'down', Infinity, (e, depth) =>
    depth === 0 ? e.type === 'trained_on' : derivation.has(e.type),
  );
  const modelsTrainedOn: TrainedModel[] = toImpacted(graph, rootNode.key, trained).map((a) => ({
    ...a,
    direct: a.depth === 1,
  }));

  const countsByType = new Map<string, number>();
  const countsByKind = new Map<string, number>();
  for (const a of impacted) {
    countsByType.set(a.relation, (countsByType.get(a.relation) ?? 0) + 1);
    countsByKind.set(a.kind, (countsByKind.get(a.kind) ?? 0) + 1);
  }
  const root: ImpactResult['root'] = {
    id: rootNode.id,
    kind: rootNode.kind,
    placeholder: rootNode.placeholder,
  };
  if (rootNode.name !== undefined) root.name = rootNode.name;
  return {
    root,
    total: impacted.length,
    impacted,
    countsByType: Object.fromEntries(countsByType),
    countsByKind: Object.fromEntries(countsByKind),
    modelsTrainedOn,
  };
}

const CSV_COLUMNS = [
  'id',
  'name',
  'kind',
  'placeholder',
  'depth',
  'relation',
  'trained_on_root',
  'path',
  'path_relations',
] as const;

/**
 * The impacted assets as CSV (RFC 4180: header row, CRLF line ends, fields quoted when they hold a
 * comma, quote, line break or edge space; quotes doubled). Cells that a spreadsheet would run as a
 * formula (leading `=`, `+`, `-`, `@`, tab, CR) get a leading `'`. `path` joins ids with ` > `;
 * `trained_on_root` is `direct`, `derived` or empty.
 */
export function impactToCsv(result: ImpactResult): string {
  const trained = new Map<string, boolean>();
  for (const m of result?.modelsTrainedOn ?? []) trained.set(m.id, m.direct);
  const lines = [CSV_COLUMNS.join(',')];
  for (const a of result?.impacted ?? []) {
    const t = trained.get(a.id);
    const row = [
      a.id,
      a.name ?? '',
      a.kind,
      a.placeholder ? 'true' : 'false',
      String(a.depth),
      a.relation,
      t === undefined ? '' : t ? 'direct' : 'derived',
      a.path.ids.join(' > '),
      a.path.types.join(' > '),
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The impact result as pretty-printed JSON (`root`, `total`, `countsByType`, `countsByKind`,
 * `impacted`, `modelsTrainedOn`), for download or an API response.
 */
export function impactToJson(result: ImpactResult): string {
  const r = result ?? {
    root: undefined,
    total: 0,
    impacted: [],
    countsByType: {},
    countsByKind: {},
    modelsTrainedOn: [],
  };
  return JSON.stringify(
    {
      root: r.root ?? null,
      total: r.total,
      countsByType: r.countsByType,
      countsByKind: r.countsByKind,
      impacted: r.impacted,
      modelsTrainedOn: r.modelsTrainedOn,
    },
    null,
    2,
  );
}

/** One CSV field, quoted when needed and defused against spreadsheet formula injection. */
function csvCell(value: string): string {
  let v = String(value);
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  if (/[",\r\n]/.test(v) || v !== v.trim()) return `"${v.replace(/"/g, '""')}"`;
  return v;
}

/** Builds impacted-asset records (with paths) from a downward walk. */
function toImpacted(graph: LineageGraph, rootKey: string, w: Walk): ImpactedAsset[] {
  const rootId = graph.nodes.get(rootKey)?.id ?? rootKey;
  // Paths are built incrementally from the parent's path (BFS order guarantees it exists first).
  const paths = new Map<string, ImpactPath>([[rootKey, { ids: [rootId], types: [] }]]);
  const out: ImpactedAsset[] = [];
  for (const key of w.order) {
    const node = graph.nodes.get(key);
    const via: LineageEdge | undefined = w.via.get(key);
    if (node === undefined || via === undefined) continue;
    const before = paths.get(via.parentKey) ?? { ids: [rootId], types: [] };
    const path: ImpactPath = { ids: [...before.ids, node.id], types: [...before.types, via.type] };
    paths.set(key, path);
    const item: ImpactedAsset = {
      id: node.id,
      kind: node.kind,
      placeholder: node.placeholder,
      depth: w.depth.get(key) ?? path.types.length,
      relation: via.type,
      path,
    };
    if (node.name !== undefined) item.name = node.name;
    out.push(item);
  }
  return out;
}
