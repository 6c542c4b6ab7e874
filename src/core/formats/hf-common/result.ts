import type { Issue, ParseResult, SourceFile } from '../../model';

/** Drops repeated issues (same code, path and message). */
export function dedupeIssues(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.code}|${i.path ?? ''}|${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Wraps a parse function so an unexpected exception becomes a `PARSER_FAILED` issue (defence in depth). */
export function neverThrow(
  fn: (file: SourceFile) => ParseResult,
  format: string,
): (file: SourceFile) => ParseResult {
  return (file) => {
    try {
      return fn(file);
    } catch (e) {
      return {
        format,
        assets: [],
        relations: [],
        issues: [
          {
            severity: 'error',
            code: 'PARSER_FAILED',
            message: `Unexpected failure: ${e instanceof Error ? e.message : String(e)}`,
          },
        ],
      };
    }
  };
}
