import { test as base, expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { AssetPage } from './pages/assetPage';
import { CatalogPage } from './pages/catalogPage';
import { ExportDialog } from './pages/exportDialog';
import { ImportPanel } from './pages/importPanel';
import { InsightsPage } from './pages/insightsPage';
import { LicensesPage } from './pages/licensesPage';
import { LineageGraph } from './pages/lineageGraph';

export { AssetPage } from './pages/assetPage';
export { CatalogPage } from './pages/catalogPage';
export { ExportDialog } from './pages/exportDialog';
export { ImportPanel } from './pages/importPanel';
export { LineageGraph } from './pages/lineageGraph';

export const DATA_DIR = fileURLToPath(new URL('./data', import.meta.url));
export const CORPUS_DIR = fileURLToPath(new URL('../../shared/corpus', import.meta.url));

type Guard = {
  consoleErrors: string[];
  foreignRequests: string[];
  /**
   * Origins this test configured in the app (a Hub mirror, a published catalog, a CouchDB server): requests to
   * them are the person's explicit action, not a leak. Every other origin still fails the test.
   */
  allowOrigin: (origin: string) => void;
};
type Fixtures = {
  guard: Guard;
  /** Opens another tab (page) in the same browser context (same origin, same IndexedDB), guarded too. */
  openTab: () => Promise<Page>;
  /** Page models of the test's page (see ./pages). */
  catalog: CatalogPage;
  asset: AssetPage;
  imports: ImportPanel;
  licenses: LicensesPage;
  lineage: LineageGraph;
  exporter: ExportDialog;
  insights: InsightsPage;
};

/** Records the page's console errors and requests to other origins into the guard. */
function watch(page: Page, origin: string, guard: Guard): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') guard.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => guard.consoleErrors.push(`pageerror: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) guard.foreignRequests.push(url);
  });
}

function originOf(baseURL: string | undefined): string {
  return new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
}

/**
 * Every test: collects console errors and requests to other origins (of every tab it opens), and fails if
 * any happened; page models of its page as fixtures (`catalog`, `asset`, `imports`, `licenses`, `lineage`,
 * `exporter`, `insights`).
 */
export const test = base.extend<Fixtures>({
  guard: [
    async ({ page, baseURL }, use) => {
      const allowed = new Set<string>();
      const guard: Guard = {
        consoleErrors: [],
        foreignRequests: [],
        allowOrigin: (origin) => allowed.add(new URL(origin).origin),
      };
      watch(page, originOf(baseURL), guard);
      await use(guard);
      expect(guard.consoleErrors, 'console errors').toEqual([]);
      const foreign = guard.foreignRequests.filter((url) => !allowed.has(new URL(url).origin));
      expect(foreign, 'requests to other origins').toEqual([]);
    },
    { auto: true },
  ],
  openTab: async ({ context, baseURL, guard }, use) => {
    await use(async () => {
      const tab = await context.newPage();
      watch(tab, originOf(baseURL), guard);
      return tab;
    });
  },
  catalog: async ({ page }, use) => use(new CatalogPage(page)),
  asset: async ({ page }, use) => use(new AssetPage(page)),
  imports: async ({ page }, use) => use(new ImportPanel(page)),
  licenses: async ({ page }, use) => use(new LicensesPage(page)),
  lineage: async ({ page }, use) => use(new LineageGraph(page)),
  exporter: async ({ page }, use) => use(new ExportDialog(page)),
  insights: async ({ page }, use) => use(new InsightsPage(page)),
});

export { expect };

export function importReport(page: Page) {
  return new ImportPanel(page).report;
}
