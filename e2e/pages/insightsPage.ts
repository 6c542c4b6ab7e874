import { expect, type Locator, type Page } from '@playwright/test';

/** The Insights page (/insights): one figure per chart, every bar a link to the filtered catalog. */
export class InsightsPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Insights' });
  }

  /** Follows "Insights" in the main navigation. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await expect(this.heading).toBeVisible();
  }

  /** A chart, by its accessible name ("Assets by kind", …). */
  chart(name: string): Locator {
    return this.page.getByRole('figure', { name, exact: true });
  }

  /** One bar of a chart, by its label (the link's name is "label: N assets"). */
  bar(chart: string, label: string): Locator {
    return this.chart(chart).getByRole('link', { name: new RegExp(`^${label}: \\d+ assets`) });
  }

  /** The count a bar shows. */
  async barCount(chart: string, label: string): Promise<number> {
    const name =
      (await this.bar(chart, label).getAttribute('aria-label')) ??
      (await this.bar(chart, label).textContent()) ??
      '';
    return Number(/: (\d+) assets/.exec(name)?.[1] ?? NaN);
  }
}
