import { test, expect } from './fixtures';

/** Markup that slips past naive tag filters: a `>` inside a quoted attribute, odd quoting, nesting. */
function hostileBody(): string {
  const tricks = [
    `<img alt=">" onerror="window.__pwned = 1" src=x>`,
    `<img alt='>' src=x onerror='window.__pwned = 2'>`,
    `<img title="a>b" src="x" onload="window.__pwned = 3">`,
    `<div data-x=">"><img src=x onerror=window.__pwned=4></div>`,
    `<svg><g onload="window.__pwned = 5"></g></svg>`,
    `<a href="javascript:window.__pwned=6" title=">">link</a>`,
    `<p style="background:url(x)" onmouseover="window.__pwned=7">hover</p>`,
  ];
  const blocks = tricks.map((t, i) => `Paragraph ${i} before.\n\n${t}\n\nParagraph ${i} after.`);
  const inline = tricks.map((t, i) => `Inline ${i}: text ${t} more text.`);
  return [`<img alt=">" onerror="window.__pwned = 8" src=x>`, ...blocks, ...inline].join('\n\n');
}

test('a card body with handler attributes hidden behind ">" renders inert with zero console errors', async ({
  page,
  catalog,
  asset,
  imports,
}) => {
  await catalog.openEmpty();
  const card = `---\nlicense: mit\n---\n\n# Tricky card\n\n${hostileBody()}\n\nNormal **bold** text stays.\n`;
  await imports.drop([{ name: 'evil__tricky-card.md', text: card }]);
  await expect(imports.report).toContainText('1 new, 0 updated, 0 unchanged, 0 failed');
  await asset.open('evil/tricky-card', 'tricky-card');
  const body = page.getByRole('region', { name: 'Card' });
  await expect(body).toContainText('Normal bold text stays.');
  await expect(body).toContainText('Paragraph 6 after.');
  await expect(body.locator('[onerror], [onload], [onmouseover], svg, a[href^="javascript"]')).toHaveCount(0);
  await body.getByText('hover').first().hover();
  await catalog.open();
  await expect(catalog.table).toContainText('tricky-card');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // The fixture's guard fails the test on any console error (a CSP violation report is one).
});
