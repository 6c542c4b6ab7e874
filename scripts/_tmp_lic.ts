import { readFileSync } from 'node:fs';
import { parseFile } from '../src/core/formats/parseFile.ts';
import { evaluateCatalog } from '../src/core/licenses/index.ts';
const files = process.argv.slice(2);
const assets: any[] = [];
const relations: any[] = [];
for (const f of files) {
  const r = parseFile({ name: f.split('/').pop()!, text: readFileSync(`/work/shared/corpus/${f}`, 'utf8') });
  for (const a of r.assets) assets.push(a);
  relations.push(...r.relations);
  console.log(
    f,
    r.assets.map((a) => `${a.id} ${a.kind} ${JSON.stringify(a.license)}`).join(' | '),
    r.relations.map((x) => `${x.child} ${x.type} ${x.parent}`).join('; '),
  );
}
for (const [use, profile] of [
  [{}, 'balanced'],
  [{ commercial: false }, 'balanced'],
] as const) {
  const r = evaluateCatalog({ assets, relations, intendedUse: use, profile });
  console.log(
    JSON.stringify(use),
    profile,
    Object.entries(r)
      .map(([k, v]) => `${k}=${v.verdict}:${v.worst.join('+')}`)
      .join('\n   '),
  );
}
