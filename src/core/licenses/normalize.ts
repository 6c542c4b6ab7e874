/**
 * License normalizer: turns any license input into a canonical SPDX-style expression with provenance.
 * Pipeline follows kb.normalization: HF id table first, `other` + license_name/license_link, SPDX expressions
 * (case-folded, then spdx-expression-parse, tolerant for LicenseRef / free-text atoms), the free-text recipe
 * (aliases, Creative Commons regex, URL map, guarded heuristics), Croissant / CycloneDX / SPDX 3 objects and lists.
 * Never throws.
 */
import parseSpdx from 'spdx-expression-parse';
import { KB, kbIndexes, kbLicense, looseKey } from './kb';
import type { LicenseAtom, LicenseNode, RawNode } from './expression';
import { expressionAtoms, formatExpression, parseRawExpression, simplify } from './expression';

export type LicenseInputFormat = 'hf' | 'spdx' | 'text' | 'croissant' | 'cyclonedx' | 'auto';

export type LicenseInput = {
  /** The raw value as found (string, list, object ...). */
  raw: unknown;
  /** HF `license_name` or similar. */
  name?: string;
  /** HF `license_link` or similar. */
  link?: string;
  format?: LicenseInputFormat;
};

/** Why a normalised value needs attention. */
export type NormalizeFlag =
  /** Mapped by guess: family id, version-less GPL, missing CC version, heuristic (rule AMBIGUOUS_ALIAS). */
  | 'ambiguous'
  /** Several licence values were combined with AND (Croissant / dataset-card lists). */
  | 'multiple'
  /** Custom or unrecognised terms (rule UNRESOLVED_LICENSE_REF). */
  | 'unresolved'
  /** `unknown` / missing (NOASSERTION / NONE). */
  | 'unknown';

export type NormalizedLicense = {
  /** Canonical expression, e.g. `Apache-2.0`, `MIT OR Apache-2.0`, `NOASSERTION` (unknown), `NONE` (missing). */
  expression: string;
  /** How sure the mapping is. */
  confidence: 'exact' | 'alias' | 'inferred' | 'unknown';
  /** Human-readable explanation of how the value was mapped. */
  how: string;
  /** Attention flags (absent when none). */
  flags?: NormalizeFlag[];
  /** Expression used for checking when it differs from `expression` (family ids -> their most restrictive member). */
  checkAs?: string;
};

type Confidence = NormalizedLicense['confidence'];

/** Canonical expression for a value that says "unknown" (HF `unknown`, SPDX NOASSERTION). */
export const UNKNOWN_EXPRESSION = 'NOASSERTION';
/** Canonical expression for a missing licence field / all rights reserved. */
export const MISSING_EXPRESSION = 'NONE';

type Resolved = {
  node: LicenseNode;
  confidence: Confidence;
  how: string;
  flags: Set<NormalizeFlag>;
  checkAs?: LicenseNode;
};

const CONF_ORDER: Confidence[] = ['exact', 'alias', 'inferred', 'unknown'];

function worstConfidence(a: Confidence, b: Confidence): Confidence {
  return CONF_ORDER.indexOf(a) >= CONF_ORDER.indexOf(b) ? a : b;
}

function atom(id: string, extra?: Partial<LicenseAtom>): LicenseAtom {
  return { type: 'license', id, ...extra };
}

function single(
  id: string,
  confidence: Confidence,
  how: string,
  flags: NormalizeFlag[] = [],
  checkAs?: string,
): Resolved {
  const r: Resolved = { node: atom(id), confidence, how, flags: new Set(flags) };
  if (checkAs) r.checkAs = atom(checkAs);
  if (id === UNKNOWN_EXPRESSION || id === MISSING_EXPRESSION) r.flags.add('unknown');
  else if (!kbLicense(id) && !r.checkAs) r.flags.add('unresolved');
  return r;
}

function sanitizeRef(s: string): string {
  return s
    .trim()
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

function fold(s: string): string {
  return s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\u2010-\u2015_]/g, '-')
    .replace(/\s+/g, ' ');
}

function isUrl(s: string): boolean {
  return /^(https?:\/\/|www\.)/i.test(s.trim()) || /^[a-z0-9-]+(\.[a-z0-9-]+)+\/\S*$/i.test(s.trim());
}

