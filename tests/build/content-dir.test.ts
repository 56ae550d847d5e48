import { partsOf } from '../support/search-index.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { releasePath } from '../../src/model/permalink.ts';
import { attribute, findAll, parseHtml, releaseParagraphs, textOf } from '../support/html.ts';
import { buildOrThrow, tempDir, writeReleases, type FixtureRelease } from '../support/site.ts';

const releases: FixtureRelease[] = [
  {
    data: {
      title: 'First Inaugural Address',
      slug: 'first-inaugural-address',
      date: '1789-04-30',
      type: 'speech',
      speaker: 'George Washington',
      venue: 'Federal Hall, New York',
    },
    paragraphs: [
      'Fellow Citizens of the Senate and the House of Representatives:',
      'Among the vicissitudes incident to life, no event could have filled me with greater anxieties.',
    ],
  },
  {
    data: {
      title: 'Statement on the Budget',
      slug: 'statement-on-the-budget',
      date: '2016-01-01',
      type: 'statement',
      speaker: 'The White House',
    },
    paragraphs: [
      'The budget is *not* a {plan} <em>yet</em> & never was #1.',
      '1. This is not a list item',
      'import x from "y"',
      'C:\\Windows\\ and `code` | pipes_and_underscores ~tilde~ [link](x)',
    ],
  },
  {
    data: {
      title: 'Remarks at Midnight',
      slug: 'remarks-at-midnight',
      date: '2016-12-31',
      type: 'remarks',
      speaker: 'Barack Obama',
      role: 'President of the United States',
    },
    paragraphs: ['Happy New Year, everybody.'],
  },
];

describe('building from another folder (ARCHIVE_CONTENT_DIR) in Los Angeles time', () => {
  let out: string;

  beforeAll(async () => {
    const content = await tempDir('content');
    await writeReleases(content, releases);
    out = join(await tempDir('out'), 'site');
    await buildOrThrow({ contentDir: content, outDir: out, env: { TZ: 'America/Los_Angeles' } });
  });

  it.each(releases.map((r) => [r.data.title, r] as const))(
    'gives %s a page with its text exactly',
    async (_, release) => {
      const html = await readFile(join(out, releasePath(release.data), 'index.html'), 'utf8');
      expect(releaseParagraphs(html)).toEqual(release.paragraphs);
      const document = parseHtml(html);
      const [time] = findAll(document, (e) => e.tagName === 'time');
      expect(time && attribute(time, 'datetime')).toBe(release.data.date);
      const [h1] = findAll(document, (e) => e.tagName === 'h1');
      expect(h1 && textOf(h1)).toBe(release.data.title);
    },
  );

  it('lists them newest first in the archive, with their dates unshifted', async () => {
    const document = parseHtml(await readFile(join(out, 'archive/index.html'), 'utf8'));
    const titles = findAll(
      document,
      (e) => e.tagName === 'h3' && attribute(e, 'class')?.includes('title') === true,
    ).map(textOf);
    expect(titles).toEqual(['Remarks at Midnight', 'Statement on the Budget', 'First Inaugural Address']);
    const dates = findAll(document, (e) => e.tagName === 'time').map(textOf);
    expect(dates).toEqual(['31 December 2016', '1 January 2016', '30 April 1789']);
  });
});

describe('a release in another language', () => {
  it('marks its article with its language and stays in the one search index', async () => {
    const content = await tempDir('lang');
    await writeReleases(content, [
      {
        data: {
          title: 'Discours du Secrétaire général',
          slug: 'discours-du-secretaire-general',
          date: '2026-02-01',
          type: 'speech',
          speaker: 'Mark Rutte',
          language: 'fr',
        },
        paragraphs: ['Mesdames et Messieurs, merci.'],
      },
      releases[2]!,
    ]);
    const out = join(await tempDir('lang-out'), 'site');
    await buildOrThrow({ contentDir: content, outDir: out });
    const document = parseHtml(
      await readFile(join(out, 'releases/2026/02/01/discours-du-secretaire-general/index.html'), 'utf8'),
    );
    const [article] = findAll(document, (e) => e.tagName === 'article');
    expect(article && attribute(article, 'lang')).toBe('fr');
    // Both are in the index the search page reads.
    const languages: Record<string, number> = {};
    for (const path of (await partsOf(out)).paths) {
      const entry = JSON.parse(await readFile(join(out, 'pagefind', path, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      for (const [language, { page_count }] of Object.entries(entry.languages))
        languages[language] = (languages[language] ?? 0) + page_count;
    }
    expect(languages).toEqual({ en: 2 });
  });
});
