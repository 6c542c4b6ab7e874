/**
 * Safe JSON parsing and value sanitising (no YAML: this module is on the app's start-up path, through the
 * export envelope, and the YAML parser loads only with the import pipeline; see safeParse).
 */
import type { Issue } from '../model';
import { locateJsonError } from './jsonLocate';

/** Keys that must never reach a plain object: they could pollute prototypes downstream. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON/YAML nested deeper than this is rejected (levels). */
export const MAX_NESTING_DEPTH = 200;
/** A single file larger than this is refused before parsing (bytes of text). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type SafeParseResult = { ok: true; value: unknown; issues: Issue[] } | { ok: false; issues: Issue[] };

/**
 * Rebuilds a parsed value with null-prototype-free plain objects, dropping forbidden keys and
 * enforcing the depth bound. Returns issues for everything it removed.
 */
export function sanitizeValue(value: unknown, issues: Issue[], path = '', depth = 0): unknown {
  if (depth > MAX_NESTING_DEPTH) {
    throw new DepthError();
  }
  if (Array.isArray(value)) {
    return value.map((v, i) => sanitizeValue(v, issues, `${path}[${i}]`, depth + 1));
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const p = path ? `${path}.${k}` : k;
      if (FORBIDDEN_KEYS.has(k)) {
        issues.push({
          severity: 'warning',
          code: 'FORBIDDEN_KEY',
          message: `Ignored the key "${k}" at ${p}: it could tamper with objects.`,
          path: p,
        });
        continue;
      }
      Object.defineProperty(out, k, {
        value: sanitizeValue(v, issues, p, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  if (typeof value === 'bigint') return Number(value);
  return value;
}

class DepthError extends Error {
  constructor() {
    super('too deep');
  }
}

export function depthIssue(kind: string): Issue {
  return {
    severity: 'error',
    code: 'TOO_DEEP',
    message: `${kind} is nested deeper than ${MAX_NESTING_DEPTH} levels; refused.`,
  };
}

/** Line and column (1-based) of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** Cheap pre-check of bracket depth so a hostile file cannot blow the stack in JSON.parse. */
function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** Removes trailing commas before `}` or `]` outside strings. Returns the fixed text and how many were removed. */
export function stripTrailingCommas(text: string): { text: string; removed: number; firstOffset: number } {
  let out = '';
  let inString = false;
  let removed = 0;
  let firstOffset = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += text[i + 1] ?? '';
        i++;
      } else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    if (ch === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] as string)) j++;
      const next = text[j];
      if (next === '}' || next === ']') {
        removed++;
        if (firstOffset < 0) firstOffset = i;
        continue;
      }
    }
    out += ch;
  }
  return { text: out, removed, firstOffset };
}

/** Offset from a V8/SpiderMonkey JSON.parse message ("... at position 12" or "line 2 column 3"). */
function jsonErrorOffset(text: string, message: string): { line: number; column: number } | undefined {
  const pos = /position (\d+)/.exec(message);
  if (pos?.[1]) return lineColumnAt(text, Number(pos[1]));
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc?.[1] && lc[2]) return { line: Number(lc[1]), column: Number(lc[2]) };
  return undefined;
}

/**
 * Parses JSON without ever throwing: depth-bounded, forbidden keys dropped, optional trailing-comma
 * tolerance (reported as a warning), syntax errors reported with line and column.
 */
export function safeJsonParse(text: string, opts: { allowTrailingCommas?: boolean } = {}): SafeParseResult {
  const issues: Issue[] = [];
  if (jsonDepthExceeds(text, MAX_NESTING_DEPTH)) return { ok: false, issues: [depthIssue('JSON')] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (opts.allowTrailingCommas) {
      const fixed = stripTrailingCommas(text);
      if (fixed.removed > 0) {
        try {
          raw = JSON.parse(fixed.text);
          const at = lineColumnAt(text, fixed.firstOffset);
          issues.push({
            severity: 'warning',
            code: 'TRAILING_COMMA',
            message: `Tolerated ${fixed.removed} trailing comma(s) (first at line ${at.line}, column ${at.column}); the file is not strict JSON.`,
            line: at.line,
            column: at.column,
          });
        } catch {
          raw = undefined;
        }
      }
    }
    if (raw === undefined) {
      const offset = locateJsonError(text);
      const at = offset >= 0 ? lineColumnAt(text, offset) : jsonErrorOffset(text, message);
      return {
        ok: false,
        issues: [
          {
            severity: 'error',
            code: 'JSON_SYNTAX',
            message: `Invalid JSON${at ? ` at line ${at.line}, column ${at.column}` : ''}: ${message}`,
            ...(at ?? {}),
          },
        ],
      };
    }
  }
  try {
    return { ok: true, value: sanitizeValue(raw, issues), issues };
  } catch {
    return { ok: false, issues: [depthIssue('JSON')] };
  }
}
