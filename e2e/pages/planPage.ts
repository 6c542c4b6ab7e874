import { expect, type Locator, type Page } from '@playwright/test';

/** A product plan (`/plans/:id`): the product, its components and the plan's "License check" region. */
export class PlanPage {
  readonly heading: Locator;
  readonly name: Locator;
  readonly license: Locator;
  readonly profile: Locator;
  readonly addBox: Locator;
  readonly check: Locator;
  readonly findings: Locator;
  readonly changes: Locator;
  readonly plans: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.name = page.getByRole('textbox', { name: 'Product name' });
    this.license = page.getByRole('textbox', { name: 'Product license' });
    this.profile = page.getByRole('combobox', { name: 'Profile' });
    this.addBox = page.getByRole('textbox', { name: 'Add component' });
    this.check = page.getByRole('region', { name: 'License check' });
    this.findings = this.check.getByRole('list', { name: 'Findings' });
    this.changes = this.check.getByRole('region', { name: 'What changed' });
    this.plans = page.getByRole('region', { name: 'Product plans' });
  }

  /** Licenses page → "New product plan"; waits for the plan page. */
  async create(name: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Licenses' }).click();
    await this.plans.getByRole('button', { name: 'New product plan' }).click();
    await expect(this.page).toHaveURL(/\/plans\/[^/]+$/);
    await this.name.fill(name);
    await expect(this.heading).toHaveText(name);
  }

  /** Types part of an asset id into "Add component" and picks the suggestion. */
  async addFromSuggestion(partial: string, id: string): Promise<void> {
    await this.addBox.fill(partial);
    await this.page
      .getByRole('list', { name: 'Component suggestions' })
      .getByRole('button', { name: id })
      .click();
    await expect(this.useOf(id)).toBeVisible();
  }

  /** Types a whole asset id into "Add component" and presses the button. */
  async add(id: string): Promise<void> {
    await this.addBox.fill(id);
    await this.page.getByRole('button', { name: 'Add component' }).click();
    await expect(this.useOf(id)).toBeVisible();
  }

  /** The "Use of <asset id>" combobox of a component. */
  useOf(id: string): Locator {
    return this.page.getByRole('combobox', { name: `Use of ${id}` });
  }

  /** A component's "Modified" / "Source offered" checkbox. */
  fact(fact: 'Modified' | 'Source offered', id: string): Locator {
    return this.page.getByRole('checkbox', { name: `${fact}: ${id}` });
  }

  /** An intended-use checkbox ("Commercial use", "Hosted as a service", …). */
  intendedUse(label: string | RegExp): Locator {
    return this.page.getByRole('group', { name: 'Intended use' }).getByRole('checkbox', { name: label });
  }

  /** The findings (problems) with a rule code. */
  finding(code: string): Locator {
    return this.findings.locator(`[data-code="${code}"]`);
  }

  async expectVerdict(verdict: string): Promise<void> {
    await expect(this.check).toHaveAttribute('data-verdict', verdict);
    await expect(this.check).toHaveAttribute('aria-busy', 'false');
  }
}
