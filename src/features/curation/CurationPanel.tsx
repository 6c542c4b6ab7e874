import { useState } from 'react';
import { CURATION_STATUSES } from '@/db';
import { addTags, removeTags, updateCuration } from '@/workers/catalogWrites';
import { assetKey } from '@/core/model';
import { useCuration } from './useCuration';
import { TagEditor } from './TagEditor';
import { NotesEditor } from './NotesEditor';
import { AssetCollections } from './AssetCollections';

function OwnerField({ owner, onSave }: { owner: string; onSave: (o: string) => void }) {
  const [draft, setDraft] = useState(owner);
  return (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draft);
      }}
    >
      <input
        aria-label="Curation owner"
        placeholder="Owner (person or team)"
        value={draft}
        maxLength={200}
        onChange={(e) => setDraft(e.currentTarget.value)}
      />
      <button type="submit">Set owner</button>
    </form>
  );
}

/**
 * Curation of one asset: status, owner, tags, notes, collections. Stored apart from the imported data,
 * every change audited.
 */
export function CurationPanel({ id }: { id: string }) {
  const key = assetKey(id);
  const data = useCuration(key);
  if (data === undefined) return null;
  const row = data.row;
  const tags = row?.tags ?? [];
  return (
    <section aria-label="Curation" className="curation-panel">
      <h2>Curation</h2>
      <label className="field">
        <span>Status</span>
        <select
          aria-label="Curation status"
          value={row?.status ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value;
            void updateCuration(key, { status: CURATION_STATUSES.find((s) => s === v) ?? null });
          }}
        >
          <option value="">not curated</option>
          {CURATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <span>Owner</span>
        <OwnerField
          key={row?.owner ?? ''}
          owner={row?.owner ?? ''}
          onSave={(o) => void updateCuration(key, { owner: o === '' ? null : o })}
        />
      </div>
      <div className="field">
        <span>Tags</span>
        <TagEditor
          tags={tags}
          onAdd={(t) => void addTags([key], [t])}
          onRemove={(t) => void removeTags([key], [t])}
        />
      </div>
      <div className="field">
        <span>Notes</span>
        <NotesEditor
          key={key}
          notes={row?.notes ?? ''}
          onSave={(n) => void updateCuration(key, { notes: n })}
        />
      </div>
      <div className="field">
        <span>Collections</span>
        <AssetCollections id={id} />
      </div>
    </section>
  );
}
