import { useState } from 'react';
import type { FormEvent } from 'react';

export type LineageFindProps = {
  /** Id of the asset currently found (shown in the box), or '' when none. */
  current: string;
  /** Id of the datalist suggesting asset ids. */
  listId: string;
  /** Looks the text up; returns false when no asset matches. */
  onFind: (text: string) => boolean;
  onClear: () => void;
};

/**
 * "Find in lineage": type an id or a name, press Enter; the graph zooms to the asset and highlights
 * it with its ancestry. Says so when nothing matches.
 */
export function LineageFind({ current, listId, onFind, onClear }: LineageFindProps) {
  const [draft, setDraft] = useState(current);
  const [missed, setMissed] = useState<string | undefined>(undefined);
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    // Another asset was found (or the search cleared) from outside: show it in the box.
    setShown(current);
    setDraft(current);
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = draft.trim();
    if (text !== '') setMissed(onFind(text) ? undefined : text);
  };
  return (
    <form
      className="lineage-controls lineage-find"
      role="search"
      aria-label="Find in lineage"
      onSubmit={submit}
    >
      <label>
        Find in lineage{' '}
        <input
          type="search"
          list={listId}
          value={draft}
          placeholder="id or name"
          onChange={(e) => setDraft(e.currentTarget.value)}
        />
      </label>
      <button type="submit">Find</button>
      {current !== '' ? (
        <button
          type="button"
          onClick={() => {
            setDraft('');
            setMissed(undefined);
            onClear();
          }}
        >
          Clear highlight
        </button>
      ) : null}
      <span role="status" className="small">
        {missed !== undefined ? `No asset matches “${missed}”.` : ''}
      </span>
    </form>
  );
}
