import { parseDocument, visit } from 'yaml';
import type { Issue } from '../model';
import { depthIssue, sanitizeValue, type SafeParseResult } from './safeJson';

export {
  MAX_FILE_BYTES,
  MAX_NESTING_DEPTH,
  safeJsonParse,
  sanitizeValue,
  type SafeParseResult,
} from './safeJson';

/** YAML alias expansion bound: more alias references than this is treated as a "billion laughs" attack. */
export const MAX_YAML_ALIASES = 100;

/**
 * Parses YAML without ever throwing: alias expansion bounded, forbidden keys dropped, dates kept as
 * ISO strings, syntax errors reported with line and column.
 */
export function safeYamlParse(text: string): SafeParseResult {
  const issues: Issue[] = [];
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: true, uniqueKeys: false, strict: false });
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          severity: 'error',
          code: 'YAML_SYNTAX',
          message: `Invalid YAML: ${e instanceof Error ? e.message : String(e)}`,
        },
      ],
    };
  }
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = err?.linePos?.[0];
    return {
      ok: false,
      issues: [
        {
          severity: 'error',
          code: 'YAML_SYNTAX',
          message: `Invalid YAML${pos ? ` at line ${pos.line}, column ${pos.col}` : ''}: ${(err?.message ?? '').split('\n')[0]}`,
          ...(pos ? { line: pos.line, column: pos.col } : {}),
        },
      ],
    };
  }
  let aliases = 0;
  visit(doc, {
    Alias() {
      aliases++;
    },
  });
  if (aliases > 0 && isAliasHeavy(aliases)) {
    return {
      ok: false,
      issues: [
        {
          severity: 'error',
          code: 'YAML_ALIAS_LIMIT',
          message: `YAML uses ${aliases} aliases (more than ${MAX_YAML_ALIASES}); refused to expand it.`,
        },
      ],
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const code = /alias/i.test(message) ? 'YAML_ALIAS_LIMIT' : 'YAML_SYNTAX';
    return {
      ok: false,
      issues: [
        {
          severity: 'error',
          code,
          message:
            code === 'YAML_ALIAS_LIMIT'
              ? `YAML aliases expand beyond the bound (${MAX_YAML_ALIASES}); refused.`
              : `Invalid YAML: ${message}`,
        },
      ],
    };
  }
  try {
    return { ok: true, value: sanitizeValue(value, issues), issues };
  } catch {
    return { ok: false, issues: [depthIssue('YAML')] };
  }
}

function isAliasHeavy(count: number): boolean {
  return count > MAX_YAML_ALIASES;
}
