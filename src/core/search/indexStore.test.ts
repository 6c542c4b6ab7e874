import { describe, expect, it } from 'vitest';
import { storedAsset } from '@/testing/builders';
import { toCatalogRow } from '../catalog/catalogRow';
import {
  createSearchIndex,
  loadSearchIndex,
  searchRows,
  toSearchDoc,
  type MiniSearch,
  type SearchDoc,
} from './searchIndex';
import { INDEX_STORE_VERSION, restoreSearchIndex, storeSearchIndex } from './indexStore';
import { packedDocs, packedLists, postingCount } from './packedPostings';

/** The index's JSON with its terms in sorted order (tree iteration order depends on insertion history). */
function normalized(idx: MiniSearch<SearchDoc>): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(idx)) as { index: [string, unknown][] } & Record<string, unknown>;
  return { ...plain, index: [...plain.index].sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
}

const IDS = [
  'meta/Llama-3-8B',
  'mistralai/Mistral-7B-Instruct',
  'acme/llama-chat-lora',
  'data/reviews',
  'solo',
];

function sampleIndex() {
  const idx = createSearchIndex();
  const ids = [
    'meta/Llama-3-8B',
    'mistralai/Mistral-7B-Instruct',
    'acme/llama-chat-lora',
    'data/reviews',
    'solo',
  ];
  idx.addAll(
    ids.map((id, i) =>
      toSearchDoc(
        toCatalogRow(
          storedAsset(id, {
            tags: i % 2 ? ['chat', 'lora'] : ['base'],
            description: `Model ${i} for customer support and translation`,
            ...(i === 3 ? { kind: 'dataset' as const } : {}),
          }),
          i === 2 ? [{ type: 'adapter_of', parent: 'meta/Llama-3-8B' }] : [],
          0,
        ),
      ),
    ),
  );
  return idx;
}

