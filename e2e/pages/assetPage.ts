import { expect, type Locator, type Page } from '@playwright/test';

export const assetUrl = (id: string) => `/asset/${encodeURIComponent(id)}`;

/** One asset's page: header, sections, the "Curation" region, the licence check and the audit log. */
export class AssetPage {
  readonly heading: Locator;
  readonly curation: Locator;
  readonly licenseCheck: Locator;
  readonly audit: Locator;
  readonly baseModels: Locator;
  readonly datasets: Locator;
  readonly usedBy: Locator;
  readonly status: Locator;
  readonly tags: Locator;
  readonly owner: Locator;
  readonly license: Locator;
  readonly notes: Locator;
  readonly collections: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.curation = page.getByRole('region', { name: 'Curation' });
    this.licenseCheck = page.getByRole('region', { name: 'License check' });
    this.audit = page.getByRole('region', { name: 'Audit log' });
    this.baseModels = page.getByRole('region', { name: 'Base models' });
    this.datasets = page.getByRole('region', { name: 'Datasets' });
    this.usedBy = page.getByRole('region', { name: 'Used by' });
    this.status = page.getByTestId('asset-status');
    this.tags = page.getByTestId('asset-tags');
    this.owner = page.getByTestId('asset-owner');
    this.license = page.getByTestId('asset-license');
    this.notes = page.getByTestId('curation-notes');
    this.collections = page.getByRole('list', { name: 'Collections of this asset' });
  }

  /** Goes to the asset's URL (no wait). */
  async goto(id: string): Promise<void> {
    await this.page.goto(assetUrl(id));
  }

  /** Opens the asset's page and waits for its heading (`name`: the heading must read exactly that). */
  async open(id: string, name?: string): Promise<void> {
    await this.goto(id);
    if (name === undefined) await expect(this.heading).toBeVisible();
    else await expect(this.heading).toHaveText(name);
  }

  /** Opens the asset's page; its heading must be the id's name part (`owner/name` → `name`). */
  async openByName(id: string): Promise<void> {
    await this.open(id, id.split('/')[1] ?? id);
  }

  async setStatus(status: string): Promise<void> {
    await this.curation.getByLabel('Curation status').selectOption(status);
  }

  async addTag(tag: string): Promise<void> {
    await this.curation.getByLabel('New tag').fill(tag);
    await this.curation.getByRole('button', { name: 'Add tag' }).click();
  }

  async setOwner(owner: string): Promise<void> {
    await this.curation.getByLabel('Curation owner').fill(owner);
    await this.curation.getByRole('button', { name: 'Set owner' }).click();
  }

  async saveNotes(markdown: string): Promise<void> {
    await this.curation.getByRole('button', { name: 'Edit notes' }).click();
    await this.curation.getByLabel('Notes (markdown)').fill(markdown);
    await this.curation.getByRole('button', { name: 'Save notes' }).click();
  }

  async createCollection(name: string): Promise<void> {
    await this.curation.getByLabel('New collection name').fill(name);
    await this.curation.getByRole('button', { name: 'Create collection' }).click();
  }
}
