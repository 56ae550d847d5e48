import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { PartsFile } from '../../src/pagefind/parts.ts';
import { headFile, mergedEntries, readWordsFile, wordsFile, type WordsFile } from '../../src/pagefind/vocabulary.ts';
import { buildOrThrow, buildSite, tempDir, writeReleases, type FixtureRelease } from '../support/site.ts';

const releases: FixtureRelease[] = [
  {
    data: {
      title: 'Oldest Remarks',
      slug: 'oldest-remarks',
      date: '1901-03-04',
      type: 'remarks',
      speaker: 'A. Speaker',
    },
    paragraphs: ['The oldest words of the three.'],
  },
  {
    data: {
      title: 'Middle Remarks',
      slug: 'middle-remarks',
      date: '1950-06-01',
      type: 'remarks',
      speaker: 'A. Speaker',
    },
    paragraphs: ['The middle words of the three.'],
  },
  {
    data: {
      title: 'Newest Remarks',
      slug: 'newest-remarks',
      date: '2020-01-02',
      type: 'remarks',
      speaker: 'A. Speaker',
    },
    paragraphs: ['The newest words of the three.'],
  },
];

/** The text of every page a Pagefind bundle holds, from its fragments (gzipped, after a signature). */
async function textsIn(bundle: string): Promise<string[]> {
  const names = await readdir(join(bundle, 'fragment'));
  const fragments = await Promise.all(
    names.map(async (name) => gunzipSync(await readFile(join(bundle, 'fragment', name))).toString()),
  );
  return fragments.map(
    (fragment) => (JSON.parse(fragment.replace(/^pagefind_dcd/, '')) as { content: string }).content,
  );
}

describe('the search index in parts of at most ARCHIVE_SEARCH_PART_WORDS words', () => {
  it('is made by plain `astro build` too, a part per month when each passes the limit, newest first', async () => {
    const content = await tempDir('parts-content');
    await writeReleases(content, releases);
    const out = join(await tempDir('parts-out'), 'dist');
    await buildOrThrow({ contentDir: content, outDir: out, via: 'astro', env: { ARCHIVE_SEARCH_PART_WORDS: '1' } });
    const file = JSON.parse(await readFile(join(out, 'pagefind/archive-parts.json'), 'utf8')) as PartsFile;
    expect(file).toEqual({
      parts: 3,
      sizes: [
        expect.objectContaining({ pages: 1 }),
        expect.objectContaining({ pages: 1 }),
        expect.objectContaining({ pages: 1 }),
      ],
      paths: ['parts/en-2020-01/', 'parts/en-1950-06/', 'parts/en-1901-03/'],
      head: true,
    });
    // The filters' totals are in the search page, whose script reads them beside its boxes.
    const searchPage = await readFile(join(out, 'search/index.html'), 'utf8');
    const totals = [...searchPage.matchAll(/name="(\w+)" value="([^"]+)">[^<]*<span class="count"> \((\d+)\)/g)].map(
      ([, filter, value, total]) => `${filter} ${value} ${total}`,
    );
    expect(totals).toEqual(
      expect.arrayContaining(['year 2020 1', 'year 1950 1', 'year 1901 1', 'speaker A. Speaker 3']),
    );
    // The vocabulary as the search page reads it: the newest part's (the head's) words apart, merged
    // back as part 0; a word of every part has its count alone, one of some parts the parts (bit k).
    const words = async (word: string) => {
      const read = (path: string) =>
        readFile(join(out, 'pagefind', path), 'utf8').then(
          (text) => JSON.parse(text) as WordsFile,
          () => ({}),
        );
      const entries = mergedEntries(readWordsFile(await read(wordsFile(word))), await read(headFile(word)), 3);
      return entries.find((entry) => entry.word === word);
    };
    await expect(words('the')).resolves.toEqual({ word: 'the', count: 3, parts: undefined });
    await expect(words('newest')).resolves.toEqual({ word: 'newest', count: 1, parts: 1n });
    await expect(words('middle')).resolves.toEqual({ word: 'middle', count: 1, parts: 2n });
    await expect(words('oldest')).resolves.toEqual({ word: 'oldest', count: 1, parts: 4n });
    // Newest first: the first part, which a date order shows first, holds the newest release.
    const texts = await Promise.all(file.paths.map((path) => textsIn(join(out, 'pagefind', path))));
    expect(texts.map((part) => part.length)).toEqual([1, 1, 1]);
    expect(texts.map(([text]) => /The (\w+) words/.exec(text ?? '')?.[1])).toEqual(['newest', 'middle', 'oldest']);
  });

  it('gives an archive without releases an empty index for its search page', async () => {
    const content = await tempDir('parts-empty');
    await mkdir(join(content, 'releases'));
    const out = join(await tempDir('parts-empty-out'), 'dist');
    await buildOrThrow({ contentDir: content, outDir: out });
    expect(JSON.parse(await readFile(join(out, 'pagefind/archive-parts.json'), 'utf8'))).toEqual({
      parts: 1,
      sizes: [{ pages: 0, words: 0 }],
      paths: ['parts/empty/'],
      head: false,
    });
    expect(JSON.parse(await readFile(join(out, 'pagefind/parts/empty/pagefind-entry.json'), 'utf8'))).toMatchObject({
      languages: {},
    });
    // The search page speaks to Pagefind's worker, which the index's folder keeps.
    await expect(readFile(join(out, 'pagefind/pagefind-worker.js'), 'utf8')).resolves.toContain('postMessage');
  });

  it('refuses a part size that is not a whole number of words before building anything', async () => {
    const content = await tempDir('parts-bad');
    await writeReleases(content, releases);
    const out = join(await tempDir('parts-bad-out'), 'dist');
    const result = await buildSite({ contentDir: content, outDir: out, env: { ARCHIVE_SEARCH_PART_WORDS: 'lots' } });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(
      'ARCHIVE_SEARCH_PART_WORDS is "lots": expected a whole number of words, such as 8000000',
    );
    expect(result.output).not.toContain('[build]');
  });
});