describe('search index store', () => {
  it('restores the same index after a structured clone (equal JSON, equal search results)', () => {
    const idx = sampleIndex();
    // With removals too: ids and field lengths get holes, the dirt count moves.
    idx.discard('solo');
    const back = restoreSearchIndex(structuredClone(storeSearchIndex(idx)));
    expect(back).toBeDefined();
    if (!back) return;
    // Searches first, while the restored postings are still packed; the JSON comparison fills them.
    const rowOf = new Map(IDS.map((id, i) => [id.toLowerCase(), i]));
    for (const q of ['llama', 'mistrla', 'chat lo', 'customer support', 'reviews'])
      expect(Array.from(searchRows(back, rowOf, q))).toEqual(Array.from(searchRows(idx, rowOf, q)));
    expect(searchRows(back, rowOf, 'llama').length).toBeGreaterThan(0);
    expect(normalized(back)).toEqual(normalized(idx));
    // The restored index keeps working: add and search.
    back.add({ ...toSearchDoc(toCatalogRow(storedAsset('new/zephyr'), [], 0)) });
    const withNew = new Map([...rowOf, ['new/zephyr', IDS.length]]);
    expect(Array.from(searchRows(back, withNew, 'zephyr'))).toEqual([IDS.length]);
  });

  it('keeps restored postings packed until a term is used as a map, and stores a half-filled index intact', () => {
    const idx = sampleIndex();
    const back = restoreSearchIndex(structuredClone(storeSearchIndex(idx)));
    if (!back) throw new Error('not restored');
    type Terms = Map<string, Map<number, Map<number, number>>>;
    const termsOf = (x: unknown): Terms => (x as { _index: Terms })._index;
    const size = (data: Map<number, Map<number, number>> | undefined): number =>
      [...(data?.values() ?? [])].reduce((n, p) => n + p.size, 0);
    const terms = termsOf(back);
    const llama = terms.get('llama');
    const support = terms.get('support');
    if (!llama || !support) throw new Error('terms missing');
    const rowOf = new Map(IDS.map((id, i) => [id.toLowerCase(), i]));
    searchRows(back, rowOf, 'llama');
    expect(packedLists(llama)?.length).toBeGreaterThan(0);
    const docMaps = back as unknown as {
      _documentIds: Map<number, string>;
      _fieldLength: Map<number, number[]>;
    };
    expect(packedDocs(docMaps._documentIds, docMaps._fieldLength)?.shortIds).toHaveLength(IDS.length);
    expect(postingCount(llama)).toBe(size(termsOf(idx).get('llama')));
    expect(postingCount(llama)).toBeGreaterThan(1);
    // MiniSearch itself uses the terms as maps: removing a document fills the terms it touches.
    back.discard('acme/llama-chat-lora');
    back.add(
      toSearchDoc(toCatalogRow(storedAsset('acme/llama-chat-lora', { description: 'support' }), [], 0)),
    );
    expect(packedLists(llama)).toBeUndefined();
    expect(packedDocs(docMaps._documentIds, docMaps._fieldLength)).toBeUndefined();
    expect(docMaps._documentIds.size).toBe(IDS.length);
    expect(packedLists(support)).toBeUndefined();
    const reviews = terms.get('reviews');
    expect(reviews && packedLists(reviews)).toBeDefined();
    expect(size(support)).toBe(postingCount(support));
    const again = restoreSearchIndex(structuredClone(storeSearchIndex(back)));
    if (!again) throw new Error('not restored');
    expect(normalized(again)).toEqual(normalized(back));
    for (const q of ['llama', 'support', 'chat lora'])
      expect(Array.from(searchRows(again, rowOf, q))).toEqual(Array.from(searchRows(back, rowOf, q)));
  });

  it('stores documents by row with the rows it is persisted with, and needs those rows back', () => {
    const idx = sampleIndex();
    const keys = IDS.map((id) => id.toLowerCase());
    const keyToIndex = new Map(keys.map((k, i) => [k, i]));
    const stored = structuredClone(storeSearchIndex(idx, keyToIndex));
    expect(stored.ids).toEqual([]);
    expect(Array.from(stored.docRows ?? [])).toEqual(keys.map((_, i) => i));
    // Term frequencies and field lengths fit in 8 and 16 bits here.
    expect(stored.freqs).toBeInstanceOf(Uint8Array);
    expect(stored.lengths).toBeInstanceOf(Uint16Array);
    expect(restoreSearchIndex(stored)).toBeUndefined();
    expect(restoreSearchIndex(stored, { keys: keys.slice(1), keyToIndex })).toBeUndefined();
    const back = restoreSearchIndex(stored, { keys, keyToIndex });
    if (!back) throw new Error('not restored');
    for (const q of ['llama', 'chat lo', 'reviews'])
      expect(Array.from(searchRows(back, keyToIndex, q))).toEqual(Array.from(searchRows(idx, keyToIndex, q)));
    // Another row order (a new map): documents are found by key, not by the stored rows.
    const reversed = new Map(keys.map((k, i) => [k, keys.length - 1 - i]));
    expect(Array.from(searchRows(back, reversed, 'llama'))).toEqual(
      Array.from(searchRows(idx, reversed, 'llama')),
    );
    expect(normalized(back)).toEqual(normalized(idx));
    // A document without a row is stored by id.
    const partial = storeSearchIndex(idx, new Map([[keys[0] ?? '', 0]]));
    expect(partial.docRows).toBeUndefined();
    expect(partial.ids).toHaveLength(IDS.length);
  });

  it('keeps frequencies and lengths that do not fit 8 and 16 bits', () => {
    const idx = createSearchIndex();
    idx.add({
      ...toSearchDoc(toCatalogRow(storedAsset('big/doc'), [], 0)),
      description: `${'word '.repeat(300)}${Array.from({ length: 70000 }, (_, i) => `w${i}`).join(' ')}`,
    });
    const stored = storeSearchIndex(idx);
    expect(stored.freqs).toBeInstanceOf(Uint32Array);
    expect(stored.lengths).toBeInstanceOf(Uint32Array);
    const back = restoreSearchIndex(structuredClone(stored));
    if (!back) throw new Error('not restored');
    expect(normalized(back)).toEqual(normalized(idx));
  });

  it('matches loadJSON of the same index', () => {
    const idx = sampleIndex();
    const viaJson = loadSearchIndex(JSON.stringify(idx));
    const viaStore = restoreSearchIndex(storeSearchIndex(idx));
    if (!viaStore) throw new Error('not restored');
    // Terms in any order (the restored tree iterates in the stored order; loadJSON's in its own).
    expect(normalized(viaStore)).toEqual(normalized(viaJson));
    // The restored index map iterates its terms in the order they were stored (the original's order).
    const terms = (i: MiniSearch<SearchDoc>) =>
      (JSON.parse(JSON.stringify(i)) as { index: [string][] }).index.map((t) => t[0]);
    expect(terms(viaStore)).toEqual(terms(idx));
  });

  it('refuses other versions, mismatched arrays and foreign shapes', () => {
    const stored = storeSearchIndex(sampleIndex());
    expect(restoreSearchIndex({ ...stored, v: INDEX_STORE_VERSION + 1 })).toBeUndefined();
    expect(restoreSearchIndex({ ...stored, docs: stored.docs.subarray(1) })).toBeUndefined();
    expect(restoreSearchIndex({ ...stored, ids: stored.ids.slice(1) })).toBeUndefined();
    expect(restoreSearchIndex({ ...stored, fieldIds: { name: 0 } })).toBeUndefined();
    expect(restoreSearchIndex('{"index":[]}')).toBeUndefined();
    expect(restoreSearchIndex(null)).toBeUndefined();
  });
});
