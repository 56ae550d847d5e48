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

describe.each(['light', 'dark'] as const)('accessibility in %s colours', (colorScheme) => {
  it('breaks no WCAG 2.2 A or AA rule on any kind of page', async () => {
    // axe is injected as an inline script, which the site's own policy rightly forbids.
    const page = await browser.newPage({ colorScheme, bypassCSP: true });
    const found: string[] = [];
    for (const [kind, path] of PAGES) {
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
      found.push(...violations.map((v) => `${kind} (${path}): ${v}`));
    }
    expect(found).toEqual([]);
    await page.close();
    // axe on every kind of page takes most of a minute on a busy two-core machine.
  }, 240_000);
});

describe('text and motion', () => {
  it('keeps every page within the window at 200 % zoom, with nothing scrolling sideways', async () => {
    // A 1280-pixel window zoomed to 200 % lays pages out in 640 CSS pixels at twice the size.
    const page = await browser.newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    const overflowing: string[] = [];
    for (const [kind, path] of PAGES) {
      await load(page, path);
      const wide = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (wide > 0) overflowing.push(`${kind}: ${wide}px too wide`);
    }
    expect(overflowing).toEqual([]);
    await page.close();
  });

  it('keeps pages within the window when only the text is made twice as large', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const overflowing: string[] = [];
    for (const [kind, path] of PAGES) {
      await load(page, path);
      await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
      const wide = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (wide > 0) overflowing.push(`${kind}: ${wide}px too wide`);
    }
    expect(overflowing).toEqual([]);
    await page.close();
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
