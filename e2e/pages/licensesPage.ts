import { expect, type Locator, type Page } from '@playwright/test';

/** The licence screens: the report at /licenses and the intended-use form at /licenses/settings. */
export class LicensesPage {
  readonly report: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.report = page.getByRole('region', { name: 'License report' });
    this.form = page.getByRole('form', { name: 'Intended use' });
  }

  /** Follows "Licenses" in the main navigation to the report. */
  async openReport(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Licenses' }).click();
  }

  /** Goes to the report through the navigation, then to the intended-use form; returns the form. */
  async openSettings(): Promise<Locator> {
    await this.openReport();
    await expect(this.page).toHaveURL(/\/licenses$/);
    await this.page.goto('/licenses/settings');
    await expect(this.form).toBeVisible();
    return this.form;
  }

  /** The "Commercial use" checkbox of the intended-use form. */
  commercialUse(): Locator {
    return this.form.getByRole('checkbox', { name: /Commercial use/ });
  }

  /** Waits until the intended-use form has stored its last change. */
  async waitSaved(): Promise<void> {
    await expect(this.page.getByRole('status', { name: 'Intended use saved state' }).first()).toHaveAttribute(
      'data-saved',
      'true',
    );
  }
}
