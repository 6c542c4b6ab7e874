import { describe, expect, it } from 'vitest';
import type { Relation } from '../model';
import type { ImpactResult } from './index';
import { buildLineageGraph, impactAnalysis, impactToCsv, impactToJson } from './index';

function rel(child: string, type: string, parent: string): Relation {
  return { child, type, parent, origin: 'declared' };
}

// data ← m1 (trained_on) ← m1-ft ← m1-ft-q ; m1-ft + other → merged ; m2 trained_on data via
// data-v2 derived_from data; e1 evaluated_on data; m1-lora adapter_of m1.
const graph = buildLineageGraph(
  [
    rel('m1', 'trained_on', 'Org/Data'),
    rel('m1-ft', 'finetune_of', 'm1'),
    rel('m1-ft-q', 'quantized_from', 'm1-ft'),
    rel('merged', 'merge_of', 'm1-ft'),
    rel('merged', 'merge_of', 'other'),
    rel('m1-lora', 'adapter_of', 'm1'),
    rel('data-v2', 'derived_from', 'org/data'),
    rel('m2', 'trained_on', 'data-v2'),
    rel('e1', 'evaluated_on', 'org/data'),
    rel('m3', 'trained_on', 'org/data'),
    rel('m3', 'finetune_of', 'm1'),
    rel('distilled', 'distilled_from', 'm1'),
  ],
  [
    { id: 'Org/Data', kind: 'dataset', name: 'The "Data", v1' },
    { id: 'm1', kind: 'model' },
    { id: 'm1-ft', kind: 'model', name: '=HYPERLINK("x")' },
  ],
);

describe('impactAnalysis', () => {
  const r = impactAnalysis(graph, 'org/DATA');

  it('lists every downstream asset once with its shortest path', () => {
    expect(r.root).toEqual({ id: 'Org/Data', kind: 'dataset', name: 'The "Data", v1', placeholder: false });
    expect(r.total).toBe(10);
    const byId = Object.fromEntries(r.impacted.map((a) => [a.id, a]));
    expect(byId['m1-ft-q']?.path).toEqual({
      ids: ['Org/Data', 'm1', 'm1-ft', 'm1-ft-q'],
      types: ['trained_on', 'finetune_of', 'quantized_from'],
    });
    expect(byId['m1-ft-q']?.depth).toBe(3);
    expect(byId['m1-ft-q']?.relation).toBe('quantized_from');
    expect(byId['m2']?.path.types).toEqual(['derived_from', 'trained_on']);
    // m3 is both trained on the data and a fine-tune of m1: shortest path wins.
    expect(byId['m3']?.depth).toBe(1);
    expect(byId['m1-ft']?.name).toBe('=HYPERLINK("x")');
    expect(r.impacted.map((a) => a.depth)).toEqual([...r.impacted.map((a) => a.depth)].sort((a, b) => a - b));
  });

  it('counts by relation type and kind', () => {
    expect(r.countsByType).toEqual({
      trained_on: 3,
      derived_from: 1,
      evaluated_on: 1,
      finetune_of: 1,
      adapter_of: 1,
      distilled_from: 1,
      quantized_from: 1,
      merge_of: 1,
    });
    expect(Object.values(r.countsByType).reduce((a, b) => a + b, 0)).toBe(r.total);
    expect(r.countsByKind['model']).toBe(9);
    // data-v2 is a placeholder whose kind is inferred from `m2 trained_on data-v2`.
    expect(r.countsByKind).toEqual({ model: 9, dataset: 1 });
  });

  it('lists models trained on a dataset directly or through derivation chains', () => {
    const trained = Object.fromEntries(r.modelsTrainedOn.map((m) => [m.id, m]));
    expect(Object.keys(trained).sort()).toEqual(['m1', 'm1-ft', 'm1-ft-q', 'm1-lora', 'm3', 'merged']);
    expect(trained['m1']?.direct).toBe(true);
    expect(trained['m3']?.direct).toBe(true);
    expect(trained['merged']?.direct).toBe(false);
    expect(trained['merged']?.path.ids).toEqual(['Org/Data', 'm1', 'm1-ft', 'merged']);
    // Not trained on it: evaluated only, trained on a derived dataset, or distilled.
    expect(trained['e1']).toBeUndefined();
    expect(trained['m2']).toBeUndefined();
    expect(trained['distilled']).toBeUndefined();
  });

  it('respects a type filter, is cycle-safe and returns an empty result for unknown ids', () => {
    const ft = impactAnalysis(graph, 'm1', { types: ['finetune_of'] });
    expect(ft.impacted.map((a) => a.id)).toEqual(['m1-ft', 'm3']);
    const loop = buildLineageGraph([rel('a', 'finetune_of', 'b'), rel('b', 'finetune_of', 'a')]);
    expect(impactAnalysis(loop, 'a').impacted.map((x) => x.id)).toEqual(['b']);
    const none = impactAnalysis(graph, 'nope');
    expect(none).toEqual({
      root: undefined,
      total: 0,
      impacted: [],
      countsByType: {},
      countsByKind: {},
      modelsTrainedOn: [],
    });
    expect(impactToCsv(none)).toBe(
      'id,name,kind,placeholder,depth,relation,trained_on_root,path,path_relations\r\n',
    );
  });
});

