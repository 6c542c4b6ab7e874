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

for (const size of SIZES) {
  for (const scheme of SCHEMES) {
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
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: scheme });
      await catalog.openEmpty();
      const found = await violations(page, 'empty catalog');
      await imports.importFiles(CARDS);
      await catalog.expectShowing(CARDS.length, CARDS.length, 30_000);
      found.push(...(await violations(page, 'catalog')));

      await asset.open('tarnlab/chat-7b-math');
      await expect(asset.licenseCheck).toHaveAttribute('data-verdict', /\w+/, { timeout: 30_000 });
      await lineage.waitReady();
      found.push(...(await violations(page, 'asset')));

      await page.goto('/lineage');
      await expect(page.getByRole('heading', { level: 1, name: 'Lineage' })).toBeVisible();
      await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
      found.push(...(await violations(page, 'lineage')));

      await licenses.openReport();
      await expect(licenses.report).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
      found.push(...(await violations(page, 'licenses')));

      await insights.open();
      await expect(insights.chart('Assets by kind').getByRole('link').first()).toBeVisible({
        timeout: 30_000,
      });
      found.push(...(await violations(page, 'insights')));

      await page.goto('/imports');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      found.push(...(await violations(page, 'imports')));

      expect(found).toEqual([]);
    });
  }
}
