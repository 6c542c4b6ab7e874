/**
 * What the window shows of an import run: the summary, and a bounded list of file lines (a 30k-file run
 * holds 30k reports; cloning them all to the window and rendering them made the longest main-thread task
 * of an import). The full run stays in the `imports` table.
 */
import type { FileReport, ImportRun } from './rows';

/** File lines kept per list (all files, problems only), and issues kept per line. */
export const REPORT_FILE_LINES = 500;
export const REPORT_FILE_ISSUES = 20;

export type ImportRunView = Omit<ImportRun, 'files'> & {
  /** The first file lines, in file order. */
  files: FileReport[];
  /** The first lines of files with a problem (failed, or an issue above info). */
  problems: FileReport[];
  fileCount: number;
  problemCount: number;
  /** Files not stored because the site's storage was full. */
  notStoredCount: number;
};

export function isProblem(f: FileReport): boolean {
  return f.status === 'failed' || f.issues.some((i) => i.severity !== 'info');
}

function line(f: FileReport): FileReport {
  // Asset ids are not shown; a line keeps its first issues only.
  return { ...f, assetIds: [], issues: f.issues.slice(0, REPORT_FILE_ISSUES) };
}

/** The bounded view of a run (`limit` lines per list). */
export function viewOfRun(run: ImportRun, limit: number = REPORT_FILE_LINES): ImportRunView {
  const { files, ...rest } = run;
  const problems: FileReport[] = [];
  let problemCount = 0;
  let notStoredCount = 0;
  for (const f of files) {
    if (!isProblem(f)) continue;
    if (f.issues.some((i) => i.code === 'STORAGE_FULL')) notStoredCount++;
    problemCount++;
    if (problems.length < limit) problems.push(line(f));
  }
  return {
    ...rest,
    files: files.slice(0, limit).map(line),
    problems,
    fileCount: files.length,
    problemCount,
    notStoredCount,
  };
}
