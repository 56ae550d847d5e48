import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apa, bibtex, chicago, splitName, type Citable } from '../../../src/site/citation.ts';
import { facetSlugs, shortHash } from '../../../src/model/facets.ts';
import { feedDate } from '../../../src/site/feed-dates.ts';
import { paragraphId } from '../../../src/model/paragraph-ids.ts';
import { openingWords } from '../../../src/model/plain-text.ts';
import { SITE_SECTIONS, readRedirects, shadowedReleases } from '../../../src/site/redirects.ts';
import { xmlText } from '../../../src/site/xml-text.ts';
import { ROOT, tempDir } from '../../support/site.ts';
import { parseXml } from '../../support/xml.ts';

const seed: Citable = {
  title: 'Remarks by NATO Secretary General Mark Rutte',
  date: '2026-01-26',
  speaker: 'Mark Rutte',
  role: 'NATO Secretary General',
  venue: 'European Parliament',
  organisation: 'NATO - North Atlantic Treaty Organisation',
  type: 'remarks',
  distributor: { name: 'Public Technologies (PUBT)' },
};
const URL = 'https://example.org/releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/';

describe('citations', () => {
  it('in Chicago style', () => {
    expect(chicago(seed, URL)).toBe(
      `Rutte, Mark. “Remarks by NATO Secretary General Mark Rutte.” Remarks, European Parliament, January 26, 2026. NATO - North Atlantic Treaty Organisation. Distributed by Public Technologies (PUBT). ${URL}.`,
    );
  });

  it('of one paragraph, with "para." after the date and the paragraph at its address', () => {
    expect(chicago(seed, URL, { paragraph: '3' })).toBe(
      `Rutte, Mark. “Remarks by NATO Secretary General Mark Rutte.” Remarks, European Parliament, January 26, 2026, para. 3. NATO - North Atlantic Treaty Organisation. Distributed by Public Technologies (PUBT). ${URL}#p-3.`,
    );
  });

  it('in APA style', () => {
    expect(apa(seed, URL)).toBe(
      `Rutte, M. (2026, January 26). Remarks by NATO Secretary General Mark Rutte [Remarks]. European Parliament. NATO - North Atlantic Treaty Organisation. Distributed by Public Technologies (PUBT). ${URL}`,
    );
  });

  it('in BibTeX, with TeX characters escaped', () => {
    expect(bibtex(seed, URL)).toBe(`@misc{rutte2026remarks,
  author = {Rutte, Mark},
  title = {{Remarks by NATO Secretary General Mark Rutte}},
  year = {2026},
  month = jan,
  day = {26},
  howpublished = {Remarks, European Parliament},
  organization = {NATO - North Atlantic Treaty Organisation},
  note = {Distributed by Public Technologies (PUBT)},
  url = {${URL}}
}`);
    expect(bibtex({ ...seed, title: '50% & {more} #1_x' }, URL)).toContain('title = {{50\\% \\& \\{more\\} \\#1\\_x}}');
  });

  it('for an organisation as speaker and a date before 1900', () => {
    const release: Citable = {
      title: 'Statement on the Budget',
      date: '1789-04-30',
      speaker: 'The White House',
      organisation: 'The White House',
      type: 'statement',
    };
    expect(chicago(release, URL)).toBe(
      `The White House. 1789. “Statement on the Budget.” Statement, April 30, 1789. ${URL}.`,
    );
    expect(apa(release, URL)).toBe(`The White House. (1789, April 30). Statement on the Budget [Statement]. ${URL}`);
    expect(bibtex(release, URL)).toContain('author = {{The White House}}');
  });

  it('cite a department that issued a release as a corporate author, in every style', () => {
    const release: Citable = {
      title: 'HHS Announces New Funding',
      date: '2019-05-03',
      speaker: 'U.S. Department of Health and Human Services',
      type: 'press-release',
      corporate: true,
    };
    expect(chicago(release, URL)).toBe(
      `U.S. Department of Health and Human Services. 2019. “HHS Announces New Funding.” Press release, May 3, 2019. ${URL}.`,
    );
    expect(apa(release, URL)).toBe(
      `U.S. Department of Health and Human Services. (2019, May 3). HHS Announces New Funding [Press release]. ${URL}`,
    );
    expect(bibtex(release, URL)).toContain('author = {{U.S. Department of Health and Human Services}}');
    expect(bibtex(release, URL)).toMatch(/^@misc\{usdepartmentofhealthandhumanservices2019announces,/);
  });

  it('give as much of a date as is known, and no more', () => {
    const month = { ...seed, date: '2015-09' };
    expect(chicago(month, URL)).toContain('Remarks, European Parliament, September 2015.');
    expect(apa(month, URL)).toMatch(/^Rutte, M\. \(2015, September\)\./);
    expect(bibtex(month, URL)).toContain('year = {2015},\n  month = sep,\n  howpublished');
    const year = { ...seed, date: '2015' };
    expect(chicago(year, URL)).toContain('Remarks, European Parliament, 2015.');
    expect(apa(year, URL)).toMatch(/^Rutte, M\. \(2015\)\./);
    expect(bibtex(year, URL)).toContain('year = {2015},\n  howpublished');
    const corporate = { ...year, speaker: 'NATO', corporate: true };
    expect(chicago(corporate, URL)).toMatch(
      /^NATO\. 2015\. “Remarks by NATO Secretary General Mark Rutte\.” Remarks, European Parliament\. /,
    );
  });

  it('invert names with particles and suffixes', () => {
    expect(splitName('Ursula von der Leyen')).toEqual({ family: 'von der Leyen', given: 'Ursula' });
    expect(splitName('Martin Luther King Jr.')).toEqual({ family: 'King Jr.', given: 'Martin Luther' });
    expect(splitName('Franklin D. Roosevelt')).toEqual({ family: 'Roosevelt', given: 'Franklin D.' });
  });
});

describe('facet slugs', () => {
  it('are readable, and unique when two names make the same slug', () => {
    const slugs = facetSlugs(['Mark Rutte', 'Barack Obama', 'Barack  Obama', '日本']);
    expect(slugs.get('Mark Rutte')).toBe('mark-rutte');
    expect(slugs.get('Barack  Obama')).toBe('barack-obama');
    expect(slugs.get('Barack Obama')).toBe(`barack-obama-${shortHash('Barack Obama')}`);
    expect(slugs.get('日本')).toBe(`name-${shortHash('日本')}`);
  });
});

describe('feed dates', () => {
  it('put a calendar date at noon UTC, for any year', () => {
    expect(feedDate('2026-01-26').toISOString()).toBe('2026-01-26T12:00:00.000Z');
    expect(feedDate('1789-04-30').toISOString()).toBe('1789-04-30T12:00:00.000Z');
  });
});

describe('plain text of a body', () => {
  it('cuts opening words at a word', () => {
    expect(openingWords(['one two three four'], 12)).toBe('one two…');
    expect(openingWords(['short'], 12)).toBe('short');
  });

  it('names paragraphs p-1, p-2, …', () => {
    expect(paragraphId(12)).toBe('p-12');
  });
});

describe('the redirect list', () => {
  it('is optional, and prefixes new addresses with the base', async () => {
    const dir = await tempDir('redirects');
    expect(readRedirects(dir)).toEqual({});
    await writeFile(
      join(dir, 'redirects.json'),
      JSON.stringify({ '/releases/2026/01/26/old/': '/releases/2026/01/26/new/' }),
    );
    expect(readRedirects(dir, '/press/')).toEqual({ '/releases/2026/01/26/old/': '/press/releases/2026/01/26/new/' });
  });

  it('refuses entries that are not site paths, naming the file', async () => {
    const dir = await tempDir('redirects-bad');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'redirects.json'), JSON.stringify({ '/releases/old/': 'https://elsewhere.example/' }));
    expect(() => readRedirects(dir)).toThrow(
      `${join(dir, 'redirects.json')} has a problem:\n  "/releases/old/": "https://elsewhere.example/": the new permalink is an address on another host`,
    );
    await writeFile(join(dir, 'redirects.json'), '{ not json');
    expect(() => readRedirects(dir)).toThrow(/redirects\.json: not valid JSON/);
  });

  it('refuses every address that leads out, to another host, over a page or round a loop, naming each entry', async () => {
    const dir = await tempDir('redirects-hostile');
    const entries = {
      '/../../../../tmp/inner/': '/releases/2026/01/26/new/',
      '/releases/%2e%2e/%2E%2E/x/': '/releases/2026/01/26/new/',
      '/releases/a%2Fb/': '/releases/2026/01/26/new/',
      '/releases/a%5Cb/': '/releases/2026/01/26/new/',
      '/releases/%E0%A4%A/': '/releases/2026/01/26/new/',
      '//elsewhere.example/': '/releases/2026/01/26/new/',
      '/releases/2026/01/26/to-elsewhere/': 'https://elsewhere.example/',
      '/releases/2026/01/26/protocol-relative/': '//elsewhere.example/x/',
      '/releases/2026/01/26/up/': '/releases/../../etc/',
      '/': '/releases/2026/01/26/new/',
      '/search/': '/releases/2026/01/26/new/',
      '/speakers/mark-rutte/': '/releases/2026/01/26/new/',
      '/releases/2026/01/26/a/': '/releases/2026/01/26/b/',
      '/releases/2026/01/26/b/': '/releases/2026/01/26/c/',
      '/releases/2026/01/26/c/': '/releases/2026/01/26/a/',
      '/releases/2026/01/26/no-slash': '/releases/2026/01/26/new/',
    };
    await writeFile(join(dir, 'redirects.json'), JSON.stringify(entries));
    let message = '';
    try {
      readRedirects(dir);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      `${join(dir, 'redirects.json')} has 16 problems:`,
      '  "/../../../../tmp/inner/": "/releases/2026/01/26/new/": the old permalink holds "..", which leads out of its folder',
      '  "/releases/%2e%2e/%2E%2E/x/": "/releases/2026/01/26/new/": the old permalink holds "%2e%2e", which leads out of its folder',
      '  "/releases/a%2Fb/": "/releases/2026/01/26/new/": the old permalink holds "a%2Fb", an encoded separator or a character a reader cannot see',
      '  "/releases/a%5Cb/": "/releases/2026/01/26/new/": the old permalink holds "a%5Cb", an encoded separator or a character a reader cannot see',
      '  "/releases/%E0%A4%A/": "/releases/2026/01/26/new/": the old permalink holds "%E0%A4%A", whose %-escapes are not UTF-8 text',
      '  "//elsewhere.example/": "/releases/2026/01/26/new/": the old permalink is an address on another host: expected a path on this site, like /releases/2026/01/26/slug/',
      '  "/releases/2026/01/26/to-elsewhere/": "https://elsewhere.example/": the new permalink is an address on another host: expected a path on this site, like /releases/2026/01/26/slug/',
      '  "/releases/2026/01/26/protocol-relative/": "//elsewhere.example/x/": the new permalink is an address on another host: expected a path on this site, like /releases/2026/01/26/slug/',
      '  "/releases/2026/01/26/up/": "/releases/../../etc/": the new permalink holds "..", which leads out of its folder',
      '  "/": "/releases/2026/01/26/new/": the old permalink is a page the site makes (/): a redirect would replace it',
      '  "/search/": "/releases/2026/01/26/new/": the old permalink is a page the site makes (/search/): a redirect would replace it',
      '  "/speakers/mark-rutte/": "/releases/2026/01/26/new/": the old permalink is a page the site makes (/speakers/mark-rutte/): a redirect would replace it',
      '  "/releases/2026/01/26/no-slash": "/releases/2026/01/26/new/": the old permalink should be a site path like /releases/2026/01/26/slug/: segments of letters, digits and - . _ ~, each ending in /',
      '  "/releases/2026/01/26/a/": redirects in a loop (/releases/2026/01/26/a/ → /releases/2026/01/26/b/ → /releases/2026/01/26/c/ → /releases/2026/01/26/a/)',
      '  "/releases/2026/01/26/b/": redirects in a loop (/releases/2026/01/26/b/ → /releases/2026/01/26/c/ → /releases/2026/01/26/a/ → /releases/2026/01/26/b/)',
      '  "/releases/2026/01/26/c/": redirects in a loop (/releases/2026/01/26/c/ → /releases/2026/01/26/a/ → /releases/2026/01/26/b/ → /releases/2026/01/26/c/)',
    ]);
  });

  it('takes percent-encoded addresses once, decoded, and refuses one over a release’s page', async () => {
    const dir = await tempDir('redirects-encoded');
    await writeFile(
      join(dir, 'redirects.json'),
      JSON.stringify({
        '/releases/2020/01/01/caf%C3%A9/': '/releases/2020/01/01/d%C3%A9j%C3%A0/',
        '/releases/2026/01/26/kept/': '/releases/2026/01/26/new/',
      }),
    );
    expect(readRedirects(dir, '/press/')).toEqual({
      '/releases/2020/01/01/café/': '/press/releases/2020/01/01/déjà/',
      '/releases/2026/01/26/kept/': '/press/releases/2026/01/26/new/',
    });
    expect(shadowedReleases(dir, new Set(['releases/2026/01/26/kept/', 'releases/2026/01/26/new/']))).toEqual([
      '"/releases/2026/01/26/kept/": the old permalink is a release\'s page: a redirect would replace it',
    ]);
  });

  it('knows every section of the site, so that no redirect replaces a page of one', async () => {
    const pages = (await readdir(join(ROOT, 'src/pages'))).map((name) =>
      name.replace(/\.(?:astro|ts)$/, '').replace(/^index$/, ''),
    );
    for (const page of pages.filter((name) => name !== '' && name !== 'releases')) {
      expect(SITE_SECTIONS).toContain(page === '404' ? '404.html' : page);
    }
  });
});

