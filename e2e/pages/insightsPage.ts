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
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.chart(chart).getByRole('link', { name: new RegExp(`^${escaped}: \\d+ assets`) });
  }

  /** Every bar of a chart, in the chart's order. */
  bars(chart: string): Locator {
    return this.chart(chart).getByRole('link', { name: /: \d+ assets/ });
  }

  /** The label and count of every bar of a chart, in the chart's order. */
  async barValues(chart: string): Promise<{ label: string; count: number }[]> {
    const out: { label: string; count: number }[] = [];
    for (const bar of await this.bars(chart).all()) out.push(parseBarName(await nameOf(bar)));
    return out;
  }

  /** The count a bar shows. */
  async barCount(chart: string, label: string): Promise<number> {
    return parseBarName(await nameOf(this.bar(chart, label))).count;
  }
}

async function nameOf(bar: Locator): Promise<string> {
  return (await bar.getAttribute('aria-label')) ?? (await bar.textContent()) ?? '';
}

/** "label: N assets (value)" → label and N. */
function parseBarName(name: string): { label: string; count: number } {
  const m = /^(.*): (\d+) assets/s.exec(name);
  return { label: m?.[1] ?? '', count: Number(m?.[2] ?? NaN) };
}
