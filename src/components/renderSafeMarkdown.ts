import { Marked, type Tokens } from 'marked';
import DOMPurify from 'dompurify';
import { stripHandlers } from './stripHandlers';

const MAX_MARKDOWN = 400_000; // characters rendered; longer cards are truncated with a note

/** Card headings are demoted two levels: the page's h1 is the asset name and "Card" is an h2. */
const marked = new Marked({
  gfm: true,
  async: false,
  walkTokens: (token) => {
    if (token.type === 'heading') {
      const h = token as Tokens.Heading;
      h.depth = Math.min(6, h.depth + 2);
    }
  },
});

let hooked = false;

function installHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element)) return;
    // Media from other origins would be requests to other origins: drop them, keep a link instead.
    for (const attr of ['src', 'poster', 'background']) {
      const v = node.getAttribute(attr);
      if (v !== null && !/^(data:image\/|blob:|#)/i.test(v.trim())) {
        node.removeAttribute(attr);
        node.setAttribute('data-blocked-src', v.slice(0, 500));
        if (node.tagName === 'IMG' && !node.getAttribute('alt'))
          node.setAttribute('alt', 'remote image not loaded');
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
  const src =
    text.length > MAX_MARKDOWN ? `${text.slice(0, MAX_MARKDOWN)}\n\n*(card truncated for display)*` : text;
  // The whole rendered body loses its handler attributes before any DOM parser sees it (a tokenizer that
  // knows quoted values may hold ">"); then DOMPurify sanitizes the whole body.
  const raw = stripHandlers(marked.parse(src) as string);
  return DOMPurify.sanitize(raw, {
    FORBID_TAGS: [
      'style',
      'iframe',
      'object',
      'embed',
      'form',
      'input',
      'button',
      'link',
      'meta',
      'base',
      'svg',
      'math',
      'video',
      'audio',
      'source',
      'picture',
      'frame',
      'frameset',
    ],
    FORBID_ATTR: ['style', 'srcset'],
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ['target'],
  });
}
