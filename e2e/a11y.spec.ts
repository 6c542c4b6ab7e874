/**
 * Accessibility: every main page passes axe-core (WCAG 2 A and AA) at a desktop and a phone size, in the
 * light and the dark theme, on a catalog with lineage and licence verdicts.
 */
import { test, expect, axeViolations, cardsIn, COLOR_SCHEMES, SCREENS, useScreen } from './fixtures';

const CARDS = cardsIn('lineage', 'licenses');

for (const size of SCREENS) {
  for (const scheme of COLOR_SCHEMES) {
    test(`axe: no WCAG 2 A/AA violation on any page, ${size.name} ${scheme}`, async ({
      page,
      catalog,
      imports,
      asset,
      lineage,
      licenses,
      insights,
    }) => {
      test.setTimeout(300_000);
      await useScreen(page, size, scheme);
      await catalog.openEmpty();
      const found = await axeViolations(page, 'empty catalog');
      await imports.importFiles(CARDS);
      await catalog.expectShowing(CARDS.length, CARDS.length, 30_000);
      found.push(...(await axeViolations(page, 'catalog')));

      await asset.open('tarnlab/chat-7b-math');
      await expect(asset.licenseCheck).toHaveAttribute('data-verdict', /\w+/, { timeout: 30_000 });
      await lineage.waitReady();
      found.push(...(await axeViolations(page, 'asset')));

      await page.goto('/lineage');
      await expect(page.getByRole('heading', { level: 1, name: 'Lineage' })).toBeVisible();
      await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
      found.push(...(await axeViolations(page, 'lineage')));

      await licenses.openReport();
      await expect(licenses.report).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
      found.push(...(await axeViolations(page, 'licenses')));

      await insights.open();
      await expect(insights.chart('Assets by kind').getByRole('link').first()).toBeVisible({
        timeout: 30_000,
      });
      found.push(...(await axeViolations(page, 'insights')));

      await page.goto('/imports');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      found.push(...(await axeViolations(page, 'imports')));

      expect(found).toEqual([]);
    });
  }
}
