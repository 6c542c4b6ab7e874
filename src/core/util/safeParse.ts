import { parseDocument, visit } from 'yaml';
import type { Issue } from '../model';
import { depthIssue, MAX_NESTING_DEPTH, sanitizeValue, type SafeParseResult } from './safeJson';

export { MAX_FILE_BYTES, safeJsonParse, sanitizeValue, type SafeParseResult } from './safeJson';

/** YAML alias expansion bound: more alias references than this is treated as a "billion laughs" attack. */
export const MAX_YAML_ALIASES = 100;

export { MAX_NESTING_DEPTH };

/** The YAML library recurses per level: a deep enough document overflows the stack (a RangeError). */
function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError || (e instanceof Error && /call stack/i.test(e.message));
}

/**
 * Cheap upper bound of a YAML text's nesting, without the YAML library (which recurses per level): block
 * indentation levels, compact block sequences (`- - - …` on one line) and flow collections (`[[[…`,
 * `{a: {b: …`). Quoted scalars and comments are skipped.
 */
export function yamlDepthExceeds(text: string, max: number): boolean {
  let flow = 0;
  let quote = '';
  let lineStart = true;
  let col = 0;
  let dashes = 0;
  /** Indentation of the open block levels. */
  const indents: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '\n') {
      lineStart = true;
      col = 0;
      dashes = 0;
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '\t') {
        col++;
        continue;
      }
      if (c === '-' && (text[i + 1] === ' ' || text[i + 1] === '\n')) {
        if (++dashes + indents.length > max) return true;
        continue;
      }
      lineStart = false;
      if (c !== '#' && flow === 0) {
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= col) indents.pop();
        indents.push(col);
        if (indents.length + dashes > max) return true;
      }
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl - 1;
    } else if (c === '"' || c === "'") {
      if (/[\s:,[{]/.test(text[i - 1] ?? ' ')) quote = c;
    } else if (c === '[' || c === '{') {
      if (++flow + indents.length + dashes > max) return true;
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return false;
}

/**
 * Parses YAML without ever throwing: alias expansion bounded, forbidden keys dropped, dates kept as
 * ISO strings, syntax errors reported with line and column.
 */
export function safeYamlParse(text: string): SafeParseResult {
  const issues: Issue[] = [];
  if (yamlDepthExceeds(text, MAX_NESTING_DEPTH)) return { ok: false, issues: [depthIssue('YAML')] };
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: true, uniqueKeys: false, strict: false });
  } catch (e) {
    if (isStackOverflow(e)) return { ok: false, issues: [depthIssue('YAML')] };
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
  if (doc.errors.some((e) => /call stack/i.test(e.message))) {
    return { ok: false, issues: [depthIssue('YAML')] };
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
  try {
    visit(doc, {
      Alias() {
        aliases++;
      },
    });
  } catch (e) {
    if (isStackOverflow(e)) return { ok: false, issues: [depthIssue('YAML')] };
    throw e;
  }
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
    if (isStackOverflow(e)) return { ok: false, issues: [depthIssue('YAML')] };
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
