/**
 * An archive from many sources, as the site shows it: variants of a name mapped to one name by
 * `names.yaml` (release files untouched), sorted without courtesy titles, a release issued by an
 * organisation cited as such, dates known only to the month or the year shown as they are known,
 * and a warning when no site address is set.
 */
import { filterValues } from '../support/search-index.ts';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { attribute, findAll, parseHtml, textOf } from '../support/html.ts';
import { buildOrThrow, buildSite, tempDir, writeReleases, type FixtureRelease } from '../support/site.ts';
import { feedItems, parseXml } from '../support/xml.ts';

const release = (
  data: Partial<FixtureRelease['data']> & { slug: string; date: string; speaker: string },
): FixtureRelease => ({
  data: { title: data.slug.replace(/-/g, ' '), type: 'speech', ...data },
  paragraphs: [`The words of ${data.slug}.`],
});

const RELEASES: FixtureRelease[] = [
  release({
    slug: 'honorific',
    date: '2016-03-01',
    speaker: 'Mr. Abdullah Abdullah',
    venue: 'James S. Brady Briefing Room',
  }),
  release({ slug: 'plain', date: '2016-03-02', speaker: 'Abdullah Abdullah', venue: 'James Brady S. Briefing Room' }),
  release({
    slug: 'obama',
    date: '2016-03-03',
    speaker: 'Barack Obama',
    venue: 'James S. Brady Press Briefing Room',
    organisation: 'White House',
  }),
  release({
    slug: 'funding',
    date: '2019-05-03',
    speaker: 'U.S. Department of Health and Human Services',
    type: 'press-release',
  }),
  release({ slug: 'general-debate', date: '2015-09', speaker: 'Ban Ki-moon' }),
  release({ slug: 'undated-day', date: '2015', speaker: 'Zed Speaker' }),
];

const NAMES = `speakers:
  - name: Abdullah Abdullah
    variants: [Mr. Abdullah Abdullah]
  - name: Barack Obama
    sort: Obama, Barack
organisations:
  - name: The White House
    variants: [White House]
venues:
  - name: James S. Brady Press Briefing Room
    variants: [James S. Brady Briefing Room, James Brady S. Briefing Room]
`;

