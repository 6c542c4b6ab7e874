import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now (re-renders when it changes). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const m = matchMedia(query);
      m.addEventListener('change', notify);
      return () => m.removeEventListener('change', notify);
    },
    () => matchMedia(query).matches,
    () => false,
  );
}

/** Phone-sized screens: the catalog's facets become a drawer and the table keeps its key columns. */
export const NARROW_SCREEN = '(max-width: 760px)';
