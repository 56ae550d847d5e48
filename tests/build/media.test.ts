/**
 * A release with every component and images, built under /press/ beside one without: what its
 * page, export, feed, sitemap and search index hold, and what a release without media keeps.
 */
import { indexedPages } from '../support/search-index.ts';
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { attribute, findAll, parseHtml, textOf } from '../support/html.ts';
import { brokenLinks } from '../support/links.ts';
import { MEDIA_RELEASE, MEDIA_RELEASE_SOURCE, pdf, svg, writeMediaRelease } from '../support/media.ts';
import { ROOT, buildOrThrow, buildSite, tempDir } from '../support/site.ts';
import { parseXml } from '../support/xml.ts';

const SITE = 'https://example.org';
const BASE = '/press';
const PLAIN = '/releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/';

let content: string;
let out: string;

/** A built file by its address on the site (base included). */
const builtFile = (address: string) => join(out, new URL(address, `${SITE}${BASE}/`).pathname.slice(BASE.length));
const page = async (permalink: string) => parseHtml(await readFile(join(out, permalink, 'index.html'), 'utf8'));
const byClass = (node: ReturnType<typeof parseHtml>, name: string) =>
  findAll(node, (e) => (attribute(e, 'class') ?? '').split(' ').includes(name));
const meta = (document: ReturnType<typeof parseHtml>, key: string) =>
  findAll(document, (e) => e.tagName === 'meta' && (attribute(e, 'property') ?? attribute(e, 'name')) === key).map(
    (e) => attribute(e, 'content'),
  );

/** The width of a PNG, from its header. */
const pngWidth = (bytes: Buffer) => bytes.readUInt32BE(16);

beforeAll(async () => {
  content = await tempDir('media-content');
  await cp(join(ROOT, 'content/releases'), join(content, 'releases'), { recursive: true });
  await writeMediaRelease(content);
  out = join(await tempDir('media-out'), 'dist');
  await buildOrThrow({ contentDir: content, outDir: out, env: { ARCHIVE_BASE: BASE, ARCHIVE_SITE: SITE } });
});

