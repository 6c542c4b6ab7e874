import type { FormatParser } from './types';
import { hfModelCardParser } from './hf-model-card/parse';
import { hfDatasetCardParser } from './hf-dataset-card/parse';
import { tarnExportParser } from './tarn-export/parse';
import { croissantParser } from './croissant/parse';
import { cycloneDxParser } from './cyclonedx/parse';
import { spdx3Parser } from './spdx3/parse';
import { openmlParser } from './openml/parse';
import { mlflowParser } from './mlflow/parse';

/**
 * Every known format. Order matters only for equal sniff scores (first wins).
 * Add a format: create `formats/<id>/parse.ts` exporting a FormatParser, list it here.
 */
export const FORMAT_PARSERS: readonly FormatParser[] = [
  tarnExportParser,
  hfModelCardParser,
  hfDatasetCardParser,
  croissantParser,
  cycloneDxParser,
  spdx3Parser,
  openmlParser,
  mlflowParser,
];
