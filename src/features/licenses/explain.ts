/** Plain-language explanations of the licence engine's rule codes and obligation types. Pure. */
import type { LicenseVerdict } from '@/core/licenses';

const RULES: Readonly<Record<string, string>> = {
  PUBLIC_DOMAIN: 'The upstream material is in the public domain (or equivalent): nothing flows down.',
  PERMISSIVE_NOTICES:
    'A permissive licence upstream: you may reuse it, but keep its copyright and licence notices (Apache-2.0 also asks you to keep its NOTICE file and mark changes).',
  PERMISSIVE_RELABEL_COPY:
    'This is a converted copy (e.g. a quantization) of a permissively licensed model but it carries a different licence. A copy is still the upstream work: ship the upstream licence and notices, or declare both licences.',
  ATTRIBUTION_DATA:
    'A dataset in the lineage asks for credit: name its creators, keep its notices and link to its licence.',
  SA_RELICENSE:
    'Share-alike (copyleft) material was adapted but the result is released under a different, non-compatible licence. Adaptations must keep the same (or a listed compatible) licence.',
  SA_COLLECTION:
    'A collection mixes share-alike parts with others under one non-share-alike licence. Declare per-part licences (e.g. "A AND B") instead.',
  NC_RELICENSE:
    'Non-commercial material was relicensed under terms that allow commercial use. The non-commercial condition cannot be removed.',
  NC_COMMERCIAL_USE: 'You plan commercial use, but a licence in force here only allows non-commercial use.',
  ND_ADAPTATION_SHARED:
    'A "no derivatives" work was adapted and the adaptation is shared, which its licence forbids.',
  ODBL_DERIVATIVE_DB:
    'A derivative database of ODbL data must itself be offered under the ODbL (share-alike for databases).',
  ODBL_PRODUCED_WORK:
    'A work produced from an ODbL database is not share-alike, but needs a notice naming the database.',
  CDLA_SHARING_ENHANCED:
    'Enhanced data from a CDLA-Sharing dataset must be published under the unmodified CDLA-Sharing agreement.',
  TRAINING_DATA_RESULTS_FREE:
    'The training data licence says trained models are unrestricted results: the data terms do not reach the model.',
  TRAINING_DATA_NC_UNSETTLED:
    'The model was trained on non-commercial data. Whether such terms reach trained weights is legally unsettled; the profile decides (balanced: review, conservative: conflict, permissive: ok).',
  TRAINING_DATA_SA_UNSETTLED:
    'The model was trained on share-alike data. Whether the weights are an adaptation of that data is legally unsettled; the profile decides.',
  TRAINING_DATA_ND_UNSETTLED:
    'The model was trained on "no derivatives" data. Training privately is allowed; sharing the model is unsettled.',
  CONTRACT_RESEARCH_ONLY:
    'Research-only terms were accepted upstream; as a contract they bind whoever trains on the material, whatever the copyright status of the weights.',
  UNKNOWN_LICENSE:
    'No licence could be established for an asset in the lineage. Without a grant, all rights are reserved: find out the actual terms.',
  UNRESOLVED_LICENSE_REF:
    'Custom terms that the knowledge base does not know. Read the linked licence text to decide.',
  AMBIGUOUS_ALIAS:
    'The licence id was guessed from an ambiguous value (e.g. a family name without a version). Confirm which licence is meant.',
  CUSTOM_TERMS_DROPPED:
    'A vendor model licence upstream (e.g. Llama, Gemma, Qwen) must accompany every derivative and keeps governing the upstream materials; the declared licence drops it. A plain open-source licence cannot replace it.',
  USE_RESTRICTIONS_DROPPED:
    'An upstream licence (RAIL, Llama, Gemma, DeepSeek ...) requires its use restrictions in the licence of any derivative; the declared licence leaves them out.',
  USE_RESTRICTIONS_FLOW:
    'Use restrictions apply: pass them on to your users (terms of service for hosted services), give a copy of the licence and mark changes.',
  LLAMA_NAMING:
    'The upstream licence requires the derivative model’s name to begin with a given prefix (e.g. "Llama").',
  LLAMA_ATTRIBUTION:
    'Llama obligations: ship a copy of the agreement and its NOTICE text, show "Built with Llama", follow the acceptable use policy.',
  LLAMA_OUTPUT_TRAINING:
    'Llama outputs were used to improve another large language model, which that Llama licence forbids.',
  MAU_THRESHOLD:
    'Your monthly active users exceed the upstream licence’s threshold: you need a separate licence from the licensor.',
  REVENUE_THRESHOLD:
    'Your annual revenue exceeds the upstream licence’s threshold for commercial use: an enterprise licence is needed.',
  GEO_RESTRICTION: 'The upstream licence grants no rights to licensees in your region for these checkpoints.',
  MERGE_INCOMPATIBLE: 'This merge combines parents whose licences cannot all be satisfied at once.',
  MERGE_STACKED_AGREEMENTS:
    'This merge combines several vendor agreements; shipping all of them with all restrictions probably works, but is untested.',
  UPSTREAM_INCONSISTENT:
    'An ancestor is mislabelled: the effective licence is computed from the lineage, not from that card.',
  COPYLEFT_CODE_COMBINED:
    'Copyleft code is combined with code under a licence it is not compatible with (OSADL matrix: No).',
  NETWORK_COPYLEFT_SAAS:
    'Network copyleft (AGPL) code is offered as a hosted service: its source must be offered to the service’s users.',
  WEAK_COPYLEFT_LINK:
    'A weak-copyleft library: keep it under its own licence and allow relinking / provide the source of changes to it.',
  COPYLEFT_SOURCE_NOT_OFFERED:
    'A copyleft component is distributed (modified, for a weak-copyleft library) but its source is not offered, which its licence requires.',
  CODE_NOT_INHERITED: 'The licence of the training or inference code does not cover the weights it produces.',
  API_TERMS_COMPETITION:
    'Outputs of an API with "no competing model" terms were used; this binds the account holder and depends on the facts.',
  OUTPUT_ATTRIBUTION: 'Outputs of this model carry an attribution duty (e.g. "Built with Qwen").',
  MISSING_DECLARED_LICENSE:
    'The asset declares no licence although licences are inherited from its lineage: declare them and ship their texts.',
};