describe('the XML check the feed tests use', () => {
  it('rejects XML that is not well-formed', () => {
    expect(() => parseXml('<rss><channel></rss>')).toThrow(/^not well-formed XML/);
    expect(parseXml('<rss><channel><title>x</title></channel></rss>')['rss'].channel.title).toBe('x');
  });
});

describe('deploy settings', async () => {
  const { basePath, siteUrl } = await import('../../../src/env.ts');
  const saved = { site: process.env.ARCHIVE_SITE, base: process.env.ARCHIVE_BASE };
  const restore = () => {
    if (saved.site === undefined) delete process.env.ARCHIVE_SITE;
    else process.env.ARCHIVE_SITE = saved.site;
    if (saved.base === undefined) delete process.env.ARCHIVE_BASE;
    else process.env.ARCHIVE_BASE = saved.base;
  };

  it('read ARCHIVE_SITE and ARCHIVE_BASE, and say what is wrong with a bad value', () => {
    try {
      process.env.ARCHIVE_SITE = 'https://example.org/';
      process.env.ARCHIVE_BASE = '/press';
      expect([siteUrl(), basePath()]).toEqual(['https://example.org', '/press/']);
      process.env.ARCHIVE_SITE = 'example.org';
      expect(() => siteUrl()).toThrow(
        'ARCHIVE_SITE is "example.org": expected an absolute http(s) address such as https://example.org',
      );
      process.env.ARCHIVE_BASE = 'press page';
      expect(() => basePath()).toThrow('ARCHIVE_BASE is "press page": expected a path such as /press');
    } finally {
      restore();
    }
  });
});

describe('feed text', () => {
  it('replaces what XML cannot carry and keeps everything else', () => {
    expect(xmlText('bell\u0007 esc\u001b tab\t nl\n emoji 🇪🇺 nel\u0085')).toBe(
      'bell\uFFFD esc\uFFFD tab\t nl\n emoji 🇪🇺 nel\u0085',
    );
  });
});
