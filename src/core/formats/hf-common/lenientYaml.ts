/**
 * PyYAML-compatible repair for one frequent front-matter fault: continuation lines of a multi-line
 * quoted string that are indented less than the mapping holding it, e.g.
 *
 *     widget:
 *       - text: "first line
 *
 *      second line"
 *
 * YAML 1.2 (the `yaml` package) rejects this; PyYAML (huggingface_hub) accepts it. Leading
 * whitespace of continuation lines is folded away inside quoted scalars, so re-indenting them does
 * not change the value. Returns undefined when nothing was re-indented.
 */
export function reindentQuotedContinuations(yaml: string): string | undefined {
  const lines = yaml.split('\n');
  let quote: '"' | "'" | undefined;
  let indent = 0;
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? '';
    let from = 0;
    if (quote !== undefined) {
      if (line.trim() === '') {
        lines[i] = '';
        continue;
      }
      const stripped = line.replace(/^[ \t]+/, '');
      const wanted = ' '.repeat(indent);
      if (!line.startsWith(wanted) || line.length - stripped.length < indent) {
        line = wanted + stripped;
        lines[i] = line;
        changed = true;
      }
      const close = findClose(line, 0, quote);
      if (close < 0) continue;
      quote = undefined;
      from = close + 1;
    }
    // Look for quoted scalars opening at a value position and not closing on this line.
    for (;;) {
      const open = findOpen(line, from);
      if (open < 0) break;
      const q = line[open] === '"' ? '"' : "'";
      const close = findClose(line, open + 1, q);
      if (close < 0) {
        quote = q;
        indent = open + 1;
        break;
      }
      from = close + 1;
    }
  }
  return changed ? lines.join('\n') : undefined;
}

/** Index of a quote that starts a scalar (after indentation, `- `, `: `, `[`, `{` or `,`), or -1. */
function findOpen(line: string, from: number): number {
  const re = /(^|[-:[{,][ \t]*|^[ \t]+)(["'])/g;
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(line);
    if (!m) return -1;
    const idx = m.index + (m[1]?.length ?? 0);
    if (idx < from) continue;
    const before = line.slice(0, idx);
    if (before.includes('#')) return -1;
    const prefix = m[1] ?? '';
    // `-` and `:` must be followed by whitespace to be indicators.
    if (/^[-:]$/.test(prefix)) continue;
    if (/^[-:]/.test(prefix) && !/[ \t]/.test(prefix)) continue;
    return idx;
  }
}

/** Index of the closing quote at or after `from`, honouring escapes, or -1. */
function findClose(line: string, from: number, quote: '"' | "'"): number {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote === '"' && c === '\\') {
      i++;
      continue;
    }
    if (c === quote) {
      if (quote === "'" && line[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}