describe('a release with an image and every component', () => {
  it('shows its figures through the image service: AVIF, WebP and the original kind at several widths, sizes set', async () => {
    const [figure] = byClass(await page(MEDIA_RELEASE.permalink), 'figure');
    const sources = findAll(figure!, (e) => e.tagName === 'source');
    expect(sources.map((s) => attribute(s, 'type'))).toEqual(['image/avif', 'image/webp']);
    const [img] = findAll(figure!, (e) => e.tagName === 'img');
    expect([attribute(img!, 'width'), attribute(img!, 'height')]).toEqual(['1600', '900']);
    expect(attribute(img!, 'alt')).toBe(
      'Defence ministers seated around the round table of the North Atlantic Council',
    );
    expect(attribute(img!, 'src')).toMatch(/^\/press\/_astro\/ministers\.[\w-]+\.png$/);
    // Each PNG of the srcset is the width it claims: the image was resized, not copied.
    const candidates = attribute(img!, 'srcset')!
      .split(', ')
      .map((c) => c.split(' '));
    expect(candidates.map(([, width]) => width)).toEqual(['320w', '640w', '960w', '1280w']);
    for (const [address, width] of candidates) {
      expect(pngWidth(await readFile(builtFile(address!))), address).toBe(parseInt(width!, 10));
    }
    for (const source of sources) {
      for (const candidate of attribute(source, 'srcset')!.split(', ')) {
        const bytes = await readFile(builtFile(candidate.split(' ')[0]!));
        expect(bytes.length).toBeGreaterThan(0);
      }
    }
    expect(textOf(findAll(figure!, (e) => e.tagName === 'figcaption')[0]!)).toBe(
      'The ministers at the table before the session on air defence. Photo: NATO',
    );
  });

  it('loads a figure before the first paragraph at once, and those further down when they are scrolled to', async () => {
    const images = findAll(await page(MEDIA_RELEASE.permalink), (e) => e.tagName === 'img');
    expect(images.map((img) => [attribute(img, 'alt'), attribute(img, 'loading')])).toEqual([
      ['Defence ministers seated around the round table of the North Atlantic Council', 'eager'],
      ['A bar chart of the batteries ordered by each ally', 'lazy'],
      ['', 'lazy'],
    ]);
  });

  it('publishes an SVG as the sanitiser writes it, named by its text, with its size', async () => {
    const [, chart] = byClass(await page(MEDIA_RELEASE.permalink), 'figure');
    const [img] = findAll(chart!, (e) => e.tagName === 'img');
    expect([attribute(img!, 'width'), attribute(img!, 'height')]).toEqual(['320', '160']);
    expect(attribute(img!, 'src')).toMatch(/^\/press\/images\/orders\.[0-9a-f]{12}\.svg$/);
    // The drawing has nothing the sanitiser removes: what is published is what was written.
    expect(await readFile(builtFile(attribute(img!, 'src')!), 'utf8')).toBe(svg());
    expect(textOf(findAll(chart!, (e) => e.tagName === 'figcaption')[0]!)).toBe('Orders by ally, first round.');
  });

  it('shows its note at the top of the text, the quote and the video where they stand, and numbers only its paragraphs', async () => {
    const [remarks] = findAll(await page(MEDIA_RELEASE.permalink), (e) => attribute(e, 'class') === 'remarks');
    const blocks = remarks!.childNodes
      .filter((node) => 'tagName' in node)
      .map((node) => {
        const element = node as Parameters<typeof attribute>[0];
        return attribute(element, 'class')?.split(' ')[0] ?? element.tagName;
      });
    expect(blocks).toEqual([
      'notes',
      'figure',
      'paragraph',
      'paragraph',
      'release-quote',
      'figure',
      'attachment',
      'video',
      'paragraph',
    ]);
    expect(textOf(byClass(remarks!, 'notes')[0]!)).toBe(
      'Correction, 6 February 2026\nAn earlier version gave the figure for Poland as 4 batteries; it is 6.\n',
    );
    const quote = byClass(remarks!, 'release-quote')[0]!;
    expect(textOf(findAll(quote, (e) => e.tagName === 'blockquote')[0]!).trim()).toBe(
      'Every ally is safer when we buy together.',
    );
    expect(textOf(findAll(quote, (e) => e.tagName === 'figcaption')[0]!)).toBe('Mark Rutte, NATO Secretary General');
    const [video] = findAll(byClass(remarks!, 'video')[0]!, (e) => e.tagName === 'a');
    expect(attribute(video!, 'href')).toBe('https://www.youtube.com/watch?v=nato-air-defence');
    expect(textOf(video!)).toContain('The press conference after the meeting');
    expect(findAll(video!, (e) => e.tagName === 'img')).toHaveLength(1);
    expect(findAll(remarks!, (e) => e.tagName === 'p' && /^p-\d+$/.test(attribute(e, 'id') ?? '')).map(textOf)).toEqual(
      [
        'Defence ministers met at NATO Headquarters on Wednesday and agreed to pool their orders for air defence systems.',
        'Poland will receive 6 batteries in the first round, the Baltic states 3 each.',
        'The next meeting is in June.',
      ],
    );
  });

  it('copies its attachment beside the page and says its kind and size', async () => {
    const [attachment] = byClass(await page(MEDIA_RELEASE.permalink), 'attachment');
    const [link] = findAll(attachment!, (e) => e.tagName === 'a');
    expect(attribute(link!, 'href')).toBe(`${BASE}${MEDIA_RELEASE.permalink}original.pdf`);
    expect(await readFile(builtFile(attribute(link!, 'href')!))).toEqual(pdf('Defence ministers agree on air defence'));
    expect(textOf(attachment!).replace(/\s+/g, ' ').trim()).toBe('The press release as distributed PDF, 1 KB');
  });

  it('says when it was updated, and lists the changes newest first', async () => {
    const [updates] = byClass(await page(MEDIA_RELEASE.permalink), 'updates');
    expect(textOf(findAll(updates!, (e) => e.tagName === 'h2')[0]!)).toBe('Updated 6 February 2026');
    expect(findAll(updates!, (e) => e.tagName === 'li').map((li) => textOf(li).replace(/\s+/g, ' ').trim())).toEqual([
      '6 February 2026: Corrected the figure for Poland.',
      '5 February 2026: Added the photograph of the meeting.',
    ]);
  });

  it('gives its first figure as its social card, in the page, the JSON export and the feeds', async () => {
    const document = await page(MEDIA_RELEASE.permalink);
    const [card] = meta(document, 'og:image');
    expect(card).toMatch(/^https:\/\/example\.org\/press\/_astro\/ministers\.[\w-]+\.png$/);
    expect(pngWidth(await readFile(builtFile(card!)))).toBe(1200);
    expect(meta(document, 'twitter:card')).toEqual(['summary_large_image']);
    expect(meta(document, 'twitter:image')).toEqual([card]);
    expect(meta(document, 'og:image:alt')).toEqual([
      'Defence ministers seated around the round table of the North Atlantic Council',
    ]);
    const json = JSON.parse(await readFile(join(out, MEDIA_RELEASE.permalink.replace(/\/$/, '.json')), 'utf8'));
    expect(json.image).toEqual({
      url: card,
      type: 'image/png',
      width: 1200,
      height: 675,
      alt: 'Defence ministers seated around the round table of the North Atlantic Council',
      caption: 'The ministers at the table before the session on air defence.',
      credit: 'Photo: NATO',
    });
    for (const feed of ['feed.xml', 'organisations/nato-north-atlantic-treaty-organisation/feed.xml']) {
      const items = parseXml(await readFile(join(out, feed), 'utf8')).rss.channel.item;
      const item = items.find((i: { link: string }) => i.link.endsWith(MEDIA_RELEASE.permalink));
      expect(item['media:content']).toMatchObject({ '@_url': card, '@_medium': 'image', '@_width': '1200' });
    }
  });

  it('gives the day of its latest change in the JSON export, the feed and the sitemap', async () => {
    const json = JSON.parse(await readFile(join(out, MEDIA_RELEASE.permalink.replace(/\/$/, '.json')), 'utf8'));
    expect(json.updates).toEqual([
      { date: '2026-02-05', note: 'Added the photograph of the meeting.' },
      { date: '2026-02-06', note: 'Corrected the figure for Poland.' },
    ]);
    const items = parseXml(await readFile(join(out, 'feed.xml'), 'utf8')).rss.channel.item;
    const updated = items.map((i: Record<string, string>) => [i['link'], i['atom:updated']]);
    expect(updated).toEqual([
      [`${SITE}${BASE}${MEDIA_RELEASE.permalink}`, '2026-02-06T12:00:00Z'],
      [`${SITE}${BASE}${PLAIN}`, undefined],
    ]);
    const urls = [parseXml(await readFile(join(out, 'sitemap-releases-2026.xml'), 'utf8')).urlset.url].flat();
    const lastmod = (path: string) => urls.find((u: { loc: string }) => u.loc === `${SITE}${BASE}${path}`)?.lastmod;
    expect(lastmod(MEDIA_RELEASE.permalink)).toMatch(/^2026-02-06/);
    expect(lastmod(PLAIN)).toBeUndefined();
  });

  it('makes its alt texts, captions, quote and note searchable', async () => {
    const texts = await indexedPages(out);
    const text = texts.find((t) => t.url.endsWith(MEDIA_RELEASE.permalink))!.content;
    for (const words of [
      'seated around the round table',
      'before the session on air defence',
      'A bar chart of the batteries',
      'Every ally is safer when we buy together',
      'An earlier version gave the figure for Poland',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('links nothing that is not in the site, srcsets included, and loads nothing from elsewhere', async () => {
    const { broken, checked } = await brokenLinks(out, SITE, `${BASE}/`);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
    const html = await readFile(join(out, MEDIA_RELEASE.permalink, 'index.html'), 'utf8');
    expect(html).not.toMatch(/\sstyle=|<iframe|<style/);
    for (const img of findAll(parseHtml(html), (e) => e.tagName === 'img' || e.tagName === 'source')) {
      expect(attribute(img, 'src') ?? attribute(img, 'srcset')).toMatch(/^\/press\/(?:_astro|images)\//);
    }
  });
});

describe('a release without media', () => {
  it('has no card image and no media markup', async () => {
    const document = await page(PLAIN);
    expect(meta(document, 'og:image')).toEqual([]);
    expect(meta(document, 'twitter:card')).toEqual(['summary']);
    expect(findAll(document, (e) => ['picture', 'img', 'figure'].includes(e.tagName))).toEqual([]);
    expect(byClass(document, 'updates')).toEqual([]);
    const json = JSON.parse(await readFile(join(out, PLAIN.replace(/\/$/, '.json')), 'utf8'));
    expect(Object.keys(json)).not.toContain('image');
    expect(Object.keys(json)).not.toContain('updates');
  });

  it('keeps its weight: HTML under 8 KB, CSS under 10 KB and JavaScript under 2 KB, gzipped', async () => {
    const weigh = async (permalink: string) => {
      const html = await readFile(join(out, permalink, 'index.html'));
      const document = parseHtml(html.toString());
      const files = (tag: string, attr: string) =>
        findAll(
          document,
          (e) =>
            e.tagName === tag &&
            attribute(e, attr) !== undefined &&
            (tag !== 'link' || attribute(e, 'rel') === 'stylesheet'),
        ).map((e) => attribute(e, attr)!);
      const gz = async (addresses: string[]) =>
        (await Promise.all(addresses.map(async (a) => gzipSync(await readFile(builtFile(a))).length))).reduce(
          (sum, n) => sum + n,
          0,
        );
      const css = files('link', 'href');
      const js = files('script', 'src');
      return { html: gzipSync(html).length, css: await gz(css), js: await gz(js), files: [...css, ...js] };
    };
    const plain = await weigh(PLAIN);
    expect(plain.html).toBeLessThan(8 * 1024);
    expect(plain.css).toBeLessThan(10 * 1024);
    expect(plain.js).toBeLessThan(2 * 1024);
    // A release with media loads the same stylesheets and scripts, and nothing more.
    expect((await weigh(MEDIA_RELEASE.permalink)).files).toEqual(plain.files);
  });
});

describe('a release whose image goes while its text stays', () => {
  it('fails the next build, naming the file and the line that names the image', async () => {
    await rm(join(content, MEDIA_RELEASE.folder, 'still.png'));
    const again = join(await tempDir('media-again'), 'dist');
    const { code, output } = await buildSite({ contentDir: content, outDir: again, env: { ARCHIVE_BASE: BASE } });
    expect(code).not.toBe(0);
    const line = MEDIA_RELEASE_SOURCE.split('\n').findIndex((text) => text.startsWith('<Video')) + 1;
    expect(output).toContain(
      `${MEDIA_RELEASE.file}: line ${line}, column 1: ./2026-02-04-ministers-agree-on-air-defence/still.png does not exist`,
    );
  });
});
