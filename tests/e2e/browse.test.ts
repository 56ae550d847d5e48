import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedParts } from '../support/corpus.ts';
import { collectErrors, launchBrowser } from '../support/browser.ts';

const site = inject('siteUrl');
const PERMALINK = '/releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/';

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('reading and browsing', () => {
  beforeAll(async () => {
    page = await browser.newPage();
    errors = collectErrors(page);
  });
  afterAll(() => page.close());
  afterEach(() => {
    expect(errors).toEqual([]);
  });

  it('goes from the home page to a release by its link, and the permalink loads', async () => {
    await page.goto(site);
    await page.getByRole('link', { name: 'Remarks by NATO Secretary General Mark Rutte' }).click();
    await page.waitForURL(`${site}${PERMALINK}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Remarks by NATO Secretary General Mark Rutte');
    const paragraphs = await page.locator('main .remarks p').allTextContents();
    expect(paragraphs).toEqual((await seedParts()).paragraphs);
  });

  it('browses the archive: the newest 50 first, then the year after year, and old page numbers lead back', async () => {
    await page.goto(`${site}/archive/`);
    // The seed, the release with media and 60 from the corpus.
    await expect(page.getByText('62 releases, 1789–2026, newest first.', { exact: false }).count()).resolves.toBe(1);
    const dates = () =>
      page.locator('.release-list time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
    const newest = await dates();
    expect(newest).toHaveLength(50);
    expect([...newest].sort().reverse()).toEqual(newest);
    // The 51st release is in the year the page goes on to, which lists its whole year.
    const older = page.getByRole('link', { name: /^Older: \d{4} →$/ });
    const year = (await older.textContent())!.match(/\d{4}/)![0];
    await older.click();
    await page.waitForURL(`${site}/years/${year}/`);
    const ofYear = await dates();
    expect(ofYear.every((date) => date.startsWith(year))).toBe(true);
    expect(ofYear.some((date) => date < newest.at(-1)!)).toBe(true);
    // Back to a newer year, or on to an older one, by the links at the foot of the page.
    await expect(page.locator('.period-nav a').count()).resolves.toBeGreaterThan(0);
    // The listing's pages were numbered from the newest (/archive/2/): those addresses lead to it.
    await page.goto(`${site}/archive/2/`);
    await page.waitForURL(`${site}/archive/`);
  });

  it('offers search on the 404 page, and that search works', async () => {
    const response = await page.goto(`${site}/releases/no-such-release/`);
    expect(response?.status()).toBe(404);
    // The browser logs the 404 status itself; that one error is what this test asks for.
    expect(errors.splice(0)).toEqual([expect.stringContaining('status of 404')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    await page.getByRole('searchbox', { name: 'Search releases' }).first().fill('PURL');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site}/search/?q=PURL`);
    await expect(page.locator('.result h2 a').first().textContent()).resolves.toBe(
      'Remarks by NATO Secretary General Mark Rutte',
    );
  });

  it('works by keyboard alone: skip link, then a release link opened with Enter', async () => {
    await page.goto(site);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (text === 'Remarks by NATO Secretary General Mark Rutte') break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site}${PERMALINK}`);
  });

  it('fits a phone screen and switches to dark colours, without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of ['/', PERMALINK, '/archive/', '/search/?q=PURL']) {
        await page.goto(`${site}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} in ${scheme}`).toBeLessThanOrEqual(0);
      }
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(scheme === 'dark' ? 'rgb(19, 20, 23)' : 'rgb(255, 255, 255)');
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('without JavaScript', () => {
  it('reads releases and browses the archive, and the search page says why it cannot search', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(`${site}/archive/`);
    await noScript.getByRole('link', { name: 'Remarks by NATO Secretary General Mark Rutte' }).click();
    await noScript.waitForURL(`${site}${PERMALINK}`);
    await expect(noScript.locator('main .remarks p').count()).resolves.toBe(13);
    await noScript.goto(`${site}/search/?q=PURL`);
    await expect(noScript.locator('.no-script').isVisible()).resolves.toBe(true);
    await expect(noScript.locator('.no-script').textContent()).resolves.toMatch(
      /^\s*Search needs JavaScript, which is turned off/,
    );
    await expect(noScript.locator('#search').isVisible()).resolves.toBe(false);
    await context.close();
  });
});
