import { describe, expect, it } from 'vitest';
import { stripHandlers } from './stripHandlers';

describe('stripHandlers', () => {
  it.each([
    [`<img alt=">" onerror="x()" src=x>`, `<img alt=">" src=x>`],
    [`<img alt='>' src=x onerror='x()'>`, `<img alt='>' src=x>`],
    [`<img title="a>b" src="x" ONLOAD="x()">`, `<img title="a>b" src="x">`],
    [`<div data-x=">"><img src=x onerror=x()></div>`, `<div data-x=">"><img src=x></div>`],
    [`<svg/onload=x()>`, `<svg>`],
    [`<a href="#" onclick = "x()" title=">">t</a>`, `<a href="#" title=">">t</a>`],
    [`<img src=x onerror="a" onerror='b' onerror=c>`, `<img src=x>`],
  ])('removes handlers from %s', (input, expected) => {
    expect(stripHandlers(input)).toBe(expected);
  });

  it('leaves text, comments and non-tags alone', () => {
    const text = 'a < b and c > d, <!-- <img onerror=x> --> <3 and x<y';
    expect(stripHandlers(text)).toBe(text);
    expect(stripHandlers('<p align="center">one="two" <b>bold</b></p>')).toBe(
      '<p align="center">one="two" <b>bold</b></p>',
    );
  });

  it('an unterminated tag loses its handlers too', () => {
    expect(stripHandlers('<img src=x onerror="x()"')).toBe('<img src=x');
  });
});
