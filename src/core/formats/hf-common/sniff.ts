import type { SourceFile } from '../../model';
import { scanTopLevelKeys } from './frontMatter';
import { classifyCard, pathSaysDataset, type CardKind } from './keys';

/** True for names a markdown card can have (`*.md`, `*.markdown`, `*.mdx`, `README`, `README.txt`). */
export function looksLikeMarkdownName(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? '';
  return /\.(?:md|markdown|mdx)$/i.test(base) || /^readme(?:\.txt)?$/i.test(base);
}

/**
 * Confidence that `file` is an HF card of `kind`, judged by content:
 * - front matter with kind-specific keys → 0.95 for the winning kind, 0.4 for the other;
 * - front matter with only shared HF keys (license, tags, language, ...) → 0.8 / 0.4 (path breaks the tie);
 * - front matter with no HF key at all → 0.4 / 0.3 (still a markdown card, weakly);
 * - no front matter but a markdown name → 0.15 for a model card (0.1 for a dataset card), or the
 *   other way round under a `datasets/` path: accepted with low confidence, parse warns.
 * An unclosed block scores 0.9× of the above.
 */
export function sniffHfCard(kind: CardKind, file: SourceFile, head: string): number {
  const scan = scanTopLevelKeys(head);
  if (!scan) {
    if (!looksLikeMarkdownName(file.name)) return 0;
    if (/^[{[<]/.test(head)) return 0;
    const preferred: CardKind = pathSaysDataset(file.name) ? 'dataset' : 'model';
    return preferred === kind ? 0.15 : 0.1;
  }
  const { kind: winner, strength } = classifyCard(scan.keys, file.name);
  const hasHfKey = scan.keys.some((k) => /^(?:license|tags|language|datasets|gated|extra_gated_)/i.test(k));
  // License texts with front matter (choosealicense: title, spdx-id, permissions ...) are not cards.
  if (strength === 0 && scan.keys.includes('spdx-id') && scan.keys.includes('permissions')) return 0;
  // Front matter without a single HF key, in a file not named like a card, is some other document.
  if (strength === 0 && !hasHfKey && !looksLikeMarkdownName(file.name)) return 0;
  let score: number;
  if (strength > 0) score = winner === kind ? 0.95 : 0.4;
  else if (hasHfKey) score = winner === kind ? 0.8 : 0.4;
  else score = winner === kind ? 0.4 : 0.3;
  return scan.closed ? score : score * 0.9;
}
