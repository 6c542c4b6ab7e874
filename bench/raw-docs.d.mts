import type { Options } from 'minisearch';

export type RawDoc = {
  key: string;
  id: string;
  name: string;
  owner: string;
  description: string;
  tags: string;
  task: string;
  library: string;
  datasets: string;
  baseModels: string;
  license: string;
};
export const RAW_FIELDS: string[];
export function rawDoc(a: {
  key: string;
  id: string;
  name: string;
  owner?: string;
  description?: string;
  tags?: string[];
  pipelineTag?: string;
  taskCategories?: string[];
  libraryName?: string;
  datasets?: string[];
  baseModels?: string[];
  license?: { normalized?: string };
}): RawDoc;
export const RAW_OPTIONS: Options<RawDoc>;
