/**
 * Accessibility in Chromium, on every kind of page, in light and dark colours: axe-core's WCAG
 * 2.2 A and AA rules find nothing; text at twice its size loses nothing to sideways scrolling;
 * a reader who asks for reduced motion gets none.
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { PAGE_KINDS as PAGES, PERMALINK } from '../support/page-kinds.ts';
import { settled } from '../support/search-page.ts';

const site = inject('siteUrl');

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function load(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${site}${path}`);
  expect(response?.status(), path).toBe(path === '/no-such-page/' ? 404 : 200);
  if (path.startsWith('/search/')) await settled(page);
}

// One test a page, so that a failure names the page and a busy machine has time for each.
describe.each(['light', 'dark'] as const)('accessibility in %s colours', (colorScheme) => {
  let page: Page;
  beforeAll(async () => {
    // axe is injected as an inline script, which the site's own policy rightly forbids.
    page = await browser.newPage({ colorScheme, bypassCSP: true });
  });
  afterAll(() => page.close());

  it.each(PAGES)('breaks no WCAG 2.2 A or AA rule on the %s page', async (_kind, path) => {
    await load(page, path);
    await page.addScriptTag({ content: axe.source });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
      });
      return result.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
    });
    expect(violations).toEqual([]);
  });
});

describe('text and motion', () => {
  describe('at 200 % zoom', () => {
    let page: Page;
    beforeAll(async () => {
      // A 1280-pixel window zoomed to 200 % lays pages out in 640 CSS pixels at twice the size.
      page = await browser.newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    });
    afterAll(() => page.close());

    it.each(PAGES)('keeps the %s page within the window, with nothing scrolling sideways', async (_kind, path) => {
      await load(page, path);
      const wide = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(wide).toBe(0);
    });
  });

  describe('with only the text made twice as large', () => {
    let page: Page;
    beforeAll(async () => {
      page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    });
    afterAll(() => page.close());

    it.each(PAGES)('keeps the %s page within the window', async (_kind, path) => {
      await load(page, path);
      await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
      const wide = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(wide).toBe(0);
    });
  });

  it('moves nothing for a reader who asks for reduced motion', async () => {
    const page = await browser.newPage({ reducedMotion: 'reduce' });
    await load(page, `${PERMALINK}?highlight=PURL`);
    const moving = await page.evaluate(() =>
      [document.documentElement, ...document.querySelectorAll('body *')].flatMap((element) => {
        const style = getComputedStyle(element);
        const seconds = (value: string) => Math.max(...value.split(',').map((v) => parseFloat(v) || 0));
        return style.scrollBehavior === 'smooth' ||
          seconds(style.transitionDuration) > 0 ||
          seconds(style.animationDuration) > 0
          ? [element.tagName]
          : [];
      }),
    );
    expect(moving).toEqual([]);
    await page.close();
  });
});

declare global {
  interface Window {
    axe: typeof axe;
  }
}
