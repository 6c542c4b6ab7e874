/**
 * The catalog-wide lineage overview (/lineage, issue #17): one family at a time, largest first and
 * named by its root, opened fitted to the view at a desktop and a phone size, light and dark; "Find
 * in lineage" moves to the asset's family, zooms to it and highlights its ancestry; wide fan-outs
 * stay grouped; a big family zoomed out is drawn as an overview.
 */
import {
  test,
  expect,
  axeViolations,
  cardsIn,
  COLOR_SCHEMES,
  DATA_DIR,
  SCREENS,
  useScreen,
} from './fixtures';

const CARDS = cardsIn('lineage', 'catalog');

for (const size of SCREENS) {
  for (const scheme of COLOR_SCHEMES) {
    test(`/lineage opens fitted on the largest family; Find highlights an ancestry (${size.name}, ${scheme})`, async ({
      page,
      catalog,
      imports,
      lineage,
    }) => {
      test.setTimeout(120_000);
      await useScreen(page, size, scheme);
      await catalog.open();
      await imports.importFiles(CARDS);
      await expect(imports.report).toContainText(`${CARDS.length} new`);

      await lineage.openOverview();
      // Families largest first, named by their root (the Moonlight classifier has no lineage).
      await expect(lineage.family.locator('option')).toHaveText([
        'tarnlab/base-7b (8 assets)',
        'alpha-org/sunbeam-7b (4 assets)',
      ]);
      await expect(lineage.family).toHaveValue('tarnlab/base-7b');
      await expect(lineage.size).toContainText('8 assets, 8 edges in the family of tarnlab/base-7b (1 of 2)');
      // (axe on the plain overview is in a11y.spec.ts; here it checks the highlighted one below.)
      await lineage.expectAllNodesInView(8);

      // An asset of the other family: the view moves there, fitted to the asset and its ancestry.
      await lineage.find('riverstone');
      await expect(page).toHaveURL(/family=alpha-org%2Fsunbeam-7b/);
      await expect(page).toHaveURL(/find=gamma%2Friverstone-gguf/);
      await expect(lineage.family).toHaveValue('alpha-org/sunbeam-7b');
      await expect(lineage.highlighted('match')).toHaveAttribute('data-asset-id', 'gamma/riverstone-gguf');
      await expect(lineage.node('gamma/riverstone-gguf')).toBeFocused();
      await expect(lineage.highlighted('ancestor')).toHaveCount(3);
      await lineage.expectAllNodesInView(4);

      // Back to the largest family: fitted again, nothing highlighted.
      await lineage.family.selectOption('tarnlab/base-7b');
      await expect(lineage.node('tarnlab/merged-7b')).toBeVisible();
      await lineage.expectAllNodesInView(8);
      await expect(lineage.region.locator('[data-highlight]')).toHaveCount(0);
      await expect(lineage.findBox).toHaveValue('');

      // A name in this family: it and its ancestors stand out, its descendants and the rest are dimmed.
      await lineage.find('chat-7b-math');
      await expect(lineage.highlighted('match')).toHaveAttribute('data-asset-id', 'tarnlab/chat-7b-math');
      await expect(lineage.node('tarnlab/chat-7b-math')).toBeFocused();
      const ancestors = lineage.highlighted('ancestor');
      await expect(ancestors).toHaveCount(3);
      for (const id of ['tarnlab/chat-7b', 'tarnlab/base-7b', 'tarnlab/dialogs']) {
        await expect(lineage.node(id)).toHaveAttribute('data-highlight', 'ancestor');
      }
      for (const id of ['tarnlab/chat-7b-math-AWQ', 'tarnlab/chat-7b-tuned', 'tarnlab/merged-7b']) {
        await expect(lineage.node(id)).toHaveAttribute('data-highlight', 'dimmed');
      }
      await expect(lineage.edge('tarnlab/chat-7b-math', 'finetune_of', 'tarnlab/chat-7b')).toHaveClass(
        /is-highlighted/,
      );
      await expect(lineage.size).toContainText('Found tarnlab/chat-7b-math, highlighted with 3 ancestors.');
      expect(await axeViolations(page, 'lineage, highlighted')).toEqual([]);

      // Unknown text says so and keeps the highlight.
      await lineage.find('no-such-model');
      await expect(lineage.region.getByRole('status').filter({ hasText: 'No asset matches' })).toHaveText(
        'No asset matches “no-such-model”.',
      );
      await expect(lineage.highlighted('match')).toHaveCount(1);
      await lineage.region.getByRole('button', { name: 'Clear highlight' }).click();
      await expect(lineage.region.locator('[data-highlight]')).toHaveCount(0);
    });
  }
}

