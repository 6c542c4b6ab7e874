/**
 * Test support shared by the unit and corpus suites: the closure of a set of roots (the curated export's rule) and
 * the round-trip checks through `parseFile`. Validators are in ./validate. Never imported by the app.
 */
import type { CatalogExport } from '../export/envelope';
import { lineageClosure } from '../export/closure';
import { parseFile } from '../formats/parseFile';
import { assetKey, type Relation } from '../model';
import { isDerivation, HF_RELATION, type StandardsInput } from './input';

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
