/**
 * Exports in the catalog worker: the curated export ("Export JSON", Tarn's envelope written one record per
 * line into a Blob of parts) and the standards documents (CycloneDX, SPDX 3, Croissant) of a scope's lineage
 * closure. Reading the catalog, the licence summary and serializing all run here, off the window's thread;
 * the window receives a Blob (cloned by reference, not copied) and downloads it. Progress and cancellation
 * follow the RPC's CallContext; errors and cancellation come back as values.
 */
import { getCollection, readExport, readExportPaged, type ExportSelection } from '@/db';
import type { CatalogExport } from '@/core/export/envelope';
import { exportPartsPaged } from '@/core/export/stream';
import { summarizeLicenses } from '@/core/export/licenseSummary';
import { exportFilePrefix, exportStamp } from '@/core/export/fileName';
import { assetKey } from '@/core/model';
import type { StandardFormat } from '@/core/standards/document';
import type { CallContext } from '../rpc';

export type { StandardFormat };

export type ExportScopeKind = 'catalog' | 'view' | 'collection' | 'selection';

/** What to export: the whole catalog, the current view's or the selection's keys, or a collection. */
export type ExportScope = {
  scope: ExportScopeKind;
  /** Keys of the current view (scope `view`) or the selection (scope `selection`). */
  keys?: readonly string[];
  collectionId?: string;
};

export type ExportOptions = ExportScope & {
  lineageClosure: boolean;
  includeSources: boolean;
  includeCuration: boolean;
  includeSavedViews: boolean;
  includeLicenses: boolean;
};

/** Reading the catalog, then writing records (`done` of `total`). */
export type ExportProgress = { phase: 'reading' | 'writing'; done: number; total: number };

/** A built export file, or why there is none (`cancelled`: the person stopped it). */
export type ExportFileResult =
  { ok: true; blob: Blob; fileName: string } | { ok: false; message: string; cancelled?: true };

export type StandardArgs = {
  format: StandardFormat;
  scope: ExportScope;
  /** Title and file-name prefix of the document (default: the scope's description and prefix). */
  named?: { title: string; prefix: string };
};

const CANCELLED: ExportFileResult = {
  ok: false,
  message: 'Export cancelled; no file was written.',
  cancelled: true,
};

/** What a scope means: its asset keys (undefined = whole catalog), a description and a file-name prefix. */
type ResolvedScope =
  | { ok: true; keys: string[] | undefined; description: string; prefix: string }
  | { ok: false; message: string };

/** Resolves a scope (whole catalog, view, collection, selection) to asset keys; one home for both exports. */
async function resolveScope(opts: ExportScope): Promise<ResolvedScope> {
  if (opts.scope === 'collection') {
    const c = opts.collectionId ? await getCollection(opts.collectionId) : undefined;
    if (!c) return { ok: false, message: 'Choose a collection to export.' };
    return {
      ok: true,
      keys: [...c.assetKeys],
      description: `Collection "${c.name}" (${c.assetKeys.length} assets)`,
      prefix: exportFilePrefix(c.name),
    };
  }
  if (opts.scope === 'view' || opts.scope === 'selection') {
    const keys = (opts.keys ?? []).map(assetKey);
    if (keys.length === 0)
      return {
        ok: false,
        message: opts.scope === 'view' ? 'The current view is empty.' : 'Nothing is selected.',
      };
    return {
      ok: true,
      keys,
      description:
        opts.scope === 'view'
          ? `Current catalog view (${keys.length} assets)`
          : `Selection (${keys.length} assets)`,
      prefix: `tarn-${opts.scope}`,
    };
  }
  return { ok: true, keys: undefined, description: 'Whole catalog', prefix: 'tarn-catalog' };
}

/** Characters of parts held as strings before they are moved into the Blob. */
const FLUSH_CHARS = 4 * 1024 * 1024;
/** Work between yields to the event loop (a cancel message is received between slices). */
const SLICE_MS = 40;

/** Lets queued messages (a cancel) run: a message, not a timer, since nested timers are throttled. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/**
 * The export file as a Blob built in parts (one record per line, see core/export/stream): no single
 * string holds the file, and the versions (raw sources) are read a page at a time, so a catalog of any
 * size that fits in IndexedDB exports. Yields between slices, reports progress, and stops (returning
 * undefined) when the call is cancelled.
 */
