import { describe, expect, it } from 'vitest';
import type { CurationRow, RelationRow } from '../catalog/rows';
import {
  childRevision,
  contentHash,
  curationConflicts,
  docIdOf,
  docToRow,
  parseDocId,
  resolveField,
  rowToDoc,
  sameRow,
  valueLabel,
} from './docs';

const cur = (notes: string, extra: Partial<CurationRow> = {}): CurationRow => ({
  key: 'acme/tiny',
  tags: ['nlp'],
  notes,
  updatedAt: '2026-12-02T00:00:00.000Z',
  ...extra,
});

describe('rows ↔ documents', () => {
  it('maps each replicated table to one document per row and back, unchanged', () => {
    const rel: RelationRow = {
      id: 'acme/chat|finetune_of|acme/base',
      childKey: 'acme/chat',
      parentKey: 'acme/base',
      type: 'finetune_of',
      origin: 'declared',
      vias: ['hf-model-card'],
    } as RelationRow;
    const doc = rowToDoc('relations', rel);
    expect(doc._id).toBe('relation:acme/chat|finetune_of|acme/base');
    expect(docToRow(JSON.parse(JSON.stringify(doc)) as typeof doc)).toEqual({
      table: 'relations',
      rowId: rel.id,
      row: rel,
    });
    const c = rowToDoc('curation', cur('hello'));
    expect(c._id).toBe(docIdOf('curation', 'acme/tiny'));
    expect(docToRow(c)?.row).toEqual(cur('hello'));
  });

  it('ignores documents that are not Tarn rows or whose row id does not match', () => {
    expect(parseDocId('_design/x')).toBeUndefined();
    expect(parseDocId('unknown:x')).toBeUndefined();
    expect(
      docToRow({ _id: 'curation:a', kind: 'curation', row: { key: 'b', tags: [], notes: '' } }),
    ).toBeUndefined();
    expect(docToRow({ _id: 'curation:a', kind: 'asset', row: { key: 'a' } })).toBeUndefined();
    expect(docToRow({ _id: 'curation:a', kind: 'curation', row: 'text' })).toBeUndefined();
  });

  it('compares rows whatever their key order', () => {
    expect(sameRow({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameRow({ a: 1 }, { a: 2 })).toBe(false);
  });
});

describe('conflicts', () => {
  it('lists only the fields whose values differ, winner first', () => {
    const leaves = [cur('from A', { owner: 'ann' }), cur('from B', { owner: 'ann', updatedAt: 'later' })];
    expect(curationConflicts(leaves)).toEqual([{ field: 'notes', values: ['from A', 'from B'] }]);
    expect(curationConflicts([cur('same'), cur('same', { updatedAt: 'x' })])).toEqual([]);
  });

  it('resolving the only differing field removes the losing revision and keeps the chosen value', () => {
    const { winner, losers } = resolveField([cur('from A'), cur('from B')], 'notes', 'from B', 'now');
    expect(winner.notes).toBe('from B');
    expect(winner.updatedAt).toBe('now');
    expect(losers).toEqual([null]);
  });

  it('keeps a losing revision while another field still differs, so no value is lost', () => {
    const a = cur('from A', { status: 'approved' });
    const b = cur('from B', { status: 'deprecated' });
    const first = resolveField([a, b], 'notes', 'from A', 'now');
    expect(first.losers[0]).toMatchObject({ notes: 'from A', status: 'deprecated' });
    const second = resolveField(
      [first.winner, first.losers[0] as CurationRow],
      'status',
      'deprecated',
      'now',
    );
    expect(second.winner).toMatchObject({ notes: 'from A', status: 'deprecated' });
    expect(second.losers).toEqual([null]);
  });

  it('labels values for the "Keep" buttons', () => {
    expect(valueLabel('x')).toBe('x');
    expect(valueLabel(null)).toBe('(none)');
    expect(valueLabel(['a', 'b'])).toBe('a, b');
    expect(valueLabel('')).toBe('(empty)');
  });
});

describe('revisions', () => {
  it('hashes a text to 32 hex digits, the same text to the same hash', () => {
    const h = contentHash('{"notes":"a"}');
    expect(h).toMatch(/^[0-9a-f]{32}$/);
    expect(contentHash('{"notes":"a"}')).toBe(h);
    expect(contentHash('{"notes":"b"}')).not.toBe(h);
    expect(contentHash('')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('names an edit as the child of its base, the same edit on the same base alike', () => {
    const body = { kind: 'curation', row: cur('x') };
    const first = childRevision(undefined, body);
    expect(first._rev).toMatch(/^1-[0-9a-f]{32}$/);
    expect(first._revisions).toEqual({ start: 1, ids: [first._rev.slice(2)] });
    const next = childRevision(first._rev, { kind: 'curation', row: cur('y') });
    expect(next._revisions).toEqual({ start: 2, ids: [next._rev.slice(2), first._rev.slice(2)] });
    expect(childRevision(first._rev, { kind: 'curation', row: cur('y') })).toEqual(next);
    expect(childRevision(first._rev, { kind: 'curation', row: cur('z') })._rev).not.toBe(next._rev);
    expect(childRevision('7-abc', { kind: 'curation', row: null, _deleted: true })._rev).toMatch(/^8-/);
  });
});
