import { expect, type Locator, type Page } from '@playwright/test';

/** The lineage graph (asset page "Lineage" region) and its table. */
export class LineageGraph {
  readonly region: Locator;
  readonly canvas: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Lineage' });
    this.canvas = this.region.locator('[data-lineage-canvas]');
    this.table = page.getByRole('table', { name: 'Lineage table' });
  }

  node(id: string): Locator {
    return this.region.locator(`.react-flow__node[data-asset-id="${id}"]`);
  }

  /** An edge; without `type`, any relation between the two. */
  edge(child: string, type: string | undefined, parent: string): Locator {
    const typed = type === undefined ? '' : `[data-relation-type="${type}"]`;
    return this.region.locator(`.react-flow__edge[data-child="${child}"]${typed}[data-parent="${parent}"]`);
  }

  /** The lineage table's row of one relation (`child|type|parent`, lower-case keys). */
  row(relationId: string): Locator {
    return this.table.locator(`tr[data-relation-id="${relationId}"]`);
  }

  /** Waits until the graph is laid out. */
  async waitReady(): Promise<void> {
    await expect(this.region.locator('[data-lineage-canvas][data-ready="true"]')).toBeVisible({
      timeout: 30_000,
    });
  }
}
