/** Saved views: name the current query + filters, list them, open or delete them. Stored in Dexie. */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { deleteSavedView, saveView } from '@/workers/catalogWrites';
import { useSavedViews } from './useCatalogData';

export function SavedViews({ search }: { search: string }) {
  const views = useSavedViews();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string>();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (n === '') return;
    void saveView(n, search).then((r) => {
      if (r.ok) {
        setName('');
        setMessage(`Saved view “${n}”.`);
      } else setMessage(`Could not save the view: ${r.error}`);
    });
  };

  return (
    <section className="saved-views" aria-label="Saved views">
      <h2>Saved views</h2>
      {views && views.length > 0 ? (
        <ul>
          {views.map((v) => (
            <li key={v.id}>
              <Link to={{ pathname: '/', search: v.search ? `?${v.search}` : '' }}>{v.name}</Link>
              <button
                type="button"
                className="link-button"
                aria-label={`Delete view ${v.name}`}
                onClick={() => void deleteSavedView(v.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No saved views yet.</p>
      )}
      <form onSubmit={onSubmit} className="save-view">
        <input
          aria-label="View name"
          placeholder="Name this view"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" disabled={name.trim() === ''}>
          Save view
        </button>
      </form>
      {message ? (
        <p role="status" className="muted small">
          {message}
        </p>
      ) : null}
    </section>
  );
}
