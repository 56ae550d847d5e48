/**
 * Text that tries to be code, and the Content Security Policy, in Chromium on the whole corpus.
 * Releases whose every field holds markup, script, a `javascript:` address, braces and
 * backticks must show it all as text on every page, feed, export and search result; no dialog
 * may open and no injected element may exist. Browsing and searching break no rule of the policy.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { facetSlugs } from '../../src/model/facets.ts';
import { contentSecurityPolicy } from '../../src/site/csp.ts';
import { adversarialRecords } from '../support/adversarial.ts';
import { launchBrowser } from '../support/browser.ts';
import { CORPUS_SITE_ADDRESS } from '../support/corpus.ts';
import { readReleases, type StoredRelease } from '../support/releases.ts';
import { settled } from '../support/search-page.ts';
import { attribute, findAll, parseHtml } from '../support/html.ts';
import { feedItems } from '../support/xml.ts';

const { url: site, content, out } = inject('corpusSite');
const HOSTILE = adversarialRecords().at(-1)!;

let browser: Browser;
let page: Page;
let releases: StoredRelease[];
let hostile: StoredRelease;
const dialogs: string[] = [];

beforeAll(async () => {
  releases = await readReleases(content);
  hostile = releases.find((r) => r.data.source === HOSTILE['source_url'])!;
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} at ${location.pathname}`);
    });
  });
});
afterAll(async () => {
  await browser.close();
});

async function violations(): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}

/** Elements that exist only if markup from the releases became markup on the page. */
async function injected(): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'img[src="x"], svg[onload], [onerror], a[href^="javascript:"], script:not([src]):not([type="application/ld+json"])',
      ),
    ].map((e) => e.outerHTML.slice(0, 80)),
  );
}

