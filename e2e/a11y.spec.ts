/**
 * Accessibility: every main page passes axe-core (WCAG 2 A and AA) at a desktop and a phone size, in the
 * light and the dark theme, on a catalog with lineage and licence verdicts.
 */
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, cardsIn, COLOR_SCHEMES, SCREENS, useScreen } from './fixtures';

const CARDS = cardsIn('lineage', 'licenses');

/** Axe on the page as it is, on each screen in each scheme (one import and one visit per page serve all four). */
async function everyLook(page: Page, where: string, settle: () => Promise<void>): Promise<string[]> {
  const found: string[] = [];
  for (const screen of SCREENS) {
    for (const scheme of COLOR_SCHEMES) {
      await useScreen(page, screen, scheme);
      await settle();
      found.push(...(await axeViolations(page, `${where}, ${screen.name} ${scheme}`)));
    }
  }
  return found;
}

test('axe: no WCAG 2 A/AA violation on any page, desktop and phone, light and dark', async ({
  page,
  catalog,
  imports,
  asset,
  lineage,
  licenses,
  insights,
}) => {
  test.setTimeout(300_000);
  const nothing = () => Promise.resolve();
  await catalog.openEmpty();
  const found = await everyLook(page, 'empty catalog', nothing);
  await useScreen(page, SCREENS[0], 'light');
  await imports.importFiles(CARDS);
  await catalog.expectShowing(CARDS.length, CARDS.length, 30_000);
  found.push(...(await everyLook(page, 'catalog', nothing)));

  await asset.open('tarnlab/chat-7b-math');
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', /\w+/, { timeout: 30_000 });
  await lineage.waitReady();
  found.push(...(await everyLook(page, 'asset', () => lineage.waitReady())));

  await page.goto('/lineage');
  await expect(page.getByRole('heading', { level: 1, name: 'Lineage' })).toBeVisible();
  // The graph is fitted when it opens: open it again on each screen.
  const nodes = async () => {
    await page.reload();
    await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
  };
  found.push(...(await everyLook(page, 'lineage', nodes)));

  await licenses.openReport();
  await expect(licenses.report).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  found.push(...(await everyLook(page, 'licenses', nothing)));

  await insights.open();
  const charts = () =>
    expect(insights.chart('Assets by kind').getByRole('link').first()).toBeVisible({ timeout: 30_000 });
  found.push(...(await everyLook(page, 'insights', charts)));

  await page.goto('/imports');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  found.push(...(await everyLook(page, 'imports', nothing)));

  expect(found).toEqual([]);
});
