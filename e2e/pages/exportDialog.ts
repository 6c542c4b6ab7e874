import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';

/** The "Export JSON" dialog (top bar, or "Export selection" of the bulk actions). */
export class ExportDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Export JSON' });
  }

  /** Opens the dialog from the top bar's "Export JSON". */
  async open(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Export JSON' }).click();
    return this.dialog;
  }

  /** Clicks "Download" and reads the downloaded file. */
  async download<T>(): Promise<{ path: string; env: T }> {
    const downloadPromise = this.page.waitForEvent('download');
    await this.dialog.getByRole('button', { name: 'Download' }).click();
    const path = await (await downloadPromise).path();
    return { path, env: JSON.parse(readFileSync(path, 'utf8')) as T };
  }
}