/** Minimal RFC 4180 reader, to check the writer round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('impactToCsv', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    const result: ImpactResult = {
      root: { id: 'r', kind: 'dataset', placeholder: false },
      total: 2,
      countsByType: {},
      countsByKind: {},
      impacted: [
        {
          id: 'org/a,b',
          name: 'He said "hi"\nthen left',
          kind: 'model',
          placeholder: false,
          depth: 1,
          relation: 'trained_on',
          path: { ids: ['r', 'org/a,b'], types: ['trained_on'] },
        },
        {
          id: 'org/c',
          name: '=cmd()',
          kind: 'model',
          placeholder: true,
          depth: 2,
          relation: 'finetune_of',
          path: { ids: ['r', 'org/a,b', 'org/c'], types: ['trained_on', 'finetune_of'] },
        },
      ],
      modelsTrainedOn: [],
    };
    const csv = impactToCsv(result);
    expect(csv.split('\r\n')[1]).toBe(
      '"org/a,b","He said ""hi""\nthen left",model,false,1,trained_on,,"r > org/a,b",trained_on',
    );
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(3);
    expect(rows[1]?.[1]).toBe('He said "hi"\nthen left');
    expect(rows[2]?.[1]).toBe("'=cmd()");
    expect(rows[2]?.[3]).toBe('true');
    expect(rows[2]?.[7]).toBe('r > org/a,b > org/c');
  });

  it('exports a real analysis with one row per impacted asset and the trained-on column', () => {
    const r = impactAnalysis(graph, 'Org/Data');
    const rows = parseCsv(impactToCsv(r));
    expect(rows[0]).toEqual([
      'id',
      'name',
      'kind',
      'placeholder',
      'depth',
      'relation',
      'trained_on_root',
      'path',
      'path_relations',
    ]);
    expect(rows).toHaveLength(r.total + 1);
    const byId = new Map(rows.slice(1).map((row) => [row[0] ?? '', row]));
    expect(byId.get('m1')?.[6]).toBe('direct');
    expect(byId.get('merged')?.[6]).toBe('derived');
    expect(byId.get('e1')?.[6]).toBe('');
    expect(byId.get('m1-ft')?.[1]).toBe(`'=HYPERLINK("x")`);
    expect(rows.every((row) => row.length === 9)).toBe(true);
  });
});

describe('impactToJson', () => {
  it('round-trips through JSON.parse', () => {
    const r = impactAnalysis(graph, 'org/data');
    const parsed = JSON.parse(impactToJson(r)) as ImpactResult;
    expect(parsed.total).toBe(r.total);
    expect(parsed.root?.id).toBe('Org/Data');
    expect(parsed.impacted).toEqual(r.impacted);
    expect(parsed.modelsTrainedOn).toEqual(r.modelsTrainedOn);
    expect(parsed.countsByType).toEqual(r.countsByType);
    const empty = JSON.parse(impactToJson(impactAnalysis(graph, 'missing'))) as { root: unknown };
    expect(empty.root).toBeNull();
  });
});
