/**
 * Test support shared by the unit and corpus suites: schema validators (CycloneDX: the library's bundled 1.6
 * schema; SPDX 3.0.1: the official JSON schema in test-fixtures/), Croissant's required properties, the
 * closure of a set of roots (the curated export's rule) and the round-trip checks through `parseFile`.
 * Node only (reads files, compiles schemas); never imported by the app.
 */
import { readFileSync } from 'node:fs';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import Ajv2020 from 'ajv/dist/2020';
import type { CatalogExport } from '../export/envelope';
import { lineageClosure } from '../export/closure';
import { parseFile } from '../formats/parseFile';
import { assetKey, type Relation } from '../model';
import { isDerivation, HF_RELATION, type StandardsInput } from './input';

const cdx = new Validation.JsonStrictValidator(Spec.Version.v1dot6);

/** Null when the BOM is valid CycloneDX 1.6, else the validator's errors. */
export async function cycloneDxErrors(doc: unknown): Promise<unknown> {
  return cdx.validate(JSON.stringify(doc));
}

const spdxSchema: unknown = JSON.parse(
  readFileSync(new URL('./test-fixtures/spdx-json-schema-3.0.1.json', import.meta.url), 'utf8'),
);
const spdxValidate = new Ajv2020({ strict: false, allErrors: false }).compile(spdxSchema as object);

/** Null when the document is valid against the SPDX 3.0.1 JSON schema, else ajv's errors. */
export function spdxErrors(doc: unknown): unknown {
  return spdxValidate(doc) ? null : spdxValidate.errors;
}

/** Croissant 1.1 dataset-level properties the spec requires (datePublished only when the source had one). */
export const CROISSANT_REQUIRED = [
  '@context',
  '@type',
  'conformsTo',
  'name',
  'description',
  'license',
  'creator',
] as const;

/** The closure of `roots` as the curated export builds it (readExport with lineageClosure). */
export function closureOf(env: CatalogExport, roots: readonly string[]): CatalogExport {
  const keys = new Set(lineageClosure(roots.map(assetKey), env.relations));
  return {
    ...env,
    assets: env.assets.filter((a) => keys.has(a.key)),
    relations: env.relations.filter((r) => keys.has(r.childKey) && keys.has(r.parentKey)),
  };
}

const NO_LICENSE = new Set(['', 'NONE', 'NOASSERTION']);

export function sameLicense(a: string | undefined, b: string | undefined): boolean {
  const x = a ?? '';
  const y = b ?? '';
  return x === y || (NO_LICENSE.has(x) && NO_LICENSE.has(y));
}

export type RoundTrip = {
  missingIds: string[];
  licenseMismatches: string[];
  missingEdges: string[];
};

/**
 * Re-imports `text` with `parseFile` and compares with the input: ids present, normalized licences equal,
 * every edge present with the type the standard can carry (`expectedType`; undefined = not representable).
 */
export function roundTrip(
  input: StandardsInput,
  text: string,
  fileName: string,
  expectedType: (r: Relation, kinds: Map<string, string>) => string | undefined,
  expectedIds: (kinds: Map<string, string>) => string[],
): RoundTrip {
  const parsed = parseFile({ name: fileName, text });
  const byKey = new Map(parsed.assets.map((a) => [assetKey(a.id), a]));
  const kinds = new Map(input.assets.map((a) => [assetKey(a.id), a.kind]));
  const missingIds = expectedIds(kinds).filter((id) => !byKey.has(assetKey(id)));
  const licenseMismatches: string[] = [];
  for (const a of input.assets) {
    const back = byKey.get(assetKey(a.id));
    if (back && !sameLicense(a.license.normalized, back.license.normalized))
      licenseMismatches.push(`${a.id}: ${a.license.normalized} -> ${back.license.normalized}`);
  }
  const edges = new Set(parsed.relations.map((r) => `${assetKey(r.child)}|${r.type}|${assetKey(r.parent)}`));
  const missingEdges: string[] = [];
  for (const r of input.relations) {
    if (!kinds.has(assetKey(r.child)) || !kinds.has(assetKey(r.parent))) continue;
    const t = expectedType(r, kinds);
    if (t === undefined) continue;
    const k = `${assetKey(r.child)}|${t}|${assetKey(r.parent)}`;
    if (!edges.has(k)) missingEdges.push(k);
  }
  return { missingIds, licenseMismatches, missingEdges };
}

/** Edge types Tarn's CycloneDX reader gives back for each relation of a CycloneDX export. */
export function cycloneDxEdgeType(input: StandardsInput) {
  const hfOf = new Map<string, Set<string>>();
  for (const r of input.relations) {
    if (!isDerivation(r.type)) continue;
    const set = hfOf.get(assetKey(r.child)) ?? new Set<string>();
    set.add(HF_RELATION[r.type] ?? 'other');
    hfOf.set(assetKey(r.child), set);
  }
  return (r: Relation, kinds: Map<string, string>): string | undefined => {
    if (r.type === 'evaluated_on') return undefined;
    const child = kinds.get(assetKey(r.child));
    const parent = kinds.get(assetKey(r.parent));
    if (r.type === 'trained_on' && child === 'model') return 'trained_on';
    if (isDerivation(r.type)) {
      const hf = [...(hfOf.get(assetKey(r.child)) ?? [])];
      if (hf.length === 1 && hf[0] !== 'other') return r.type;
      return child === 'model' && parent === 'model' ? 'finetune_of' : 'derived_from';
    }
    return child === 'model' && parent === 'dataset' ? 'trained_on' : 'depends_on';
  };
}

/** Ids Tarn's CycloneDX reader imports: models, data, and what they depend on. */
export function cycloneDxIds(input: StandardsInput) {
  return (kinds: Map<string, string>): string[] => {
    const ml = (k: string | undefined) => k === 'model' || k === 'dataset';
    const deps = new Set(
      input.relations
        .filter((r) => r.type !== 'evaluated_on' && ml(kinds.get(assetKey(r.child))))
        .map((r) => assetKey(r.parent)),
    );
    return input.assets.filter((a) => ml(a.kind) || deps.has(assetKey(a.id))).map((a) => a.id);
  };
}

/** Edge types Tarn's SPDX 3 reader gives back. */
export function spdxEdgeType(r: Relation): string {
  if (
    r.type === 'trained_on' ||
    r.type === 'evaluated_on' ||
    r.type === 'generated_by' ||
    r.type === 'variant_of'
  )
    return r.type;
  return isDerivation(r.type) ? 'derived_from' : 'depends_on';
}
