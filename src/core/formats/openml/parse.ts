/**
 * OpenML dataset descriptions → one `dataset` asset.
 *
 * Accepts the JSON API shape `{"data_set_description": {...}}` and the XML shape
 * `<oml:data_set_description xmlns:oml="http://openml.org/openml">` (read with fast-xml-parser, which runs in
 * workers and Node). Id: `openml:<id>`; without an id, `openml:<name>` (+ `@<version>`), with a warning.
 * `original_data_url` that points at another OpenML dataset or a Hugging Face dataset becomes a `derived_from`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Asset, DistributionFile, Issue, ParseResult, Relation, SourceFile } from '../../model';
import { canonicalId } from '../../catalog/ids';
import { safeJsonParse, sanitizeValue, MAX_NESTING_DEPTH } from '../../util/safeParse';
import type { JsonObject } from '../../util/values';
import { asString, asStringList, compact, isObject } from '../../util/values';
import type { FormatParser } from '../types';

const FORMAT = 'openml';
const OPENML_DATA_URL =
  /^(?:https?:\/\/)?(?:www\.|new\.|api\.)?openml\.org\/(?:d\/(\d+)|search\?(?:[^#]*&)?id=(\d+)|api\/v1\/(?:json\/)?data\/(\d+))/i;
const HF_DATASET_URL = /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/datasets\/[^/\s?#]+/i;

function result(assets: Asset[], relations: Relation[], issues: Issue[]): ParseResult {
  return { format: FORMAT, assets, relations, issues };
}

/** A scalar (OpenML sends numbers as strings, empty values as `[]` or `{}`). */
function scalar(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.length === 1 ? scalar(v[0]) : undefined;
  if (isObject(v)) return asString(v['#text']);
  return asString(v);
}

function list(v: unknown): string[] {
  const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return asStringList(items.map((x) => scalar(x)));
}

function depthOf(v: unknown, depth = 0): number {
  if (depth > MAX_NESTING_DEPTH) return depth;
  if (Array.isArray(v)) return Math.max(depth, ...v.map((x) => depthOf(x, depth + 1)));
  if (isObject(v)) return Math.max(depth, ...Object.values(v).map((x) => depthOf(x, depth + 1)));
  return depth;
}

function parseXml(
  text: string,
): { ok: true; value: unknown; issues: Issue[] } | { ok: false; issues: Issue[] } {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    return {
      ok: false,
      issues: [
        {
          severity: 'error',
          code: 'XML_SYNTAX',
          message: `Invalid XML at line ${line}, column ${col}: ${msg}`,
          line,
          column: col,
        },
      ],
    };
  }
  try {
    const parser = new XMLParser({
      ignoreAttributes: true,
      removeNSPrefix: true,
      parseTagValue: false,
      trimValues: true,
      processEntities: true,
      htmlEntities: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
    });
    const raw: unknown = parser.parse(text);
    if (depthOf(raw) > MAX_NESTING_DEPTH) {
      return {
        ok: false,
        issues: [
          {
            severity: 'error',
            code: 'TOO_DEEP',
            message: `XML is nested deeper than ${MAX_NESTING_DEPTH} levels; refused.`,
          },
        ],
      };
    }
    const issues: Issue[] = [];
    return { ok: true, value: sanitizeValue(raw, issues), issues };
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          severity: 'error',
          code: 'XML_SYNTAX',
          message: `Invalid XML: ${e instanceof Error ? e.message : String(e)}`,
        },
      ],
    };
  }
}

function refFromUrl(url: string): string | undefined {
  const om = OPENML_DATA_URL.exec(url);
  const omId = om?.[1] ?? om?.[2] ?? om?.[3];
  if (omId) return `openml:${omId}`;
  if (HF_DATASET_URL.test(url)) return canonicalId(url);
  return undefined;
}

