#!/usr/bin/env node
// Derives src/core/licenses/kb-data.json (bundled, offline) from ../shared/licenses/license-kb.json.
// Keeps only the facts the license engine needs. No dependencies: `node scripts/build-license-data.mjs`.
// Optional inputs: node_modules/spdx-license-ids + spdx-exceptions (SPDX id case-folding) and
// ../shared/corpus/licenses/osadl-matrix-compact.json (OSADL cells restricted to KB licences, CC-BY-4.0).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.TARN_SHARED ?? join(root, '..', 'shared');
const kbPath = join(shared, 'licenses', 'license-kb.json');
const outPath = join(root, 'src', 'core', 'licenses', 'kb-data.json');

const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));
const kb = readJson(kbPath);

/** Text used for the `pass-use-restrictions` obligation, per licence family (defaults to the policy name). */
const PASS_RESTRICTIONS_TEXT = {
  rail: 'Attachment A in the service terms',
  deepseek: 'Attachment A in the service terms',
  gemma: 'Gemma ToU 3.2 + Prohibited Use Policy',
};

function trainingEffect(tde) {
  if (tde == null) return null;
  const t = String(tde).toLowerCase();
  if (t.startsWith('unsettled')) return 'unsettled';
  if (t.startsWith('results-unrestricted')) return 'results-free';
  if (t.startsWith('attribution-only')) return 'attribution-only';
  if (t.startsWith('contract')) return 'contract';
  if (t.includes('produced work')) return 'produced-work';
  return 'unsettled';
}

function licenseUrl(e) {
  if (e.spdx_id) return `https://spdx.org/licenses/${e.spdx_id}.html`;
  const domainLike = (e.url_patterns ?? []).find(
    (p) => /^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(p) || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(p),
  );
  if (domainLike) return `https://${domainLike}`;
  if (e.use_restrictions?.policy && /^https?:/.test(e.use_restrictions.policy))
    return e.use_restrictions.policy;
  return null;
}

const licenses = {};
for (const e of kb.licenses) {
  const lic = {
    name: e.name,
    category: e.category,
    family: e.family,
    workTypes: e.work_types ?? [],
    binding: e.binding,
    conditions: e.conditions ?? [],
    commercialUse: e.commercial_use,
    copyleft: e.copyleft?.kind ?? 'none',
    compatibleOutbound: e.copyleft?.compatible_outbound ?? [],
    restrictionsFlow: Boolean(e.use_restrictions?.flows_down),
    trainingOthers: e.outputs?.training_other_models ?? 'unspecified',
    distillationIsDerivative: /distillation/.test(e.derivative_scope ?? ''),
    attributionRequired: Boolean(e.attribution?.required),
  };
  const opt = {
    url: licenseUrl(e),
    commercialConditions: e.commercial_conditions,
    mau: e.mau_threshold,
    revenue: e.revenue_threshold_usd,
    policy: e.use_restrictions?.policy,
    restrictionsSummary: e.use_restrictions?.summary,
    passRestrictions: e.use_restrictions?.flows_down
      ? (PASS_RESTRICTIONS_TEXT[e.family] ?? e.use_restrictions?.policy ?? null)
      : null,
    notice: e.attribution?.notice_text,
    display: e.attribution?.display_text,
    attributionDetails: e.attribution?.details,
    naming: e.naming?.text,
    trainingEffect: trainingEffect(e.training_data_effect),
    geo: e.geo_restrictions,
    equivalents: e.equivalent_ids?.length ? e.equivalent_ids : null,
    osi: e.osi_approved,
  };
  for (const [k, v] of Object.entries(opt)) if (v != null && v !== '') lic[k] = v;
  licenses[e.canonical] = lic;
}

// Lookup tables (all keys lower-case).
const aliases = {};
const hfNames = {};
const urlPatterns = [];
for (const e of kb.licenses) {
  for (const a of e.aliases ?? []) {
    const k = a.trim().toLowerCase();
    if (k && !(k in aliases)) aliases[k] = e.canonical;
  }
  for (const n of [...(e.hf_license_names ?? []), ...(e.hf_ids ?? [])])
    hfNames[n.toLowerCase()] = e.canonical;
  for (const p of e.url_patterns ?? []) urlPatterns.push([p.toLowerCase(), e.canonical]);
}
for (const m of kb.normalization.url_map) {
  if (m.match === 'case-insensitive substring') urlPatterns.push([m.pattern.toLowerCase(), m.emit]);
}
const seen = new Set();
const urlSubstrings = urlPatterns
  .filter(([p, c]) => (seen.has(p + c) ? false : seen.add(p + c)))
  .sort((a, b) => b[0].length - a[0].length);

