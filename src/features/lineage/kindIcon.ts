/** A small glyph per asset kind (decorative; the kind is also spelled out for assistive tech). */
const ICONS: Readonly<Record<string, string>> = {
  model: '◆',
  dataset: '▦',
  code: '⟨⟩',
  software: '⚙',
  service: '☁',
  unknown: '?',
};

export function kindIcon(kind: string): string {
  return Object.hasOwn(ICONS, kind) ? (ICONS[kind] ?? '?') : '?';
}
