/**
 * YAML front matter of a Hugging Face card, located like huggingface_hub's `REGEX_YAML_BLOCK`:
 * optional BOM and leading blank lines, a `---` line, the YAML block, a closing `---` line, then
 * markdown. CRLF and lone CR line endings are accepted (the result is LF-normalised).
 */

export type FrontMatterSplit =
  | {
      kind: 'front-matter';
      /** YAML text between the delimiters (LF line endings). */
      yaml: string;
      /** 1-based file line of the opening `---`; YAML line n is file line `openLine + n`. */
      openLine: number;
      /** Markdown after the closing delimiter (LF line endings, leading blank lines removed). */
      body: string;
    }
  | {
      /** An opening `---` with no closing delimiter. */
      kind: 'unclosed';
      openLine: number;
      body: string;
    }
  | { kind: 'none'; body: string };

const DELIMITER = /^---[ \t]*$/;

/** Text with BOM removed and CRLF / CR turned into LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Splits a card into YAML front matter and markdown body. Never throws. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const normalized = normalizeNewlines(text);
  const lines = normalized.split('\n');
  let first = 0;
  while (first < lines.length && (lines[first] ?? '').trim() === '') first++;
  if (first >= lines.length || !DELIMITER.test(lines[first] ?? '')) {
    return { kind: 'none', body: normalized.trim() === '' ? '' : normalized.replace(/^\n+/, '') };
  }
  for (let i = first + 1; i < lines.length; i++) {
    if (DELIMITER.test(lines[i] ?? '')) {
      return {
        kind: 'front-matter',
        yaml: lines.slice(first + 1, i).join('\n'),
        openLine: first + 1,
        body: lines
          .slice(i + 1)
          .join('\n')
          .replace(/^\n+/, ''),
      };
    }
  }
  return { kind: 'unclosed', openLine: first + 1, body: lines.slice(first + 1).join('\n') };
}

/**
 * Top-level keys of a front-matter block, found line by line without parsing YAML (used by sniffing,
 * so it also works on broken YAML and on a block cut off by the 64 KiB sniff head).
 * Returns undefined when the text does not start with a `---` line.
 */
export function scanTopLevelKeys(head: string): { keys: string[]; closed: boolean } | undefined {
  const text = normalizeNewlines(head).replace(/^\s*\n/, '');
  const lines = text.split('\n');
  let start = 0;
  while (start < lines.length && (lines[start] ?? '').trim() === '') start++;
  if (!DELIMITER.test(lines[start] ?? '')) return undefined;
  const keys: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (DELIMITER.test(line)) return { keys, closed: true };
    const m = /^(?:"([^"]+)"|'([^']+)'|([^\s#:\-'"[{][^:]*?))[ \t]*:(?:[ \t]|$)/.exec(line);
    const key = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
    if (key !== undefined && !keys.includes(key)) keys.push(key);
  }
  return { keys, closed: false };
}
