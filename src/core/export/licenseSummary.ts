/**
 * License verdicts and a NOTICE for an exported set, so the recipient sees what the sender's Tarn
 * concluded (and can re-check: with lineage closure the ancestors travel along).
 */
import {
  buildNotice,
  DEFAULT_INTENDED_USE,
  DEFAULT_PROFILE,
  evaluateAsset,
  evaluateCatalog,
  type IntendedUse,
  type LicenseContext,
  type Profile,
} from '../licenses';
import type { CatalogExport, LicenseSummaryEntry } from './envelope';

export type LicenseSummary = NonNullable<CatalogExport['licenses']>;

const MAX_DETAILED = 500;

/**
 * Evaluates every real (non-placeholder) exported asset against the exported lineage, and builds one
 * NOTICE per top asset (`roots`: the assets chosen for export; by default those no exported asset
 * derives from). Never throws: a failing engine yields no summary.
 */
export function summarizeLicenses(
  env: Pick<CatalogExport, 'assets' | 'relations'>,
  opts: { roots?: readonly string[]; intendedUse?: IntendedUse; profile?: Profile } = {},
): LicenseSummary | undefined {
  try {
    const intendedUse = opts.intendedUse ?? DEFAULT_INTENDED_USE;
    const profile = opts.profile ?? DEFAULT_PROFILE;
    const ctx: LicenseContext = {
      assets: env.assets.map((a) => ({
        id: a.id,
        kind: a.kind,
        name: a.name,
        license: a.license,
        ...(a.tags ? { tags: a.tags } : {}),
        ...(a.libraryName ? { libraryName: a.libraryName } : {}),
        ...(a.pipelineTag ? { pipelineTag: a.pipelineTag } : {}),
      })),
      relations: env.relations.map((r) => ({
        child: r.child,
        type: r.type,
        parent: r.parent,
        origin: r.origin,
      })),
      intendedUse,
      profile,
    };
    const real = env.assets.filter((a) => !a.placeholder);
    const sweep = evaluateCatalog(ctx);
    // Full findings (messages) per asset for ordinary exports; rule codes only for very large ones.
    const detailed = real.length <= MAX_DETAILED;
    const results: LicenseSummaryEntry[] = real.map((a) => {
      const entry = sweep[a.id];
      const detail = detailed ? evaluateAsset(a.id, ctx) : undefined;
      return {
        id: a.id,
        verdict: detail?.verdict ?? entry?.verdict ?? 'review',
        normalized: detail?.normalized[a.id] ?? entry?.expression ?? a.license.normalized ?? '',
        findings: detail ? detail.findings.map((f) => `${f.severity}: ${f.message}`) : (entry?.codes ?? []),
      };
    });
    const parents = new Set(env.relations.map((r) => r.parentKey));
    const rootKeys = opts.roots ? new Set(opts.roots) : undefined;
    const roots = real.filter((a) => (rootKeys ? rootKeys.has(a.key) : !parents.has(a.key)));
    const notice = roots.map((a) => buildNotice(a.id, ctx)).join('\n\n');
    return { intendedUse, profile, results, ...(notice !== '' ? { notice } : {}) };
  } catch {
    return undefined;
  }
}
