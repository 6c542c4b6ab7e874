/**
 * The catalog's completeness buckets: the "Completeness" facet's values and the Insights chart's scale.
 * Apart from `completeness.ts` (the field checks), so the facet definitions the window loads at start-up
 * do not carry the checks.
 */

/** The buckets (facet values), lowest first: 20 points each, the last one 80–100. */
export const COMPLETENESS_BUCKETS: readonly string[] = ['0-19', '20-39', '40-59', '60-79', '80-100'];

/** The bucket of a completeness percentage (`completenessPercent` in `completeness.ts`, 0..100). */
export function completenessBucket(percent: number): string {
  const i = Math.min(COMPLETENESS_BUCKETS.length - 1, Math.max(0, Math.floor(percent / 20)));
  return COMPLETENESS_BUCKETS[i] ?? '0-19';
}
