import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { releasePath } from '../../src/model/permalink.ts';
import { seedParts } from '../support/corpus.ts';
import { attribute, findAll, parseHtml, releaseParagraphs } from '../support/html.ts';
import { ROOT, buildOrThrow, tempDir, writeFileDeep, writeReleases, type FixtureRelease } from '../support/site.ts';
import { feedItems, parseXml } from '../support/xml.ts';
import { cp } from 'node:fs/promises';
import { brokenLinks } from '../support/links.ts';

const SITE = 'https://example.org/press/';
const SEED = '/releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/';

const others: FixtureRelease[] = [
  {
    data: {
      title: 'First Inaugural Address',
      slug: 'first-inaugural-address',
      date: '1789-04-30',
      type: 'speech',
      speaker: 'George Washington',
      organisation: 'The White House',
    },
    paragraphs: [
      'Fellow Citizens of the Senate and the House of Representatives:',
      'Among the vicissitudes incident to life…',
    ],
  },
  {
    data: {
      title: 'Statement on <Budgets> & "Plans"',
      slug: 'statement-on-budgets-and-plans',
      date: '2016-01-01',
      type: 'statement',
      speaker: 'Barack Obama',
      organisation: 'The White House',
    },
    paragraphs: ['We *will* pass {it} & more.'],
  },
  {
    data: {
      title: 'Second Statement',
      slug: 'second-statement',
      date: '2016-02-01',
      type: 'statement',
      speaker: 'Barack Obama',
      role: 'President of the United States',
    },
    paragraphs: ['Another statement.'],
  },
];

