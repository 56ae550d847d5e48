/**
 * A release with an image and every component, read in Chromium on the site served under /press/:
 * its images load from the site in a modern format at the size they say, its caption, note,
 * quote and video card show, and its attachment downloads.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectErrors, launchBrowser } from '../support/browser.ts';
import { MEDIA_RELEASE, pdf } from '../support/media.ts';
import { settled } from '../support/search-page.ts';

const site = inject('siteUrl');

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // A policy violation (an image from elsewhere, an inline style) is a console error too.
  errors = collectErrors(page);
});
afterAll(async () => {
  await browser.close();
});
afterEach(() => {
  expect(errors).toEqual([]);
});

describe('a release with media, in the browser', () => {
  it('loads its first image at once, from the site, as AVIF, at the size its attributes give', async () => {
    await page.goto(`${site}${MEDIA_RELEASE.permalink}`);
    const image = page.locator('.figure img').first();
    await image.evaluate((img: HTMLImageElement) => img.decode());
    const shown = await image.evaluate((img: HTMLImageElement) => ({
      complete: img.complete,
      natural: img.naturalWidth,
      source: img.currentSrc,
      width: img.getAttribute('width'),
      height: img.getAttribute('height'),
      ratio: img.getBoundingClientRect().height / img.getBoundingClientRect().width,
      inWindow: img.getBoundingClientRect().top < window.innerHeight,
    }));
    expect(shown.complete).toBe(true);
    expect(shown.natural).toBeGreaterThanOrEqual(320);
    expect(shown.source).toMatch(new RegExp(`^${site}/_astro/ministers\\.[\\w-]+\\.avif$`));
    expect([shown.width, shown.height]).toEqual(['1600', '900']);
    expect(shown.ratio).toBeCloseTo(900 / 1600, 2);
    expect(shown.inWindow).toBe(true);
    await expect(page.locator('.figure figcaption').first().innerText()).resolves.toBe(
      'The ministers at the table before the session on air defence.\nPhoto: NATO',
    );
  });

  it('shows its note at the top of the text, above the first figure and paragraph', async () => {
    await page.goto(`${site}${MEDIA_RELEASE.permalink}`);
    const top = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => e.getBoundingClientRect().top);
    const note = page.getByRole('note');
    await expect(note.innerText()).resolves.toBe(
      'Correction, 6 February 2026\n\nAn earlier version gave the figure for Poland as 4 batteries; it is 6.',
    );
    expect(await top('[role="note"]')).toBeLessThan(await top('.figure'));
    expect(await top('.figure')).toBeLessThan(await top('#p-1'));
    await expect(page.getByRole('heading', { name: 'Updated 6 February 2026' }).isVisible()).resolves.toBe(true);
  });

  it('downloads its attachment, the document as it was beside the release', async () => {
    await page.goto(`${site}${MEDIA_RELEASE.permalink}`);
    const link = page.getByRole('link', { name: 'The press release as distributed' });
    await expect(link.locator('..').innerText()).resolves.toMatch(/PDF, 1 KB$/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('original.pdf');
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(pdf('Defence ministers agree on air defence'));
  });

  it('links its video elsewhere with a still from the site, and plays nothing of another site', async () => {
    await page.goto(`${site}${MEDIA_RELEASE.permalink}`);
    const card = page.getByRole('link', { name: /The press conference after the meeting/ });
    await expect(card.getAttribute('href')).resolves.toBe('https://www.youtube.com/watch?v=nato-air-defence');
    await card.scrollIntoViewIfNeeded();
    const still = card.locator('img');
    await still.evaluate((img: HTMLImageElement) => img.decode());
    await expect(still.evaluate((img: HTMLImageElement) => img.currentSrc)).resolves.toMatch(
      new RegExp(`^${site}/_astro/still\\.[\\w-]+\\.avif$`),
    );
    await expect(page.locator('iframe, video, object, embed').count()).resolves.toBe(0);
  });

  it('is found by the words of its image’s alt text and of its pull quote', async () => {
    for (const words of ['seated around the round table', 'safer when we buy together']) {
      await page.goto(`${site}/search/?q=${encodeURIComponent(`"${words}"`)}`);
      await settled(page);
      await expect(page.locator('.result h2 a').allTextContents()).resolves.toEqual([
        'Defence ministers agree on air defence',
      ]);
    }
  });
});