export async function writeExportBlob(
  env: CatalogExport,
  versions: { count: number; pages: AsyncIterable<readonly unknown[]> },
  ctx: CallContext<ExportProgress>,
): Promise<Blob | undefined> {
  const total = env.assets.length + versions.count + env.relations.length;
  let blob = new Blob([], { type: 'application/json' });
  let parts: string[] = [];
  let chars = 0;
  let done = 0;
  let sliceStart = performance.now();
  for await (const part of exportPartsPaged(env, versions.pages)) {
    parts.push(part);
    chars += part.length;
    done++;
    if (chars >= FLUSH_CHARS) {
      blob = new Blob([blob, ...parts], { type: 'application/json' });
      parts = [];
      chars = 0;
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      ctx.progress({ phase: 'writing', done: Math.min(done, total), total });
      await yieldToEventLoop();
      if (ctx.isCancelled()) return undefined;
      sliceStart = performance.now();
    }
  }
  ctx.progress({ phase: 'writing', done: total, total });
  return new Blob([blob, ...parts], { type: 'application/json' });
}

/** "Export JSON": the curated export envelope (version 2) of a scope, as a file. */
export async function exportJson(
  opts: ExportOptions,
  ctx: CallContext<ExportProgress>,
): Promise<ExportFileResult> {
  ctx.progress({ phase: 'reading', done: 0, total: 0 });
  const scope = await resolveScope(opts);
  if (!scope.ok) return scope;
  const { keys, description, prefix } = scope;
  const sel: ExportSelection = {
    ...(keys ? { keys } : {}),
    lineageClosure: opts.lineageClosure,
    includeSources: opts.includeSources,
    includeCuration: opts.includeCuration,
    includeSavedViews: opts.includeSavedViews,
    scope: {
      kind: opts.scope,
      description,
      lineageClosure: opts.lineageClosure && keys !== undefined,
      includesSources: opts.includeSources,
    },
  };
  const { env, versionCount, versionPages } = await readExportPaged(sel);
  if (ctx.isCancelled()) return CANCELLED;
  if (opts.includeLicenses) {
    const licenses = summarizeLicenses(env, keys ? { roots: keys } : {});
    if (licenses) env.licenses = licenses;
  }
  if (ctx.isCancelled()) return CANCELLED;
  const blob = await writeExportBlob(env, { count: versionCount, pages: versionPages() }, ctx);
  if (!blob) return CANCELLED;
  return { ok: true, blob, fileName: `${prefix}-${exportStamp()}.json` };
}

const SUFFIX: Readonly<Record<StandardFormat, string>> = {
  cyclonedx: 'cdx.json',
  spdx3: 'spdx3.json',
  croissant: 'croissant.json',
};

/**
 * One standards document of a scope's lineage closure (asset page: scope `selection` with the asset's key):
 * the rows come from the curated export's reader with `lineageClosure` (one closure rule), the document from
 * core/standards (loaded on first use, with the CycloneDX library).
 */
export async function exportStandard(
  args: StandardArgs,
  ctx: CallContext<ExportProgress>,
): Promise<ExportFileResult> {
  ctx.progress({ phase: 'reading', done: 0, total: 0 });
  const resolved = await resolveScope(args.scope);
  if (!resolved.ok) return resolved;
  const [env, standards] = await Promise.all([
    readExport({
      ...(resolved.keys ? { keys: resolved.keys } : {}),
      lineageClosure: true,
      includeSources: false,
      includeCuration: false,
      includeSavedViews: false,
    }),
    import('@/core/standards/document'),
  ]);
  if (ctx.isCancelled()) return CANCELLED;
  const roots = resolved.keys ?? env.assets.filter((a) => !a.placeholder).map((a) => a.key);
  ctx.progress({ phase: 'writing', done: 0, total: env.assets.length });
  const doc = standards.standardDocument(args.format, env, roots, args.named?.title ?? resolved.description);
  if (!doc.ok) return doc;
  if (ctx.isCancelled()) return CANCELLED;
  ctx.progress({ phase: 'writing', done: env.assets.length, total: env.assets.length });
  return {
    ok: true,
    blob: new Blob([JSON.stringify(doc.doc, null, 1)], { type: 'application/json' }),
    fileName: `${args.named?.prefix ?? resolved.prefix}-${exportStamp()}.${SUFFIX[args.format]}`,
  };
}
