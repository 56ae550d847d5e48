/**
 * Reading on a phone (390 × 844, touch) and on a desktop (1280 × 800), measured as a reader
 * sees it: a header of one row, a release's text and a search's first result within the first
 * screen, filters folded on a phone, paragraph numbers always shown, listings under year
 * headings, a feed that reads as a page in a browser. Screenshots of every kind of page, phone
 * and desktop, light and dark, are saved to test-artifacts/screenshots/ for review.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectErrors, launchBrowser } from '../support/browser.ts';
import { PAGE_KINDS, PERMALINK } from '../support/page-kinds.ts';
import { settled } from '../support/search-page.ts';
import { ROOT } from '../support/site.ts';

const site = inject('siteUrl');
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function open(options: BrowserContextOptions, path: string): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await page.goto(`${site}${path}`);
  if (path.startsWith('/search/')) await settled(page);
  return page;
}

/** The top of an element, in CSS pixels from the top of the page as first shown. */
function top(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
}

describe('on a phone', () => {
  it('keeps the header to one row of at most 64 pixels, with a search control and a menu, on every kind of page', async () => {
    const page = await open(PHONE, '/');
    for (const [kind, path] of PAGE_KINDS) {
      await page.goto(`${site}${path}`);
      const height = await page.locator('.site-header').evaluate((e) => e.getBoundingClientRect().height);
      expect(height, kind).toBeLessThanOrEqual(64);
    }
    await page.getByText('Menu').click();
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Speakers' }).click();
    await page.waitForURL(`${site}/speakers/`);
    await page.locator('.site-header').getByRole('link', { name: 'Search' }).click();
    await page.waitForURL(`${site}/search/`);
    await page.close();
  });

  it('starts a release’s text within the first screen, its source a short link, its numbers shown', async () => {
    const page = await open(PHONE, PERMALINK);
    expect(await top(page, 'main .remarks p')).toBeLessThan(844);
    const number = page.getByRole('link', { name: 'Paragraph 1: link, copy or cite' });
    await expect(number.isVisible()).resolves.toBe(true);
    await expect(number.evaluate((a) => getComputedStyle(a).opacity)).resolves.toBe('1');
    // A release with a source shows its host, not the whole address.
    const index = (await (await fetch(`${site}/releases.json`)).json()) as { periods: { url: string }[] };
    const list: { source?: string; permalink: string }[] = [];
    for (const { url } of index.periods) {
      const period = (await (await fetch(`${site}${new URL(url).pathname.replace(/^\/press/, '')}`)).json()) as {
        releases: typeof list;
      };
      list.push(...period.releases);
    }
    const sourced = list.find((release) => release.source?.startsWith('http://www.presidency.ucsb.edu/'))!;
    await page.goto(`${site}${new URL(sourced.permalink).pathname.replace(/^\/press/, '')}`);
    await expect(page.locator('.provenance a').textContent()).resolves.toBe('presidency.ucsb.edu');
    await expect(page.locator('.provenance a').getAttribute('href')).resolves.toBe(sourced.source);
    expect(await top(page, 'main .remarks p')).toBeLessThan(844);
    await page.close();
  });

  it('shows a search’s count and first result within the first screen, the filters folded into one control', async () => {
    const page = await open(PHONE, '/search/?q=people');
    expect(await top(page, '.result')).toBeLessThan(844);
    expect(await top(page, '[role="status"]')).toBeLessThan(844);
    await expect(page.locator('.filters').isVisible()).resolves.toBe(false);
    const toggle = page.getByRole('button', { name: /^Filters/ });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle.click();
    await expect(page.locator('.filters').isVisible()).resolves.toBe(true);
    await page.locator('.filters input[name="type"]').first().check();
    await settled(page);
    await expect(toggle.textContent()).resolves.toMatch(/Filters\s+\(1\)/);
    // Keys are hinted only where there is a keyboard to press them.
    await expect(page.locator('.hint .keys').isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('never scrolls sideways at 320 pixels', async () => {
    const page = await open({ ...PHONE, viewport: { width: 320, height: 640 } }, '/');
    for (const [kind, path] of PAGE_KINDS) {
      await page.goto(`${site}${path}`);
      if (path.startsWith('/search/')) await settled(page);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(wide, kind).toBeLessThanOrEqual(320);
    }
    await page.close();
  });
});

describe('on a desktop', () => {
  it('keeps the filters beside the results, the keyboard hints shown, the footer in the content’s column', async () => {
    const page = await open(DESKTOP, '/search/?q=people');
    await expect(page.locator('.filters').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /^Filters/ }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.hint .keys').isVisible()).resolves.toBe(true);
    await expect(page.locator('.hint').innerText()).resolves.toMatch(/exact phrase\. From any page, \/ goes/);
    const columns = await page.evaluate(() => [
      document.querySelector('main h1')!.getBoundingClientRect().left,
      document.querySelector('.site-footer p')!.getBoundingClientRect().left,
    ]);
    expect(columns[1]).toBe(columns[0]);
    await page.close();
  });

  it('puts paragraph numbers in the margin, shown without hover', async () => {
    const page = await open(DESKTOP, PERMALINK);
    const [number, text] = await page.evaluate(() => [
      document.querySelector('.paragraph-link')!.getBoundingClientRect().right,
      document.querySelector('.remarks p')!.getBoundingClientRect().left,
    ]);
    expect(number).toBeLessThanOrEqual(text!);
    await expect(page.locator('.paragraph-link').first().isVisible()).resolves.toBe(true);
    await page.close();
  });
});

describe('following a speaker', () => {
  it('lists a speaker’s releases under year headings, newest first, with the years to jump to', async () => {
    const page = await open(DESKTOP, '/speakers/george-washington/');
    const headings = await page.locator('section.group h2').allTextContents();
    expect(headings.length).toBeGreaterThan(1);
    expect([...headings].sort().reverse()).toEqual(headings);
    const years = await page.getByRole('navigation', { name: 'Years' }).getByRole('link').allTextContents();
    expect(years).toEqual(headings);
    await page
      .getByRole('navigation', { name: 'Years' })
      .getByRole('link', { name: headings.at(-1)! })
      .click();
    await page.waitForURL(new RegExp(`#y${headings.at(-1)}$`));
    await page.close();
  });

  it('links a release to the speaker’s releases before and after it', async () => {
    const page = await open(DESKTOP, '/speakers/george-washington/');
    const titles = await page.locator('.release-list .title a').allTextContents();
    await page.locator('.release-list .title a').nth(1).click();
    const bySpeaker = page.locator('.neighbours section').filter({ hasText: 'By George Washington' });
    await expect(bySpeaker.locator('.next a').textContent()).resolves.toBe(titles[0]);
    await expect(bySpeaker.locator('.prev a').textContent()).resolves.toBe(titles[2]);
    await page.close();
  });

  it('offers the speaker’s releases in search, newest first', async () => {
    const page = await open(DESKTOP, '/speakers/george-washington/');
    await page.getByRole('link', { name: 'Search these releases' }).click();
    await settled(page);
    const dates = await page
      .locator('.result time')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort().reverse()).toEqual(dates);
    await page.close();
  });
});

describe('a feed opened in a browser', () => {
  it('reads as a page of the latest releases, styled under the Content Security Policy', async () => {
    const page = await (await browser.newContext(DESKTOP)).newPage();
    const errors = collectErrors(page);
    await page.goto(`${site}/feed.xml`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Press Release Archive');
    const items = await page.locator('.items li h2 a').count();
    expect(items).toBeGreaterThan(0);
    expect(items).toBeLessThanOrEqual(50);
    // Both stylesheets apply under the site's policy: the bar's rule and the theme's accent.
    const bar = await page.locator('.bar').evaluate((element) => getComputedStyle(element).borderBottomWidth);
    expect(bar).toBe('3px');
    expect(errors.filter((error) => /Refused/.test(error))).toEqual([]);
    // Chromium adds a banner of its own (XSLT is deprecated) with inline styles and a handler, which
    // the policy blocks and reports; the feed's page itself has none.
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((element) => !element.closest('xslt-warning-banner'))
        .filter((element) => element.getAttributeNames().some((name) => name === 'style' || name.startsWith('on')))
        .map((element) => element.outerHTML.slice(0, 80)),
    );
    expect(inline).toEqual([]);
    await page.close();
  });
});

describe('screenshots for review', () => {
  // Ninety-odd full pages: a busy machine takes more than a minute.
  it('saves every kind of page, phone and desktop, light and dark', { timeout: 240_000 }, async () => {
    const folder = join(ROOT, 'test-artifacts/screenshots');
    await mkdir(folder, { recursive: true });
    let saved = 0;
    for (const [device, options] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await (await browser.newContext({ ...options, colorScheme })).newPage();
        for (const [kind, path] of [...PAGE_KINDS, ['feed', '/feed.xml'] as [string, string]]) {
          await page.goto(`${site}${path}`);
          if (path.startsWith('/search/')) await settled(page);
          await page.screenshot({
            path: join(folder, `${kind.replace(/[^a-z0-9]+/g, '-')}-${device}-${colorScheme}.png`),
          });
          saved++;
        }
        await page.close();
      }
    }
    expect(saved).toBe((PAGE_KINDS.length + 1) * 4);
  });
});
