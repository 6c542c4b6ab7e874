/**
 * Standards documents (CycloneDX 1.6 ML-BOM, SPDX 3.0.1, Croissant 1.1) of a scope's lineage closure: the rows
 * come from the curated export's reader with `lineageClosure` (one closure rule), the documents from core/standards.
 */
import { readExport } from '@/db';
import { toCroissant } from '@/core/standards/croissant';
import { toCycloneDx } from '@/core/standards/cyclonedx';
import { standardsInput } from '@/core/standards/input';
import { toSpdx3 } from '@/core/standards/spdx3';
import { resolveScope, stamp, type ExportOptions } from './buildExport';

export type StandardFormat = 'cyclonedx' | 'spdx3' | 'croissant';

export const STANDARD_LABELS: Readonly<Record<StandardFormat, string>> = {
  cyclonedx: 'Export CycloneDX',
  spdx3: 'Export SPDX 3',
  croissant: 'Export Croissant',
};

const SUFFIX: Readonly<Record<StandardFormat, string>> = {
  cyclonedx: 'cdx.json',
  spdx3: 'spdx3.json',
  croissant: 'croissant.json',
};

export type BuiltStandard = { ok: true; text: string; fileName: string } | { ok: false; message: string };

/** Builds one standards document for a scope (asset page: scope `selection` with the asset's key). */
export async function buildStandard(
  format: StandardFormat,
  scope: Pick<ExportOptions, 'scope' | 'keys' | 'collectionId'>,
  /** Title and file-name prefix of the document (default: the scope's description and prefix). */
  named?: { title: string; prefix: string },
): Promise<BuiltStandard> {
  const resolved = await resolveScope(scope);
  if (!resolved.ok) return resolved;
  const env = await readExport({
    ...(resolved.keys ? { keys: resolved.keys } : {}),
    lineageClosure: true,
    includeSources: false,
    includeCuration: false,
    includeSavedViews: false,
  });
  const roots = resolved.keys ?? env.assets.filter((a) => !a.placeholder).map((a) => a.key);
  const input = standardsInput(env, roots, named?.title ?? resolved.description);
  let doc: unknown;
  if (format === 'cyclonedx') doc = toCycloneDx(input);
  else if (format === 'spdx3') doc = toSpdx3(input);
  else {
    const [only] = roots;
    doc = roots.length === 1 && only ? toCroissant(input, only) : undefined;
    if (!doc) return { ok: false, message: 'Croissant describes one dataset: choose a dataset asset.' };
  }
  return {
    ok: true,
    text: JSON.stringify(doc, null, 1),
    fileName: `${named?.prefix ?? resolved.prefix}-${stamp()}.${SUFFIX[format]}`,
  };
}
