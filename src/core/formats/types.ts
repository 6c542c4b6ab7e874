import type { ParseResult, SourceFile } from '../model';

/** What every format module exports. Parsers are pure and never throw: problems become issues. */
export type FormatParser = {
  /** Stable format id shown in the import report (e.g. `hf-model-card`). */
  id: string;
  /** Human label. */
  label: string;
  /**
   * Confidence 0..1 that `file` is this format, judged by content (the name only breaks ties).
   * `head` is the first 64 KiB of the text with BOM removed and leading whitespace trimmed.
   */
  sniff: (file: SourceFile, head: string) => number;
  parse: (file: SourceFile) => ParseResult;
};
