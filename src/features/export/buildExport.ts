/** Builds a curated export envelope from the dialog's options (reads via the db repositories). */
import { readExport, getCollection, type ExportSelection } from '@/db';
import type { CatalogExport } from '@/core/export/envelope';
import { exportParts } from '@/core/export/stream';
import { summarizeLicenses } from '@/core/export/licenseSummary';
import { assetKey } from '@/core/model';

export type ExportScopeKind = 'catalog' | 'view' | 'collection' | 'selection';

export type ExportOptions = {
  scope: ExportScopeKind;
  /** Keys of the current view (scope `view`) or the selection (scope `selection`). */
  keys?: readonly string[];
  collectionId?: string;
  lineageClosure: boolean;
  includeSources: boolean;
  includeCuration: boolean;
  includeSavedViews: boolean;
  includeLicenses: boolean;
};

export type BuiltExport = { ok: true; env: CatalogExport; fileName: string } | { ok: false; message: string };

export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'export'
  );
}

export function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

/** What a scope means: its asset keys (undefined = whole catalog), a description and a file-name prefix. */
export type ResolvedScope =
  | { ok: true; keys: string[] | undefined; description: string; prefix: string }
  | { ok: false; message: string };

/** Resolves a scope (whole catalog, view, collection, selection) to asset keys; one home for both exports. */
export async function resolveScope(
  opts: Pick<ExportOptions, 'scope' | 'keys' | 'collectionId'>,
): Promise<ResolvedScope> {
  if (opts.scope === 'collection') {
    const c = opts.collectionId ? await getCollection(opts.collectionId) : undefined;
    if (!c) return { ok: false, message: 'Choose a collection to export.' };
    return {
      ok: true,
      keys: [...c.assetKeys],
      description: `Collection "${c.name}" (${c.assetKeys.length} assets)`,
      prefix: `tarn-${slug(c.name)}`,
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

export async function buildExport(opts: ExportOptions): Promise<BuiltExport> {
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
  const env = await readExport(sel);
  if (opts.includeLicenses) {
    const licenses = summarizeLicenses(env, keys ? { roots: keys } : {});
    if (licenses) env.licenses = licenses;
  }
  return { ok: true, env, fileName: `${prefix}-${stamp()}.json` };
}

/** Progress of writing an export file: records written of all records. */
export type WriteProgress = { done: number; total: number };

/** Characters of parts held as strings before they are moved into the Blob. */
const FLUSH_CHARS = 4 * 1024 * 1024;
/** Work between yields to the event loop (keeps every main-thread task short). */
const SLICE_MS = 40;

/** Lets input and rendering run (a message, not a timer: nested timers are throttled). */
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
 * string holds the file, so a catalog of any size that fits in IndexedDB exports. Yields to the event
 * loop between slices, reports progress, and stops (returning undefined) when `cancelled()` says so.
 */
export async function writeExportBlob(
  env: CatalogExport,
  onProgress: (p: WriteProgress) => void,
  cancelled: () => boolean,
): Promise<Blob | undefined> {
  const total = env.assets.length + env.versions.length + env.relations.length;
  let blob = new Blob([], { type: 'application/json' });
  let parts: string[] = [];
  let chars = 0;
  let done = 0;
  let sliceStart = performance.now();
  for (const part of exportParts(env)) {
    parts.push(part);
    chars += part.length;
    done++;
    if (chars >= FLUSH_CHARS) {
      blob = new Blob([blob, ...parts], { type: 'application/json' });
      parts = [];
      chars = 0;
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      onProgress({ done: Math.min(done, total), total });
      await yieldToEventLoop();
      if (cancelled()) return undefined;
      sliceStart = performance.now();
    }
  }
  onProgress({ done: total, total });
  return new Blob([blob, ...parts], { type: 'application/json' });
}
