import { useState } from 'react';

type Props = { tags: readonly string[]; onAdd: (tag: string) => void; onRemove: (tag: string) => void };

/** Curated tags as removable chips plus an input to add one. */
export function TagEditor({ tags, onAdd, onRemove }: Props) {
  const [draft, setDraft] = useState('');
  return (
    <div className="tag-editor">
      <ul aria-label="Curated tags" className="chips">
        {tags.map((t) => (
          <li key={t} className="badge curated">
            {t}{' '}
            <button
              type="button"
              className="chip-x"
              aria-label={`Remove tag ${t}`}
              onClick={() => onRemove(t)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim() === '') return;
          onAdd(draft.trim());
          setDraft('');
        }}
      >
        <input
          aria-label="New tag"
          placeholder="Add a tag"
          value={draft}
          maxLength={100}
          onChange={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit">Add tag</button>
      </form>
    </div>
  );
}
