/**
 * Accessibility: every main page passes axe-core (WCAG 2 A and AA) at a desktop and a phone size, in the
 * light and the dark theme, on a catalog with lineage and licence verdicts.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, DATA_DIR } from './fixtures';
import { readdirSync } from 'node:fs';

const CARDS = [
  ...readdirSync(`${DATA_DIR}/lineage`).map((f) => `${DATA_DIR}/lineage/${f}`),
  ...readdirSync(`${DATA_DIR}/licenses`).map((f) => `${DATA_DIR}/licenses/${f}`),
];

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

async function violations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.map(
    (v) =>
      `${where}: ${v.id} (${v.nodes.length}) ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

/** Axe on the page as it is, at each size in each scheme (one import and one visit per page serve all four). */
async function everyLook(page: Page, where: string, settle: () => Promise<void>): Promise<string[]> {
  const found: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await settle();
      found.push(...(await violations(page, `${where}, ${size.name} ${scheme}`)));
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
  await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
  await imports.importFiles(CARDS);
  await catalog.expectShowing(CARDS.length, CARDS.length, 30_000);
  found.push(...(await everyLook(page, 'catalog', nothing)));

  await asset.open('tarnlab/chat-7b-math');
  await expect(asset.licenseCheck).toHaveAttribute('data-verdict', /\w+/, { timeout: 30_000 });
  await lineage.waitReady();
  found.push(...(await everyLook(page, 'asset', () => lineage.waitReady())));

  await page.goto('/lineage');
  await expect(page.getByRole('heading', { level: 1, name: 'Lineage' })).toBeVisible();
  // The graph is fitted when it opens: open it again at each size.
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
