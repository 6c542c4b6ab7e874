/**
 * Catalog query latency in Node (no browser): loads the synthetic catalog (bench/data, `npm run bench`
 * generates it), builds rows, facet index and MiniSearch index as the engine does, then times the 50
 * queries of scripts/bench.mjs through the engine's query steps (parse → full text → structured filter →
 * facets → sort), first pass (nothing warm for that query) and repeats, next to raw MiniSearch on the
 * same documents. Relative figures only (V8 as in Chromium, but no worker or RPC).
 *
 *   npx tsx scripts/bench-search-node.ts [--size=100000] [--reps=3] [--legacy] [--warm] [--restored] [--verbose]
 *
 * --legacy also runs the pre-optimisation engine (its searchCatalog, options and applyFacets) and checks
 * both give the same hits; --warm calls `warmSearchIndex` before timing (what the engine can do when idle).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch, { type Options } from 'minisearch';
import type { RelationRow, StoredAsset } from '../src/core/catalog/rows';
import {
  applyFacets,
  buildFacetIndex,
  FACET_IDS,
  type FacetCounts,
  type FacetIndex,
  type FacetResult,
  type FacetSelection,
  type FacetValueCount,
} from '../src/core/catalog/facets';
import type { CatalogRow } from '../src/core/catalog/catalogRow';
import { parseQuery, freeText } from '../src/core/search/query';
import { matchesStructured } from '../src/core/search/filter';
import {
  createSearchIndex,
  toSearchDoc,
  tokenize,
  queryCandidates,
  warmSearchIndex,
  type SearchDoc,
} from '../src/core/search/searchIndex';
import { sortValue, type SortId } from '../src/core/search/display';
import { restoreSearchIndex, storeSearchIndex } from '../src/core/search/indexStore';
import { buildRows } from '../src/core/catalog/engine';
import { benchQueries } from '../bench/queries.mjs';
import { RAW_OPTIONS, rawDoc, type RawDoc } from '../bench/raw-docs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string, dflt: string): string =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const SIZE = Number(arg('size', '100000'));
const REPS = Number(arg('reps', '3'));
const LEGACY = args.includes('--legacy');
const VERBOSE = args.includes('--verbose');
/** Warm the query paths first, as the engine can in idle time (`warmSearchIndex`). */
const WARM = args.includes('--warm');
/** Query the index as restored from its persisted form (as after a reload) rather than as built. */
const RESTORED = args.includes('--restored');

function out(...parts: unknown[]): void {
  process.stdout.write(`${parts.map(String).join(' ')}\n`);
}

