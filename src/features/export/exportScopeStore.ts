/**
 * What the Export dialog can offer besides the whole catalog: the catalog's current filtered view and its
 * table selection. The catalog page publishes them (via app/), the Export button in the top bar reads them.
 */
import { useEffect, useSyncExternalStore } from 'react';

export type ExportScopeKeys = { visibleKeys?: readonly string[]; selectedKeys?: readonly string[] };

let current: ExportScopeKeys = {};
const listeners = new Set<() => void>();

export function publishExportScope(next: ExportScopeKeys): void {
  current = next;
  for (const l of listeners) l();
}

export function useExportScope(): ExportScopeKeys {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

/** Publishes the page's visible/selected keys while it is mounted (cleared on unmount). */
export function usePublishExportScope(
  visibleKeys: readonly string[] | undefined,
  selectedKeys: readonly string[] | undefined,
): void {
  useEffect(() => {
    publishExportScope({
      ...(visibleKeys ? { visibleKeys } : {}),
      ...(selectedKeys ? { selectedKeys } : {}),
    });
  }, [visibleKeys, selectedKeys]);
  useEffect(() => () => publishExportScope({}), []);
}