const hf = kb.normalization.hf_id_to_canonical;
const notes = kb.normalization.hf_id_notes ?? {};
const hfAmbiguous = Object.keys(notes).filter((k) => /flag|family id|ambiguous/i.test(notes[k]));

// Family ids: checked as their most restrictive KB member.
function restrictiveness(e) {
  let s = 0;
  if (e.commercial_use === 'no') s += 8;
  if ((e.conditions ?? []).includes('no-derivatives')) s += 4;
  if (['share-alike', 'strong', 'network'].includes(e.copyleft?.kind)) s += 2;
  return s + (e.conditions ?? []).length / 100;
}
const familyStandIn = {};
for (const [id, canonical] of Object.entries(hf)) {
  if (canonical !== 'LicenseRef-ambiguous-family') continue;
  const members = kb.licenses.filter((e) => e.family === id && e.canonical !== canonical);
  members.sort((a, b) => restrictiveness(b) - restrictiveness(a));
  if (members[0]) familyStandIn[id] = members[0].canonical;
}
familyStandIn['creative commons'] = familyStandIn.cc;

const rules = {};
for (const r of kb.rules) {
  rules[r.code] = {
    verdict: r.verdict,
    unsettled: Boolean(r.unsettled),
    message: r.message,
    ...(r.profile_overrides ? { overrides: r.profile_overrides } : {}),
  };
}

// SPDX ids for case-folding (optional).
function optionalJson(p) {
  return existsSync(p) ? readJson(p) : null;
}
const spdxIds = optionalJson(join(root, 'node_modules', 'spdx-license-ids', 'index.json')) ?? [];
const spdxDeprecated = optionalJson(join(root, 'node_modules', 'spdx-license-ids', 'deprecated.json')) ?? [];
const spdxExceptions = optionalJson(join(root, 'node_modules', 'spdx-exceptions', 'index.json')) ?? [];

// OSADL cells between licences the KB knows (plus their equivalents), only the non-"Yes" ones.
let osadl = null;
const osadlRaw = optionalJson(join(shared, 'corpus', 'licenses', 'osadl-matrix-compact.json'));
if (osadlRaw) {
  const known = new Set(Object.keys(licenses));
  for (const l of Object.values(licenses)) for (const q of l.equivalents ?? []) known.add(q);
  const no = {};
  for (const [lead, row] of Object.entries(osadlRaw)) {
    if (!known.has(lead) || typeof row !== 'object' || row === null) continue;
    for (const [sub, v] of Object.entries(row)) {
      if (!known.has(sub) || v === 'Yes' || v === 'Same') continue;
      (no[lead] ??= {})[sub] = v;
    }
  }
  osadl = {
    attribution:
      'A project by the Open Source Automation Development Lab (OSADL) eG. For further information about the project see the description at www.osadl.org/checklists.',
    leads: Object.keys(osadlRaw).filter((k) => known.has(k)),
    cells: no,
  };
}

const data = {
  kbVersion: kb.kb_version,
  compiled: kb.compiled,
  disclaimer: kb.disclaimer,
  licenses,
  hf,
  hfAmbiguous,
  familyStandIn,
  hfNames,
  aliases,
  aliasPointers: kb.normalization.alias_pointers ?? {},
  urlSubstrings,
  rules,
  spdxIds: [...spdxIds, ...spdxDeprecated],
  spdxDeprecated,
  spdxExceptions,
  osadl,
};

// Format with the repo's Prettier when available so `npm run format:check` stays clean (optional, no hard dep).
let text = JSON.stringify(data) + '\n';
try {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(outPath)) ?? {};
  text = await prettier.format(text, { ...options, parser: 'json' });
} catch {
  // keep compact JSON
}
writeFileSync(outPath, text);
console.warn(
  `wrote ${outPath} (${Object.keys(licenses).length} licences, ${Object.keys(rules).length} rules)`,
);
