import { useState } from 'react';
import { addToCollection, createCollection, removeFromCollection } from '@/workers/catalogWrites';
import { assetKey } from '@/core/model';
import { useCollections } from './useCuration';

/** The collections an asset belongs to, with add/remove and "new collection". */
export function AssetCollections({ id }: { id: string }) {
  const key = assetKey(id);
  const collections = useCollections();
  const [target, setTarget] = useState('');
  const [name, setName] = useState('');
  const mine = (collections ?? []).filter((c) => c.assetKeys.includes(key));
  const others = (collections ?? []).filter((c) => !c.assetKeys.includes(key));
  const chosen = target && others.some((c) => c.id === target) ? target : (others[0]?.id ?? '');
  return (
    <div className="asset-collections">
      {mine.length === 0 ? <p className="muted">In no collection.</p> : null}
      <ul aria-label="Collections of this asset" className="chips">
        {mine.map((c) => (
          <li key={c.id} className="badge">
            {c.name}{' '}
            <button
              type="button"
              className="chip-x"
              aria-label={`Remove from ${c.name}`}
              onClick={() => void removeFromCollection(c.id, [key])}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <div className="inline">
          <select aria-label="Collection" value={chosen} onChange={(e) => setTarget(e.currentTarget.value)}>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => chosen && void addToCollection(chosen, [key])}>
            Add to collection
          </button>
        </div>
      ) : null}
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() === '') return;
          void createCollection(name, [key]);
          setName('');
        }}
      >
        <input
          aria-label="New collection name"
          placeholder="New collection"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit">Create collection</button>
      </form>
    </div>
  );
}
