import { expect, type Locator, type Page } from '@playwright/test';

/** The import controls of the top bar (files, folder, drop on the window) and the import report. */
export class ImportPanel {
  readonly report: Locator;
  /** The report's one-line summary ("N new, N updated, N unchanged, N failed"). */
  readonly summary: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.report = page.getByRole('status', { name: 'Import report' });
    this.summary = this.report.locator('.import-summary');
    this.progress = page.getByRole('group', { name: 'Import progress' });
  }

  /** Uploads files through the "Import files" input and waits for the report. */
  async importFiles(files: string[]): Promise<void> {
    await this.page.getByLabel('Import files').setInputFiles(files);
    await expect(this.report).toBeVisible({ timeout: 60_000 });
  }

  /** Uploads files through "Import files" without waiting (for a zip: the report may take longer). */
  async chooseFiles(files: string | string[]): Promise<void> {
    await this.page.getByLabel('Import files').setInputFiles(files);
  }

  /**
   * Uploads generated files (in memory: name and content) through "Import files", as a person picking them
   * would (does not wait).
   */
  async uploadGenerated(files: { name: string; buffer: Buffer; mimeType?: string }[]): Promise<void> {
    await this.page.getByLabel('Import files').setInputFiles(
      files.map((f) => ({
        name: f.name,
        buffer: f.buffer,
        mimeType: f.mimeType ?? 'application/octet-stream',
      })),
    );
  }

  /** Uploads a folder through the "Import folder" input (does not wait). */
  async chooseFolder(folder: string): Promise<void> {
    await this.page.getByLabel('Import folder').setInputFiles(folder);
  }

  /** Dispatches a synthetic drop of in-memory files on the window. */
  async drop(files: { name: string; text: string; type?: string }[]): Promise<void> {
    await this.page.evaluate((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: f.type ?? 'text/markdown' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, files);
  }
}
