import type { Asset, ParseResult, Relation, SourceFile } from '../model';
import { canonicalId } from '../catalog/ids';
import { normalizeLicense, type LicenseInputFormat } from '../licenses/normalize';
import { MAX_FILE_BYTES, safeJsonParse } from '../util/safeParse';
import { FORMAT_PARSERS } from './registry';

function licenseHint(format: string): LicenseInputFormat {
  if (format.startsWith('hf-')) return 'hf';
  if (format === 'croissant') return 'croissant';
  if (format === 'cyclonedx') return 'cyclonedx';
  if (format === 'spdx3') return 'spdx';
  return 'auto';
}

/**
 * Shared post-processing of every parser's output: canonical ids for assets and relation ends,
 * normalized licenses (raw kept), de-duplicated relations.
 */
export function finalizeParseResult(result: ParseResult): ParseResult {
  const assets: Asset[] = result.assets.map((a) => {
    const id = canonicalId(a.id);
    if (a.license.normalized !== undefined || result.format === 'tarn-catalog') return { ...a, id };
    const n = normalizeLicense({
      raw: a.license.raw,
      ...(a.license.name !== undefined ? { name: a.license.name } : {}),
      ...(a.license.link !== undefined ? { link: a.license.link } : {}),
      format: licenseHint(result.format),
    });
    return { ...a, id, license: { ...a.license, normalized: n.expression } };
  });
  const seen = new Set<string>();
  const relations: Relation[] = [];
  for (const r of result.relations) {
    const rel = { ...r, child: canonicalId(r.child), parent: canonicalId(r.parent) };
    const k = `${rel.child.toLowerCase()}|${rel.type}|${rel.parent.toLowerCase()}`;
    if (seen.has(k) || rel.child === '' || rel.parent === '') continue;
    seen.add(k);
    relations.push(rel);
  }
  return { ...result, assets, relations };
}

/** Bytes of a string in UTF-8 without allocating. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Picks the parser whose sniff score is highest (> 0). */
export function detectFormat(file: SourceFile): string | undefined {
  const head = file.text
    .replace(/^\uFEFF/, '')
    .slice(0, 65536)
    .trimStart();
  let best: { id: string; score: number } | undefined;
  for (const p of FORMAT_PARSERS) {
    let score: number;
    try {
      score = p.sniff(file, head);
    } catch {
      score = 0;
    }
    if (score > 0 && (!best || score > best.score)) best = { id: p.id, score };
  }
  return best?.id;
}

/**
 * Parses one metadata file of any supported format, sniffed by content. Never throws: unknown
 * formats, oversized files and parser failures come back as issues.
 */
export function parseFile(file: { name: string; text: string }): ParseResult {
  const name = String(file.name ?? '');
  const text = typeof file.text === 'string' ? file.text : '';
  if (text.length > MAX_FILE_BYTES / 4 && utf8Length(text) > MAX_FILE_BYTES) {
    return {
      format: 'unknown',
      assets: [],
      relations: [],
      issues: [
        {
          severity: 'error',
          code: 'FILE_TOO_LARGE',
          message: `File is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; metadata files are expected to be smaller. Not imported.`,
        },
      ],
    };
  }
  const source = { name, text };
  const formatId = detectFormat(source);
  const parser = FORMAT_PARSERS.find((p) => p.id === formatId);
  if (!parser) {
    // Looks like JSON but is not valid JSON: say where it breaks rather than "unknown format".
    const head = text.replace(/^\uFEFF/, '').trimStart();
    if (head.startsWith('{') || head.startsWith('[')) {
      const json = safeJsonParse(text.replace(/^\uFEFF/, ''));
      if (!json.ok) return { format: 'json', assets: [], relations: [], issues: json.issues };
    }
    return {
      format: 'unknown',
      assets: [],
      relations: [],
      issues: [
        {
          severity: 'error',
          code: 'UNKNOWN_FORMAT',
          message:
            'Unknown format: not a Hugging Face card, Croissant, CycloneDX, SPDX 3, OpenML, MLflow MLmodel or Tarn export.',
        },
      ],
    };
  }
  try {
    return finalizeParseResult(parser.parse(source));
  } catch (e) {
    return {
      format: parser.id,
      assets: [],
      relations: [],
      issues: [
        {
          severity: 'error',
          code: 'PARSER_FAILED',
          message: `The ${parser.label} reader failed on this file: ${e instanceof Error ? e.message : String(e)}`,
        },
      ],
    };
  }
}
