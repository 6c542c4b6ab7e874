import { useEffect, useRef, useState } from 'react';

const SHORTCUTS: readonly [string, string][] = [
  ['/', 'Search the catalog'],
  ['↑ ↓', 'Move between catalog rows (↓ in the search goes to the results, ↑ on the first row back)'],
  ['Home End', 'First or last catalog row'],
  ['Enter', 'Open the focused asset'],
  ['Space', 'Select the focused row'],
  ['Esc', 'Close a dialog, drawer or suggestions'],
  ['?', 'Show these shortcuts'],
];

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return (
    el.isContentEditable ||
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' ||
    (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'checkbox')
  );
}

/**
 * Global keys: `/` focuses the catalog search (where there is one), `?` opens the shortcuts sheet, Esc
 * closes it. Keys typed into a field are left alone.
 */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === '/') {
        const search = document.querySelector<HTMLInputElement>('input[aria-label="Search catalog"]');
        if (!search) return;
        e.preventDefault();
        search.focus();
        search.select();
      } else if (e.key === '?') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="shortcuts"
      aria-labelledby="shortcuts-title"
      onClose={() => setOpen(false)}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => setOpen(false)}>
        Close
      </button>
    </dialog>
  );
}
