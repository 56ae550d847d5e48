import { describe, expect, it } from 'vitest';
import { indexableHtml, unparted } from '../../../src/pagefind/index-text.ts';

describe('the copy of a page the search index reads', () => {
  const page = (title: string, text: string) =>
    `<h1 data-pagefind-meta="title">${title}</h1><div class="remarks" data-pagefind-body><p title="a—b -- c">${text}</p></div>`;
  const skipped = (dash: string) => `<span data-pagefind-ignore>${dash}</span>`;

  it('parts words joined by a dash in the release text, and nothing else', () => {
    const html = page('Obama—Biden', 'still has leaders—but not 1914–1918 or x--y; and well-known');
    expect(indexableHtml(html)).toBe(
      page('Obama—Biden', 'still has leaders— but not 1914– 1918 or x-- y; and well-known'),
    );
  });

  it('marks a dash the release itself follows with a space or ends its text with', () => {
    const html = page('T', 'then— later, or-- so; at the end—');
    expect(indexableHtml(html)).toBe(page('T', 'then—\u2060 later, or--\u2060 so; at the end—\u2060'));
  });

  it('hides dashes standing alone from the index, at either end of a line too', () => {
    const html = page('A -- B', 'our process -- that’s what — we say - and\n-- more --');
    expect(indexableHtml(html)).toBe(
      page(
        'A -- B',
        `our process ${skipped('--')} that’s what ${skipped('—')} we say ${skipped('-')} and\n${skipped('--')} more ${skipped('--')}`,
      ),
    );
  });

  it('moves paragraph ids to empty markers, so the index stores no second copy of the text', () => {
    const html =
      '<h1 id="p-1">T</h1><div data-pagefind-body><p id="p-1">One.</p><p id="p-12">&lt;p id="p-2"&gt;</p></div>';
    expect(indexableHtml(html)).toBe(
      '<h1 id="p-1">T</h1><div data-pagefind-body><i id="p-1"></i><p>One.</p><i id="p-12"></i><p>&lt;p id="p-2"&gt;</p></div>',
    );
  });

  it('gives back text from the index as the release has it, marked or not', () => {
    const text = 'leaders—but not 1914–1918 or x--y; then— later, or-- so; at the end— a\u200Ab a\u2060b';
    expect(unparted(indexableHtml(page('T', text)))).toBe(page('T', text));
    // Pagefind's excerpts make every space a plain one, and mark whole words.
    expect(unparted('<mark>leaders—</mark> <mark>but</mark> then—\u2060 <mark>later</mark>')).toBe(
      '<mark>leaders—</mark><mark>but</mark> then— <mark>later</mark>',
    );
  });

  it('leaves pages without release text as they are', () => {
    expect(indexableHtml('<p>a—b -- c</p>')).toBe('<p>a—b -- c</p>');
  });
});
