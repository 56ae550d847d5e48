import { describe, expect, it } from 'vitest';
import { indexableHtml } from '../../src/lib/index-text.ts';

describe('the copy of a page the search index reads', () => {
  const page = (title: string, text: string) =>
    `<h1 data-pagefind-meta="title">${title}</h1><div class="remarks" data-pagefind-body><p title="a—b -- c">${text}</p></div>`;
  const skipped = (dash: string) => `<span data-pagefind-ignore>${dash}</span>`;

  it('parts words joined by a dash in the release text, and nothing else', () => {
    const html = page('Obama—Biden', 'still has leaders—but not 1914–1918 or x--y; and well-known');
    expect(indexableHtml(html)).toBe(
      page('Obama—Biden', 'still has leaders—\u200Abut not 1914–\u200A1918 or x--\u200Ay; and well-known'),
    );
  });

  it('hides dashes standing alone from the index, at either end of a line too', () => {
    const html = page('A -- B', 'our process -- that’s what — we say - and\n-- more --');
    expect(indexableHtml(html)).toBe(
      page('A -- B', `our process ${skipped('--')} that’s what ${skipped('—')} we say ${skipped('-')} and\n${skipped('--')} more ${skipped('--')}`),
    );
  });

  it('leaves pages without release text as they are', () => {
    expect(indexableHtml('<p>a—b -- c</p>')).toBe('<p>a—b -- c</p>');
  });
});
