/** The catalog search box with autosuggest (a keyboard-navigable listbox of completions). */
import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { catalogClient } from '@/workers/catalogClient';
import { catalogKeys } from './queryKeys';

export type SearchBoxProps = {
  value: string;
  onChange: (value: string) => void;
  hints: readonly string[];
  /** ArrowDown with no suggestion list shown, or from its last suggestion: on to the results. */
  onArrowDownOut?: () => void;
  inputRef?: Ref<HTMLInputElement>;
};

/** Pause after the last keystroke before suggestions are asked for. */
const SUGGEST_DELAY_MS = 150;

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new Error('Suggestions abandoned'));
    });
  });
}

const NO_SUGGESTIONS: string[] = [];

export function SearchBox({ value, onChange, hints, onArrowDownOut, inputRef }: SearchBoxProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  // Suggestions follow what the user types, not a value set from outside (a saved view, a chosen suggestion).
  const [typed, setTyped] = useState(false);
  const asked = typed && value.trim() !== '';
  // Each keystroke is a new key: the previous one's wait is abandoned, so only a pause asks the worker.
  const { data } = useQuery({
    queryKey: catalogKeys.suggest(value),
    queryFn: async ({ signal }) => {
      await delay(SUGGEST_DELAY_MS, signal);
      const res = await catalogClient().call('suggest', { q: value, limit: 8 });
      return res.suggestions;
    },
    enabled: asked,
    placeholderData: keepPreviousData,
  });
  const suggestions = asked ? (data ?? NO_SUGGESTIONS) : NO_SUGGESTIONS;
  // The highlighted suggestion belongs to the list it was chosen in; a new list starts unhighlighted.
  const [highlight, setHighlight] = useState<{ list: string[]; index: number }>({
    list: NO_SUGGESTIONS,
    index: -1,
  });
  const active = highlight.list === suggestions ? highlight.index : -1;
  const setActive = (next: (a: number) => number) => setHighlight({ list: suggestions, index: next(active) });

  const shown = open && suggestions.length > 0;

  const apply = (s: string) => {
    setTyped(false);
    onChange(s);
    setOpen(false);
    setActive(() => -1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && shown && active < suggestions.length - 1) {
      setActive((a) => a + 1);
      e.preventDefault();
    } else if (e.key === 'ArrowDown' && onArrowDownOut) {
      setOpen(false);
      setActive(() => -1);
      onArrowDownOut();
      e.preventDefault();
    } else if (e.key === 'ArrowUp' && shown) {
      setActive((a) => (a <= 0 ? suggestions.length - 1 : a - 1));
      e.preventDefault();
    } else if (e.key === 'Enter' && shown && active >= 0) {
      const s = suggestions[active];
      if (s !== undefined) apply(s);
      e.preventDefault();
    } else if (e.key === 'Escape' && open) {
      // Also when the suggestions are still on their way: Esc means none for now.
      setOpen(false);
      setActive(() => -1);
      if (shown) e.preventDefault();
    } else if (e.key === 'Tab' && shown && active >= 0) {
      const s = suggestions[active];
      if (s !== undefined) apply(s);
      e.preventDefault();
    }
  };

  return (
    <div className="search-box">
      <input
        ref={inputRef}
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
          setTyped(true);
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
