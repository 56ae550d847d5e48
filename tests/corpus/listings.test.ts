/**
 * Browsing without search, checked on the built files of the whole corpus: every release is on
 * exactly one page of its speaker's, its year's and the archive's listings; listing pages link
 * to each other in order; each release page links to its listings and its neighbours in time.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { facetSlugs } from '../../src/model/facets.ts';
import { attribute, findAll, parseHtml, textOf } from '../support/html.ts';
import { readReleases, type StoredRelease } from '../support/releases.ts';

const { content, out } = inject('corpusSite');
let releases: StoredRelease[];

beforeAll(async () => {
  releases = await readReleases(content);
});

/** The release links a listing page lists, and the links of its navigation by period. */
async function listingPage(path: string) {
  const document = parseHtml(await readFile(join(out, path, 'index.html'), 'utf8'));
  const list = findAll(document, (e) => e.tagName === 'ol' && (attribute(e, 'class') ?? '').includes('release-list'));
  const releases = list.flatMap((ol) =>
    findAll(ol, (e) => e.tagName === 'a' && (attribute(e, 'href') ?? '').startsWith('/releases/')).map((a) =>
      attribute(a, 'href')!,
    ),
  );
  const rel = (name: string) =>
    findAll(document, (e) => e.tagName === 'a' && attribute(e, 'rel') === name).map((a) => attribute(a, 'href')!);
  const periods = findAll(document, (e) => e.tagName === 'nav' && (attribute(e, 'class') ?? '') === 'periods').flatMap(
    (nav) => findAll(nav, (e) => e.tagName === 'a').map((a) => attribute(a, 'href')!),
  );
  return { releases, prev: rel('prev'), next: rel('next'), periods };
}

/** Where each release appears among the pages a listing's first page leads to (its years, their months). */
async function placements(first: string) {
  const seen = new Map<string, string[]>();
  const visit = async (path: string) => {
    const page = await listingPage(path);
    for (const link of page.releases) seen.set(link, [...(seen.get(link) ?? []), path]);
    return page;
  };
  const start = await visit(first);
  const years = start.periods.filter((href) => !href.startsWith('#')).map((href) => href.slice(1));
  const inPeriods = new Map<string, string[]>();
  for (const year of years) {
    const page = await listingPage(year);
    const months = page.periods.filter((href) => !href.startsWith('#')).map((href) => href.slice(1));
    for (const path of [year, ...months]) {
      const { releases } = path === year ? page : await listingPage(path);
      for (const link of releases) inPeriods.set(link, [...(inPeriods.get(link) ?? []), path]);
    }
  }
  return { first: seen, periods: inPeriods, years };
}

function problems(seen: Map<string, string[]>, expected: (release: StoredRelease) => string, of = releases) {
  const wrong: string[] = [];
  for (const release of of) {
    const on = seen.get(`/${release.path}`) ?? [];
    if (on.length !== 1 || on[0] !== expected(release)) wrong.push(`/${release.path} is on ${JSON.stringify(on)}`);
  }
  return wrong;
}

/** Releases newest first, as listings order them. */
function newestFirst(list: readonly StoredRelease[]): StoredRelease[] {
  return [...list].sort((a, b) => b.data.date.localeCompare(a.data.date) || a.data.title.localeCompare(b.data.title));
}

/** The period page a release is listed on: its year's, or for a year of more than 200 releases, its month's. */
function periodOf(release: StoredRelease, ofListing: readonly StoredRelease[], prefix: string): string {
  const year = release.data.date.slice(0, 4);
  const inYear = ofListing.filter((r) => r.data.date.startsWith(year)).length;
  return inYear > 200 && release.data.date.length > 4
    ? `${prefix}${release.data.date.slice(0, 7)}/`
    : `${prefix}${year}/`;
}