function pct(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

type Query = { q: string; facets: FacetSelection; cat: string };

/** The benchmark's 50 queries (bench/queries.mjs), with a category each. */
function querySet(popularBase: string, popularDataset: string): Query[] {
  return benchQueries(popularBase, popularDataset).map((x) => ({ ...x, facets: x.facets }));
}

/** bench.mjs `freeTextOf`: the words the raw baseline searches. */
function freeTextOf(q: string): string {
  return q
    .split(/\s+/u)
    .filter((w) => w && !w.includes(':') && !w.startsWith('-'))
    .join(' ')
    .replace(/"/gu, '');
}

// ---------------------------------------------------------------------------------------------------
// Data

const prefix = `synthetic-${SIZE}-s42-part`;
const dataDir = join(root, 'bench', 'data');
const files = readdirSync(dataDir)
  .filter((f) => f.startsWith(prefix))
  .sort()
  .map((f) => join(dataDir, f));
if (files.length === 0) throw new Error(`no ${prefix}* files in bench/data (run npm run bench once)`);
const assets: StoredAsset[] = [];
const relations: RelationRow[] = [];
for (const f of files) {
  const env = JSON.parse(readFileSync(f, 'utf8')) as { assets: StoredAsset[]; relations: RelationRow[] };
  for (const a of env.assets) assets.push(a);
  for (const r of env.relations) relations.push(r);
}
const refs = new Map<string, number>();
const dsRefs = new Map<string, number>();
for (const r of relations) {
  const m = r.type === 'trained_on' ? dsRefs : refs;
  m.set(r.parent, (m.get(r.parent) ?? 0) + 1);
}
const top = (m: Map<string, number>): string => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'x';
const queries = querySet(top(refs), top(dsRefs));

let t = performance.now();
const rows: CatalogRow[] = buildRows(assets, relations);
const keyToIndex = new Map<string, number>();
rows.forEach((r, i) => keyToIndex.set(r.key, i));
out(`rows: ${rows.length} in ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
const facets = buildFacetIndex(rows);
out(`facet index: ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
const built = createSearchIndex();
const docs = rows.map(toSearchDoc);
built.addAll(docs);
out(`index (engine): ${(performance.now() - t).toFixed(0)} ms, ${built.termCount} terms`);
// As after a reload: the engine restores the persisted index (postings packed) instead of building it.
let index = built;
if (RESTORED) {
  const stored = structuredClone(storeSearchIndex(built));
  t = performance.now();
  index = restoreSearchIndex(stored) ?? built;
  out(`index (restored): ${(performance.now() - t).toFixed(0)} ms`);
}

// Raw baseline: bench/raw.mjs documents and options.
const rawDocs = assets.filter((a) => !a.placeholder).map(rawDoc);
t = performance.now();
const raw = new MiniSearch<RawDoc>(RAW_OPTIONS);
raw.addAll(rawDocs);
out(`index (raw): ${(performance.now() - t).toFixed(0)} ms`);

// ---------------------------------------------------------------------------------------------------
// Legacy engine (the pre-optimisation searchCatalog + options), for same-run comparison.

const LEGACY_BOOST = { name: 5, id: 3, tags: 2 };
const legacyProcess = (term: string): string | null => {
  const x = term.toLowerCase().replace(/^\.+|\.+$/gu, '');
  return x === '' ? null : x;
};
const legacyFuzz = (term: string): number => (term.length < 4 ? 0 : term.length < 8 ? 1 : 2);
const LEGACY_OPTIONS: Options<SearchDoc> = {
  idField: 'key',
  fields: [
    'name',
    'id',
    'owner',
    'description',
    'tags',
    'task',
    'library',
    'datasets',
    'baseModels',
    'license',
  ],
  storeFields: [],
  tokenize,
  processTerm: legacyProcess,
  searchOptions: {
    boost: { ...LEGACY_BOOST },
    prefix: (term) => term.length >= 2,
    fuzzy: (term) => legacyFuzz(term),
    maxFuzzy: 2,
    combineWith: 'AND',
  },
};
let legacy: MiniSearch<SearchDoc> | undefined;
if (LEGACY) {
  t = performance.now();
  legacy = new MiniSearch<SearchDoc>(LEGACY_OPTIONS);
  legacy.addAll(
    rows.map((r) => ({
      key: r.key,
      id: r.id,
      name: r.name,
      owner: r.owner,
      description: r.desc,
      tags: r.tags.join(' '),
      task: r.tasks.join(' '),
      library: r.library,
      datasets: r.trainedOn.join(' '),
      baseModels: r.baseModels.join(' '),
      license: `${r.license} ${r.licenseName}`.trim(),
    })),
  );
  out(`index (legacy): ${(performance.now() - t).toFixed(0)} ms`);
}

function legacyCandidates(idx: MiniSearch<SearchDoc>, q: string): Uint32Array | undefined {
  const parsed = parseQuery(q);
  const text = freeText(parsed);
  let candidates: Uint32Array | undefined;
  if (text !== '') {
    const words = tokenize(text)
      .map((w) => legacyProcess(w))
      .filter((w): w is string => w !== null);
    const last = words[words.length - 1] ?? '';
    const qq = words.join(' ');
    let hits = idx.search(qq, {
      prefix: (term) => term === last && term.length >= 2,
      fuzzy: false,
      combineWith: 'AND',
      boost: { ...LEGACY_BOOST },
    });
    if (hits.length === 0) hits = idx.search(qq);
    const arr = new Uint32Array(hits.length);
    let k = 0;
    for (const h of hits) {
      const i = keyToIndex.get(String(h.id));
      if (i !== undefined) arr[k++] = i;
    }
    candidates = arr.subarray(0, k);
  }
  if (parsed.excluded.length > 0) {
    const drop = new Set<number>();
    for (const ex of parsed.excluded) {
      const words = ex.split(/\s+/u).filter(Boolean);
      let keys: Set<string> | undefined;
      for (const w of words) {
        const ks = new Set<string>();
        for (const r of idx.search(w, { prefix: false, fuzzy: false, combineWith: 'AND' }))
          ks.add(String(r.id));
        keys = keys ? new Set([...keys].filter((x) => ks.has(x))) : ks;
      }
      for (const key of keys ?? []) {
        const i = keyToIndex.get(key);
        if (i !== undefined) drop.add(i);
      }
    }
    const base = candidates ?? Uint32Array.from({ length: rows.length }, (_, i) => i);
    candidates = base.filter((i) => !drop.has(i));
  }
  if (parsed.fields.length > 0 || parsed.phrases.length > 0) {
    const src = candidates;
    const n = src ? src.length : rows.length;
    const o = new Uint32Array(n);
    let k = 0;
    for (let j = 0; j < n; j++) {
      const i = src ? (src[j] ?? 0) : j;
      const row = rows[i];
      if (row && matchesStructured(row, parsed)) o[k++] = i;
    }
    candidates = o.subarray(0, k);
  }
  return candidates;
}

// ---------------------------------------------------------------------------------------------------
// Sorting as the engine does (ranks computed once per sort order, outside the timings).

const ranks = new Map<SortId, Uint32Array>();
function rankFor(id: SortId): Uint32Array {
  let rank = ranks.get(id);
  if (rank) return rank;
  const vals = rows.map((r) => sortValue(r, id));
  const keys = rows.map((r) => r.key);
  const perm = new Uint32Array(rows.length);
  for (let i = 0; i < perm.length; i++) perm[i] = i;
  perm.sort((a, b) => {
    const va = vals[a] ?? '';
    const vb = vals[b] ?? '';
    if (va !== vb) {
      if (va === '') return 1;
      if (vb === '') return -1;
      return va < vb ? -1 : 1;
    }
    const ka = keys[a] ?? '';
    const kb = keys[b] ?? '';
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  rank = new Uint32Array(rows.length);
  for (let pos = 0; pos < rows.length; pos++) rank[perm[pos] ?? 0] = pos;
  ranks.set(id, rank);
  return rank;
}
t = performance.now();
rankFor('updated');
out(`rank 'updated' (once per snapshot, not timed below): ${(performance.now() - t).toFixed(0)} ms`);

function sortIndices(matches: Uint32Array, id: SortId, desc: boolean): Uint32Array {
  const rank = rankFor(id);
  const n = rows.length;
  let o: Uint32Array;
  if (matches.length > n / 16) {
    const byRank = new Int32Array(n).fill(-1);
    for (const i of matches) byRank[rank[i] ?? 0] = i;
    o = new Uint32Array(matches.length);
    let k = 0;
    for (let p = 0; p < n; p++) {
      const i = byRank[p] ?? -1;
      if (i >= 0) o[k++] = i;
    }
  } else {
    o = Uint32Array.from(matches).sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0));
  }
  if (desc) o.reverse();
  return o;
}

/** The pre-optimisation `applyFacets` (one pass over candidates in their order, labels sorted with localeCompare). */
function legacyApplyFacets(
  index: FacetIndex,
  candidates: Uint32Array | undefined,
  selection: FacetSelection,
  maxValues = 2000,
): FacetResult {
  const active: { bit: number; col: FacetIndex['columns']['kind']; wanted: Uint8Array }[] = [];
  FACET_IDS.forEach((id, bitIndex) => {
    const sel = selection[id];
    if (!sel || sel.length === 0) return;
    const col = index.columns[id];
    const wanted = new Uint8Array(col.labels.length);
    for (const v of sel) {
      const vid = col.byLower.get(v.toLowerCase());
      if (vid !== undefined) wanted[vid] = 1;
    }
    active.push({ bit: 1 << bitIndex, col, wanted });
  });
  const cols = FACET_IDS.map((id) => index.columns[id]);
  const counters = cols.map((c) => new Uint32Array(c.labels.length));
  const n = candidates ? candidates.length : index.size;
  const out = new Uint32Array(n);
  let outLen = 0;
  for (let j = 0; j < n; j++) {
    const i = candidates ? (candidates[j] ?? 0) : j;
    let mask = 0;
    for (const a of active) {
      const { offsets, ids } = a.col;
      let hit = false;
      for (let k = offsets[i] ?? 0, e = offsets[i + 1] ?? 0; k < e; k++) {
        if (a.wanted[ids[k] ?? 0]) {
          hit = true;
          break;
        }
      }
      if (!hit) {
        mask |= a.bit;
        if (mask & (mask - 1)) break; // fails two filters: counts nowhere
      }
    }
    if (mask & (mask - 1)) continue;
    if (mask === 0) out[outLen++] = i;
    for (let f = 0; f < cols.length; f++) {
      if (mask !== 0 && mask !== 1 << f) continue;
      const col = cols[f];
      const counter = counters[f];
      if (!col || !counter) continue;
      const { offsets, ids } = col;
      for (let k = offsets[i] ?? 0, e = offsets[i + 1] ?? 0; k < e; k++) {
        const v = ids[k] ?? 0;
        counter[v] = (counter[v] ?? 0) + 1;
      }
    }
  }
  const counts = {} as FacetCounts;
  FACET_IDS.forEach((id, f) => {
    const col = cols[f];
    const counter = counters[f];
    const values: FacetValueCount[] = [];
    if (col && counter) {
      for (let v = 0; v < counter.length; v++) {
        const c = counter[v] ?? 0;
        if (c > 0) values.push({ value: col.labels[v] ?? '', count: c });
      }
    }
    values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    const distinct = values.length;
    // Keep selected values even when cut off or at zero.
    const kept = values.slice(0, maxValues);
    for (const s of selection[id] ?? []) {
      if (!kept.some((x) => x.value.toLowerCase() === s.toLowerCase()))
        kept.push({
          value: s,
          count: values.find((x) => x.value.toLowerCase() === s.toLowerCase())?.count ?? 0,
        });
    }
    counts[id] = { values: kept, distinct };
  });
  return { matches: out.slice(0, outLen), counts };
}

type Engine = (q: Query) => number;

function finish(
  q: Query,
  hasText: boolean,
  candidates: Uint32Array | undefined,
  legacySort: boolean,
): number {
  const res = (legacySort ? legacyApplyFacets : applyFacets)(facets, candidates, q.facets);
  let order = res.matches;
  // Default order without text: newest first. Rows are stored in that order, and without text the
  // engine's matches are in row order (the legacy engine sorted whenever a filter applied).
  if (legacySort && !hasText && candidates !== undefined) order = sortIndices(order, 'updated', true);
  return order.length;
}

const engineNew: Engine = (q) => {
  const parsed = parseQuery(q.q);
  const hasText = freeText(parsed) !== '';
  const candidates = queryCandidates(index, rows, keyToIndex, parsed, facets);
  return finish(q, hasText, candidates, false);
};

const engineLegacy: Engine = (q) => {
  if (!legacy) return 0;
  const hasText = freeText(parseQuery(q.q)) !== '';
  return finish(q, hasText, legacyCandidates(legacy, q.q), true);
};

const rawDefault: Engine = (q) => {
  const text = freeTextOf(q.q);
  return text === '' ? -1 : raw.search(text).length;
};
const rawBench: Engine = (q) => {
  const text = freeTextOf(q.q);
  return text === ''
    ? -1
    : raw.search(text, { prefix: true, fuzzy: 0.2, boost: { ...LEGACY_BOOST }, combineWith: 'AND' }).length;
};

// ---------------------------------------------------------------------------------------------------
// Timing

type Timing = { first: number[]; warm: number[]; n: number[] };

const engines: [string, Engine][] = [
  ['engine', engineNew],
  ...(LEGACY ? ([['legacy', engineLegacy]] as [string, Engine][]) : []),
  ['raw default', rawDefault],
  ['raw bench', rawBench],
];
const timings = new Map<string, Timing[]>();
for (const [name] of engines)
  timings.set(
    name,
    queries.map(() => ({ first: [], warm: [], n: [] })),
  );

if (WARM) {
  t = performance.now();
  warmSearchIndex(index, rows, keyToIndex, facets);
  out(`warm: ${(performance.now() - t).toFixed(0)} ms`);
}

// Start from a collected heap (with --expose-gc) so index-building garbage is not charged to a query.
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) gc();

// Interleave engines per query so machine load hits them alike.
for (let rep = 0; rep <= REPS; rep++) {
  queries.forEach((q, qi) => {
    for (const [name, fn] of engines) {
      const t0 = performance.now();
      const n = fn(q);
      const ms = performance.now() - t0;
      const tm = timings.get(name)?.[qi];
      if (!tm || n < 0) continue;
      if (rep === 0) {
        tm.first.push(ms);
        tm.n.push(n);
      } else tm.warm.push(ms);
    }
  });
}

const cats = ['free text', 'typo/prefix', 'fields', 'facets', 'all'];
const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(1).padStart(6) : '     -');
out('');
out(`${SIZE} rows; first pass = each query once; warm = ${REPS} more passes (p50/p95 ms)`);
out(
  `${'category'.padEnd(12)} ${engines.map(([n]) => `${n.padEnd(11)} first p50/p95    warm p50/p95`).join(' | ')}`,
);
for (const cat of cats) {
  const cells = engines.map(([name]) => {
    const ts = timings.get(name) ?? [];
    const sel = ts.filter((_, i) => cat === 'all' || queries[i]?.cat === cat);
    const first = sel.flatMap((x) => x.first);
    const warm = sel.flatMap((x) => x.warm);
    return `${''.padEnd(11)} ${fmt(pct(first, 50))} ${fmt(pct(first, 95))}   ${fmt(pct(warm, 50))} ${fmt(pct(warm, 95))}`;
  });
  out(`${cat.padEnd(12)} ${cells.join(' | ')}`);
}
if (VERBOSE) {
  out('');
  out(`${'query'.padEnd(50)} ${engines.map(([n]) => `${n} (first ms, hits)`.padEnd(26)).join(' ')}`);
  queries.forEach((q, qi) => {
    const label = `${q.q}${Object.keys(q.facets).length ? ` +${JSON.stringify(q.facets)}` : ''}`;
    const cells = engines.map(([name]) => {
      const tm = timings.get(name)?.[qi];
      if (!tm || tm.first.length === 0) return ''.padEnd(26);
      return `${fmt(tm.first[0] ?? NaN)} ${fmt(pct(tm.warm, 50))} ${String(tm.n[0]).padStart(7)}`.padEnd(26);
    });
    out(`${label.slice(0, 50).padEnd(50)} ${cells.join(' ')}`);
  });
}

// ---------------------------------------------------------------------------------------------------
// Check (--legacy): same hits as the legacy engine (as sets), and how the first 20 compare.

if (legacy) {
  const idx = legacy;
  let same = 0;
  for (const q of queries) {
    const parsed = parseQuery(q.q);
    const a = queryCandidates(index, rows, keyToIndex, parsed, facets);
    const b = legacyCandidates(idx, q.q);
    const sa = new Set(a ?? []);
    const sb = new Set(b ?? []);
    let onlyA = 0;
    let onlyB = 0;
    for (const x of sa) if (!sb.has(x)) onlyA++;
    for (const x of sb) if (!sa.has(x)) onlyB++;
    const topA = [...(a ?? [])].slice(0, 20);
    const topB = new Set([...(b ?? [])].slice(0, 20));
    const overlap = topA.filter((x) => topB.has(x)).length;
    if (onlyA === 0 && onlyB === 0 && (a === undefined) === (b === undefined)) same++;
    if (VERBOSE || onlyA + onlyB > 0)
      out(
        `check ${q.q.padEnd(44)} new ${String(sa.size).padStart(6)} legacy ${String(sb.size).padStart(6)} only-new ${onlyA} only-legacy ${onlyB} top20-overlap ${overlap}`,
      );
    if (VERBOSE && topA.length > 0)
      out(
        `      new top: ${topA
          .slice(0, 5)
          .map((i) => rows[i]?.id)
          .join(', ')}\n   legacy top: ${[...(b ?? [])]
          .slice(0, 5)
          .map((i) => rows[i]?.id)
          .join(', ')}`,
      );
  }
  out(`check: ${same}/${queries.length} queries give the same hit set as the legacy engine`);
}
