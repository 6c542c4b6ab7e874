/**
 * Schema checks of the standards documents, for unit and end-to-end tests (Node only: reads files, compiles
 * schemas; never imported by the app): CycloneDX with the library's bundled 1.6 schema, SPDX 3.0.1 with the official
 * JSON schema in test-fixtures/, Croissant (no official JSON schema) by the spec's required properties.
 */
import { readFileSync } from 'node:fs';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import Ajv2020 from 'ajv/dist/2020.js';

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