describe('listings of the whole corpus', () => {
  it('shows the archive’s newest 50 first, then each release on its year’s page, or its month’s in a year of many', async () => {
    const { first, periods } = await placements('archive/');
    const newest = newestFirst(releases).slice(0, 50);
    expect([...first.keys()]).toEqual(newest.map((r) => `/${r.path}`));
    // The archive's periods are the year and month listings: a year of more than 200 lists its
    // months, each a page; every release is on the year's page or its month's, and once.
    const wrong: string[] = [];
    for (const release of releases) {
      const on = periods.get(`/${release.path}`) ?? [];
      const expected = periodOf(release, releases, 'years/');
      if (!on.includes(expected)) wrong.push(`/${release.path} is on ${JSON.stringify(on)}, not ${expected}`);
      if (new Set(on).size !== on.length) wrong.push(`/${release.path} twice on one page`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('lists every release of a speaker on the speaker’s first page, or on exactly one of its period pages', async () => {
    const slugs = facetSlugs(releases.map((r) => r.data.speaker));
    const wrong: string[] = [];
    for (const [speaker, slug] of slugs) {
      const own = releases.filter((r) => r.data.speaker === speaker);
      const { first, periods, years } = await placements(`speakers/${slug}/`);
      if (own.length <= 50) {
        wrong.push(...problems(first, () => `speakers/${slug}/`, own));
        if (years.length > 0) wrong.push(`${slug} has period pages for ${own.length} releases`);
      } else {
        wrong.push(...problems(periods, (r) => periodOf(r, own, `speakers/${slug}/`), own));
        expect([...first.keys()]).toEqual(
          newestFirst(own)
            .slice(0, 50)
            .map((r) => `/${r.path}`),
        );
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('lists every release of a known month once on its month’s page', async () => {
    const months = [...new Set(releases.flatMap((r) => (r.data.date.length >= 7 ? [r.data.date.slice(0, 7)] : [])))];
    const seen = new Map<string, string[]>();
    for (const month of months) {
      for (const link of (await listingPage(`years/${month}/`)).releases) {
        seen.set(link, [...(seen.get(link) ?? []), `years/${month}/`]);
      }
    }
    const dated = releases.filter((r) => r.data.date.length >= 7);
    expect(problems(seen, (r) => `years/${r.data.date.slice(0, 7)}/`, dated).slice(0, 10)).toEqual([]);
  });

  it('links a long listing’s years to each other both ways, newest first', async () => {
    const counts = new Map<string, number>();
    for (const r of releases) counts.set(r.data.speaker, (counts.get(r.data.speaker) ?? 0) + 1);
    const [busiest] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const slug = facetSlugs(releases.map((r) => r.data.speaker)).get(busiest);
    const { years } = await placements(`speakers/${slug}/`);
    expect(years.length).toBeGreaterThan(1);
    expect([...years].sort().reverse()).toEqual(years);
    for (const [i, year] of years.entries()) {
      const page = await listingPage(year);
      expect(page.prev).toEqual(i === 0 ? [] : [`/${years[i - 1]}`]);
      expect(page.next).toEqual(i === years.length - 1 ? [] : [`/${years[i + 1]}`]);
    }
    // The addresses of the pages numbered from the newest lead to the listing.
    const moved = await readFile(join(out, `speakers/${slug}/2/index.html`), 'utf8');
    expect(moved).toContain(`<meta http-equiv="refresh" content="0;url=/speakers/${slug}/">`);
  });

  it('has an index for each way of browsing, listing every value with its count', async () => {
    for (const [dir, values] of [
      ['speakers', new Set(releases.map((r) => r.data.speaker))],
      ['organisations', new Set(releases.flatMap((r) => (r.data.organisation ? [r.data.organisation] : [])))],
      ['venues', new Set(releases.flatMap((r) => (r.data.venue ? [r.data.venue] : [])))],
      ['types', new Set(releases.map((r) => r.data.type))],
      ['years', new Set(releases.map((r) => r.data.date.slice(0, 4)))],
    ] as const) {
      const document = parseHtml(await readFile(join(out, dir, 'index.html'), 'utf8'));
      const links = findAll(
        document,
        (e) => e.tagName === 'a' && new RegExp(`^/${dir}/[^/]+/$`).test(attribute(e, 'href') ?? ''),
      );
      const targets = new Set(links.map((a) => attribute(a, 'href')!));
      // Years link to their months too: count only the year links there.
      const own = [...targets].filter((t) => dir !== 'years' || /^\/years\/\d{4}\/$/.test(t));
      expect(own.length, dir).toBe(values.size);
      for (const target of own) await expect(readdir(join(out, target)), target).resolves.toContain('index.html');
    }
    const speakers = parseHtml(await readFile(join(out, 'speakers/index.html'), 'utf8'));
    const rutte = findAll(speakers, (e) => e.tagName === 'li' && textOf(e).startsWith('Mark Rutte'));
    expect(rutte.map(textOf)).toEqual(['Mark Rutte1 release, 2026NATO Secretary General']);
  });

  it('links each release page to its listings and to the releases before and after it in time', async () => {
    const sorted = [...releases].sort(
      (a, b) => b.data.date.localeCompare(a.data.date) || a.data.title.localeCompare(b.data.title),
    );
    const seed = sorted.findIndex((r) => r.data.speaker === 'Mark Rutte');
    const check = [sorted[0]!, sorted[seed]!, sorted[1000]!, sorted.at(-1)!];
    for (const release of check) {
      const i = sorted.indexOf(release);
      const document = parseHtml(await readFile(join(out, release.path, 'index.html'), 'utf8'));
      const hrefs = findAll(document, (e) => e.tagName === 'a').map((a) => attribute(a, 'href') ?? '');
      const slug = facetSlugs(releases.map((r) => r.data.speaker)).get(release.data.speaker);
      expect(hrefs).toContain(`/speakers/${slug}/`);
      expect(hrefs).toContain(`/years/${release.data.date.slice(0, 4)}/`);
      expect(hrefs).toContain(`/years/${release.data.date.slice(0, 7)}/`);
      expect(hrefs).toContain(`/types/${release.data.type}/`);
      const rel = (name: string) =>
        findAll(document, (e) => e.tagName === 'a' && attribute(e, 'rel') === name).map((a) => attribute(a, 'href'));
      expect(rel('prev'), release.path).toEqual(i + 1 < sorted.length ? [`/${sorted[i + 1]!.path}`] : []);
      expect(rel('next'), release.path).toEqual(i > 0 ? [`/${sorted[i - 1]!.path}`] : []);
    }
    const seedPage = parseHtml(await readFile(join(out, sorted[seed]!.path, 'index.html'), 'utf8'));
    const seedLinks = findAll(seedPage, (e) => e.tagName === 'a').map((a) => [textOf(a), attribute(a, 'href')]);
    expect(seedLinks).toContainEqual([
      'NATO - North Atlantic Treaty Organisation',
      '/organisations/nato-north-atlantic-treaty-organisation/',
    ]);
    const withVenue = releases.find((r) => r.data.venue === 'James S. Brady Press Briefing Room')!;
    const venuePage = parseHtml(await readFile(join(out, withVenue.path, 'index.html'), 'utf8'));
    const venueLinks = findAll(venuePage, (e) => e.tagName === 'a').map((a) => [textOf(a), attribute(a, 'href')]);
    expect(venueLinks).toContainEqual([
      'James S. Brady Press Briefing Room',
      '/venues/james-s-brady-press-briefing-room/',
    ]);
  });
});
