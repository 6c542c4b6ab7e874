/** The catalog search box with autosuggest (a keyboard-navigable listbox of completions). */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { catalogClient } from '@/workers/catalogClient';

export type SearchBoxProps = {
  value: string;
  onChange: (value: string) => void;
  hints: readonly string[];
};

export function SearchBox({ value, onChange, hints }: SearchBoxProps) {
  const listId = useId();
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const seq = useRef(0);
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current) return;
    const my = ++seq.current;
    if (value.trim() === '') {
      const t = setTimeout(() => setSuggestions([]), 0);
      return () => clearTimeout(t);
    }
    const t = setTimeout(() => {
      catalogClient()
        .call('suggest', { q: value, limit: 8 })
        .then(
          (res) => {
            if (my !== seq.current) return;
            setSuggestions(res.suggestions);
            setActive(-1);
          },
          () => undefined,
        );
    }, 150);
    return () => clearTimeout(t);
  }, [value]);

  const shown = open && suggestions.length > 0;

  const apply = (s: string) => {
    typed.current = false;
    onChange(s);
    setSuggestions([]);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && suggestions.length > 0) {
      setOpen(true);
      setActive((a) => (a + 1) % suggestions.length);
      e.preventDefault();
    } else if (e.key === 'ArrowUp' && shown) {
      setActive((a) => (a <= 0 ? suggestions.length - 1 : a - 1));
      e.preventDefault();
    } else if (e.key === 'Enter' && shown && active >= 0) {
      const s = suggestions[active];
      if (s !== undefined) apply(s);
      e.preventDefault();
    } else if (e.key === 'Escape' && shown) {
      setOpen(false);
      setActive(-1);
      e.preventDefault();
    } else if (e.key === 'Tab' && shown && active >= 0) {
      const s = suggestions[active];
      if (s !== undefined) apply(s);
      e.preventDefault();
    }
  };

  return (
    <div className="search-box">
      <input
        type="search"
        role="searchbox"
        aria-label="Search catalog"
        placeholder="Search catalog — try license:apache-2.0 task:text-generation -gguf"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        value={value}
        onChange={(e) => {
          typed.current = true;
          setOpen(true);
          onChange(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <ul id={listId} role="listbox" aria-label="Search suggestions" className="suggestions" hidden={!shown}>
        {shown
          ? suggestions.map((s, i) => (
              <li
                key={s}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  apply(s);
                }}
              >
                {s}
              </li>
            ))
          : null}
      </ul>
      {hints.length > 0 ? (
        <ul className="query-hints" aria-label="Query hints">
          {hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
