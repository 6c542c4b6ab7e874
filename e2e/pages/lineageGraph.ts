import { expect, type Locator, type Page } from '@playwright/test';

/** The lineage graph (asset page "Lineage" region, or the /lineage page) and its table. */
export class LineageGraph {
  readonly region: Locator;
  readonly canvas: Locator;
  readonly table: Locator;
  /** React Flow's visible pane: what "in view" means. */
  readonly pane: Locator;
  /** /lineage: the family picker (largest family first). */
  readonly family: Locator;
  readonly findBox: Locator;
  /** /lineage: "N assets, M edges in the family of …" */
  readonly size: Locator;
  /** The far-zoom drawing of a big family (boxes and lines instead of nodes). */
  readonly overview: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Lineage' });
    this.canvas = this.region.locator('[data-lineage-canvas]');
    this.table = page.getByRole('table', { name: 'Lineage table' });
    this.pane = this.canvas.locator('.react-flow');
    this.family = this.region.getByRole('combobox', { name: 'Family', exact: true });
    this.findBox = this.region.getByRole('combobox', { name: 'Find in lineage' });
    this.size = this.region.getByRole('status', { name: 'Lineage size' });
    this.overview = this.canvas.locator('[data-lineage-overview]');
  }

  /** /lineage with all assets, laid out. */
  async openOverview(query = ''): Promise<void> {
    await this.page.goto(`/lineage${query}`);
    await this.waitReady();
  }

  /** Every asset node in the graph. */
  get nodes(): Locator {
    return this.region.locator('.react-flow__node[data-asset-id]');
  }

  /** Nodes by highlight role after a search: `match`, `ancestor` or `dimmed`. */
  highlighted(role: 'match' | 'ancestor' | 'dimmed'): Locator {
    return this.region.locator(`.react-flow__node[data-highlight="${role}"]`);
  }

  /** Types into "Find in lineage" and presses Enter. */
  async find(text: string): Promise<void> {
    await this.findBox.fill(text);
    await this.findBox.press('Enter');
  }

  /** Asserts every asset node on screen (at least `count`) lies entirely inside the pane. */
  async expectAllNodesInView(count: number): Promise<void> {
    await expect(this.nodes).toHaveCount(count);
    // The viewport settles after fitView (one or two frames): poll until every box is inside.
    await expect
      .poll(async () => {
        const pane = await this.pane.boundingBox();
        if (!pane) return ['no pane'];
        const outside: string[] = [];
        for (const node of await this.nodes.all()) {
          const box = await node.boundingBox();
          const id = (await node.getAttribute('data-asset-id')) ?? '?';
          if (
            !box ||
            box.x < pane.x - 0.5 ||
            box.y < pane.y - 0.5 ||
            box.x + box.width > pane.x + pane.width + 0.5 ||
            box.y + box.height > pane.y + pane.height + 0.5
          ) {
            outside.push(id);
          }
        }
        return outside;
      })
      .toEqual([]);
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