test('a wide fan-out stays grouped in the overview; Find opens the asset it hides', async ({
  catalog,
  imports,
  lineage,
}) => {
  await catalog.open();
  await imports.importFiles([`${DATA_DIR}/lineage/tarnlab__chat-7b.md`]);
  const quants = Array.from({ length: 12 }, (_, i) => ({
    name: `tarnlab__chat-7b-q${i}-GGUF.md`,
    text: `---\nlicense: apache-2.0\nbase_model: tarnlab/chat-7b\nbase_model_relation: quantized\n---\n\n# Quantization ${i}\n`,
  }));
  await imports.drop(quants);
  await expect(imports.report).toContainText('12 new');

  await lineage.openOverview();
  const group = lineage.region.locator('.react-flow__node[data-group-id]');
  await expect(group).toContainText('+ 4 quantizations');
  // chat-7b, its base, its dataset and 8 of the 12 quantizations.
  await lineage.expectAllNodesInView(11);

  await lineage.find('chat-7b-q11-GGUF');
  await expect(lineage.highlighted('match')).toHaveAttribute('data-asset-id', 'tarnlab/chat-7b-q11-GGUF');
  // Still grouped: the one found takes one of the eight places (the group is out of view now).
  await expect(lineage.size).toContainText('11 assets, 10 edges, 4 more in 1 groups');
  await expect(lineage.node('tarnlab/chat-7b-q11-GGUF')).toBeFocused();
});

test('a big family opens as a fitted overview drawing; Find zooms in to readable nodes', async ({
  page,
  catalog,
  imports,
  lineage,
}) => {
  test.setTimeout(180_000);
  // 20 bases trained on one dataset, each with a chain of 20 fine-tunes: one family of 421 assets.
  const cards = [];
  for (let b = 0; b < 20; b++) {
    cards.push({
      name: `bigfam__base-${b}.md`,
      text: `---\nlicense: mit\ndatasets:\n- bigfam/corpus\n---\n\n# Base ${b}\n`,
    });
    for (let i = 0; i < 20; i++) {
      const parent = i === 0 ? `bigfam/base-${b}` : `bigfam/ft-${b}-${i - 1}`;
      cards.push({
        name: `bigfam__ft-${b}-${i}.md`,
        text: `---\nlicense: mit\nbase_model: ${parent}\nbase_model_relation: finetune\n---\n\n# Fine-tune ${b}.${i}\n`,
      });
    }
  }
  await catalog.open();
  await imports.drop(cards);
  await expect(imports.report).toContainText('420 new', { timeout: 120_000 });

  await lineage.openOverview();
  await expect(lineage.family.locator('option')).toHaveText(['bigfam/corpus (421 assets)']);
  // Zoomed out this far the nodes would be specks: boxes and lines stand in for them, all in view.
  await expect(lineage.overview).toHaveAttribute('data-node-count', '421');
  await expect(lineage.nodes).toHaveCount(0);
  const pane = await lineage.pane.boundingBox();
  const drawing = await lineage.overview.boundingBox();
  expect(pane && drawing).toBeTruthy();
  expect(drawing!.x).toBeGreaterThanOrEqual(pane!.x);
  expect(drawing!.y).toBeGreaterThanOrEqual(pane!.y);
  expect(drawing!.x + drawing!.width).toBeLessThanOrEqual(pane!.x + pane!.width + 0.5);
  expect(drawing!.y + drawing!.height).toBeLessThanOrEqual(pane!.y + pane!.height + 0.5);

  await lineage.find('ft-7-19');
  await expect(lineage.overview).toHaveCount(0);
  await expect(lineage.node('bigfam/ft-7-19')).toBeFocused();
  await expect(lineage.node('bigfam/ft-7-19')).toHaveAttribute('data-highlight', 'match');
  // Its ancestry: 19 fine-tunes, the base and the dataset.
  await expect(lineage.size).toContainText('highlighted with 21 ancestors');

  // Fit view goes back to the whole family as an overview.
  await page.getByRole('button', { name: /fit view/i }).click();
  await expect(lineage.overview).toHaveAttribute('data-node-count', '421');
});

test('hundreds of families: the picker lists the 200 largest and says how many more Find reaches', async ({
  catalog,
  imports,
  lineage,
}) => {
  // 205 fine-tunes of 205 different bases: 205 families of two (each base a placeholder).
  const cards = Array.from({ length: 205 }, (_, i) => ({
    name: `many__ft-${String(i).padStart(3, '0')}.md`,
    text: `---\nlicense: mit\nbase_model: many/base-${String(i).padStart(3, '0')}\nbase_model_relation: finetune\n---\n\n# Fine-tune ${i}\n`,
  }));
  await catalog.open();
  await imports.drop(cards);
  await expect(imports.report).toContainText('205 new', { timeout: 60_000 });

  await lineage.openOverview();
  const options = lineage.family.locator('option');
  await expect(options).toHaveCount(201);
  await expect(options.first()).toHaveText('many/base-000 (2 assets)');
  await expect(options.last()).toHaveText('… 5 smaller families: use Find in lineage');
  await expect(options.last()).toBeDisabled();

  // A family the list leaves out: Find moves there, and the picker names it.
  await lineage.find('ft-204');
  await expect(lineage.family).toHaveValue('many/base-204');
  await expect(lineage.node('many/ft-204')).toBeFocused();
  await expect(options).toHaveCount(202);
  await expect(options.last()).toHaveText('… 4 smaller families: use Find in lineage');
});