/** Builds the asset from a `data_set_description` object (JSON or XML-derived). */
function fromDescription(d: JsonObject, issues: Issue[], source: 'json' | 'xml'): ParseResult {
  const openmlId = scalar(d.id);
  const name = scalar(d.name);
  const version = scalar(d.version);
  if (!openmlId && !name) {
    issues.push({
      severity: 'warning',
      code: 'UNKNOWN_SHAPE',
      message: 'OpenML: data_set_description has neither id nor name; nothing imported.',
    });
    return result([], [], issues);
  }
  let id: string;
  if (openmlId) id = `openml:${openmlId}`;
  else {
    id = `openml:${(name ?? '').replace(/[?#]+/g, '_')}${version ? `@${version}` : ''}`;
    issues.push({
      severity: 'warning',
      code: 'MISSING_ID',
      message: `OpenML: no dataset id; using "${id}".`,
      path: 'id',
    });
  }
  if (!name)
    issues.push({
      severity: 'warning',
      code: 'MISSING_NAME',
      message: 'OpenML: no dataset name; using the id.',
      path: 'name',
    });
  const licence = d.licence ?? d.license;
  const licenceText = scalar(licence);
  const fileUrl = scalar(d.url);
  const format = scalar(d.format);
  const md5 = scalar(d.md5_checksum);
  const distribution: DistributionFile[] = [];
  if (fileUrl || md5) {
    distribution.push(
      compact({
        name: fileUrl ? fileUrl.replace(/[?#].*$/, '').replace(/^.*\//, '') : undefined,
        url: fileUrl,
        encodingFormat: format,
        md5: md5 && /^[0-9a-f]{32}$/i.test(md5) ? md5.toLowerCase() : undefined,
      }),
    );
  }
  const parquet = scalar(d.parquet_url) ?? scalar(d.minio_url);
  if (parquet)
    distribution.push({ name: parquet.replace(/^.*\//, ''), url: parquet, encodingFormat: 'parquet' });
  const originalUrl = scalar(d.original_data_url);
  const extra: JsonObject = compact({
    openmlId,
    serialization: source,
    format,
    uploadDate: scalar(d.upload_date),
    collectionDate: scalar(d.collection_date),
    processingDate: scalar(d.processing_date),
    descriptionVersion: scalar(d.description_version),
    versionLabel: scalar(d.version_label),
    defaultTargetAttribute: scalar(d.default_target_attribute),
    rowIdAttribute: scalar(d.row_id_attribute),
    ignoreAttribute: list(d.ignore_attribute),
    contributors: list(d.contributor),
    md5Checksum: md5,
    fileId: scalar(d.file_id),
    parquetUrl: parquet,
    originalDataUrl: originalUrl,
    paperUrl: scalar(d.paper_url),
    visibility: scalar(d.visibility),
    status: scalar(d.status),
    updateComment: scalar(d.update_comment),
  });
  const asset: Asset = compact({
    id,
    kind: 'dataset' as const,
    name: name ?? id,
    license: licenceText !== undefined ? { raw: licenceText } : { raw: undefined },
    description: scalar(d.description),
    version,
    url: openmlId ? `https://www.openml.org/d/${openmlId}` : fileUrl,
    creators: list(d.creator),
    citation: scalar(d.citation),
    tags: list(d.tag),
    languages: list(d.language),
    distribution,
    sourceFormat: FORMAT,
    extra,
  });
  const relations: Relation[] = [];
  const parent = originalUrl ? refFromUrl(originalUrl) : undefined;
  if (parent && parent !== id)
    relations.push({
      child: id,
      type: 'derived_from',
      parent,
      origin: 'declared',
      evidence: 'original_data_url',
    });
  return result([asset], relations, issues);
}

/**
 * Parses an OpenML `data_set_description` in JSON or XML. Never throws: syntax errors carry line/column.
 */
export function parseOpenml(file: SourceFile): ParseResult {
  const text = file.text.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  const isXml = trimmed.startsWith('<');
  const parsed = isXml ? parseXml(text) : safeJsonParse(text);
  if (!parsed.ok) return result([], [], parsed.issues);
  const issues: Issue[] = [...parsed.issues];
  const root = parsed.value;
  const desc = isObject(root) ? root.data_set_description : undefined;
  if (!isObject(desc)) {
    issues.push({
      severity: 'warning',
      code: 'UNKNOWN_SHAPE',
      message: 'OpenML: expected a data_set_description element/object; nothing imported.',
    });
    return result([], [], issues);
  }
  return fromDescription(desc, issues, isXml ? 'xml' : 'json');
}

/** OpenML dataset description reader (`openml`). */
export const openmlParser: FormatParser = {
  id: FORMAT,
  label: 'OpenML dataset description',
  sniff: (_file, head) => {
    if (head.startsWith('<')) return /<oml:data_set_description[\s>]/.test(head) ? 0.95 : 0;
    if (head.startsWith('{'))
      return /^\{\s*"data_set_description"\s*:/.test(head)
        ? 0.95
        : /"data_set_description"\s*:\s*\{/.test(head)
          ? 0.6
          : 0;
    return 0;
  },
  parse: parseOpenml,
};
