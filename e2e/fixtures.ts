import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AssetPage } from './pages/assetPage';
import { CatalogPage } from './pages/catalogPage';
import { ExportDialog } from './pages/exportDialog';
import { ImportPanel } from './pages/importPanel';
import { InsightsPage } from './pages/insightsPage';
import { LicensesPage } from './pages/licensesPage';
import { LineageGraph } from './pages/lineageGraph';
import { PlanPage } from './pages/planPage';
import { StandardsExport } from './pages/standardsExport';
import { HubImportDialog } from './pages/hubImportDialog';
import { SyncPanel } from './pages/syncPanel';
import { TeamPage } from './pages/teamPage';

export { AssetPage } from './pages/assetPage';
export { CatalogPage } from './pages/catalogPage';
export { ExportDialog } from './pages/exportDialog';
export { ImportPanel } from './pages/importPanel';
export { LineageGraph } from './pages/lineageGraph';
export { PlanPage } from './pages/planPage';
export { SyncPanel, createTeamDb } from './pages/syncPanel';
export { TeamPage } from './pages/teamPage';

export const DATA_DIR = fileURLToPath(new URL('./data', import.meta.url));
export const CORPUS_DIR = fileURLToPath(new URL('../../shared/corpus', import.meta.url));

/** The screens every page must work on (axe, the lineage overview): a desktop and a phone. */
export const SCREENS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
export const COLOR_SCHEMES = ['light', 'dark'] as const;

/** Shows the page on one of {@link SCREENS} in one of {@link COLOR_SCHEMES}. */
export async function useScreen(
  page: Page,
  screen: (typeof SCREENS)[number],
  scheme: (typeof COLOR_SCHEMES)[number],
): Promise<void> {
  await page.setViewportSize({ width: screen.width, height: screen.height });
  await page.emulateMedia({ colorScheme: scheme });
}

/** axe-core (WCAG 2 A and AA) violations of the page, one line each, prefixed with `where`. */
export async function axeViolations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.map(
    (v) =>
      `${where}: ${v.id} (${v.nodes.length}) ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

/** Every file of some folders of e2e/data (`cardsIn('lineage', 'licenses')`). */
export function cardsIn(...folders: string[]): string[] {
  return folders.flatMap((f) => readdirSync(`${DATA_DIR}/${f}`).map((name) => `${DATA_DIR}/${f}/${name}`));
}

type Guard = {
  consoleErrors: string[];
  foreignRequests: string[];
  /**
   * Origins this test configured in the app (a Hub mirror, a published catalog, a CouchDB server): requests to
   * them are the person's explicit action, not a leak. Every other origin still fails the test.
   */
  allowOrigin: (origin: string) => void;
  /** True for a URL on an origin the test allowed. */
  isAllowed: (url: string) => boolean;
};
type Fixtures = {
  guard: Guard;
  /** Opens another tab (page) in the same browser context (same origin, same IndexedDB), guarded too. */
  openTab: () => Promise<Page>;
  /**
   * Opens a page in a new browser context: another person on another machine (own IndexedDB, own network
   * state), guarded too; closed after the test.
   */
  openMember: () => Promise<Page>;
  /** Page models of the test's page (see ./pages). */
  catalog: CatalogPage;
  asset: AssetPage;
  imports: ImportPanel;
  licenses: LicensesPage;
  lineage: LineageGraph;
  exporter: ExportDialog;
  plan: PlanPage;
  standards: StandardsExport;
  hub: HubImportDialog;
  sync: SyncPanel;
  team: TeamPage;
  insights: InsightsPage;
};

/** Records the page's console errors and requests to other origins into the guard. */
function watch(page: Page, origin: string, guard: Guard): void {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // The browser logs an HTTP error answer (404, 403, 429, offline) of a fetch as a console error. From an origin
    // the test configured (a Hub mirror answering "not found" or "gated" on purpose) that is the app's expected
    // input, which it reports to the person; from anywhere else it still fails the test.
    const from = msg.location().url;
    if (/^Failed to load resource/.test(msg.text()) && from && guard.isAllowed(from)) return;
    guard.consoleErrors.push(msg.text());
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
 * `exporter`, `plan`, `standards`, `hub`, `sync`, `team`, `insights`).
 */
export const test = base.extend<Fixtures>({
  guard: [
    async ({ page, baseURL }, use) => {
      const allowed = new Set<string>();
      const guard: Guard = {
        consoleErrors: [],
        foreignRequests: [],
        allowOrigin: (origin) => allowed.add(new URL(origin).origin),
        isAllowed: (url) => URL.canParse(url) && allowed.has(new URL(url).origin),
      };
      watch(page, originOf(baseURL), guard);
      await use(guard);
      expect(guard.consoleErrors, 'console errors').toEqual([]);
      const foreign = guard.foreignRequests.filter((url) => !guard.isAllowed(url));
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
  openMember: async ({ browser, baseURL, guard }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({
        baseURL,
        viewport: { width: 1400, height: 900 },
        acceptDownloads: true,
      });
      contexts.push(context);
      const member = await context.newPage();
      watch(member, originOf(baseURL), guard);
      return member;
    });
    for (const c of contexts) await c.close();
  },
  catalog: async ({ page }, use) => use(new CatalogPage(page)),
  asset: async ({ page }, use) => use(new AssetPage(page)),
  imports: async ({ page }, use) => use(new ImportPanel(page)),
  licenses: async ({ page }, use) => use(new LicensesPage(page)),
  lineage: async ({ page }, use) => use(new LineageGraph(page)),
  exporter: async ({ page }, use) => use(new ExportDialog(page)),
  plan: async ({ page }, use) => use(new PlanPage(page)),
  standards: async ({ page }, use) => use(new StandardsExport(page)),
  hub: async ({ page }, use) => use(new HubImportDialog(page)),
  sync: async ({ page }, use) => use(new SyncPanel(page)),
  team: async ({ page }, use) => use(new TeamPage(page)),
  insights: async ({ page }, use) => use(new InsightsPage(page)),
});

export { expect };

export function importReport(page: Page) {
  return new ImportPanel(page).report;
}
