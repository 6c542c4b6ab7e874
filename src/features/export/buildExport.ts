/** Builds a curated export envelope from the dialog's options (reads via the db repositories). */
import { readExport, getCollection, type ExportSelection } from '@/db';
import type { CatalogExport } from '@/core/export/envelope';
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
