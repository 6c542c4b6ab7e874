/**
 * Readable differences between two versions of a source: a line diff of the raw text (via `diff`) and a
 * field diff of what the parser read from each.
 */
import { diffLines } from 'diff';
import type { Asset } from '../model';
import { flattenFields } from './fieldRows';

export type DiffLine = { kind: 'add' | 'del' | 'same'; text: string; oldNo?: number; newNo?: number };
/** A run of unchanged lines folded away. */
export type DiffGap = { kind: 'gap'; count: number };
export type TextDiff =
  { ok: true; lines: (DiffLine | DiffGap)[]; added: number; removed: number } | { ok: false; reason: string };

const MAX_DIFF_CHARS = 2_000_000;

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Line diff of two texts with `context` unchanged lines kept around each change (the rest folded into
 * gaps). Gives up (ok: false) on inputs too large or too different to diff quickly.
 */
export function textDiff(before: string, after: string, context = 3): TextDiff {
  if (before.length + after.length > MAX_DIFF_CHARS)
    return { ok: false, reason: 'The sources are too large to diff line by line.' };
  const a = before.replace(/\r\n/g, '\n');
  const b = after.replace(/\r\n/g, '\n');
  const changes = diffLines(a, b, { timeout: 3000 });
  if (!changes) return { ok: false, reason: 'The sources differ too much to diff line by line.' };
  const all: DiffLine[] = [];
  let oldNo = 1;
  let newNo = 1;
  let added = 0;
  let removed = 0;
  for (const c of changes) {
    for (const text of splitLines(c.value)) {
      if (c.added) {
        all.push({ kind: 'add', text, newNo: newNo++ });
        added++;
      } else if (c.removed) {
        all.push({ kind: 'del', text, oldNo: oldNo++ });
        removed++;
      } else {
        all.push({ kind: 'same', text, oldNo: oldNo++, newNo: newNo++ });
      }
    }
  }
  const keep = all.map(() => false);
  all.forEach((l, i) => {
    if (l.kind === 'same') return;
    for (let j = Math.max(0, i - context); j <= Math.min(all.length - 1, i + context); j++) keep[j] = true;
  });
  const lines: (DiffLine | DiffGap)[] = [];
  let gap = 0;
  all.forEach((l, i) => {
    if (keep[i]) {
      if (gap > 0) lines.push({ kind: 'gap', count: gap });
      gap = 0;
      lines.push(l);
    } else gap++;
  });
  if (gap > 0) lines.push({ kind: 'gap', count: gap });
  return { ok: true, lines, added, removed };
}

export type FieldChange = { field: string; before?: string; after?: string };

/** Fields that differ between two parsed descriptions of an asset (top-level and `extra.*`). */
export function fieldsDiff(
  before: Partial<Asset> | undefined,
  after: Partial<Asset> | undefined,
): FieldChange[] {
  const a = before ? flattenFields(before) : new Map<string, string>();
  const b = after ? flattenFields(after) : new Map<string, string>();
  const fields = Array.from(new Set([...a.keys(), ...b.keys()]));
  const out: FieldChange[] = [];
  for (const field of fields) {
    const x = a.get(field);
    const y = b.get(field);
    if (x === y) continue;
    out.push({ field, ...(x !== undefined ? { before: x } : {}), ...(y !== undefined ? { after: y } : {}) });
  }
  const rank = (f: string) => (f === 'license' ? 0 : f.startsWith('extra.') ? 2 : 1);
  return out.sort((p, q) => rank(p.field) - rank(q.field) || p.field.localeCompare(q.field));
}
