import { useMemo } from 'react';
import { renderSafeMarkdown } from './renderSafeMarkdown';

/** Renders untrusted markdown (cards, notes) as sanitized HTML: no scripts, no handlers, no remote loads. */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const html = useMemo(() => renderSafeMarkdown(text), [text]);
  // Sanitized by DOMPurify in renderSafeMarkdown; remote images and javascript: URLs are removed.
  return <div className={className ?? 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />;
}
