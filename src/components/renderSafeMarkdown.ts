import { marked } from 'marked';
import DOMPurify from 'dompurify';

const MAX_MARKDOWN = 400_000; // characters rendered; longer cards are truncated with a note

let hooked = false;

function installHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element)) return;
    // Media from other origins would be requests to other origins: drop them, keep a link instead.
    for (const attr of ['src', 'srcset', 'poster', 'background']) {
      const v = node.getAttribute(attr);
      if (v !== null && !/^(data:image\/|blob:|#)/i.test(v.trim())) {
        node.removeAttribute(attr);
        node.setAttribute('data-blocked-src', v.slice(0, 500));
        if (node.tagName === 'IMG' && !node.getAttribute('alt')) node.setAttribute('alt', 'remote image not loaded');
      }
    }
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!/^(https?:|mailto:|#|\/)/i.test(href.trim())) node.removeAttribute('href');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
      node.setAttribute('target', '_blank');
    }
  });
}

/** Markdown → sanitized HTML string (safe to inject). */
export function renderSafeMarkdown(text: string): string {
  installHooks();
  const src = text.length > MAX_MARKDOWN ? `${text.slice(0, MAX_MARKDOWN)}\n\n*(card truncated for display)*` : text;
  const raw = marked.parse(src, { async: false, gfm: true });
  return DOMPurify.sanitize(raw, {
    FORBID_TAGS: ['style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'link', 'meta', 'base', 'svg', 'math', 'video', 'audio', 'source', 'picture'],
    FORBID_ATTR: ['style', 'srcset'],
    ALLOW_DATA_ATTR: false,
  });
}
