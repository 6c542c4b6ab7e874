/**
 * The colour theme: the system's (prefers-color-scheme) until the person picks one with the "Theme" button;
 * the pick is remembered in localStorage and applied as `data-theme` on <html> (global.css reads it).
 */
export type Theme = 'light' | 'dark';

const KEY = 'tarn-theme';

function stored(): Theme | undefined {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : undefined;
  } catch {
    return undefined;
  }
}

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

/** The theme in force: the remembered pick, else the system's. */
export function currentTheme(): Theme {
  return stored() ?? systemTheme();
}

/** Applies the remembered pick (if any) to the document; call before the first render. */
export function applyStoredTheme(): void {
  const t = stored();
  if (t) document.documentElement.dataset.theme = t;
}

/** Picks a theme, applies it and remembers it. */
export function setTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Private mode or storage full: the pick lasts for this page only.
  }
}
