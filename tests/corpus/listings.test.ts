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

/** A listing's pages in order, following each page's rel=next link from the first. */
async function walkListing(first: string) {
  const pages: { path: string; releases: string[] }[] = [];
  for (let path: string | undefined = first; path;) {
    const document = parseHtml(await readFile(join(out, path, 'index.html'), 'utf8'));
    const list = findAll(document, (e) => e.tagName === 'ol' && (attribute(e, 'class') ?? '').includes('release-list'));
    const links = list.flatMap((ol) => findAll(ol, (e) => e.tagName === 'a').map((a) => attribute(a, 'href')!));
    pages.push({ path, releases: links });
    const next = findAll(document, (e) => e.tagName === 'a' && attribute(e, 'rel') === 'next');
    path = next[0] ? attribute(next[0], 'href')!.replace(/^\//, '') : undefined;
  }
  return pages;
}

/** Where each release of a set of listings appears: permalink → listing pages it is on. */
async function placements(firsts: string[]) {
  const seen = new Map<string, string[]>();
  let pageCount = 0;
  for (const first of firsts) {
    for (const page of await walkListing(first)) {
      pageCount++;
      for (const link of page.releases) seen.set(link, [...(seen.get(link) ?? []), page.path]);
    }
  }
  return { seen, pageCount };
}

function problems(seen: Map<string, string[]>, expected: (release: StoredRelease) => string) {
  const wrong: string[] = [];
  for (const release of releases) {
    const on = seen.get(`/${release.path}`) ?? [];
    if (on.length !== 1 || !on[0]!.startsWith(expected(release)))
      wrong.push(`/${release.path} is on ${JSON.stringify(on)}`);
  }
  return wrong;
}

describe('listings of the whole corpus', () => {
  it('lists every release on exactly one page of the archive, newest first', async () => {
    const { seen, pageCount } = await placements(['archive/']);
    expect(problems(seen, () => 'archive/').slice(0, 10)).toEqual([]);
    expect(seen.size).toBe(releases.length);
    expect(pageCount).toBe(Math.ceil(releases.length / 50));
  });

  it('lists every release on exactly one page of its speaker’s listing', async () => {
    const slugs = facetSlugs(releases.map((r) => r.data.speaker));
    const { seen } = await placements([...slugs.values()].map((slug) => `speakers/${slug}/`));
    expect(problems(seen, (r) => `speakers/${slugs.get(r.data.speaker)}/`).slice(0, 10)).toEqual([]);
    expect(seen.size).toBe(releases.length);
  });

  it('lists every release on exactly one page of its year’s listing, and of its month’s', async () => {
    const years = [...new Set(releases.map((r) => r.data.date.slice(0, 4)))];
    const byYear = await placements(years.map((year) => `years/${year}/`));
    expect(problems(byYear.seen, (r) => `years/${r.data.date.slice(0, 4)}/`).slice(0, 10)).toEqual([]);
    const months = [...new Set(releases.map((r) => r.data.date.slice(0, 7)))];
    const byMonth = await placements(months.map((month) => `years/${month}/`));
    expect(problems(byMonth.seen, (r) => `years/${r.data.date.slice(0, 7)}/`).slice(0, 10)).toEqual([]);
  });

  it('pages a long listing in small pages that link to each other both ways', async () => {
    const counts = new Map<string, number>();
    for (const r of releases) counts.set(r.data.speaker, (counts.get(r.data.speaker) ?? 0) + 1);
    const [busiest, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const slug = facetSlugs(releases.map((r) => r.data.speaker)).get(busiest);
    const pages = await walkListing(`speakers/${slug}/`);
    expect(pages.length).toBe(Math.ceil(count / 50));
    expect(pages.map((p) => p.path)).toEqual(
      pages.map((_, i) => (i === 0 ? `speakers/${slug}/` : `speakers/${slug}/${i + 1}/`)),
    );
    for (const [i, page] of pages.entries()) {
      expect(page.releases.length).toBe(i < pages.length - 1 ? 50 : count - 50 * (pages.length - 1));
      const document = parseHtml(await readFile(join(out, page.path, 'index.html'), 'utf8'));
      const prev = findAll(document, (e) => e.tagName === 'a' && attribute(e, 'rel') === 'prev').map((a) =>
        attribute(a, 'href')!,
      );
      expect(prev.length).toBe(i === 0 ? 0 : 1);
      if (i > 0) expect(prev[0]!.replace(/\/?$/, '/')).toBe(`/${pages[i - 1]!.path}`);
    }
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
