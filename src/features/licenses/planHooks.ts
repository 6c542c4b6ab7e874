/**
 * Product plan hooks: the stored plans (live), one plan, its check in the licence worker (react-query, kept
 * while a new answer is computed; catalog changes make it stale through `licenseKeys.all`), what changed since
 * the previous answer, and the catalog assets the "Add component" box suggests.
 */
import { useEffect, useRef, useState } from 'react';
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { diffFindings, type LicenseFinding, type PlanResult, type ProductPlan } from '@/core/licenses';
import { getPlan, listPlans } from '@/db';
import { licensesClient } from '@/workers/licenses/client';
import { licenseKeys } from './queryKeys';

/** Every stored plan, most recent first (undefined while loading). */
export function usePlans(): ProductPlan[] | undefined {
  return useLiveQuery(() => listPlans(), []);
}

/** One stored plan: undefined while loading, null when there is none. */
export function useStoredPlan(id: string): ProductPlan | null | undefined {
  return useLiveQuery(async () => (await getPlan(id)) ?? null, [id]);
}

/** What the check of a plan depends on (not its timestamps). */
function planKey(plan: ProductPlan): string {
  const { createdAt: _c, updatedAt: _u, ...rest } = plan;
  return JSON.stringify(rest);
}

export type PlanCheck = {
  data: (PlanResult & { ms: number }) | undefined;
  /** True while the shown answer is missing or out of date. */
  loading: boolean;
  error?: string;
  /** Findings that appeared / went with the last change (null before the first change). */
  diff: { appeared: LicenseFinding[]; disappeared: LicenseFinding[] } | null;
};

/** The licence check of a plan (recomputed at once on every change) and what changed with the last edit. */
export function usePlanCheck(plan: ProductPlan | undefined): PlanCheck {
  const key = plan ? planKey(plan) : '';
  const query = useQuery({
    queryKey: licenseKeys.plan(key),
    queryFn: plan ? () => licensesClient().call('licensePlan', { plan }) : skipToken,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const fresh = query.isPlaceholderData ? undefined : query.data;
  const last = useRef<{ key: string; findings: LicenseFinding[] } | undefined>(undefined);
  const [diff, setDiff] = useState<PlanCheck['diff']>(null);
  useEffect(() => {
    if (!fresh) return;
    const prev = last.current;
    if (prev && prev.key !== key) setDiff(diffFindings(prev.findings, fresh.findings));
    last.current = { key, findings: fresh.findings };
  }, [fresh, key]);
  return {
    data: query.data,
    loading: query.isPending || query.isFetching || query.isPlaceholderData,
    ...(query.error ? { error: query.error.message } : {}),
    diff,
  };
}

export type PlanCandidate = { id: string; name: string; kind: string; license: string };

/** Catalog assets whose id or name contains `q`. */
export function usePlanCandidates(q: string): PlanCandidate[] {
  const text = q.trim();
  const query = useQuery({
    queryKey: licenseKeys.candidates(text),
    queryFn: text ? () => licensesClient().call('licensePlanCandidates', { q: text, limit: 8 }) : skipToken,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  return text ? (query.data ?? []) : [];
}
