/**
 * Search as people type it, in Chromium on the small three-part site: nothing of the index is
 * fetched before the reader turns to the search box; results typed key by key, at any pace, are
 * those of the same words loaded from the address; words the archive lacks are named, with close
 * words offered as links that run that search.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { collectErrors, launchBrowser } from '../support/browser.ts';
import { resultPaths, settled } from '../support/search-page.ts';

const site = inject('siteUrl');
const BASE = new URL(site).pathname;
const NATO = '/releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/';

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  page = await browser.newPage();
  errors = collectErrors(page);
});
afterEach(async () => {
  await page.close();
  expect(errors).toEqual([]);
});

const box = (on: Page = page) => on.getByRole('searchbox', { name: 'Search words' });
const status = (on: Page = page) => on.getByRole('status').textContent();

/** What the page shows for its search: the status line, the suggestions, and the results' paths. */
async function shown(on: Page): Promise<string[]> {
  const suggestions = await on.locator('[data-suggestions]:not([hidden])').allTextContents();
  return [(await status(on)) ?? '', ...suggestions, ...(await resultPaths(on))];
}

/** Opens the search page at `search` and waits for its results. */
async function open(on: Page, search = ''): Promise<void> {
  await on.goto(`${site}/search/${search}`);
  await settled(on);
}

describe('the search page before the reader searches', () => {
  it('fetches nothing of the index until the search box has focus, then opens it', async () => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await open(page);
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((path) => path.startsWith(`${BASE}/pagefind/`))).toEqual([]);
    await expect(status()).resolves.toBe(
      'Type words to search the text of every release, or choose a filter or dates.',
    );
    await box().click();
    // The filters appear with the archive's totals, and the newest part of the index opens.
    await page.getByRole('group', { name: 'Speaker' }).waitFor();
    expect(fetched).toContain(`${BASE}/pagefind/archive-parts.json`);
    await expect.poll(() => fetched).toContain(`${BASE}/pagefind/pagefind-worker.js`);
  });

  it('opens the index at once for an address that asks for a search', async () => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await open(page, '?q=PURL');
    expect(await resultPaths(page)).toEqual([`${BASE}${NATO}`]);
    expect(fetched).toContain(`${BASE}/pagefind/pagefind-worker.js`);
  });
});

describe('words the archive does not hold', () => {
  it('names a misspelt word and offers close words, as links that run that search', async () => {
    await open(page);
    await box().pressSequentially('peeple');
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.includes('peeple'));
    await settled(page);
    await expect(status()).resolves.toBe('No release has the word “peeple”.');
    expect(await resultPaths(page)).toEqual([]);
    const suggestion = page.locator('[data-suggestions]').getByRole('link', { name: 'people', exact: true });
    await expect(page.locator('[data-suggestions]').textContent()).resolves.toMatch(
      /^Did you mean people \(\d+ releases\)/,
    );
    await suggestion.click();
    await page.waitForURL(`${site}/search/?q=people`);
    await settled(page);
    await expect(status()).resolves.toMatch(/^\d+ releases found for “people”\.$/);
    await expect(box().inputValue()).resolves.toBe('people');
    // The suggestion was a new search: Back returns to the misspelt one.
    await page.goBack();
    await settled(page);
    await expect(status()).resolves.toBe('No release has the word “peeple”.');
  });

  it('says so for nonsense words and names absent from the archive, with no results at all', async () => {
    for (const [query, said] of [
      ['xqzvorblat', 'No release has the word “xqzvorblat”.'],
      ['zzqxv', 'No release has the word “zzqxv”.'],
      ['Zelenskyy', 'No release has the word “Zelenskyy”.'],
      ['coalition zzqxv xqzvorblat', 'No release has the words “zzqxv” and “xqzvorblat”.'],
    ]) {
      await open(page, `?q=${encodeURIComponent(query!)}`);
      await expect(status(), query).resolves.toBe(said);
      expect(await resultPaths(page), query).toEqual([]);
      await expect(page.locator('[data-suggestions] a').count(), query).resolves.toBe(0);
    }
  });

  it('still finds the words a word being typed starts', async () => {
    await open(page, '?q=coaliti');
    await expect(status()).resolves.toMatch(/^\d+ releases? found for “coaliti”\.$/);
    const marked = await page.locator('.result').first().locator('mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((word) => word.toLowerCase().startsWith('coaliti'))).toBe(true);
  });
});

describe('typing key by key', () => {
  /** Queries as readers type them: words, phrases, misspellings, nonsense, a name. */
  const QUERIES = [
    'helthcare',
    'coalition of the willing',
    'people of the united states',
    'xqzvorblat',
    'peeple',
    'Rutte',
    'the',
  ];

  it('shows, once typing stops, what the same words show loaded from the address', async () => {
    const loaded = new Map<string, string[]>();
    const fresh = await browser.newPage();
    for (const query of QUERIES) {
      await open(fresh, `?q=${encodeURIComponent(query)}`);
      loaded.set(query, await shown(fresh));
    }
    await fresh.close();
    // A fixed seed, so that a failure can be replayed: delays of 0 to 150 ms between keys.
    let seed = 18;
    const delay = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 151) as number;
    let compared = 0;
    for (let round = 0; round < 3; round++) {
      await open(page);
      for (const query of QUERIES) {
        await box().fill('');
        for (const key of query) {
          await box().press(key === ' ' ? 'Space' : key);
          await page.waitForTimeout(delay());
        }
        await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query);
        await settled(page);
        expect(await shown(page), `round ${round}, “${query}”`).toEqual(loaded.get(query));
        compared++;
      }
    }
    expect(compared).toBe(3 * QUERIES.length);
  }, 300_000);

  it('searches words still being typed only once typing pauses, fetching no results for them', async () => {
    await open(page);
    await box().click();
    await page.getByRole('group', { name: 'Speaker' }).waitFor();
    // Every answer the page shows, by the address it was shown for.
    await page.evaluate(() => {
      const root = document.getElementById('search')!;
      const shown: string[] = [];
      (window as unknown as { shown: string[] }).shown = shown;
      new MutationObserver(() => shown.push(root.dataset['resultsFor'] ?? '')).observe(root, {
        attributeFilter: ['data-results-for'],
      });
    });
    const fragments: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/fragment/')) fragments.push(request.url());
    });
    const query = 'people of the united states';
    // Keys 40 ms apart, as a quick typist types them, sent by the page's own clock.
    await page.evaluate(async (text) => {
      const input = document.getElementById('search-query') as HTMLInputElement;
      for (const key of text) {
        input.value += key;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    }, query);
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query);
    await settled(page);
    const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown);
    // The first key is answered at once; then nothing until the whole query (a stall of the
    // machine between two keys may let one more through).
    expect(shown.at(-1)).toBe(`?q=${query.replaceAll(' ', '+')}`);
    expect(shown.length).toBeLessThanOrEqual(3);
    // Ten results' texts a shown answer at most.
    expect(fragments.length).toBeLessThanOrEqual(10 * shown.length);
  });
});
