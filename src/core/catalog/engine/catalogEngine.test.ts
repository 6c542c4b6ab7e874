import { describe, expect, it } from 'vitest';
import { storedAsset } from '@/testing/builders';
import type { RelationRow, StoredAsset } from '../rows';
import { CatalogEngine } from './catalogEngine';
import { timerScheduler } from './scheduler';
import type { CatalogStore, EngineChange, SearchCacheRecord } from './types';

/** A catalog in memory: the store interface without IndexedDB (what the engine needs, nothing more). */
class MemoryStore implements CatalogStore {
  readonly assets = new Map<string, StoredAsset>();
  readonly relations: RelationRow[] = [];
  readonly caches = new Map<string, SearchCacheRecord>();
  version = 0;
  fullReads = 0;
  keyReads = 0;

  write(assets: StoredAsset[]): string[] {
    for (const a of assets) this.assets.set(a.key, a);
    this.version++;
    return assets.map((a) => a.key);
  }

  catalogStamp(): Promise<string> {
    return Promise.resolve(`v${this.version}`);
  }
  getSearchCache(id: string): Promise<SearchCacheRecord | undefined> {
    return Promise.resolve(this.caches.get(id));
  }
  putSearchCache(records: SearchCacheRecord[]): Promise<void> {
    for (const r of records) this.caches.set(r.id, structuredClone(r));
    return Promise.resolve();
  }
  listAssets(): Promise<StoredAsset[]> {
    this.fullReads++;
    return Promise.resolve([...this.assets.values()]);
  }
  listRelations(): Promise<RelationRow[]> {
    return Promise.resolve([...this.relations]);
  }
  getAssetsByKeys(keys: string[]): Promise<(StoredAsset | undefined)[]> {
    this.keyReads++;
    return Promise.resolve(keys.map((k) => this.assets.get(k)));
  }
  relationsFromChildren(keys: string[]): Promise<RelationRow[]> {
    return Promise.resolve(this.relations.filter((r) => keys.includes(r.childKey)));
  }
}

function engineOn(store: CatalogStore): CatalogEngine {
  return new CatalogEngine({ store, scheduler: timerScheduler() });
}

async function hits(engine: CatalogEngine, q: string): Promise<number> {
  return (await engine.queryCatalog({ q, facets: {} })).order.length;
}

describe('CatalogEngine over an in-memory store (Node, no IndexedDB)', () => {
  it('two engines on two stores keep their own rows, index, result cache and persisted caches', async () => {
    const one = new MemoryStore();
    const two = new MemoryStore();
    one.write([storedAsset('acme/alpha-chat'), storedAsset('acme/beta')]);
    two.write([storedAsset('zeta/omega-chat')]);
    const a = engineOn(one);
    const b = engineOn(two);
    const seen: EngineChange[] = [];
    b.onChange((e) => seen.push(e));
    expect([(await a.searchStatus({ waitIndex: true })).rows, (await b.searchStatus({})).rows]).toEqual([
      2, 1,
    ]);
    expect([await hits(a, 'chat'), await hits(b, 'chat')]).toEqual([1, 1]);

    const keys = one.write([storedAsset('acme/gamma-chat')]);
    await a.applyChange({ keys });
    // The same query on each: a new answer on one, the cached one on the other.
    expect([await hits(a, 'chat'), await hits(b, 'chat')]).toEqual([2, 1]);
    expect(seen).toEqual([]);

    const persistedA = await a.searchStatus({ waitPersist: true });
    const persistedB = await b.searchStatus({ waitPersist: true });
    expect(one.caches.get('catalog-rows')?.json).toBe(persistedA.snapshotId);
    expect(two.caches.get('catalog-rows')?.json).toBe(persistedB.snapshotId);

    // A second engine on a store cold-starts from its caches: same snapshot, no full read.
    const reads = one.fullReads;
    const again = engineOn(one);
    const status = await again.searchStatus({ waitIndex: true });
    expect([status.snapshotId, status.rows]).toEqual([persistedA.snapshotId, 3]);
    expect(await hits(again, 'gamma')).toBe(1);
    expect(one.fullReads).toBe(reads);
  });

  it('a run of writes is applied as handed over; persisting and the stamp check wait for its end', async () => {
    const store = new MemoryStore();
    const engine = engineOn(store);
    expect((await engine.searchStatus({ waitIndex: true })).rows).toBe(0);
    const reads = store.fullReads;
    engine.expectMoreWrites(60_000);
    const batch = Array.from({ length: 6000 }, (_, i) => storedAsset(`team/model-${i}`));
    const keys = store.write(batch);
    // More keys than a quarter of the rows, but handed over: neither read back nor rebuilt.
    await engine.applyChange({ keys, stored: { assets: batch, relations: [] } });
    expect([store.fullReads, store.keyReads]).toEqual([reads, 0]);
    // The run's next write is stored but not applied yet: the rows so far are served, no rebuild.
    store.write([storedAsset('team/late-chat')]);
    const first = await engine.catalogRows({});
    expect(first.total).toBe(6000);
    expect(store.fullReads).toBe(reads);
    expect(await hits(engine, 'model')).toBe(6000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(store.caches.get('catalog-rows')).toBeUndefined();

    await engine.applyChange({
      keys: ['team/late-chat'],
      stored: { assets: [storedAsset('team/late-chat')], relations: [] },
    });
    engine.expectMoreWrites(0);
    const done = await engine.searchStatus({ waitPersist: true });
    expect([done.rows, done.persisted, store.fullReads, store.keyReads]).toEqual([6001, true, reads, 0]);
    expect(store.caches.get('catalog-rows')?.json).toBe(done.snapshotId);
  });
});
