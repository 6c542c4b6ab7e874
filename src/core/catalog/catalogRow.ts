/**
 * Catalog rows: a compact, JSON-only projection of each stored asset (what the table shows and what
 * filters, facets and search read). Licence families come from core/licenses, derivative types from
 * core/lineage: one rule each, shared with the Licenses page and the lineage graph.
 */
import type { AssetKind, Relation } from '../model';
import { assetKey } from '../model';
import { licenseFamily, type LicenseFamily } from '../licenses/family';
import { derivationOf, type DerivationEdge, type DerivativeType } from '../lineage/derivative';
import type { StoredAsset } from './rows';
import { subscriptionLabel } from './subscriptionLabel';
import { completeness, completenessPercent } from './completeness';
import { assetBody } from './merge';

/** How a model derives from its bases (core/lineage `derivationOf`, from the asset's own outgoing relations). */
export type Derivation = DerivativeType;

/** One catalog row: plain JSON, cheap to persist, clone and filter. */
export type CatalogRow = {
  key: string;
  id: string;
  name: string;
  kind: AssetKind | (string & {});
  owner: string;
  /** Pipeline tag or first task category ('' when none). */
  task: string;
  /** Every task (pipeline tag + task categories + task ids). */
  tasks: string[];
  library: string;
  /** Normalized license expression ('' when none). */
  license: string;
  /** Free-text license name (HF `license_name`), searchable. */
  licenseName: string;
  licenseFamily: LicenseFamily;
  /** Declared base model ids (for display and search). */
  baseModels: string[];
  /** Keys of the assets this one derives from (baseModels + finetune/adapter/quantized/merge relations). */
  bases: string[];
  derivative: Derivation;
  /** Keys of every parent this asset points to (any relation type, self excluded). */
  parents: string[];
  /** How many relations point at this asset (self excluded). */
  nChildren: number;
  /** Training datasets as declared (datasets + trained_on parents). */
  trainedOn: string[];
  languages: string[];
  /** Source formats that contributed. */
  formats: string[];
  tags: string[];
  /** The published catalog the asset was subscribed from (its label), '' for a local asset. */
  source: string;
  /** Description (truncated), for search and phrase matching. */
  desc: string;
  /** Completeness percentage (0..100) against the relevant standards, as the asset page shows it. */
  completeness: number;
  /** When the asset was first imported (ISO). */
  createdAt: string;
  updatedAt: string;
};

const DERIVATION_TYPES = new Set(['finetune_of', 'adapter_of', 'quantized_from', 'merge_of']);
const DESC_MAX = 300;

function uniq(xs: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    const v = x.trim();
    if (v === '') continue;
    const k = v.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

const atomCache = new Map<string, string[]>();

/** License atoms of an expression, lower-cased (for `license:` matching). Memoized: few distinct expressions. */
export function licenseAtoms(expression: string): string[] {
  let atoms = atomCache.get(expression);
  if (atoms) return atoms;
  atoms = splitAtoms(expression);
  if (atomCache.size < 10_000) atomCache.set(expression, atoms);
  return atoms;
}

function splitAtoms(expression: string): string[] {
  return expression
    .replace(/[()]/gu, ' ')
    .split(/\s+(?:OR|AND|WITH)\s+|\s+/u)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '' && s !== 'or' && s !== 'and' && s !== 'with');
}

/** Relation shape needed to build a row (an outgoing relation of the asset). */
export type RowRelation = Pick<Relation, 'type' | 'parent'>;

/** Projects a stored asset (+ its outgoing relations and incoming count) to a catalog row. */
export function toCatalogRow(
  a: StoredAsset,
  outgoing: readonly RowRelation[],
  nChildren: number,
): CatalogRow {
  const key = a.key;
  const baseModels = uniq(a.baseModels ?? []);
  const bases = new Set(baseModels.map(assetKey));
  const parents = new Set<string>();
  const edges: DerivationEdge[] = [];
  const trained = [...(a.datasets ?? [])];
  for (const r of outgoing) {
    const p = assetKey(r.parent);
    if (p === key) continue;
    parents.add(p);
    edges.push({ type: r.type, parentKey: p });
    if (DERIVATION_TYPES.has(r.type)) bases.add(p);
    if (r.type === 'trained_on') trained.push(r.parent);
  }
  const tasks = uniq([a.pipelineTag ?? '', ...(a.taskCategories ?? []), ...(a.taskIds ?? [])]);
  const formats = uniq([...a.contributions.map((c) => c.format), a.sourceFormat ?? '']);
  const license = a.license.normalized ?? '';
  return {
    key,
    id: a.id,
    name: a.name,
    kind: a.kind,
    owner: a.owner ?? (a.id.includes('/') ? (a.id.split('/')[0] ?? '') : ''),
    task: tasks[0] ?? '',
    tasks,
    library: a.libraryName ?? '',
    license,
    licenseName: a.license.name ?? '',
    licenseFamily: licenseFamily(license),
    baseModels,
    bases: Array.from(bases),
    derivative: derivationOf(key, edges),
    parents: Array.from(parents),
    nChildren,
    trainedOn: uniq(trained),
    languages: uniq(a.languages ?? []),
    formats,
    source: a.subscription ? subscriptionLabel(a.subscription) : '',
    tags: uniq(a.tags ?? []),
    desc: (a.description ?? '').slice(0, DESC_MAX),
    completeness: completenessPercent(completeness(a, { body: assetBody(a) ?? '' })),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
