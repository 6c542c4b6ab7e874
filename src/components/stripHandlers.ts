/**
 * Removes event-handler attributes (`on…=`) from every tag of an HTML string, following HTML's attribute
 * syntax (quoted values may hold `>`), so a handler never reaches a DOM parser, not even DOMPurify's inert
 * one. Pure string code: runs and is tested in Node. DOMPurify remains the real guard after it.
 */
const NAME_END = /[\s/>=]/;

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /[a-z]/i.test(c);
}

/** Reads one tag starting at `<` (index `start`); returns the tag without handlers and where it ends. */
function readTag(html: string, start: number): { text: string; end: number } {
  let i = start + 1;
  if (html[i] === '/') i++;
  while (i < html.length && !/[\s/>]/.test(html[i] ?? '')) i++;
  let out = html.slice(start, i);
  while (i < html.length) {
    const ws = i;
    while (i < html.length && /[\s/]/.test(html[i] ?? '')) i++;
    if (i >= html.length) break;
    if (html[i] === '>') {
      out += html.slice(ws, i + 1);
      return { text: out, end: i + 1 };
    }
    const nameStart = i;
    // An attribute name may start with `=` (HTML treats it as part of the name).
    i++;
    while (i < html.length && !NAME_END.test(html[i] ?? '')) i++;
    const name = html.slice(nameStart, i);
    let j = i;
    while (j < html.length && /\s/.test(html[j] ?? '')) j++;
    if (html[j] === '=') {
      j++;
      while (j < html.length && /\s/.test(html[j] ?? '')) j++;
      const q = html[j];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, j + 1);
        j = close < 0 ? html.length : close + 1;
      } else {
        while (j < html.length && !/[\s>]/.test(html[j] ?? '')) j++;
      }
      i = j;
    }
    if (!/^on/i.test(name)) out += html.slice(ws, i);
  }
  // Unterminated tag: keep what was read (the parser treats the rest as the tag's; nothing more to strip).
  return { text: out, end: html.length };
}

/** `html` with every `on…` attribute of every tag removed (comments and text untouched). */
export function stripHandlers(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      const end = close < 0 ? html.length : close + 3;
      out += html.slice(lt, end);
      i = end;
    } else if (isLetter(html[lt + 1]) || (html[lt + 1] === '/' && isLetter(html[lt + 2]))) {
      const tag = readTag(html, lt);
      out += tag.text;
      i = tag.end;
    } else {
      out += '<';
      i = lt + 1;
    }
  }
  return out;
}
