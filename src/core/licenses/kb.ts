/**
 * Typed access to the bundled licence knowledge base (kb-data.json, built by scripts/build-license-data.mjs
 * from ../shared/licenses/license-kb.json). Lookup tables are built lazily, once.
 */
import kbJson from './kb-data.json';

/** KB licence categories (kb.vocabulary.category). */
export type KbCategory =
  | 'public-domain'
  | 'permissive'
  | 'weak-copyleft'
  | 'strong-copyleft'
  | 'network-copyleft'
  | 'share-alike'
  | 'non-commercial'
  | 'no-derivatives'
  | 'responsible-ai'
  | 'open-weights-custom'
  | 'research-only'
  | 'proprietary-terms'
  | 'unknown';

/** Facts the engine keeps per licence entry. */
export type KbLicense = {
  name: string;
  category: KbCategory;
  family: string;
  workTypes: string[];
  binding: string;
  conditions: string[];
  commercialUse: 'yes' | 'no' | 'conditional' | 'unknown';
  copyleft: string;
  compatibleOutbound: string[];
  restrictionsFlow: boolean;
  trainingOthers: string;
  distillationIsDerivative: boolean;
  attributionRequired: boolean;
  url?: string;
  commercialConditions?: string;
  mau?: number;
  revenue?: number;
  policy?: string;
  restrictionsSummary?: string;
  passRestrictions?: string;
  notice?: string;
  display?: string;
  attributionDetails?: string;
  naming?: string;
  trainingEffect?: 'unsettled' | 'results-free' | 'attribution-only' | 'contract' | 'produced-work';
  geo?: string;
  equivalents?: string[];
  osi?: boolean;
};

/** A KB rule as bundled. */
export type KbRule = {
  verdict: 'ok' | 'warning' | 'review' | 'conflict';
  unsettled: boolean;
  message: string;
  overrides?: Partial<
    Record<'balanced' | 'conservative' | 'permissive', 'ok' | 'warning' | 'review' | 'conflict'>
  >;
};

type KbData = {
  kbVersion: string;
  compiled: string;
  disclaimer: string;
  licenses: Record<string, KbLicense>;
  hf: Record<string, string>;
  hfAmbiguous: string[];
  familyStandIn: Record<string, string>;
  hfNames: Record<string, string>;
  aliases: Record<string, string>;
  aliasPointers: Record<string, string>;
  urlSubstrings: [string, string][];
  rules: Record<string, KbRule>;
  spdxIds: string[];
  spdxDeprecated: string[];
  spdxExceptions: string[];
  osadl: { attribution: string; leads: string[]; cells: Record<string, Record<string, string>> } | null;
};

/** The bundled KB. */
export const KB = kbJson as unknown as KbData;

type Indexes = {
  /** lower-case canonical or equivalent id -> KB canonical */
  canonicalByLower: Map<string, string>;
  /** lower-case equivalent id -> KB canonical whose facts apply */
  factsByLower: Map<string, string>;
  /** lower-case SPDX id -> proper-case SPDX id */
  spdxByLower: Map<string, string>;
  /** lower-case exception id -> proper-case */
  exceptionByLower: Map<string, string>;
  /** loose key (alphanumerics, '.', '+') -> canonical */
  loose: Map<string, string>;
  hfAmbiguous: Set<string>;
  spdxDeprecated: Set<string>;
};

let indexes: Indexes | null = null;

/** Loose key for punctuation-insensitive matching ("Apache License, Version 2.0" -> "apachelicenseversion2.0"). */
export function looseKey(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9.+]/g, '');
}

function buildIndexes(): Indexes {
  const canonicalByLower = new Map<string, string>();
  const factsByLower = new Map<string, string>();
  for (const [id, lic] of Object.entries(KB.licenses)) {
    canonicalByLower.set(id.toLowerCase(), id);
    factsByLower.set(id.toLowerCase(), id);
    for (const q of lic.equivalents ?? []) {
      if (!factsByLower.has(q.toLowerCase())) factsByLower.set(q.toLowerCase(), id);
    }
  }
  for (const c of Object.values(KB.hf)) {
    if (!canonicalByLower.has(c.toLowerCase())) canonicalByLower.set(c.toLowerCase(), c);
  }
  const spdxByLower = new Map<string, string>();
  for (const id of KB.spdxIds) spdxByLower.set(id.toLowerCase(), id);
  const exceptionByLower = new Map<string, string>();
  for (const id of KB.spdxExceptions) exceptionByLower.set(id.toLowerCase(), id);
  const loose = new Map<string, string>();
  const addLoose = (k: string, v: string): void => {
    const key = looseKey(k);
    if (key && !loose.has(key)) loose.set(key, v);
  };
  for (const id of Object.keys(KB.licenses)) addLoose(id, id);
  for (const [a, c] of Object.entries(KB.aliases)) addLoose(a, c);
  for (const [n, c] of Object.entries(KB.hfNames)) addLoose(n, c);
  return {
    canonicalByLower,
    factsByLower,
    spdxByLower,
    exceptionByLower,
    loose,
    hfAmbiguous: new Set(KB.hfAmbiguous),
    spdxDeprecated: new Set(KB.spdxDeprecated.map((d) => d.toLowerCase())),
  };
}

/** Lazily built lookup indexes. */
export function kbIndexes(): Indexes {
  indexes ??= buildIndexes();
  return indexes;
}

/** Memo: atom id as written -> KB canonical id whose facts apply (null: not modelled). Ids are few and repeat. */
const factsIdMemo = new Map<string, string | null>();

/** The KB canonical id whose facts apply to an atom id, if any. */
export function kbFactsId(id: string): string | undefined {
  let key = factsIdMemo.get(id);
  if (key === undefined) {
    key = kbIndexes().factsByLower.get(id.toLowerCase()) ?? null;
    if (factsIdMemo.size < 50_000) factsIdMemo.set(id, key);
  }
  return key ?? undefined;
}

/** KB facts for an atom id (canonical or an equivalent id, case-insensitive); `undefined` when not modelled. */
export function kbLicense(id: string): KbLicense | undefined {
  const key = kbFactsId(id);
  return key ? KB.licenses[key] : undefined;
}

const conditionMemo = new WeakMap<KbLicense, ReadonlySet<string>>();

/** `lic.conditions` as a set (built once per licence). */
export function kbConditions(lic: KbLicense): ReadonlySet<string> {
  let set = conditionMemo.get(lic);
  if (!set) {
    set = new Set(lic.conditions);
    conditionMemo.set(lic, set);
  }
  return set;
}

/**
 * Rules of Tarn's own, beside the research KB's (kb-data.json is generated from it): relation facts a product
 * plan states that the KB's rule list does not cover.
 */
const TARN_RULES: Readonly<Record<string, KbRule>> = {
  COPYLEFT_SOURCE_NOT_OFFERED: {
    verdict: 'warning',
    unsettled: false,
    message: 'The licence requires the corresponding source of what is distributed; offer it.',
  },
};

/** KB rule by code. */
export function kbRule(code: string): KbRule | undefined {
  return KB.rules[code] ?? TARN_RULES[code];
}
