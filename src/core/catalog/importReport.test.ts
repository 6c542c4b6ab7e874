import { describe, expect, it } from 'vitest';
import type { FileReport, ImportRun } from './rows';
import { viewOfRun } from './importReport';

function file(i: number, status: FileReport['status'] = 'imported', issues = 0): FileReport {
  return {
    name: `f${i}.md`,
    bytes: 10,
    format: 'hf-model-card',
    status,
    created: status === 'imported' ? 1 : 0,
    updated: 0,
    unchanged: 0,
    relationsAdded: 0,
    assetIds: [`org/m${i}`],
    issues: Array.from({ length: issues }, (_, j) => ({
      severity: 'warning' as const,
      code: 'W',
      message: `w${j}`,
    })),
  };
}

describe('viewOfRun', () => {
  const files = Array.from({ length: 30 }, (_, i) =>
    i % 10 === 3 ? file(i, 'failed') : i % 10 === 5 ? file(i, 'imported', 30) : file(i),
  );
  const run: ImportRun = {
    id: 4,
    startedAt: '2026-12-02T00:00:00Z',
    finishedAt: '2026-12-02T00:00:01Z',
    summary: { new: 24, updated: 0, unchanged: 0, failed: 3, skipped: 0 },
    files,
  };

  it('keeps the summary, counts every file and problem, and bounds both lists', () => {
    const v = viewOfRun(run, 4);
    expect(v.summary).toEqual(run.summary);
    expect(v.id).toBe(4);
    expect(v.fileCount).toBe(30);
    expect(v.problemCount).toBe(6);
    expect(v.files.map((f) => f.name)).toEqual(['f0.md', 'f1.md', 'f2.md', 'f3.md']);
    expect(v.problems.map((f) => f.name)).toEqual(['f3.md', 'f5.md', 'f13.md', 'f15.md']);
  });

  it('drops asset ids and keeps the first 20 issues of a line', () => {
    const v = viewOfRun(run);
    expect(v.files).toHaveLength(30);
    const f5 = v.files[5];
    expect(f5?.assetIds).toEqual([]);
    expect(f5?.issues).toHaveLength(20);
    expect(run.files[5]?.issues).toHaveLength(30);
  });
});