describe('names, organisations and dates across the site', () => {
  let content: string;
  let out: string;
  let output: string;
  const page = async (path: string) => parseHtml(await readFile(join(out, path, 'index.html'), 'utf8'));
  const texts = async (path: string, selector: (e: Parameters<Parameters<typeof findAll>[1]>[0]) => boolean) =>
    findAll(await page(path), selector).map((e) => textOf(e).trim());

  beforeAll(async () => {
    content = await tempDir('names-content');
    await writeReleases(content, RELEASES);
    await writeFile(join(content, 'names.yaml'), NAMES);
    out = join(await tempDir('names-out'), 'dist');
    output = await buildOrThrow({ contentDir: content, outDir: out, env: { ARCHIVE_SITE: 'https://example.org' } });
  });

  it('lists one speaker and one venue per entity, sorted by their keys, titles ignored', async () => {
    const speakers = await texts(
      'speakers',
      (e) =>
        e.tagName === 'a' &&
        (attribute(e, 'href') ?? '').startsWith('/speakers/') &&
        attribute(e, 'href') !== '/speakers/',
    );
    expect(speakers).toEqual([
      'Abdullah Abdullah',
      'Ban Ki-moon',
      'Barack Obama',
      'U.S. Department of Health and Human Services',
      'Zed Speaker',
    ]);
    const venues = await texts(
      'venues',
      (e) =>
        e.tagName === 'a' && (attribute(e, 'href') ?? '').startsWith('/venues/') && attribute(e, 'href') !== '/venues/',
    );
    expect(venues).toEqual(['James S. Brady Press Briefing Room']);
    const listing = await readFile(join(out, 'venues/james-s-brady-press-briefing-room/index.html'), 'utf8');
    expect(listing).toContain('3 releases');
    // The release files keep the names they were written with.
    expect(await readFile(join(content, 'releases/2016/03/2016-03-01-honorific.mdx'), 'utf8')).toContain(
      'speaker: "Mr. Abdullah Abdullah"',
    );
  });

  it('shows and filters by the canonical names on a release page, in its feed and its export', async () => {
    const html = await readFile(join(out, 'releases/2016/03/01/honorific/index.html'), 'utf8');
    expect(html).toMatch(/href="\/speakers\/abdullah-abdullah\/"[^>]*>\s*Abdullah Abdullah\s*</);
    expect(html).toMatch(
      /href="\/venues\/james-s-brady-press-briefing-room\/"[^>]*>\s*James S. Brady Press Briefing Room\s*</,
    );
    expect(html).not.toContain('Mr. Abdullah');
    // Search filters by the canonical names only.
    expect([...(await filterValues(out, 'speaker'))]).toContain('Abdullah Abdullah');
    expect([...(await filterValues(out, 'speaker'))].filter((name) => name.includes('Mr.'))).toEqual([]);
    expect([...(await filterValues(out, 'venue'))]).toEqual(['James S. Brady Press Briefing Room']);
    const exported = JSON.parse(await readFile(join(out, 'releases/2016/03/03/obama.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(exported).toMatchObject({
      speaker: 'Barack Obama',
      organisation: 'The White House',
      venue: 'James S. Brady Press Briefing Room',
    });
    expect(
      feedItems(await readFile(join(out, 'speakers/abdullah-abdullah/feed.xml'), 'utf8')).map((item) => item.creator),
    ).toEqual(['Abdullah Abdullah', 'Abdullah Abdullah']);
  });

  it('says "Issued by" for an organisation, cites it as a corporate author, and calls it an Organization in JSON-LD', async () => {
    const document = await page('releases/2019/05/03/funding');
    expect(await texts('releases/2019/05/03/funding', (e) => e.tagName === 'dt')).toContain('Issued by');
    const [chicago] = findAll(document, (e) => attribute(e, 'id') === 'cite-chicago');
    expect(textOf(chicago!)).toBe(
      'U.S. Department of Health and Human Services. 2019. “funding.” Press release, May 3, 2019. https://example.org/releases/2019/05/03/funding/.',
    );
    const [ld] = findAll(document, (e) => attribute(e, 'type') === 'application/ld+json');
    expect(JSON.parse(textOf(ld!))).toMatchObject({
      author: { '@type': 'Organization', name: 'U.S. Department of Health and Human Services' },
    });
    expect(await texts('releases/2016/03/03/obama', (e) => e.tagName === 'dt')).toContain('Speaker');
  });

  it('shows a date known to the month or the year as it is known, everywhere', async () => {
    const month = await page('releases/2015/09/general-debate');
    const [time] = findAll(month, (e) => e.tagName === 'time' && attribute(e, 'datetime') === '2015-09');
    expect(textOf(time!).trim()).toBe('September 2015');
    const year = await page('releases/2015/undated-day');
    const [yearTime] = findAll(year, (e) => e.tagName === 'time' && attribute(e, 'datetime') === '2015');
    expect(textOf(yearTime!).trim()).toBe('2015');
    // Search filters by as much of the date as is known: no day for either, no month for the year.
    const [months, days] = await Promise.all([filterValues(out, 'month'), filterValues(out, 'day')]);
    expect(months.has('2015-09')).toBe(true);
    expect([...days].filter((day) => day.startsWith('2015'))).toEqual([]);
    expect(JSON.parse(await readFile(join(out, 'releases/2015/09/general-debate.json'), 'utf8'))).toMatchObject({
      date: '2015-09',
      date_precision: 'month',
    });
    // The year lists both, after its dated releases newest first; the month only its own.
    const inYear = await texts(
      'years/2015',
      (e) => e.tagName === 'a' && (attribute(e, 'href') ?? '').startsWith('/releases/'),
    );
    expect(inYear).toEqual(['general debate', 'undated day']);
    expect(
      await texts('years/2015-09', (e) => e.tagName === 'a' && (attribute(e, 'href') ?? '').startsWith('/releases/')),
    ).toEqual(['general debate']);
    // The feed gives no made-up day: no pubDate, and the date as known.
    const feed = parseXml(await readFile(join(out, 'feed.xml'), 'utf8'))['rss'].channel.item as Record<
      string,
      string
    >[];
    const item = feed.find((entry) => entry['link']!.endsWith('/releases/2015/09/general-debate/'))!;
    expect(item['pubDate']).toBeUndefined();
    expect(item['dc:date']).toBe('2015-09');
    const [chicago] = findAll(month, (e) => attribute(e, 'id') === 'cite-chicago');
    expect(textOf(chicago!)).toContain('Speech, September 2015.');
  });

  it('warns, naming where it will appear, when no site address is set; not when one is', async () => {
    expect(output).not.toContain('ARCHIVE_SITE is not set');
    const local = await buildSite({ contentDir: content, outDir: join(await tempDir('names-local'), 'dist') });
    expect(local.code).toBe(0);
    expect(local.output).toContain('Warning: ARCHIVE_SITE is not set, so the site is built for http://localhost:4321.');
    expect(local.output).toMatch(/canonical link.*citation.*RSS feeds, the sitemap, robots\.txt and the JSON exports/s);
  });

  it('fails the build on a bad names.yaml, naming the file and the field', async () => {
    await writeFile(join(content, 'names.yaml'), 'venues:\n  - name: Hall\n    variants: Hall B\n');
    const result = await buildSite({ contentDir: content, outDir: join(await tempDir('names-bad'), 'dist') });
    await writeFile(join(content, 'names.yaml'), NAMES);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(
      `${join(content, 'names.yaml')}: venues.0.variants: expected a list of spellings, e.g. [J. S. Brady Room]`,
    );
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });
});
