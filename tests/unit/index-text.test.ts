import { describe, expect, it } from 'vitest';
import { indexableHtml } from '../../src/lib/index-text.ts';

describe('the copy of a page the search index reads', () => {
  const page = (title: string, text: string) =>
    `<h1 data-pagefind-meta="title">${title}</h1><div class="remarks" data-pagefind-body><p>${text}</p></div>`;

  it('parts words joined by a dash in the release text, and nothing else', () => {
    const html = page('Obama—Biden', 'still has leaders—but not 1914–1918 or x--y; a - b, a — b and well-known');
    expect(indexableHtml(html)).toBe(
      page('Obama—Biden', 'still has leaders—\u200Abut not 1914–\u200A1918 or x--\u200Ay; a - b, a — b and well-known'),
    );
  });

  it('leaves pages without release text as they are', () => {
    expect(indexableHtml('<p>a—b</p>')).toBe('<p>a—b</p>');
  });
});
