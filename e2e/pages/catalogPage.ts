import { expect, type Locator, type Page } from '@playwright/test';

/** The catalog (start page): search, facets, the table and its count, saved views, top-bar catalog actions. */
export class CatalogPage {
  readonly table: Locator;
  readonly search: Locator;
  /** Data rows of the table. */
  readonly rows: Locator;
  readonly suggestions: Locator;
  readonly savedViews: Locator;
  readonly bulkActions: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Catalog' });
    this.search = page.getByRole('searchbox', { name: 'Search catalog' });
    this.rows = this.table.locator('tbody tr');
    this.suggestions = page.getByRole('listbox', { name: 'Search suggestions' });
    this.savedViews = page.getByRole('region', { name: 'Saved views' });
    this.bulkActions = page.getByRole('toolbar', { name: 'Bulk actions' });
  }

  /** Opens the catalog (`query`: the URL's search part, e.g. `?check=conflict`). */
  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
  }

  /** Opens the catalog of a fresh browser and checks that it is empty. */
  async openEmpty(): Promise<void> {
    await this.open();
    await this.expectShowing(0, 0);
  }

  /** The "Showing N of M assets" line. */
  showing(shown: number | string, total: number | string): Locator {
    return this.page.getByText(`Showing ${shown} of ${total} assets`);
  }

  async expectShowing(shown: number | string, total: number | string, timeout?: number): Promise<void> {
    await expect(this.showing(shown, total)).toBeVisible(timeout === undefined ? {} : { timeout });
  }

  /** Waits until the rows shown are the answer to `q` (not to a query typed on the way to it). */
  async expectResultsFor(q: string): Promise<void> {
    await expect(this.page.locator('p.count')).toHaveAttribute('data-q', q);
  }

  /** The "Showing N of M assets" line whatever N is. */
  showingAnyOf(total: number): Locator {
    return this.page.getByText(new RegExp(`Showing \\d+ of ${total} assets`));
  }

  /** Types a query into the search box (replacing what was there). */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  /** A facet group ("Kind", "License", "License check", …). */
  facet(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }

  /** One value of a facet, by its label with count (e.g. "model (4)") or a pattern. */
  facetValue(group: string, value: string | RegExp): Locator {
    return this.facet(group).getByRole('checkbox', { name: value });
  }

  /** Opens the facets drawer (narrow screens: "Filters"). */
  async openFilters(): Promise<void> {
    await this.page.getByRole('button', { name: /^Filters/ }).click();
    await expect(this.page.getByRole('complementary', { name: 'Filters' })).toBeVisible();
  }

  /** Ticks a facet value. */
  async toggleFacet(group: string, value: string | RegExp): Promise<void> {
    await this.facetValue(group, value).check();
  }

  /** Sorts by a column (clicks its header button). */
  async sortBy(column: string): Promise<void> {
    await this.table.getByRole('button', { name: column }).click();
  }

  /** Ticks a row's selection checkbox, by asset name. */
  async select(name: string): Promise<void> {
    await this.table.getByRole('checkbox', { name: `Select ${name}` }).check();
  }

  /** A table row by its position in the shown rows (0 = first), rendered or not by the virtualizer. */
  row(index: number): Locator {
    return this.table.locator(`tbody tr[data-index="${index}"]`);
  }

  /** The link to the asset's page in a row's name cell. */
  rowLink(row: Locator): Locator {
    return row.locator('.cell-name').getByRole('link');
  }

  /** Opens an asset from its link in the table. */
  async openRow(name: string): Promise<void> {
    await this.table.getByRole('link', { name }).click();
  }

  /** Saves the current view under a name. */
  async saveView(name: string): Promise<void> {
    await this.savedViews.getByRole('textbox', { name: 'View name' }).fill(name);
    await this.savedViews.getByRole('button', { name: 'Save view' }).click();
  }

  /** The empty catalog's welcome (what Tarn does, a drop zone, the formats, the demo). */
  get welcome(): Locator {
    return this.page.getByRole('region', { name: 'Your model lake is empty' });
  }

  /** "Clear catalog" in the top bar, confirmed. */
  async clearCatalog(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear catalog' }).click();
    await this.page.getByRole('button', { name: 'Yes, clear everything' }).click();
  }

  /** "Load demo catalog" in the top bar. */
  async loadDemo(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Load demo catalog' }).click();
  }

  /** Follows a link of the main navigation ("Licenses", "Lineage", "Audit log", …). */
  async navigate(link: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
  }
}
