export type GeneratedFile = {
  name: string;
  env: {
    assets: {
      id: string;
      key: string;
      name: string;
      kind: string;
      placeholder?: boolean;
      license: { normalized?: string };
      pipelineTag?: string;
    }[];
    relations: unknown[];
    versions: unknown[];
  } & Record<string, unknown>;
};
export function generateCatalog(opts: { n: number; seed?: number; perFile?: number; prefix?: string }): {
  files: GeneratedFile[];
  stats: { assets: number; placeholders: number; relations: number; models: number; datasets: number };
};