/** Proper-case id for a KB canonical or SPDX id (case-insensitive), resolving deprecated GPL-family ids. */
function canonicalId(raw: string): string | undefined {
  const idx = kbIndexes();
  let s = raw.trim();
  let plus = false;
  if (s.endsWith('+')) {
    plus = true;
    s = s.slice(0, -1);
  }
  const lower = s.toLowerCase();
  const known = idx.canonicalByLower.get(lower) ?? idx.spdxByLower.get(lower);
  if (!known) return undefined;
  if (/^(a|l)?gpl-\d\.\d$|^gfdl-\d\.\d$/i.test(known)) {
    const orLater = `${known}-or-later`;
    const only = `${known}-only`;
    if (plus && idx.spdxByLower.has(orLater.toLowerCase())) return idx.spdxByLower.get(orLater.toLowerCase());
    if (idx.spdxByLower.has(only.toLowerCase())) return idx.spdxByLower.get(only.toLowerCase());
  }
  if (plus) {
    const orLater = idx.spdxByLower.get(`${lower}-or-later`);
    if (orLater) return orLater;
    return `${known}+`;
  }
  return known;
}

function hfAtom(id: string, how: string, confidence: Confidence = 'exact'): Resolved | null {
  const key = id.trim().toLowerCase();
  const canonical = KB.hf[key];
  if (!canonical) return null;
  if (canonical === UNKNOWN_EXPRESSION)
    return single(canonical, 'unknown', `${how}: '${id}' means no assertion`);
  const flags: NormalizeFlag[] = kbIndexes().hfAmbiguous.has(key) ? ['ambiguous'] : [];
  const standIn = KB.familyStandIn[key];
  return single(canonical, confidence, `${how}: HF id '${key}' -> ${canonical}`, flags, standIn);
}

const EU_CC_WORDS: [RegExp, string][] = [
  [/\battribution\b/g, 'by'],
  [/\bnon-?commercial\b/g, 'nc'],
  [/\bshare-?alike\b/g, 'sa'],
  [/\bno-?deriv(ative)?s?\b/g, 'nd'],
];

