import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectErrors, launchBrowser } from '../support/browser.ts';

const site = inject('siteUrl');
const NATO = 'Remarks by NATO Secretary General Mark Rutte';

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  errors = collectErrors(page);
});
afterAll(async () => {
  await browser.close();
});
afterEach(() => {
  expect(errors).toEqual([]);
});

async function resultTitles(): Promise<string[]> {
  return page.locator('.result h2 a').allTextContents();
}

async function typeQuery(text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search words' });
  await box.fill('');
  await box.pressSequentially(text);
  await page.waitForFunction(
    (query) => document.querySelector('[role="status"]')?.textContent?.includes(`“${query}”`),
    text,
  );
}

async function resultCount(): Promise<number> {
  const status = (await page.locator('[role="status"]').textContent()) ?? '';
  const match = /^(\d+) releases? found/.exec(status);
  return match ? Number(match[1]) : 0;
}

describe('search', () => {
  it('finds the NATO remarks first for PURL, and its link opens the release with PURL marked', async () => {
    await page.goto(`${site}/search/`);
    await typeQuery('PURL');
    expect((await resultTitles())[0]).toBe(NATO);
    await page.getByRole('link', { name: NATO }).click();
    await page.waitForURL(`${site}/releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/?highlight=PURL`);
    // The seed says PURL twice, both in its fifth paragraph.
    await expect(page.locator('mark.search-hit').allTextContents()).resolves.toEqual(['PURL', 'PURL']);
  });

  it('finds the NATO remarks first for Coalition of the Willing, with the words marked', async () => {
    await page.goto(`${site}/search/`);
    await typeQuery('Coalition of the Willing');
    expect((await resultTitles())[0]).toBe(NATO);
    const marked = await page.locator('.result').first().locator('.excerpt mark').allTextContents();
    expect(marked.join(' ').toLowerCase()).toMatch(/^coalition of the willing\W*$/);
    const meta = await page.locator('.result').first().locator('.result-meta').textContent();
    expect(meta).toBe('26 January 2026Mark RutteEuropean Parliament');
    // Searching runs in Pagefind's worker (the archive's script, which loads Pagefind's), so the
    // page keeps answering keys while it searches.
    expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toContain(
      '/press/pagefind/archive-worker.js',
    );
  });

  it('starts from the header search box on any page', async () => {
    await page.goto(`${site}/archive/`);
    await page.getByRole('searchbox', { name: 'Search releases' }).fill('PURL');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site}/search/?q=PURL`);
    await page.locator('.result').first().waitFor();
    expect((await resultTitles())[0]).toBe(NATO);
    await expect(page.getByRole('searchbox', { name: 'Search words' }).inputValue()).resolves.toBe('PURL');
  });

  it('narrows results when a filter is chosen, and widens them again when it is cleared', async () => {
    await page.goto(`${site}/search/`);
    await typeQuery('people');
    const all = await resultCount();
    const speakerFilter = page.getByRole('group', { name: 'Speaker' });
    // The speaker with the fewest matching releases, so the filter must narrow the list.
    const labels = await speakerFilter.locator('label').allTextContents();
    const counted = labels
      .map((label) => /^(.*) \((\d+)\)$/.exec(label))
      .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) > 0)
      .map((m) => ({ speaker: m[1]!, count: Number(m[2]) }))
      .sort((a, b) => a.count - b.count);
    const { speaker, count } = counted[0]!;
    expect(count).toBeLessThan(all);
    await speakerFilter.getByRole('checkbox', { name: `${speaker} (${count})` }).check();
    await page.waitForFunction(
      (n) => document.querySelector('[role="status"]')?.textContent?.startsWith(`${n} release`),
      count,
    );
    expect(await resultCount()).toBe(count);
    expect(new URL(page.url()).searchParams.getAll('speaker')).toEqual([speaker]);
    const speakers = await page.locator('.result .result-meta span:first-of-type').allTextContents();
    expect(speakers).toHaveLength(Math.min(count, 10));
    expect(new Set(speakers)).toEqual(new Set([speaker]));
    await page.goBack();
    await page.waitForFunction(
      (n) => document.querySelector('[role="status"]')?.textContent?.startsWith(`${n} release`),
      all,
    );
    expect(await resultCount()).toBe(all);
    await expect(speakerFilter.getByRole('checkbox', { checked: true }).count()).resolves.toBe(0);
  });

  it('filters by year and type, and sorts by date', async () => {
    await page.goto(`${site}/search/?q=people&year=2016&sort=newest`);
    await page.locator('.result').first().waitFor();
    const dates = await page.locator('.result time').evaluateAll((t) => t.map((e) => e.getAttribute('datetime')!));
    expect(dates.length).toBeGreaterThan(1);
    expect(dates.every((d) => d.startsWith('2016-'))).toBe(true);
    expect([...dates].sort().reverse()).toEqual(dates);
    await page.getByRole('combobox', { name: 'Order' }).selectOption('oldest');
    await page.waitForURL(/sort=oldest/);
    await page.waitForFunction(() => {
      const times = [...document.querySelectorAll('.result time')].map((t) => t.getAttribute('datetime')!);
      return times.length > 1 && times[0]! < times[1]!;
    });
    const oldest = await page.locator('.result time').evaluateAll((t) => t.map((e) => e.getAttribute('datetime')!));
    expect([...oldest].sort()).toEqual(oldest);
  });

  it('says so when nothing matches', async () => {
    // PURL is only in the 2026 remarks: no release of 1789 holds it.
    await page.goto(`${site}/search/?q=PURL&year=1789`);
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.includes('PURL'));
    await expect(page.locator('[role="status"]').textContent()).resolves.toBe('No releases found for “PURL”.');
    expect(await resultTitles()).toEqual([]);
  });
});
