import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';

export type StandardButton = 'Export CycloneDX' | 'Export SPDX 3' | 'Export Croissant';

/** The standards export buttons ("Export CycloneDX", "Export SPDX 3", "Export Croissant") wherever they are. */
export class StandardsExport {
  constructor(readonly page: Page) {}

  /** The group of buttons inside `within` (the asset page, the catalog, the export dialog). */
  group(within: Locator | Page = this.page): Locator {
    return within.getByRole('group', { name: 'Export to standards' });
  }

  /** Clicks one button and reads the one JSON file it downloads. */
  async download<T = Record<string, unknown>>(
    button: StandardButton,
    within: Locator | Page = this.page,
  ): Promise<{ fileName: string; text: string; doc: T }> {
    const downloadPromise = this.page.waitForEvent('download');
    await this.group(within).getByRole('button', { name: button }).click();
    const download = await downloadPromise;
    const text = readFileSync(await download.path(), 'utf8');
    return { fileName: download.suggestedFilename(), text, doc: JSON.parse(text) as T };
  }
}
