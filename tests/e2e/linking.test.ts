import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectErrors, launchBrowser } from '../support/browser.ts';

const site = inject('siteUrl');
const PERMALINK = '/releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site).origin });
  page = await context.newPage();
  errors = collectErrors(page);
});
afterAll(async () => {
  await browser.close();
});
afterEach(() => {
  expect(errors).toEqual([]);
});

describe('linking and citing, on a site deployed under /press/', () => {
  it('opens #p-12 scrolled to paragraph 12 and marks it', async () => {
    await page.goto(`${site}${PERMALINK}#p-12`);
    const paragraph = page.locator('#p-12');
    await expect(paragraph.textContent()).resolves.toMatch(/^And one final word on this, when I had my first lunch/);
    const { top, background } = await paragraph.evaluate((p) => ({
      top: p.getBoundingClientRect().top,
      background: getComputedStyle(p).backgroundColor,
    }));
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    const other = await page.locator('#p-11').evaluate((p) => getComputedStyle(p).backgroundColor);
    expect(other).toBe('rgba(0, 0, 0, 0)');
  });

  it('shows paragraph numbers without hover; from one, by keyboard alone, copies its link and its citation', async () => {
    await page.goto(`${site}${PERMALINK}`);
    const link = page.getByRole('link', { name: 'Paragraph 3: link, copy or cite' });
    await expect(link.evaluate((a) => getComputedStyle(a).opacity)).resolves.toBe('1');
    await expect(link.isVisible()).resolves.toBe(true);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site}${PERMALINK}#p-3`);
    const tools = page.locator('#paragraph-tools');
    await expect(tools.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Copy link');
    await page.keyboard.press('Enter');
    const permalink = `https://example.org/press${PERMALINK}`;
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${permalink}#p-3`);
    await expect(tools.locator('.status').textContent()).resolves.toBe('Link to paragraph 3 copied.');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cite this paragraph');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      `Rutte, Mark. “Remarks by NATO Secretary General Mark Rutte.” Remarks, European Parliament, January 26, 2026, para. 3. NATO - North Atlantic Treaty Organisation. Distributed by Public Technologies (PUBT). ${permalink}#p-3.`,
    );
    await page.keyboard.press('Escape');
    await expect(tools.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe('#p-3');
  });

  it('copies a ready citation to the clipboard', async () => {
    await page.goto(`${site}${PERMALINK}`);
    await page.getByRole('button', { name: 'Copy Chicago citation' }).click();
    const chicago = await page.evaluate(() => navigator.clipboard.readText());
    expect(chicago).toBe(
      'Rutte, Mark. “Remarks by NATO Secretary General Mark Rutte.” Remarks, European Parliament, January 26, 2026. NATO - North Atlantic Treaty Organisation. Distributed by Public Technologies (PUBT). https://example.org/press/releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/.',
    );
    await page.getByRole('button', { name: 'Copy BibTeX citation' }).click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toMatch(
      /^@misc\{rutte2026remarks,\n {2}author = \{Rutte, Mark\},/,
    );
    // Each button's status is beside it.
    const statuses = page.locator('.citation .status');
    await expect(statuses.allTextContents()).resolves.toEqual(['Citation copied.', '', 'Citation copied.']);
    await expect(
      page
        .locator('.citation .status')
        .nth(2)
        .evaluate((s) => s.previousElementSibling?.getAttribute('data-copy-target')),
    ).resolves.toBe('cite-bibtex');
  });

  it('searches under /press/ and a result’s link opens the release there', async () => {
    await page.goto(`${site}/search/?q=PURL`);
    const result = page.locator('.result h2 a').first();
    await expect(result.getAttribute('href')).resolves.toBe(`/press${PERMALINK}?highlight=PURL`);
    await result.click();
    await page.waitForURL(`${site}${PERMALINK}?highlight=PURL`);
  });

  it('prints the release without navigation or search, with its permalink and paragraph numbers', async () => {
    await page.goto(`${site}${PERMALINK}`);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => {
      const visible = (selector: string) => {
        const element = document.querySelector(selector);
        return (
          element !== null && getComputedStyle(element).display !== 'none' && getComputedStyle(element).opacity !== '0'
        );
      };
      return {
        header: visible('.site-header'),
        footer: visible('.site-footer'),
        search: visible('.search-form'),
        permalink: visible('.print-permalink') ? document.querySelector('.print-permalink')?.textContent : null,
        number: visible('.paragraph-link'),
      };
    });
    await page.emulateMedia({ media: 'screen' });
    expect(shown).toEqual({
      header: false,
      footer: false,
      search: false,
      permalink:
        'Permalink: https://example.org/press/releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/',
      number: true,
    });
  });
});

describe('search sub-results', () => {
  it('link to the matching paragraph, which opens scrolled to and marked', async () => {
    await page.goto(`${site}/search/?q=PURL`);
    const sub = page.locator('.result').first().locator('.sub-results a').first();
    await expect(sub.getAttribute('href')).resolves.toBe(`/press${PERMALINK}?highlight=PURL#p-5`);
    await expect(sub.locator('mark').first().textContent()).resolves.toBe('PURL');
    // Paragraph 5 of the seed, counted by hand: 24 words from 8 before the first match.
    await expect(sub.textContent()).resolves.toBe(
      "¶ 5 … so does NATO's military support, including through the PURL initiative. As we speak, " +
        'billions of dollars worth of essential American military hardware is flowing …',
    );
    await sub.click();
    await page.waitForURL(`${site}${PERMALINK}?highlight=PURL#p-5`);
    await expect(page.locator('#p-5 mark.search-hit').allTextContents()).resolves.toEqual(['PURL', 'PURL']);
    const background = await page.locator('#p-5').evaluate((p) => getComputedStyle(p).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
  });
});