describe('hostile text', () => {
  it('is imported as it was written', () => {
    expect(hostile.data).toMatchObject({
      title: HOSTILE['title'],
      speaker: HOSTILE['speaker'],
      role: HOSTILE['role'],
      organisation: HOSTILE['organisation'],
      venue: HOSTILE['venue'],
    });
  });

  it('shows as text on its page and every listing, runs nothing, and breaks no policy rule', async () => {
    const slug = (facet: 'speaker' | 'organisation' | 'venue') =>
      facetSlugs(releases.flatMap((r) => (r.data[facet] ? [r.data[facet]] : []))).get(hostile.data[facet]!);
    const speaker = HOSTILE['speaker']!;
    const pages: [string, string][] = [
      [`/${hostile.path}`, speaker],
      [`/${hostile.path}?highlight=${encodeURIComponent('<script>alert("text")</script>')}`, speaker],
      [`/speakers/${slug('speaker')}/`, HOSTILE['title']!],
      [`/organisations/${slug('organisation')}/`, HOSTILE['organisation']!],
      [`/venues/${slug('venue')}/`, HOSTILE['venue']!],
      ['/years/2020-03/', HOSTILE['title']!],
      ['/speakers/', `${speaker}1 release, 2020${HOSTILE['role']}`],
      ['/organisations/', HOSTILE['organisation']!],
      ['/venues/', HOSTILE['venue']!],
    ];
    for (const [path, text] of pages) {
      await page.goto(`${site}${path}`);
      expect(await injected(), path).toEqual([]);
      expect(await page.locator('main').textContent(), path).toContain(text);
    }
    await page.goto(`${site}/${hostile.path}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(HOSTILE['title']);
    await expect(page.getByText('Injected: <script>alert("text")</script> and "><img src=x').count()).resolves.toBe(1);
    await expect(page.locator('.provenance code').textContent()).resolves.toBe('javascript:alert("source")');
    expect(dialogs).toEqual([]);
    expect(await violations()).toEqual([]);
  });

  it('shows as text in search results, excerpts and filters', async () => {
    await page.goto(`${site}/search/?q=onerror+alert`);
    await settled(page);
    const result = page.locator('.result', { hasText: 'img src=x' }).first();
    await expect(result.locator('h2').textContent()).resolves.toBe(HOSTILE['title']);
    await expect(result.locator('.excerpt').textContent()).resolves.toContain('<script>alert("text")</script>');
    await page
      .getByRole('group', { name: 'Speaker' })
      .getByRole('checkbox', { name: HOSTILE['speaker']!, exact: false })
      .check();
    await settled(page);
    await page.locator('.result h2 a').first().click();
    await page.waitForURL(/highlight=/);
    expect(await injected()).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await violations()).toEqual([]);
  });

  it('stays text in the feeds and the JSON export', async () => {
    const slug = facetSlugs(releases.map((r) => r.data.speaker)).get(hostile.data.speaker);
    const feed = await readFile(join(out, 'speakers', slug!, 'feed.xml'), 'utf8');
    expect(feedItems(feed).map((item) => item.link)).toEqual([`${CORPUS_SITE_ADDRESS}/${hostile.path}`]);
    expect(feed).not.toContain('<script>');
    expect(feed).toContain('&lt;script&gt;alert(&quot;speaker&quot;)&lt;/script&gt;');
    const json = JSON.parse(await readFile(join(out, `${hostile.path.replace(/\/$/, '')}.json`), 'utf8'));
    expect(json).toMatchObject({ title: HOSTILE['title'], speaker: HOSTILE['speaker'], source: HOSTILE['source_url'] });
    await page.goto(`${site}/${hostile.path.replace(/\/$/, '')}.json`);
    expect(await injected()).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});

describe('content security policy', () => {
  it('is in every page and in _headers, without unsafe-inline or unsafe-eval for scripts', async () => {
    const policy = contentSecurityPolicy();
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    for (const path of [
      'index.html',
      `${hostile.path}index.html`,
      'search/index.html',
      'speakers/index.html',
      '404.html',
    ]) {
      const html = await readFile(join(out, path), 'utf8');
      const metas = findAll(parseHtml(html), (e) => attribute(e, 'http-equiv') === 'content-security-policy');
      expect(
        metas.map((meta) => attribute(meta, 'content')),
        path,
      ).toEqual([policy]);
      const document = parseHtml(html);
      const inline = findAll(
        document,
        (e) => e.tagName === 'script' && !attribute(e, 'src') && attribute(e, 'type') !== 'application/ld+json',
      );
      expect(inline.length, path).toBe(0);
      expect(findAll(document, (e) => e.tagName === 'style' || attribute(e, 'style') !== undefined).length, path).toBe(
        0,
      );
    }
    expect(await readFile(join(out, '_headers'), 'utf8')).toContain(
      `Content-Security-Policy: ${contentSecurityPolicy(true)}`,
    );
  });

  it('lets a reader browse, search, filter, page and open results with no rule broken', async () => {
    const reader = await browser.newPage();
    await reader.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const seen: string[] = [];
    const record = async () =>
      seen.push(...(await reader.evaluate(() => (window as unknown as { violations: string[] }).violations)));
    for (const path of ['/', '/archive/', '/years/1863/', '/speakers/abraham-lincoln/', '/years/', '/no-such-page/']) {
      await reader.goto(`${site}${path}`);
      await record();
    }
    await reader.goto(`${site}/search/`);
    await reader.getByRole('searchbox', { name: 'Search words' }).pressSequentially('liberty');
    await settled(reader);
    await reader
      .getByRole('group', { name: 'Year' })
      .getByRole('checkbox', { name: /^1863 / })
      .check();
    await settled(reader);
    await reader.getByRole('combobox', { name: 'Order' }).selectOption('oldest');
    await settled(reader);
    expect(await reader.locator('.result').count()).toBeGreaterThan(0);
    await record();
    await reader.locator('.result h2 a').first().click();
    await reader.waitForURL(/highlight=liberty/);
    expect(await reader.locator('mark.search-hit').count()).toBeGreaterThan(0);
    await record();
    expect(seen).toEqual([]);
    await reader.close();
  });
});
