import { convert } from 'html-to-text';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } }));

/**
 * A product description written as HTML for a web page ("Body (HTML)"), as plain sentences a
 * voice can read: markup, scripts, images and link targets dropped, entities decoded, and each
 * paragraph, heading or list item a sentence of its own.
 */
export function plainDescription(html: string): string {
  const text = convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'table', format: 'block' },
      ...HEADINGS,
    ],
  });
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[*•·-]|\d+\.)\s+/, '').replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((line) => (/[.!?:;…]$/.test(line) ? line : `${line}.`))
    .join(' ');
}
