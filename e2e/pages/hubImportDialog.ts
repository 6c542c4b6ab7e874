import { expect, type Locator, type Page } from '@playwright/test';

/** The "Import from Hugging Face" dialog: ids, settings (endpoint, token, ancestor depth), per-id results. */
export class HubImportDialog {
  readonly dialog: Locator;
  readonly ids: Locator;
  readonly endpoint: Locator;
  readonly token: Locator;
  readonly depth: Locator;
  /** One item per requested id with its outcome ("imported", "not found", "gated", …). */
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Import from Hugging Face' });
    this.ids = this.dialog.getByRole('textbox', { name: 'Hugging Face ids or URLs' });
    this.endpoint = this.dialog.getByRole('textbox', { name: 'Hugging Face endpoint' });
    this.token = this.dialog.getByLabel('Hugging Face access token');
    this.depth = this.dialog.getByLabel('Ancestor depth');
    this.results = this.dialog.getByRole('list', { name: 'Hugging Face results' }).getByRole('listitem');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import from Hugging Face' }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Sets the endpoint (a mirror, or the test's fixture origin). */
  async setEndpoint(url: string): Promise<void> {
    await this.endpoint.fill(url);
  }

  /** Types the ids (one per line) and clicks "Fetch". */
  async fetch(ids: string[]): Promise<void> {
    await this.ids.fill(ids.join('\n'));
    await this.dialog.getByRole('button', { name: 'Fetch', exact: true }).click();
  }

  /** The result line of one id. */
  result(id: string): Locator {
    return this.results.filter({ has: this.page.getByText(id, { exact: true }) });
  }

  /** Opens the Settings section (endpoint, token, ancestor depth). */
  async openSettings(): Promise<void> {
    await this.dialog.getByText('Settings').click();
    await expect(this.endpoint).toBeVisible();
  }

  /** The "Fetch N missing ancestors" offer. */
  ancestorsButton(): Locator {
    return this.dialog.getByRole('button', { name: /^Fetch \d+ missing ancestors?$/ });
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
  }
}
