/**
 * Corpus check of the HF card parsers against ../shared/corpus/manifest.json (fields extracted there
 * with PyYAML, values exactly as in YAML). Every `hf-model-card` / `hf-dataset-card` entry goes
 * through the top-level `parseFile` (sniffing included).
 *
 * Comparison rules (documented, applied to both sides):
 *  - ids (the card id, base_model, datasets) are compared after `canonicalId` (legacy aliases such as
 *    `bert-base-uncased` → `google-bert/bert-base-uncased`, hub URLs → `owner/name`);
 *  - string-or-list fields are compared as lists of trimmed, de-duplicated strings (`language: en`
 *    equals `language: [en]`); an empty list equals an absent key;
 *  - license is compared raw (string stays string, list stays list); other scalar strings trimmed;
 *  - base_model keeps a self-reference as declared (no relation is made for it, SELF_REFERENCE).
 * Explained differences (counted apart, never as matches):
 *  - TYPO_KEY: the manifest only reads canonical keys; we also read misspelt ones (`licence:` →
 *    license) and say so with a TYPO_KEY warning;
 *  - PYYAML_ONLY: the one card PyYAML rejects (a tab in a plain scalar, `parse_error` in the manifest)
 *    is valid YAML 1.2; we read its metadata (with a YAML_TAB info issue), the manifest has none.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Asset, ParseResult } from '../../model';
import { canonicalId } from '../../catalog/ids';
import { asStringList, isObject } from '../../util/values';
import { parseFile } from '../parseFile';
import { CORPUS_DIR, requireShared } from '../../../testing/shared';

type ManifestEntry = {
  file: string;
  kind: string;
  id: string;
  parse_error: string | null;
  front_matter: boolean;
  [key: string]: unknown;
};

requireShared();
const manifest = JSON.parse(readFileSync(`${CORPUS_DIR}/manifest.json`, 'utf8')) as {
  files: ManifestEntry[];
};
const entries = manifest.files.filter((f) => f.kind === 'hf-model-card' || f.kind === 'hf-dataset-card');

type Parsed = { entry: ManifestEntry; result: ParseResult; asset: Asset | undefined };
const parsed: Parsed[] = entries.map((entry) => {
  const text = readFileSync(`${CORPUS_DIR}/${entry.file}`, 'utf8');
  const result = parseFile({ name: entry.file, text });
  return { entry, result, asset: result.assets[0] };
});

function idList(v: unknown): string[] {
  const out: string[] = [];
  for (const s of asStringList(v)) {
    const id = canonicalId(s);
    if (!out.some((o) => o.toLowerCase() === id.toLowerCase())) out.push(id);
  }
  return out;
}

/** Scalar strings compare trimmed (the parser trims; YAML `pretty_name: "x "` keeps the space). */
function str(v: unknown): unknown {
  return typeof v === 'string' ? v.trim() : v;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type Field = {
  name: string;
  kinds: readonly string[];
  /** Only entries where the manifest lists the field (else every entry of the kinds). */
  expected: (e: ManifestEntry) => unknown;
  actual: (p: Parsed) => unknown;
  /** Field name the manifest uses (for the TYPO_KEY rule). */
  key?: string;
};

const MODEL = ['hf-model-card'];
const DATASET = ['hf-dataset-card'];
const BOTH = [...MODEL, ...DATASET];

const FIELDS: Field[] = [
  { name: 'id', kinds: BOTH, expected: (e) => canonicalId(e.id), actual: (p) => p.asset?.id },
  {
    name: 'kind',
    kinds: BOTH,
    expected: (e) => e.kind,
    actual: (p) =>
      p.asset ? `hf-${p.asset.kind}-card` === p.result.format && p.result.format : p.result.format,
  },
  {
    name: 'license',
    key: 'license',
    kinds: BOTH,
    expected: (e) => e.license,
    actual: (p) => p.asset?.license.raw,
  },
  {
    name: 'license_name',
    key: 'license_name',
    kinds: MODEL,
    expected: (e) => str(e.license_name),
    actual: (p) => p.asset?.license.name,
  },
  {
    name: 'license_link',
    key: 'license_link',
    kinds: MODEL,
    expected: (e) => str(e.license_link),
    actual: (p) => p.asset?.license.link,
  },
  {
    name: 'base_model',
    key: 'base_model',
    kinds: MODEL,
    expected: (e) => idList(e.base_model),
    actual: (p) => p.asset?.baseModels ?? [],
  },
  {
    name: 'datasets',
    key: 'datasets',
    kinds: MODEL,
    expected: (e) => idList(e.datasets),
    actual: (p) => p.asset?.datasets ?? [],
  },
  {
    name: 'pipeline_tag',
    key: 'pipeline_tag',
    kinds: MODEL,
    expected: (e) => str(e.pipeline_tag),
    actual: (p) => p.asset?.pipelineTag,
  },
  {
    name: 'library_name',
    key: 'library_name',
    kinds: MODEL,
    expected: (e) => str(e.library_name),
    actual: (p) => p.asset?.libraryName,
  },
  {
    name: 'base_model_relation',
    key: 'base_model_relation',
    kinds: MODEL,
    expected: (e) => str(e.base_model_relation),
    actual: (p) => p.asset?.baseModelRelation,
  },
  {
    name: 'task_categories',
    key: 'task_categories',
    kinds: DATASET,
    expected: (e) => asStringList(e.task_categories),
    actual: (p) => p.asset?.taskCategories ?? [],
  },
  {
    name: 'task_ids',
    key: 'task_ids',
    kinds: DATASET,
    expected: (e) => asStringList(e.task_ids),
    actual: (p) => p.asset?.taskIds ?? [],
  },
  {
    name: 'language',
    key: 'language',
    kinds: DATASET,
    expected: (e) => asStringList(e.language),
    actual: (p) => p.asset?.languages ?? [],
  },
  {
    name: 'source_datasets',
    key: 'source_datasets',
    kinds: DATASET,
    expected: (e) => asStringList(e.source_datasets),
    actual: (p) => p.asset?.sourceDatasets ?? [],
  },
  {
    name: 'pretty_name',
    key: 'pretty_name',
    kinds: DATASET,
    expected: (e) => str(e.pretty_name),
    actual: (p) => {
      const extra = p.asset?.extra;
      return isObject(extra) ? extra.prettyName : undefined;
    },
  },
];

type FieldStats = {
  total: number;
  matched: number;
  /** Entries where the manifest lists the field, and how many of those match. */
  listed: number;
  listedMatched: number;
  explained: Map<string, number>;
  mismatches: string[];
};

function explain(field: Field, p: Parsed): string | undefined {
  if (p.entry.parse_error) {
    const yamlTab = p.result.issues.some((i) => i.code === 'YAML_TAB');
    if (yamlTab && !(field.key !== undefined && field.key in p.entry)) return 'PYYAML_ONLY';
  }
  const extra = p.asset?.extra;
  const typos = isObject(extra) && isObject(extra.typoKeys) ? extra.typoKeys : {};
  if (field.key !== undefined && !(field.key in p.entry) && field.key in typos) return 'TYPO_KEY';
  return undefined;
}

const stats = new Map<string, FieldStats>();
for (const field of FIELDS) {
  const s: FieldStats = {
    total: 0,
    matched: 0,
    listed: 0,
    listedMatched: 0,
    explained: new Map(),
    mismatches: [],
  };
  for (const p of parsed) {
    if (!field.kinds.includes(p.entry.kind)) continue;
    s.total++;
    const exp = field.expected(p.entry);
    const act = field.actual(p);
    const listed = field.key === undefined || field.key in p.entry;
    if (listed) s.listed++;
    if (same(exp, act)) {
      s.matched++;
      if (listed) s.listedMatched++;
      continue;
    }
    const why = explain(field, p);
    if (why) s.explained.set(why, (s.explained.get(why) ?? 0) + 1);
    else s.mismatches.push(`${p.entry.file}: expected ${JSON.stringify(exp)}, got ${JSON.stringify(act)}`);
  }
  stats.set(field.name, s);
}

describe('HF cards corpus (manifest comparison)', () => {
  it('covers every HF card of the manifest', () => {
    expect(entries.filter((e) => e.kind === 'hf-model-card')).toHaveLength(1758);
    expect(entries.filter((e) => e.kind === 'hf-dataset-card')).toHaveLength(1166);
  });

  it('prints the match rate per field', () => {
    const rows = [...stats.entries()].map(([name, s]) => {
      const explained = [...s.explained.entries()].map(([k, n]) => `${k}:${n}`).join(' ');
      return `${name.padEnd(20)} ${((100 * s.matched) / s.total).toFixed(2).padStart(6)}%  ${s.matched}/${s.total}  (where listed: ${s.listedMatched}/${s.listed})${explained ? `  explained ${explained}` : ''}${s.mismatches.length ? `  UNEXPLAINED ${s.mismatches.length}` : ''}`;
    });
    console.log(`HF card fields vs manifest:\n${rows.join('\n')}`);
    for (const [name, s] of stats) {
      if (s.mismatches.length > 0)
        console.log(`${name} mismatches:\n  ${s.mismatches.slice(0, 15).join('\n  ')}`);
    }
  });

  for (const field of FIELDS) {
    it(`${field.name}: ≥ 99% match, every other difference explained`, () => {
      const s = stats.get(field.name);
      expect(s).toBeDefined();
      if (!s) return;
      expect(s.mismatches).toEqual([]);
      expect(s.matched / s.total).toBeGreaterThanOrEqual(0.99);
    });
  }

  it('never crashes and always yields exactly one asset', () => {
    for (const p of parsed) {
      expect(p.result.assets, p.entry.file).toHaveLength(1);
      expect(
        p.result.issues.filter((i) => i.code === 'PARSER_FAILED'),
        p.entry.file,
      ).toEqual([]);
    }
  });
});

/**
 * Named real cards: every manifest field listed for them must match exactly (ids after
 * canonicalId), plus the lineage relation type we expect from the documented rules.
 */
const NAMED: ReadonlyArray<readonly [file: string, relation?: string]> = [
  ['model-cards/altomek__nemo-sunfall-v0.6.1-8bpw-EXL2.md', 'quantized_from'],
  ['model-cards/OpenPipe__mistral-ft-optimized-1227.md', 'merge_of'],
  ['model-cards/eswardivi__llamathon_v1.md', 'adapter_of'],
  ['model-cards/refiners__juggernaut.aftermath.sd1_5.unet_inpainting.md', 'finetune_of'],
  ['model-cards/migtissera__Tess-34B-v1.4.md'],
  ['model-cards/pszemraj__long-t5-tglobal-base-16384-booksci-summary-v1.md'],
  ['model-cards/ctheodoris__Geneformer.md'],
  ['model-cards/lllyasviel__sd-controlnet-canny.md'],
  ['model-cards/Keynote-Technology__KAI-7B-beta.md'],
  ['model-cards/dogukanveziroglu__bge-m3-ml-tr-specialized.md'],
  ['model-cards/mnemic__ElementEarthSDXL-SDXL-LoRA.md', 'adapter_of'],
  ['model-cards/solidrust__Newton-7B-AWQ.md', 'quantized_from'],
  ['model-cards/Weyaxi__MetaMath-NeuralHermes-2.5-Mistral-7B-Linear.md'],
  ['model-cards/jonas-luehrs__bert-base-uncased-MLP-scirepeval-chemistry-LARGE.md', 'finetune_of'],
  ['model-cards/metamath__xlm-roberta-base-finetuned-panx-de.md'],
  ['model-cards/MathBart__my_awesome_summary_comments_model.md'],
  ['model-cards/taimoor-ahmed1__climate-sentiment-model.md'],
  ['dataset-cards/cail2018.md'],
  ['dataset-cards/onestop_qa.md', 'derived_from'],
  ['dataset-cards/BeIR__climate-fever.md'],
  ['dataset-cards/freebase_qa.md', 'derived_from'],
  ['dataset-cards/blanchon__ADVANCE.md'],
  ['dataset-cards/maomlab__AqSolDB.md'],
  ['dataset-cards/Crystalcareai__MoD.md'],
  ['dataset-cards/FunDialogues__academia-physics-office-hours.md'],
];

describe('HF cards corpus: named cards', () => {
  it('lists at least 20 named cards', () => expect(NAMED.length).toBeGreaterThanOrEqual(20));

  for (const [file, relation] of NAMED) {
    it(`${file} matches the manifest exactly`, () => {
      const p = parsed.find((x) => x.entry.file === file);
      expect(p, file).toBeDefined();
      if (!p) return;
      for (const field of FIELDS) {
        if (!field.kinds.includes(p.entry.kind)) continue;
        expect(field.actual(p), `${file} ${field.name}`).toEqual(field.expected(p.entry));
      }
      expect(p.result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      if (relation !== undefined) {
        const types = p.result.relations.map((r) => r.type);
        expect(types, file).toContain(relation);
      }
    });
  }

  it('legacy base models resolve to organisation ids', () => {
    const p = parsed.find(
      (x) => x.entry.file === 'model-cards/metamath__xlm-roberta-base-finetuned-panx-de.md',
    );
    expect(p?.asset?.baseModels).toEqual(['FacebookAI/xlm-roberta-base']);
    expect(p?.result.relations.find((r) => r.type === 'finetune_of')?.parent).toBe(
      'FacebookAI/xlm-roberta-base',
    );
  });

  it('reads the card PyYAML rejects (manifest parse_error) as YAML 1.2, with an info issue', () => {
    const p = parsed.find((x) => x.entry.parse_error !== null);
    expect(p?.entry.file).toBe('model-cards/malteklaes__based-CodeBERTa-language-id-llm-module_uniVienna.md');
    expect(p?.asset).toMatchObject({
      id: 'malteklaes/based-CodeBERTa-language-id-llm-module_uniVienna',
      license: { raw: 'apache-2.0' },
      baseModels: ['malteklaes/based-CodeBERTa-language-id-llm-module'],
      datasets: ['malteklaes/cpp-code-code_search_net-style'],
    });
    expect(p?.result.issues.map((i) => i.code)).toEqual(['YAML_TAB']);
  });

  it('reads the card with under-indented quoted widget text leniently (PyYAML agrees)', () => {
    const p = parsed.find((x) => x.entry.file === 'model-cards/Keynote-Technology__KAI-7B-beta.md');
    expect(p?.result.issues.map((i) => i.code)).toEqual(['YAML_LENIENT']);
  });
});