describe('linking, feeds and export, for a site under https://example.org/press/', () => {
  let out: string;
  const page = async (path: string) => readFile(join(out, path.replace(/^\//, ''), 'index.html'), 'utf8');
  const file = async (path: string) => readFile(join(out, path), 'utf8');

  beforeAll(async () => {
    const content = await tempDir('linking');
    await cp(join(ROOT, 'content/releases'), join(content, 'releases'), { recursive: true });
    await writeReleases(content, others);
    await writeFileDeep(join(content, 'redirects.json'), JSON.stringify({ '/releases/2026/01/26/old-name/': SEED }));
    out = join(await tempDir('linking-out'), 'dist');
    await buildOrThrow({
      contentDir: content,
      outDir: out,
      env: { ARCHIVE_BASE: '/press', ARCHIVE_SITE: 'https://example.org' },
    });
  });

  const all = () => [
    {
      title: 'Remarks by NATO Secretary General Mark Rutte',
      date: '2026-01-26',
      path: SEED.slice(1),
      speaker: 'Mark Rutte',
    },
    ...others.map((r) => ({
      title: r.data.title,
      date: r.data.date,
      path: releasePath(r.data),
      speaker: r.data.speaker,
    })),
  ];

  it('lists every release in the archive feed, newest first, with its permalink, date and speaker', async () => {
    const items = feedItems(await file('feed.xml'));
    expect(items).toEqual(
      all()
        .sort((a, b) => b.date.localeCompare(a.date))
        .map((r) => ({ title: r.title, link: `${SITE}${r.path}`, date: r.date, creator: r.speaker })),
    );
  });

  it('has a feed per speaker and per organisation holding exactly their releases', async () => {
    const obama = feedItems(await file('speakers/barack-obama/feed.xml'));
    expect(obama.map((i) => i.title)).toEqual(['Second Statement', 'Statement on <Budgets> & "Plans"']);
    const whiteHouse = feedItems(await file('organisations/the-white-house/feed.xml'));
    expect(whiteHouse.map((i) => i.date)).toEqual(['2016-01-01', '1789-04-30']);
    expect(
      feedItems(await file('organisations/nato-north-atlantic-treaty-organisation/feed.xml')).map((i) => i.link),
    ).toEqual([`${SITE}${SEED.slice(1)}`]);
  });

  it('makes feeds discoverable from the pages', async () => {
    const document = parseHtml(await page(SEED));
    const feeds = findAll(document, (e) => e.tagName === 'link' && attribute(e, 'type') === 'application/rss+xml').map(
      (e) => attribute(e, 'href'),
    );
    expect(feeds).toEqual([
      '/press/feed.xml',
      '/press/speakers/mark-rutte/feed.xml',
      '/press/organisations/nato-north-atlantic-treaty-organisation/feed.xml',
    ]);
  });

  it('lists every release in the sitemap, and robots.txt points to it', async () => {
    const index = parseXml(await file('sitemap-index.xml'));
    const maps: string[] = [index['sitemapindex'].sitemap].flat().map((s: { loc: string }) => s.loc);
    // The pages that are not releases, then the releases a year a file.
    expect(maps[0]).toBe(`${SITE}sitemap-0.xml`);
    expect(maps.slice(1).every((map) => /sitemap-releases-\d{4}\.xml$/.test(map))).toBe(true);
    const urls: string[] = [];
    for (const map of maps) {
      const entries = parseXml(await file(map.slice(SITE.length)))['urlset'].url;
      urls.push(...[entries].flat().map((u: { loc: string }) => u.loc));
    }
    for (const release of all()) expect(urls).toContain(`${SITE}${release.path}`);
    expect(urls).toContain(`${SITE}archive/`);
    expect(await file('robots.txt')).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
  });

  it('exports each release as JSON next to its page, agreeing with the page', async () => {
    for (const release of all()) {
      const json = JSON.parse(await file(`${release.path.replace(/\/$/, '')}.json`));
      expect(json).toMatchObject({
        title: release.title,
        date: release.date,
        speaker: release.speaker,
        permalink: `${SITE}${release.path}`,
      });
      expect(json.paragraphs).toEqual(releaseParagraphs(await page(release.path)));
    }
    const seed = JSON.parse(await file(`${SEED.slice(1, -1)}.json`));
    expect(seed.paragraphs).toEqual((await seedParts()).paragraphs);
    expect(seed.distributor.notice).toBe((await seedParts()).notice);
  });

  it('lists every release in the index JSON’s period files, each with its permalink and data file', async () => {
    const index = JSON.parse(await file('releases.json')) as {
      count: number;
      periods: { period: string; count: number; url: string }[];
      latest: { permalink: string }[];
    };
    expect(index.count).toBe(4);
    const listed: { permalink: string; json: string }[] = [];
    for (const period of index.periods) {
      const data = JSON.parse(await file(new URL(period.url).pathname.replace(/^\/press\//, '')));
      expect(data.count).toBe(period.count);
      listed.push(...data.releases);
    }
    const permalinks = all()
      .map((r) => `${SITE}${r.path}`)
      .sort();
    expect(listed.map((r) => r.permalink).sort()).toEqual(permalinks);
    expect(index.latest.map((r) => r.permalink).sort()).toEqual(permalinks);
    for (const release of listed) {
      expect(existsSync(join(out, new URL(release.json).pathname.replace(/^\/press\//, '')))).toBe(true);
    }
  });

  it('gives release pages a canonical URL, a description, Open Graph, Twitter and JSON-LD', async () => {
    const document = parseHtml(await page(SEED));
    const meta = (name: string) =>
      findAll(
        document,
        (e) => e.tagName === 'meta' && (attribute(e, 'property') === name || attribute(e, 'name') === name),
      ).map((e) => attribute(e, 'content'))[0];
    const canonical = findAll(document, (e) => e.tagName === 'link' && attribute(e, 'rel') === 'canonical')[0];
    expect(canonical && attribute(canonical, 'href')).toBe(`${SITE}${SEED.slice(1)}`);
    expect(meta('description')).toMatch(
      /^Thank you\. Thank you so much, both of you, to have me back here in European Parliament\..*…$/,
    );
    expect(meta('og:type')).toBe('article');
    expect(meta('og:url')).toBe(`${SITE}${SEED.slice(1)}`);
    expect(meta('og:title')).toBe('Remarks by NATO Secretary General Mark Rutte');
    expect(meta('twitter:card')).toBe('summary');
    const [ld] = findAll(document, (e) => e.tagName === 'script' && attribute(e, 'type') === 'application/ld+json');
    const data = JSON.parse(ld!.childNodes.map((n) => ('value' in n ? n.value : '')).join(''));
    expect(data).toMatchObject({
      '@type': 'Article',
      headline: 'Remarks by NATO Secretary General Mark Rutte',
      datePublished: '2026-01-26',
      url: `${SITE}${SEED.slice(1)}`,
      author: { '@type': 'Person', name: 'Mark Rutte', jobTitle: 'NATO Secretary General' },
      publisher: { '@type': 'Organization', name: 'NATO - North Atlantic Treaty Organisation' },
      locationCreated: { '@type': 'Place', name: 'European Parliament' },
    });
  });

  it('keeps JSON-LD closed against text that looks like a closing tag', async () => {
    const html = await page(releasePath(others[1]!.data));
    expect(html).toContain('"headline":"Statement on \\u003cBudgets> & \\"Plans\\""');
  });

  it('turns the redirect list into a redirect page at the old permalink', async () => {
    const html = await page('/releases/2026/01/26/old-name/');
    expect(html).toMatch(
      /<meta http-equiv="refresh" content="0;url=\/press\/releases\/2026\/01\/26\/remarks-by-nato-secretary-general-mark-rutte\/"/,
    );
  });

  it('has no broken internal link, asset or #fragment anywhere under /press/', async () => {
    const { broken, checked } = await brokenLinks(out, 'https://example.org', '/press/');
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
