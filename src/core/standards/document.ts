/**
 * One standards document (CycloneDX 1.6 ML-BOM, SPDX 3.0.1, Croissant 1.1) of an export's lineage closure and
 * the assets the person chose: the one dispatch the app's export (catalog worker) calls.
 */
import type { CatalogExport } from '../export/envelope';
import { toCroissant } from './croissant';
import { toCycloneDx } from './cyclonedx';
import { standardsInput } from './input';
import { toSpdx3 } from './spdx3';

export type StandardFormat = 'cyclonedx' | 'spdx3' | 'croissant';

export type StandardDocument = { ok: true; doc: Record<string, unknown> } | { ok: false; message: string };

/** Croissant describes one dataset; anything else is refused with this message. */
export const CROISSANT_ONE_DATASET = 'Croissant describes one dataset: choose a dataset asset.';

/** The document of `format` for `roots` (ids or keys) and their closure in `env`; never throws on data. */
export function standardDocument(
  format: StandardFormat,
  env: Pick<CatalogExport, 'assets' | 'relations' | 'exportedAt' | 'app'>,
  roots: readonly string[],
  title: string,
): StandardDocument {
  const input = standardsInput(env, roots, title);
  if (format === 'cyclonedx') return { ok: true, doc: toCycloneDx(input) };
  if (format === 'spdx3') return { ok: true, doc: toSpdx3(input) };
  const [only] = roots;
  const doc = roots.length === 1 && only ? toCroissant(input, only) : undefined;
  return doc ? { ok: true, doc } : { ok: false, message: CROISSANT_ONE_DATASET };
}
