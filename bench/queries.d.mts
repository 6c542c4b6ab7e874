export type BenchQuery = { q: string; facets: Record<string, readonly string[]>; cat: string };
export function benchQueries(popularBase: string, popularDataset: string): BenchQuery[];
