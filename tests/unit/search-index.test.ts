import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexedWords, setPartCount } from '../../src/lib/search-index.ts';
import { tempDir } from '../support/site.ts';

describe('the words a part of the index counts', () => {
  it('counts the words from the release text on, not the page around it', () => {
    const copy = '<html><head><title>Not these</title></head><body><nav>Nor these three</nav>'
      + '<div class="remarks" data-pagefind-body><p>One two</p><p>three, four—\u2060five</p></div></body></html>';
    expect(indexedWords(copy)).toBe(4);
  });

  it('counts none in a page without release text', () => {
    expect(indexedWords('<html><body><p>Words but no text to index</p></body></html>')).toBe(0);
  });
});

describe('telling the search page how many parts the index has', () => {
  it('sets the count in the built search page', async () => {
    const site = await tempDir('parts');
    await mkdir(join(site, 'search'));
    await writeFile(join(site, 'search/index.html'), '<div id="search" data-bundle="/pagefind/" data-parts="1" data-base="/">');
    await setPartCount(site, 4);
    expect(await readFile(join(site, 'search/index.html'), 'utf8')).toBe('<div id="search" data-bundle="/pagefind/" data-parts="4" data-base="/">');
  });

  it('fails, naming the page, when the page has no count to set', async () => {
    const site = await tempDir('parts');
    await mkdir(join(site, 'search'));
    await writeFile(join(site, 'search/index.html'), '<div id="search">');
    await expect(setPartCount(site, 2)).rejects.toThrow(`${join(site, 'search/index.html')} has no data-parts attribute`);
  });
});
