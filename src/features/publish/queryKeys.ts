/**
 * React-query keys of the published-catalog reads (the subscription list) and which catalog changes make
 * them stale; app/ invalidates what `publishInvalidations` names.
 */
import type { QueryKey } from '@tanstack/react-query';
import type { CatalogChange } from '@/workers/catalogEvents';

export const publishKeys = {
  subscriptions: ['publish', 'subscriptions'] as const,
};

export function publishInvalidations(change: CatalogChange): QueryKey[] {
  return change.tables.includes('subscriptions') ? [publishKeys.subscriptions] : [];
}
