import { useEffect } from 'react';
import { countAssets, getSetting } from '@/db';
import { ConfirmButton } from '@/components/ConfirmButton';
import { clearCatalog, setSettings } from '@/workers/catalogWrites';
import { startImport, useImportState, dismissReport } from './importStore';

export const DEMO_URL = '/demo-catalog.json';

/** Loads the bundled demo catalog (the app's own export format) through the normal import path. */
export async function loadDemoCatalog(): Promise<void> {
  const res = await fetch(DEMO_URL);
  if (!res.ok) throw new Error(`Demo catalog not found (${res.status})`);
  const blob = await res.blob();
  await startImport([{ name: 'demo-catalog.json', blob }], 'Loading demo catalog');
}

/**
 * On first start of a fresh profile, fill an EMPTY catalog with the demo. Automated browsers
 * (navigator.webdriver) start empty unless the URL asks for `?demo=1`, so tests see exactly what they import.
 */
export function useDemoBootstrap(): void {
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const forced = params.get('demo') === '1';
    if (navigator.webdriver && !forced) return;
    void (async () => {
      const offered = await getSetting('demoOffered', false);
      if (offered && !forced) return;
      if ((await countAssets()) > 0) return;
      await setSettings({ demoOffered: true });
      await loadDemoCatalog();
    })();
  }, []);
}

/** "Load demo catalog" and "Clear catalog" (with confirmation). */
export function CatalogActions() {
  const state = useImportState();
  return (
    <div className="catalog-actions">
      <button type="button" disabled={state.running} onClick={() => void loadDemoCatalog()}>
        Load demo catalog
      </button>
      <ConfirmButton
        label="Clear catalog"
        confirmLabel="Yes, clear everything"
        question="Delete every asset, version, relation and curation from this browser?"
        disabled={state.running}
        onConfirm={() => {
          dismissReport();
          void clearCatalog().then((r) => {
            if (!r.ok) console.error('Could not clear the catalog', r.error);
          });
        }}
      />
    </div>
  );
}
