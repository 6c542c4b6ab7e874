import { beforeEach, describe, expect, it } from 'vitest';
import type { ParseResult } from '@/core/model';
import { buildLineageGraph } from '@/core/lineage';
import type { CatalogDb } from './schema';
import { makeCard, makeSource, openTestDb } from '@/testing/builders';
import { importParsedFile } from './importRepo';
import { listAudit } from './curationRepo';
import {
  clearEdgeDecision,
  decideEdge,
  loadLineageAround,
  loadLineageData,
  rejectedFilter,
} from './lineageRepo';

let db: CatalogDb;
beforeEach(async () => {
  db = await openTestDb('lineage');
});

function card(id: string, base: string, origin: 'declared' | 'inferred'): ParseResult {
  return makeCard({ id, normalized: 'MIT', base, origin });
}
const src = makeSource;

describe('lineageRepo', () => {
  it('loads assets (with placeholders and licenses), relations and decisions', async () => {
    await importParsedFile(
      src('a.md', '1'),
      card('acme/child', 'acme/base', 'inferred'),
      '2026-01-01T00:00:00Z',
      undefined,
      db,
    );
    const data = await loadLineageData(db);
    expect(data.relations).toHaveLength(1);
    const child = data.assets.find((a) => a.id === 'acme/child');
    expect(child).toMatchObject({ kind: 'model', placeholder: false, license: 'MIT' });
    expect(data.assets.find((a) => a.key === 'acme/base')?.placeholder).toBe(true);
    expect(data.decisions).toEqual([]);
  });

  it('a rejected inferred edge stays rejected after re-import, and is audited', async () => {
    await importParsedFile(
      src('a.md', '1'),
      card('acme/child', 'acme/base', 'inferred'),
      '2026-01-01T00:00:00Z',
      undefined,
      db,
    );
    const id = (await loadLineageData(db)).relations[0]!.id;
    await decideEdge(id, 'rejected', db);
    // A changed card re-creates the relation row; the decision is kept apart.
    await importParsedFile(
      src('a.md', '2'),
      card('acme/child', 'acme/base', 'inferred'),
      '2026-01-02T00:00:00Z',
      undefined,
      db,
    );
    const data = await loadLineageData(db);
    expect(data.decisions).toMatchObject([{ id, decision: 'rejected' }]);
    const g = buildLineageGraph(data.relations, data.assets, { isRejected: rejectedFilter(data.decisions) });
    expect(g.edges).toHaveLength(0);
    expect(g.rejected).toHaveLength(1);
    const audit = await listAudit({ assetKey: 'acme/child' }, db);
    expect(audit.map((a) => a.action)).toContain('edge:reject');
    expect(audit.find((a) => a.action === 'edge:reject')?.detail).toContain('finetune_of');

    await decideEdge(id, 'confirmed', db);
    const after = await loadLineageData(db);
    expect(
      buildLineageGraph(after.relations, after.assets, { isRejected: rejectedFilter(after.decisions) }).edges,
    ).toHaveLength(1);
    expect((await listAudit({ assetKey: 'acme/child' }, db)).map((a) => a.action)).toContain('edge:confirm');

    await clearEdgeDecision(id, db);
    expect((await loadLineageData(db)).decisions).toEqual([]);
  });

  it('never hides a declared relation', async () => {
    await importParsedFile(
      src('a.md', '1'),
      card('acme/child', 'acme/base', 'declared'),
      '2026-01-01T00:00:00Z',
      undefined,
      db,
    );
    const data = await loadLineageData(db);
    await decideEdge(data.relations[0]!.id, 'rejected', db);
    const again = await loadLineageData(db);
    expect(
      buildLineageGraph(again.relations, again.assets, { isRejected: rejectedFilter(again.decisions) }).edges,
    ).toHaveLength(1);
  });

  it('loads the lineage around one asset by index: ancestors, descendants, co-parents, nothing else', async () => {
    const at = '2026-01-01T00:00:00Z';
    const chain: [string, string][] = [
      ['acme/mid', 'acme/root'],
      ['acme/leaf', 'acme/mid'],
      ['acme/merged', 'acme/leaf'],
      ['unrelated/child', 'unrelated/base'],
    ];
    let n = 0;
    for (const [child, base] of chain) {
      const r = card(child, base, 'declared');
      if (child === 'acme/merged')
        r.relations.push({ child, type: 'merge_of', parent: 'other/coparent', origin: 'declared' });
      await importParsedFile(src(`${child}-${n}.md`, String(n++)), r, at, undefined, db);
    }
    const data = await loadLineageAround('Acme/Mid', db);
    const keys = data.assets.map((a) => a.key).sort();
    expect(keys).toEqual(['acme/leaf', 'acme/merged', 'acme/mid', 'acme/root', 'other/coparent']);
    expect(data.relations.map((r) => `${r.childKey}>${r.parentKey}`).sort()).toEqual([
      'acme/leaf>acme/mid',
      'acme/merged>acme/leaf',
      'acme/merged>other/coparent',
      'acme/mid>acme/root',
    ]);
    const graph = buildLineageGraph(data.relations, data.assets);
    expect(graph.edges).toHaveLength(4);
    expect((await loadLineageAround('nobody/none', db)).relations).toEqual([]);
  });
});