function creativeCommons(folded: string): Resolved | null {
  let s = folded.replace(/\bcreative commons\b/g, 'cc').replace(/^creativecommons\b/, 'cc');
  if (!/^cc\b|^cc-/.test(s)) return null;
  for (const [re, rep] of EU_CC_WORDS) s = s.replace(re, rep);
  s = s
    .replace(/\b(licen[cs]e|international|unported|public|generic|deed)\b/g, ' ')
    .replace(/[(),]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const m = /^cc[ -]*(by)?[ -]*(nc)?[ -]*(sa|nd)?[ -]*(?:v|version )?(\d(?:\.\d)?)?$/.exec(s);
  if (!m) return null;
  const [, by, nc, sand, ver] = m;
  if (!by && !nc && !sand) {
    if (ver) return null;
    return single(
      'LicenseRef-ambiguous-family',
      'inferred',
      `'${folded}': Creative Commons family without terms`,
      ['ambiguous'],
      KB.familyStandIn.cc,
    );
  }
  const version = ver ? (ver.includes('.') ? ver : `${ver}.0`) : '4.0';
  const id = ['CC', 'BY', nc ? 'NC' : '', sand ? sand.toUpperCase() : '', version].filter(Boolean).join('-');
  const proper = canonicalId(id) ?? id;
  if (!ver)
    return single(proper, 'inferred', `'${folded}': Creative Commons without version, assumed ${version}`, [
      'ambiguous',
    ]);
  return single(proper, 'alias', `'${folded}': Creative Commons pattern -> ${proper}`);
}

function heuristics(folded: string): Resolved | null {
  const gpl =
    /^(the )?(gnu )?(affero |lesser |library )?(general public licen[cs]e|agpl|lgpl|gpl)[ -]*(?:v|version )?(\d)(\.\d)?(\+| or later|-or-later| or any later version| only|-only)?$/.exec(
      folded.replace(/\blicen[cs]e\b(?= [av]?\d)/, '').replace(/\s+/g, ' '),
    );
  if (gpl) {
    const [, , , qual, word, major, minor, suffix] = gpl;
    const kind = qual === 'affero ' || word === 'agpl' ? 'AGPL' : qual || word === 'lgpl' ? 'LGPL' : 'GPL';
    const version = `${major}${minor ?? (kind === 'LGPL' && major === '2' ? '.1' : '.0')}`;
    const later = suffix !== undefined && /later|\+/.test(suffix);
    const explicit = suffix !== undefined;
    const id = canonicalId(`${kind}-${version}-${later ? 'or-later' : 'only'}`);
    if (id)
      return single(
        id,
        explicit ? 'alias' : 'inferred',
        `'${folded}': GNU licence pattern -> ${id}`,
        explicit ? [] : ['ambiguous'],
      );
  }
  if (/\bapache\b/.test(folded) && /\b2(\.0)?\b/.test(folded))
    return single('Apache-2.0', 'inferred', `'${folded}': looks like Apache 2.0`, ['ambiguous']);
  if (/\bbsd\b/.test(folded)) {
    if (/\b(3|three|new|revised|modified)\b/.test(folded))
      return single('BSD-3-Clause', 'inferred', `'${folded}': looks like BSD-3-Clause`, ['ambiguous']);
    if (/\b(2|two|simplified|freebsd)\b/.test(folded))
      return single('BSD-2-Clause', 'inferred', `'${folded}': looks like BSD-2-Clause`, ['ambiguous']);
  }
  if (/^(the )?mit\b/.test(folded) && folded.length < 40)
    return single('MIT', 'inferred', `'${folded}': looks like MIT`, ['ambiguous']);
  return null;
}

function resolveUrl(url: string): Resolved | null {
  const u = url.trim();
  const lower = u
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '');
  const how = (id: string): string => `URL ${u} -> ${id}`;
  let m =
    /creativecommons\.org\/licenses\/(by|by-sa|by-nc|by-nd|by-nc-sa|by-nc-nd)\/(1\.0|2\.0|2\.5|3\.0|4\.0)/.exec(
      lower,
    );
  if (m) {
    const id =
      canonicalId(`CC-${(m[1] ?? '').toUpperCase()}-${m[2] ?? ''}`) ??
      `CC-${(m[1] ?? '').toUpperCase()}-${m[2] ?? ''}`;
    return single(id, 'exact', how(id));
  }
  if (/creativecommons\.org\/publicdomain\/zero\/1\.0/.test(lower))
    return single('CC0-1.0', 'exact', how('CC0-1.0'));
  if (/creativecommons\.org\/publicdomain\/mark\/1\.0/.test(lower))
    return single('CC-PDM-1.0', 'exact', how('CC-PDM-1.0'));
  m = /opendatacommons\.org\/licenses\/(by|odbl|pddl)\b/.exec(lower);
  if (m) {
    const id = m[1] === 'by' ? 'ODC-By-1.0' : m[1] === 'odbl' ? 'ODbL-1.0' : 'PDDL-1.0';
    return single(id, 'exact', how(id));
  }
  m = /cdla\.(?:io|dev)\/(permissive-2-0|permissive-1-0|sharing-1-0)/.exec(lower);
  if (m) {
    const id =
      m[1] === 'permissive-2-0'
        ? 'CDLA-Permissive-2.0'
        : m[1] === 'permissive-1-0'
          ? 'CDLA-Permissive-1.0'
          : 'CDLA-Sharing-1.0';
    return single(id, 'exact', how(id));
  }
  m = /spdx\.org\/licenses\/([a-z0-9.+-]+?)(?:\.html|\.json)?\/?$/i.exec(u.replace(/[?#].*$/, ''));
  if (m?.[1]) {
    const id = canonicalId(m[1]);
    if (id) return single(id, 'exact', how(id));
  }
  m = /opensource\.org\/licenses?\/([a-z0-9.+-]+)/i.exec(u);
  if (m?.[1]) {
    const slug = m[1].replace(/\.(php|html)$/i, '');
    const id = canonicalId(slug) ?? hfAtom(slug, 'OSI slug')?.node;
    if (typeof id === 'string') return single(id, 'exact', how(id));
    if (id && id.type === 'license') return single(id.id, 'alias', how(id.id));
  }
  if (/apache\.org\/licenses\/license-2\.0/.test(lower))
    return single('Apache-2.0', 'exact', how('Apache-2.0'));
  m = /gnu\.org\/licenses\/(?:old-licenses\/)?(a|l)?gpl-(\d\.\d)/.exec(lower);
  if (m) {
    const id = `${(m[1] ?? '').toUpperCase()}GPL-${m[2] ?? ''}-only`;
    return single(canonicalId(id) ?? id, 'alias', `${how(id)} (only/or-later not stated)`, ['ambiguous']);
  }
  m =
    /choosealicense\.com\/licenses\/([a-z0-9.+-]+)/.exec(lower) ??
    /huggingface\.co\/datasets\/choosealicense\/licenses\/.*\/markdown\/([a-z0-9.+-]+)\.md/.exec(lower);
  if (m?.[1]) {
    const r = hfAtom(m[1], `URL ${u}`);
    if (r) return r;
    const id = canonicalId(m[1]);
    if (id) return single(id, 'exact', how(id));
  }
  for (const [pattern, canonical] of KB.urlSubstrings) {
    if (lower.includes(pattern))
      return single(canonical, 'alias', `URL ${u} matches '${pattern}' -> ${canonical}`);
  }
  return null;
}

/** Resolves one licence term (id, alias, free text, URL). `null` when nothing matches. */
function resolveAtom(text: string): Resolved | null {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/^["'`]+|["'`;,]+$/g, '')
    .replace(/\.$/, '')
    .trim();
  if (!t) return null;
  const folded = fold(t);
  const idx = kbIndexes();
  if (/^(licenseref-|documentref-)/i.test(t)) {
    const known = idx.canonicalByLower.get(t.toLowerCase());
    if (known) return single(known, 'exact', `LicenseRef ${known}`);
    const cleaned = t.replace(/[^A-Za-z0-9.:+-]/g, '-');
    return single(cleaned, 'inferred', `custom reference ${cleaned} kept as written`);
  }
  if (folded === 'noassertion') return single(UNKNOWN_EXPRESSION, 'unknown', 'NOASSERTION');
  if (folded === 'none') return single(MISSING_EXPRESSION, 'unknown', 'NONE: no licence');
  const id = canonicalId(folded.replace(/ /g, '-')) ?? canonicalId(t);
  if (id && !/\s/.test(t)) return single(id, 'exact', `SPDX id ${id}`);
  const hf = hfAtom(folded, 'HF licence id', 'alias');
  if (hf) return hf;
  const aliasKey = KB.aliases[folded] ?? KB.hfNames[folded];
  if (aliasKey) {
    if (aliasKey === 'LicenseRef-ambiguous-family') {
      return single(
        aliasKey,
        'inferred',
        `'${folded}': licence family without version`,
        ['ambiguous'],
        KB.familyStandIn[folded],
      );
    }
    if (aliasKey === MISSING_EXPRESSION || aliasKey === UNKNOWN_EXPRESSION)
      return single(aliasKey, 'unknown', `'${folded}' -> ${aliasKey}`);
    return single(aliasKey, 'alias', `alias '${folded}' -> ${aliasKey}`);
  }
  const pointer = KB.aliasPointers[folded];
  if (pointer) {
    const r = hfAtom(pointer, `alias '${folded}'`, 'alias');
    if (r) return r;
  }
  if (isUrl(t)) return resolveUrl(t);
  const loose = idx.loose.get(looseKey(t));
  if (loose) {
    if (loose === 'LicenseRef-ambiguous-family')
      return single(loose, 'inferred', `'${folded}': licence family`, ['ambiguous']);
    return single(loose, 'alias', `alias '${folded}' (punctuation ignored) -> ${loose}`);
  }
  return creativeCommons(folded) ?? heuristics(folded);
}

function combine(
  parts: Resolved[],
  op: 'and' | 'or',
  how: string,
  extraFlags: NormalizeFlag[] = [],
): Resolved {
  const flags = new Set<NormalizeFlag>(extraFlags);
  let confidence: Confidence = 'exact';
  for (const p of parts) {
    for (const f of p.flags) flags.add(f);
    confidence = worstConfidence(confidence, p.confidence);
  }
  const node = simplify({ type: op, args: parts.map((p) => p.node) });
  const r: Resolved = { node, confidence, how, flags };
  if (parts.some((p) => p.checkAs))
    r.checkAs = simplify({ type: op, args: parts.map((p) => p.checkAs ?? p.node) });
  const atoms = expressionAtoms(node);
  if (atoms.some((a) => a.id !== UNKNOWN_EXPRESSION && a.id !== MISSING_EXPRESSION)) flags.delete('unknown');
  return r;
}

function fromRaw(node: RawNode): Resolved | null {
  if (node.type === 'raw') {
    const r = resolveAtom(node.text);
    if (!r) return null;
    if (node.exception) {
      if (r.node.type !== 'license') return null;
      const exc = kbIndexes().exceptionByLower.get(node.exception.toLowerCase());
      if (!exc) return null;
      r.node = { ...r.node, exception: exc };
    }
    return r;
  }
  const parts: Resolved[] = [];
  for (const a of node.args) {
    const r = fromRaw(a);
    if (!r) return null;
    parts.push(r);
  }
  return combine(parts, node.type, 'expression');
}

type SpdxInfo =
  | { license: string; plus?: boolean; exception?: string }
  | { conjunction: 'and' | 'or'; left: SpdxInfo; right: SpdxInfo };

function fromSpdxParse(info: SpdxInfo): LicenseNode {
  if ('license' in info) {
    const id = canonicalId(info.license) ?? info.license;
    const a = atom(id);
    if (info.plus && !id.endsWith('-or-later')) a.plus = true;
    if (info.exception) a.exception = info.exception;
    return a;
  }
  return { type: info.conjunction, args: [fromSpdxParse(info.left), fromSpdxParse(info.right)] };
}

function strictSpdx(s: string): Resolved | null {
  if (!/^[A-Za-z0-9.+:()\s-]+$/.test(s)) return null;
  const canon = s
    .replace(/\(/g, ' ( ')
    .replace(/\)/g, ' ) ')
    .split(/\s+/)
    .filter(Boolean)
    .map((tok) => {
      if (/^(and|or|with)$/i.test(tok)) return tok.toUpperCase();
      if (tok === '(' || tok === ')') return tok;
      if (/^(licenseref-|documentref-)/i.test(tok))
        return kbIndexes().canonicalByLower.get(tok.toLowerCase()) ?? tok;
      return canonicalId(tok) ?? kbIndexes().exceptionByLower.get(tok.toLowerCase()) ?? tok;
    })
    .join(' ');
  try {
    const info = parseSpdx(canon) as SpdxInfo;
    const node = simplify(fromSpdxParse(info));
    const parts = expressionAtoms(node).map((a) => single(a.id, 'exact', ''));
    const flags = new Set<NormalizeFlag>();
    for (const p of parts) for (const f of p.flags) flags.add(f);
    return { node, confidence: 'exact', how: `SPDX expression '${s}'`, flags };
  } catch {
    return null;
  }
}

function unresolvedText(s: string): Resolved {
  const slug = sanitizeRef(s.toLowerCase()) || 'value';
  return single(
    `LicenseRef-unresolved-${slug}`,
    'unknown',
    `'${s}' not recognised; kept as a custom reference`,
    ['unresolved'],
  );
}

/** Normalises one string: URL(s), SPDX expression, free text. */
function normalizeString(value: string): Resolved {
  const s = value
    .normalize('NFKC')
    .trim()
    .replace(/^["'`]+|["'`]+$/g, '')
    .trim();
  if (!s) return single(MISSING_EXPRESSION, 'unknown', 'empty licence value');
  const urlParts = s.split(/[\s,;]+/).filter(Boolean);
  if (urlParts.length > 1 && urlParts.every(isUrl)) {
    return combine(
      urlParts.map((p) => resolveUrl(p) ?? unresolvedText(p)),
      'and',
      'several URLs combined with AND',
      ['multiple'],
    );
  }
  if (isUrl(s)) return resolveUrl(s) ?? unresolvedText(s);
  const strict = strictSpdx(s);
  if (strict && !strict.flags.has('unresolved')) return strict;
  const raw = parseRawExpression(s);
  if (raw && raw.type !== 'raw') {
    const r = fromRaw(raw);
    if (r) return { ...r, how: `expression '${s}'` };
  }
  const whole = resolveAtom(s);
  if (whole) return whole;
  if (strict) return strict;
  return unresolvedText(s);
}

function resolveOther(name: string | undefined, link: string | undefined): Resolved {
  const n = name?.trim();
  if (n) {
    const byName = KB.hfNames[n.toLowerCase()];
    if (byName) return single(byName, 'exact', `license: other, license_name '${n}' -> ${byName}`);
    const r = resolveAtom(n);
    if (r && !r.flags.has('unresolved') && !r.flags.has('unknown'))
      return { ...r, how: `license: other, license_name '${n}': ${r.how}` };
  }
  const l = link?.trim();
  if (l && isUrl(l)) {
    const r = resolveUrl(l);
    if (r && !r.flags.has('unresolved'))
      return {
        ...r,
        confidence: worstConfidence(r.confidence, 'alias'),
        how: `license: other, license_link: ${r.how}`,
      };
  }
  const relative = l && !isUrl(l) ? ` (relative link '${l}' says nothing)` : '';
  if (n)
    return single(
      `LicenseRef-hf-other-${sanitizeRef(n)}`,
      'unknown',
      `license: other with unresolved license_name '${n}'${relative}`,
      ['unresolved'],
    );
  return single(
    'LicenseRef-other-unresolved',
    'unknown',
    `license: other without a resolvable name or link${relative}`,
    ['unresolved'],
  );
}

function normalizeHf(raw: unknown, name: string | undefined, link: string | undefined): Resolved {
  if (Array.isArray(raw)) {
    const items = raw.filter((x) => x != null && x !== '');
    if (items.length === 0) return normalizeHf(undefined, name, link);
    if (items.length === 1) return normalizeHf(items[0], name, link);
    return combine(
      items.map((x) => normalizeHf(x, name, link)),
      'and',
      'HF licence list combined with AND',
      ['multiple'],
    );
  }
  if (typeof raw !== 'string' || raw.trim() === '') {
    if (raw != null && typeof raw === 'object') return normalizeAuto(raw, name, link);
    if (name || link) return resolveOther(name, link);
    return single(MISSING_EXPRESSION, 'unknown', 'no licence field');
  }
  const key = raw.trim().toLowerCase();
  if (key === 'other') return resolveOther(name, link);
  return hfAtom(key, 'HF card') ?? normalizeString(raw);
}

function objectValues(
  obj: Record<string, unknown>,
): { value: unknown; kind: 'expr' | 'id' | 'url' | 'name' }[] {
  const out: { value: unknown; kind: 'expr' | 'id' | 'url' | 'name' }[] = [];
  const push = (key: string, kind: 'expr' | 'id' | 'url' | 'name'): void => {
    const v = obj[key];
    if (typeof v === 'string' && v.trim()) out.push({ value: v, kind });
  };
  for (const k of [
    'expression',
    'licenseExpression',
    'simplelicensing_licenseExpression',
    'licenseConcluded',
    'licenseDeclared',
  ])
    push(k, 'expr');
  for (const k of ['id', 'licenseId', 'spdxId', 'spdx_id', 'identifier']) push(k, 'id');
  // A `LicenseRef-` name (CycloneDX named licence for custom terms) is an identifier: it goes before the URL.
  for (const k of ['name', 'license_name']) {
    const v = obj[k];
    if (typeof v === 'string' && /^LicenseRef-[A-Za-z0-9.-]+$/.test(v.trim())) push(k, 'id');
  }
  for (const k of ['url', '@id', 'sameAs', 'link', 'license_link']) push(k, 'url');
  for (const k of ['name', 'license_name', 'title']) push(k, 'name');
  return out;
}

function normalizeObject(obj: Record<string, unknown>, name?: string, link?: string): Resolved {
  if ('license' in obj && typeof obj.license === 'object' && obj.license !== null)
    return normalizeAuto(obj.license, name, link);
  if (typeof obj.license === 'string' || Array.isArray(obj.license)) {
    const n = typeof obj.license_name === 'string' ? obj.license_name : name;
    const l = typeof obj.license_link === 'string' ? obj.license_link : link;
    return normalizeHf(obj.license, n, l);
  }
  for (const { value, kind } of objectValues(obj)) {
    const s = value as string;
    const r = kind === 'url' ? resolveUrl(s) : normalizeString(s);
    if (r && !r.flags.has('unresolved')) return r;
  }
  const first = objectValues(obj)[0];
  if (first) return normalizeString(first.value as string);
  return single(MISSING_EXPRESSION, 'unknown', 'licence object without id, name, url or expression');
}

function normalizeList(items: unknown[], name?: string, link?: string): Resolved {
  const present = items.filter((x) => x != null && x !== '');
  if (present.length === 0) return single(MISSING_EXPRESSION, 'unknown', 'empty licence list');
  if (present.length === 1) return normalizeAuto(present[0], name, link);
  return combine(
    present.map((x) => normalizeAuto(x, name, link)),
    'and',
    `${present.length} licence values combined with AND`,
    ['multiple'],
  );
}

function normalizeAuto(raw: unknown, name?: string, link?: string): Resolved {
  if (raw == null || raw === '') {
    if (name || link) return resolveOther(name, link);
    return single(MISSING_EXPRESSION, 'unknown', 'no licence given');
  }
  if (Array.isArray(raw)) return normalizeList(raw, name, link);
  if (typeof raw === 'object') return normalizeObject(raw as Record<string, unknown>, name, link);
  if (typeof raw !== 'string')
    return unresolvedText(
      typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint' ? String(raw) : 'value',
    );
  const key = raw.trim().toLowerCase();
  if (key === 'other') return resolveOther(name, link);
  return hfAtom(key, 'HF licence id') ?? normalizeString(raw);
}

function finish(r: Resolved): NormalizedLicense {
  const out: NormalizedLicense = {
    expression: formatExpression(r.node),
    confidence: r.confidence,
    how: r.how,
  };
  if (r.flags.size) out.flags = [...r.flags].sort();
  if (r.checkAs) {
    const c = formatExpression(r.checkAs);
    if (c !== out.expression) out.checkAs = c;
  }
  return out;
}

/**
 * Normalises a licence input (HF card fields, SPDX expression, free text, URL(s), Croissant / CycloneDX /
 * SPDX 3 objects, lists) into a canonical SPDX-style expression. `unknown` -> `NOASSERTION`; missing -> `NONE`;
 * unrecognised custom terms -> `LicenseRef-...` with the `unresolved` flag. Never throws.
 */
export function normalizeLicense(input: LicenseInput): NormalizedLicense {
  try {
    const { raw, name, link } = input;
    const format = input.format ?? 'auto';
    switch (format) {
      case 'hf':
        return finish(normalizeHf(raw, name, link));
      case 'spdx':
      case 'text':
        if (typeof raw === 'string') return finish(normalizeString(raw));
        return finish(normalizeAuto(raw, name, link));
      case 'croissant':
      case 'cyclonedx':
        if (Array.isArray(raw)) return finish(normalizeList(raw, name, link));
        return finish(normalizeAuto(raw, name, link));
      default:
        return finish(normalizeAuto(raw, name, link));
    }
  } catch {
    return {
      expression: UNKNOWN_EXPRESSION,
      confidence: 'unknown',
      how: 'licence value could not be read',
      flags: ['unknown'],
    };
  }
}

/** Parses an already-canonical expression (e.g. a stored `normalized` value) into an AST; `null` if unreadable. */
export function parseCanonical(expression: string): LicenseNode | null {
  const strict = strictSpdx(expression);
  if (strict) return strict.node;
  const raw = parseRawExpression(expression, false);
  if (!raw) return null;
  const toNode = (n: RawNode): LicenseNode =>
    n.type === 'raw'
      ? atom(n.text.replace(/\s+/g, '-'), n.exception ? { exception: n.exception } : {})
      : { type: n.type, args: n.args.map(toNode) };
  return simplify(toNode(raw));
}
