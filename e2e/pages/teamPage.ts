import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The Team page's published-catalog panels: "Publish catalog", "Catalog URL" + "Subscribe", subscriptions. */
export class TeamPage {
  readonly heading: Locator;
  readonly catalogName: Locator;
  readonly publishResult: Locator;
  readonly catalogUrl: Locator;
  readonly subscriptionResult: Locator;
  readonly subscriptions: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Team' });
    this.catalogName = page.getByRole('textbox', { name: 'Catalog name' });
    this.publishResult = page.getByRole('status', { name: 'Publish result' });
    this.catalogUrl = page.getByRole('textbox', { name: 'Catalog URL' });
    this.subscriptionResult = page.getByRole('status', { name: 'Subscription result' });
    this.subscriptions = page.getByRole('list', { name: 'Subscriptions' });
    this.error = page.getByRole('alert');
  }

  async open(): Promise<void> {
    await this.page.goto('/team');
    await expect(this.heading).toBeVisible();
  }

  /** Clicks "Publish catalog" and returns the downloaded zip once the result shows. */
  async publish(name?: string): Promise<Download> {
    if (name !== undefined) await this.catalogName.fill(name);
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Publish catalog' }).click();
    await expect(this.publishResult).toBeVisible({ timeout: 30_000 });
    return download;
  }

  /** Types the published folder's URL and clicks "Subscribe" (no wait). */
  async subscribe(url: string): Promise<void> {
    await this.catalogUrl.fill(url);
    await this.page.getByRole('button', { name: 'Subscribe' }).click();
  }

  /** One subscription of the list, by catalog name. */
  subscription(name: string): Locator {
    return this.subscriptions.getByRole('listitem', { name });
  }

  async refresh(name: string): Promise<void> {
    await this.subscription(name).getByRole('button', { name: 'Refresh' }).click();
  }

  /** "Unsubscribe", confirmed. */
  async unsubscribe(name: string): Promise<void> {
    await this.subscription(name).getByRole('button', { name: 'Unsubscribe' }).click();
    await this.subscription(name)
      .getByRole('button', { name: `Remove ${name}` })
      .click();
  }
}
