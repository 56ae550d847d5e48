/**
 * The whole real corpus as a site: every release of the corpus, the wire folder, the seed and a
 * set of adversarial texts goes through the import command and one build. The text on each page
 * must equal its input paragraph by paragraph; every internal link must resolve; every release
 * must be in the feeds, the sitemap and the JSON export, agreeing with its page.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { releasePath } from '../../src/model/permalink.ts';
import { readReleaseSource } from '../../src/model/release-file.ts';
import { releaseSchema, type ReleaseData } from '../../src/model/schema.ts';
import { listFiles } from '../../src/model/check-content.ts';
import { adversarialRecords } from '../support/adversarial.ts';
import { CORPUS_SITE_ADDRESS, seedParts } from '../support/corpus.ts';
import { attribute, findAll, parseHtml, releaseParagraphs, textOf } from '../support/html.ts';
import { brokenLinks } from '../support/links.ts';
import { CORPUS_DIR } from '../support/site.ts';
import { feedItems, parseXml } from '../support/xml.ts';
import { facetSlugs } from '../../src/model/facets.ts';

/** The test's own reading of an input text: its non-blank lines, trimmed, CRLF or not. */
function lines(text: string): string[] {
  return text
    .split(/\r\n|\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Where a built page's paragraphs first differ from the expected ones, in words. */
function difference(expected: string[], actual: string[]): string | undefined {
  const index = expected.findIndex((paragraph, i) => paragraph !== actual[i]);
  if (index === -1)
    return expected.length === actual.length ? undefined : `${actual.length} paragraphs instead of ${expected.length}`;
  const want = expected[index]!;
  const got = actual[index] ?? '';
  let at = 0;
  while (want[at] === got[at]) at++;
  return `paragraph ${index + 1} differs at character ${at}: expected ${JSON.stringify(want.slice(Math.max(0, at - 30), at + 30))}, page shows ${JSON.stringify(got.slice(Math.max(0, at - 30), at + 30))}`;
}

describe('importing the whole corpus and building it', () => {
  const expected = new Map<string, string[]>();
  const { content, out, importOutput } = inject('corpusSite');
  let releases: ReleaseData[];

  beforeAll(async () => {
    const records = adversarialRecords();

    for (const file of ['whitehouse-2016.jsonl', 'miller-center.jsonl']) {
      for (const line of (await readFile(join(CORPUS_DIR, file), 'utf8')).split('\n').filter(Boolean)) {
        const row = JSON.parse(line) as { source_url: string; text: string };
        expected.set(`source ${row.source_url}`, lines(row.text));
      }
    }
    for (const record of records) expected.set(`source ${record.source_url}`, lines(record.text!));
    const wire = join(CORPUS_DIR, 'wire');
    for (const file of (await readdir(wire)).filter((f) => f.endsWith('.txt'))) {
      const all = lines(await readFile(join(wire, file), 'utf8'));
      // Organisation, header and title lines first; the body runs to the Disclaimer heading.
      const [month, day, year] = all[1]!.split(' ')[0]!.split('/');
      expected.set(`wire ${year}-${month}-${day} ${all[2]}`, all.slice(3, all.indexOf('Disclaimer')));
    }
    expected.set('wire 2026-01-26 Remarks by NATO Secretary General Mark Rutte', (await seedParts()).paragraphs);

    releases = [];
    for (const file of await listFiles(join(content, 'releases'))) {
      releases.push(releaseSchema.parse(readReleaseSource(await readFile(file, 'utf8')).data));
    }
  });

  it('imports every release of the corpus, the wire folder and the seed once, and says what it skipped', () => {
    // The 40 wire texts are copies of White House records, merged into them; six Miller Center
    // rows repeat another row's text on its date (five of them marked duplicate_of).
    expect(releases).toHaveLength(1723 + 985 - 6 + 1 + adversarialRecords().length);
    expect(importOutput).toMatch(/^Imported 2708, merged 40, unchanged 6, conflicts 0, failed 0, skipped 3\.$/m);
    expect(importOutput.match(/^note .*no title: titled from its first words/gm)).toHaveLength(9);
  });

  it('shows every release’s text on its page exactly as the input, paragraph by paragraph', async () => {
    const differences: string[] = [];
    let compared = 0;
    for (const release of releases) {
      const key = release.source ? `source ${release.source}` : `wire ${release.date} ${release.title}`;
      const want = expected.get(key);
      if (!want) {
        differences.push(`${release.title}: no input found for it`);
        continue;
      }
      const html = await readFile(join(out, releasePath(release), 'index.html'), 'utf8');
      const problem = difference(want, releaseParagraphs(html));
      compared++;
      if (problem) differences.push(`/${releasePath(release)} (${release.title.slice(0, 60)}): ${problem}`);
    }
    expect(differences.slice(0, 10), `${differences.length} releases differ; the first ones`).toEqual([]);
    expect(compared).toBe(releases.length);
  });

  it('shows adversarial titles and venues as text', async () => {
    const [markup] = releases.filter((r) => r.source === 'https://example.org/adversarial/1');
    const document = parseHtml(await readFile(join(out, releasePath(markup!), 'index.html'), 'utf8'));
    const [h1] = findAll(document, (e) => e.tagName === 'h1');
    expect(h1 && textOf(h1)).toBe('Markup that must stay text: {braces} <script>alert(1)</script> `code` *stars*');
    // The release's venue, linked to its listing (not the header's link to every venue).
    const venue = findAll(document, (e) => e.tagName === 'a' && /\/venues\/[^/]+\/$/.test(attribute(e, 'href') ?? ''));
    expect(venue.map(textOf)).toEqual(['<b>{venue}</b>']);
    const scripts = findAll(document, (e) => e.tagName === 'script' && attribute(e, 'type') !== 'application/ld+json');
    expect(scripts.filter((e) => textOf(e).includes('alert'))).toEqual([]);
    const [ld] = findAll(document, (e) => attribute(e, 'type') === 'application/ld+json');
    expect(textOf(ld!)).not.toMatch(/<\/?script/i);
  });

  it('has no broken internal link, asset or #fragment on any page', async () => {
    const { broken, checked } = await brokenLinks(out, CORPUS_SITE_ADDRESS);
    expect(broken.slice(0, 20), `${broken.length} broken links; the first ones`).toEqual([]);
    expect(checked).toBeGreaterThan(releases.length * 10);
  });

  it('lists the latest 50 releases in each feed, linking to the rest, and every release in the sitemap', async () => {
    const url = (release: ReleaseData) => `${CORPUS_SITE_ADDRESS}/${releasePath(release)}`;
    const speakers = facetSlugs(releases.map((r) => r.speaker));
    const organisations = facetSlugs(releases.flatMap((r) => (r.organisation ? [r.organisation] : [])));
    const problems: string[] = [];
    /** A feed holds the latest of `group`: every release newer than its oldest item, newest first. */
    const check = async (path: string, listing: string, group: ReleaseData[]) => {
      const text = await readFile(join(out, path), 'utf8');
      const items = feedItems(text);
      const channel = parseXml(text)['rss'].channel as { link: string };
      if (channel.link !== `${CORPUS_SITE_ADDRESS}/${listing}`) problems.push(`${path}: links to ${channel.link}`);
      if (items.length !== Math.min(50, group.length))
        problems.push(`${path}: ${items.length} items of ${group.length}`);
      const dates = items.map((item) => item.date);
      if ([...dates].sort().reverse().join() !== dates.join()) problems.push(`${path}: not newest first`);
      const links = new Set(items.map((item) => item.link));
      const oldest = dates.at(-1) ?? '';
      for (const release of group) {
        if (release.date > oldest && !links.has(url(release))) problems.push(`${path}: lacks ${url(release)}`);
      }
    };
    await check('feed.xml', 'archive/', releases);
    for (const [name, slug] of speakers) {
      await check(
        `speakers/${slug}/feed.xml`,
        `speakers/${slug}/`,
        releases.filter((r) => r.speaker === name),
      );
    }
    for (const [name, slug] of organisations) {
      await check(
        `organisations/${slug}/feed.xml`,
        `organisations/${slug}/`,
        releases.filter((r) => r.organisation === name),
      );
    }
    const sitemap = new Set<string>();
    const index = parseXml(await readFile(join(out, 'sitemap-index.xml'), 'utf8'));
    for (const { loc } of index['sitemapindex'].sitemap) {
      const map = parseXml(await readFile(join(out, new URL(loc).pathname), 'utf8'));
      for (const entry of map['urlset'].url) sitemap.add(entry.loc);
    }
    for (const release of releases)
      if (!sitemap.has(url(release))) problems.push(`${url(release)}: not in the sitemap`);
    expect(problems.slice(0, 10), `${problems.length} problems; the first ones`).toEqual([]);
  });

  it('exports every release as JSON agreeing with its page', async () => {
    const disagreements: string[] = [];
    for (const release of releases) {
      const json = JSON.parse(await readFile(join(out, `${releasePath(release).replace(/\/$/, '')}.json`), 'utf8'));
      const problem = difference(
        releaseParagraphs(await readFile(join(out, releasePath(release), 'index.html'), 'utf8')),
        json.paragraphs,
      );
      if (problem) disagreements.push(`${releasePath(release)}: ${problem}`);
      if (json.title !== release.title || json.date !== release.date || json.speaker !== release.speaker)
        disagreements.push(`${releasePath(release)}: fields differ`);
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    expect(JSON.parse(await readFile(join(out, 'releases.json'), 'utf8')).count).toBe(releases.length);
  });
});