/** Plain-language explanation of a rule code (falls back to the code itself). */
export function explainRule(code: string): string {
  return RULES[code] ?? `Rule ${code}.`;
}

const OBLIGATIONS: Readonly<Record<string, string>> = {
  'include-license-agreement': 'Include a copy of the licence agreement',
  'include-notice-text': 'Include the required NOTICE text',
  'display-attribution': 'Display the attribution',
  'name-prefix': 'Start the model name with',
  'comply-aup': 'Follow the acceptable use policy',
  'pass-use-restrictions': 'Pass the use restrictions on to users',
  'mark-changes': 'Mark your changes',
  'attribute-source': 'Credit the source dataset',
  'keep-notices': 'Keep the licence and notices',
  'same-license': 'Release under the same licence',
  'disclose-source': 'Make the source available',
  'keep-guardrails': 'Keep the safety guardrails',
  'produced-work-notice': 'Add a produced-work notice',
  'offer-derivative-database': 'Offer any derivative database used',
  'keep-library-license': 'Keep the library under its own licence',
  'allow-relinking': 'Allow users to relink the library',
};

/** Human label of an obligation type. */
export function obligationLabel(type: string): string {
  return OBLIGATIONS[type] ?? type.replace(/-/g, ' ');
}

export const VERDICTS: readonly LicenseVerdict[] = ['ok', 'warning', 'review', 'conflict'];

const VERDICT_TEXT: Readonly<Record<LicenseVerdict, string>> = {
  ok: 'Nothing beyond the listed obligations.',
  warning: 'Allowed, but an obligation looks unmet or a value was inferred.',
  review: 'Depends on unsettled law or on terms the tool cannot read: a person should look.',
  conflict: 'The declared licence or your intended use contradicts a term of an upstream licence.',
};

/** One sentence explaining a verdict. */
export function explainVerdict(v: LicenseVerdict): string {
  return VERDICT_TEXT[v];
}

const RANK: Readonly<Record<LicenseVerdict, number>> = { conflict: 0, review: 1, warning: 2, ok: 3 };

/** Sort key: worst first. */
export function verdictRank(v: LicenseVerdict): number {
  return RANK[v];
}
