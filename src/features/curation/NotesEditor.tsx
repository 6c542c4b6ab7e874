import { useState } from 'react';
import { Markdown } from '@/components/Markdown';

type Props = { notes: string; onSave: (notes: string) => void };

/** Markdown notes: rendered sanitized; "Edit notes" opens a textarea. */
export function NotesEditor({ notes, onSave }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(notes);
  if (editing) {
    return (
      <form
        className="notes-editor"
        onSubmit={(e) => {
          e.preventDefault();
          onSave(draft);
          setEditing(false);
        }}
      >
        <textarea
          aria-label="Notes (markdown)"
          rows={6}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
        />
        <div className="inline">
          <button type="submit">Save notes</button>
          <button
            type="button"
            onClick={() => {
              setDraft(notes);
              setEditing(false);
            }}
          >
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="notes">
      {notes.trim() !== '' ? (
        <div data-testid="curation-notes">
          <Markdown text={notes} className="markdown notes-body" />
        </div>
      ) : (
        <p className="muted">No notes.</p>
      )}
      <button
        type="button"
        onClick={() => {
          setDraft(notes);
          setEditing(true);
        }}
      >
        Edit notes
      </button>
    </div>
  );
}
