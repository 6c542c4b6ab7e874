import { test as base, expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

export const DATA_DIR = fileURLToPath(new URL('./data', import.meta.url));
export const CORPUS_DIR = fileURLToPath(new URL('../../shared/corpus', import.meta.url));

type Guard = { consoleErrors: string[]; foreignRequests: string[] };
type Fixtures = {
  guard: Guard;
  /** Opens another tab (page) in the same browser context (same origin, same IndexedDB), guarded too. */
  openTab: () => Promise<Page>;
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
 * any happened.
 */
export const test = base.extend<Fixtures>({
  guard: [
    async ({ page, baseURL }, use) => {
      const guard: Guard = { consoleErrors: [], foreignRequests: [] };
      watch(page, originOf(baseURL), guard);
      await use(guard);
      expect(guard.consoleErrors, 'console errors').toEqual([]);
      expect(guard.foreignRequests, 'requests to other origins').toEqual([]);
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
});

export { expect };

/** Uploads files through the "Import files" input and waits for the report. */
export async function importFiles(page: Page, files: string[]): Promise<void> {
  await page.getByLabel('Import files').setInputFiles(files);
  await expect(page.getByRole('status', { name: 'Import report' })).toBeVisible({ timeout: 60_000 });
}

export function importReport(page: Page) {
  return page.getByRole('status', { name: 'Import report' });
}

/** Dispatches a synthetic drop of in-memory files on the window. */
export async function dropFiles(
  page: Page,
  files: { name: string; text: string; type?: string }[],
): Promise<void> {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: f.type ?? 'text/markdown' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}
