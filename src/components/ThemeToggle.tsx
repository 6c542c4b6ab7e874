import { useState } from 'react';
import { currentTheme, setTheme, type Theme } from './theme';

/** The "Theme" button: switches between light and dark (pressed = dark) and remembers the pick. */
export function ThemeToggle() {
  const [theme, setState] = useState<Theme>(currentTheme);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-label="Theme"
      aria-pressed={theme === 'dark'}
      title={`Switch to the ${next} theme`}
      onClick={() => {
        setTheme(next);
        setState(next);
      }}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span>
    </button>
  );
}
