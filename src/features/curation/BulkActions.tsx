import { useState } from 'react';
import { CURATION_STATUSES, type DeletedSnapshot } from '@/db';
import { ConfirmButton } from '@/components/ConfirmButton';
import {
  addTags,
  addToCollection,
  createCollection,
  deleteAssets,
  setStatus,
  undoDelete,
  type WriteResult,
} from '@/workers/catalogWrites';
import { useCollections } from './useCuration';

export type BulkActionsProps = {
  /** Asset keys selected in the catalog table. */
  selectedKeys: readonly string[];
  /** "Export selection": the app opens the export dialog on the selection. Hidden when absent. */
  onExport?: (keys: readonly string[]) => void;
  /** Called after a delete (e.g. to clear the table selection). */
  onDeleted?: (keys: readonly string[]) => void;
};

const NEW = '__new__';

/** Actions on a table selection: tag, add to collection, set status, delete (with undo), export. */
export function BulkActions({ selectedKeys, onExport, onDeleted }: BulkActionsProps) {
  const collections = useCollections();
  const [tag, setTag] = useState('');
  const [collection, setCollection] = useState('');
  const [newName, setNewName] = useState('');
  const [status, setStatusValue] = useState('approved');
  const [message, setMessage] = useState<string>();
  const [undo, setUndo] = useState<DeletedSnapshot>();
  const n = selectedKeys.length;
  const keys = [...selectedKeys];
  const chosenCollection = collection || collections?.[0]?.id || NEW;
  /** Shows the write's outcome: `text(value)` when it worked, the error otherwise. */
  const report =
    <T,>(text: (value: T) => string) =>
    (r: WriteResult<T>) =>
      setMessage(r.ok ? text(r.value) : `Could not change the catalog: ${r.error}`);

  if (n === 0 && !undo) return null;
  return (
    <div role="toolbar" aria-label="Bulk actions" className="bulk-actions">
      {n > 0 ? (
        <>
          <strong>{n} selected</strong>
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              if (tag.trim() === '') return;
              const t = tag.trim();
              void addTags(keys, [tag]).then(report((c) => `Tagged ${c} assets "${t}".`));
              setTag('');
            }}
          >
            <input
              aria-label="Tag for selection"
              placeholder="Tag"
              value={tag}
              maxLength={100}
              onChange={(e) => setTag(e.currentTarget.value)}
            />
            <button type="submit">Tag</button>
          </form>
          <span className="inline">
            <select
              aria-label="Collection for selection"
              value={chosenCollection}
              onChange={(e) => setCollection(e.currentTarget.value)}
            >
              {(collections ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
              <option value={NEW}>New collection…</option>
            </select>
            {chosenCollection === NEW ? (
              <input
                aria-label="New collection name for selection"
                placeholder="Collection name"
                value={newName}
                onChange={(e) => setNewName(e.currentTarget.value)}
              />
            ) : null}
            <button
              type="button"
              onClick={() => {
                if (chosenCollection === NEW) {
                  if (newName.trim() === '') return;
                  void createCollection(newName, keys).then(
                    report((c) => {
                      setCollection(c.id);
                      setNewName('');
                      return `Created collection "${c.name}" with ${c.assetKeys.length} assets.`;
                    }),
                  );
                } else {
                  void addToCollection(chosenCollection, keys).then(
                    report((c) => `Added ${c} assets to the collection.`),
                  );
                }
              }}
            >
              Add to collection
            </button>
          </span>
          <span className="inline">
            <select
              aria-label="Status for selection"
              value={status}
              onChange={(e) => setStatusValue(e.currentTarget.value)}
            >
              {CURATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={() => {
                const s = CURATION_STATUSES.find((x) => x === status);
                if (s) void setStatus(keys, s).then(report((c) => `Set ${c} assets to ${s}.`));
              }}
            >
              Set status
            </button>
          </span>
          {onExport ? (
            <button type="button" onClick={() => onExport(keys)}>
              Export selection
            </button>
          ) : null}
          <ConfirmButton
            label="Delete"
            confirmLabel={`Delete ${n} assets`}
            question={`Delete ${n} assets with their versions and curation?`}
            onConfirm={() => {
              void deleteAssets(keys).then(
                report((snap) => {
                  setUndo(snap);
                  onDeleted?.(keys);
                  return `Deleted ${snap.keys.length} assets.`;
                }),
              );
            }}
          />
        </>
      ) : null}
      {message ? (
        <span role="status" className="bulk-message">
          {message}
        </span>
      ) : null}
      {undo ? (
        <button
          type="button"
          onClick={() => {
            const snap = undo;
            setUndo(undefined);
            void undoDelete(snap).then(report(() => `Restored ${snap.keys.length} assets.`));
          }}
        >
          Undo
        </button>
      ) : null}
    </div>
  );
}
