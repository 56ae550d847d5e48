/**
 * Search cost side by side, in Chromium: the archive's search page and Pagefind's Default UI on
 * the plain Astro baseline (`bench/baselines/astro/src/pages/search.astro`, as Starlight loads
 * it), over the same releases. For each, the bytes a reader's browser fetches: the page alone, the
 * page and a first search, five later searches, and a phrase typed key by key on a fresh page.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.ts';
import { serve } from '../tests/support/serve.ts';
import { settled } from '../tests/support/search-page.ts';
import { servedBytes } from './measure.ts';
import { LATER } from './search-scale.ts';

/** Nine common words: nearly every key brings a new word or a longer prefix to look up. */
const PHRASE = 'we have to make sure that the people of';

/** Between two keys, as a quick typist types: the Default UI searches only once typing pauses. */
const KEY_DELAY_MS = 100;

/** What one search page costs a reader, in KiB as served (`servedBytes`). */
export interface SearchCost {
  /** The search page before anything is typed. */
  pageKiB: number;
  /** The page and a first search for "health care". */
  firstSearchKiB: number;
  /** Each of the later searches: files not fetched before on the page. */
  laterSearchKiB: number[];
  /** Typing `PHRASE` key by key on a freshly loaded page, the page itself not counted. */
  phraseKiB: number;
  /** The page's longest busy stretch (long task) while the phrase was typed. */
  phraseLongestTaskMs: number;
}

/** How to drive one kind of search page. */
interface SearchPage {
  box(page: Page): Locator;
  /** Waits until the page shows the results for `query`. */
  shown(page: Page, query: string): Promise<void>;
}

const ARCHIVE: SearchPage = {
  box: (page) => page.getByRole('searchbox', { name: 'Search words' }),
  shown: (page) => settled(page),
};

const DEFAULT_UI: SearchPage = {
  box: (page) => page.locator('.pagefind-ui__search-input'),
  // The status says "719 results for health care" once the search is done; each result shows a
  // loading placeholder until its excerpt has arrived.
  shown: async (page, query) => {
    await page.waitForFunction((q) => {
      const message = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
      return (
        message.endsWith(` for ${q}`) &&
        !message.startsWith('Searching') &&
        !document.querySelector('.pagefind-ui__loading')
      );
    }, query);
  },
};

/** The paths a page asks for, and a way to wait until it has asked for nothing for a while. */
function watch(page: Page) {
  const paths: string[] = [];
  let pending = 0;
  let last = performance.now();
  page.on('request', (request) => {
    paths.push(new URL(request.url()).pathname);
    pending++;
    last = performance.now();
  });
  const done = () => {
    pending--;
    last = performance.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    paths,
    /**
     * Waits until no request has been open for half a second, so that what loads after the
     * results count too; a request that never ends is given up on after half a minute.
     */
    async quiet() {
      const until = performance.now() + 30_000;
      while ((pending > 0 || performance.now() - last < 500) && performance.now() < until) {
        await page.waitForTimeout(100);
      }
    },
  };
}

/** KiB of the files among `paths` that are not among `before`, each counted once. */
async function kib(site: string, paths: string[], before: string[] = []): Promise<number> {
  const seen = new Set(before);
  let bytes = 0;
  for (const path of new Set(paths)) if (!seen.has(path)) bytes += await servedBytes(site, path);
  return bytes / 1024;
}

/** Opens `/search/` of a served site in a fresh browser context, and waits until it has loaded. */
async function open(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watched = watch(page);
  await page.goto(`${url}/search/`);
  await page.waitForLoadState('networkidle');
  await watched.quiet();
  return { context, page, watched };
}

/** Measures one search page of the site in `site`. */
async function measure(browser: Browser, site: string, kind: SearchPage): Promise<SearchCost> {
  const server = await serve(site);
  try {
    const { context, page, watched } = await open(browser, server.url);
    const pageKiB = await kib(site, watched.paths);
    await kind.box(page).fill('health care');
    await kind.shown(page, 'health care');
    await watched.quiet();
    const firstSearchKiB = await kib(site, watched.paths);
    const laterSearchKiB: number[] = [];
    for (const query of LATER) {
      const before = watched.paths.slice();
      await kind.box(page).fill(query);
      await kind.shown(page, query);
      await watched.quiet();
      laterSearchKiB.push(await kib(site, watched.paths.slice(before.length), before));
    }
    await context.close();

    const fresh = await open(browser, server.url);
    const loaded = fresh.watched.paths.slice();
    await fresh.page.evaluate(() => {
      const tasks: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = tasks;
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({
        type: 'longtask',
      });
    });
    await kind.box(fresh.page).pressSequentially(PHRASE, { delay: KEY_DELAY_MS });
    await kind.shown(fresh.page, PHRASE);
    await fresh.watched.quiet();
    const tasks = await fresh.page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const phraseKiB = await kib(site, fresh.watched.paths.slice(loaded.length), loaded);
    await fresh.context.close();
    return { pageKiB, firstSearchKiB, laterSearchKiB, phraseKiB, phraseLongestTaskMs: Math.max(0, ...tasks) };
  } finally {
    await server.close();
  }
}

/** Both search pages' costs, and how the phrase was typed. */
export interface SearchSideBySide {
  phrase: string;
  keyDelayMs: number;
  archive: SearchCost;
  defaultUi: SearchCost;
}

/** The archive's search page (built into `archive`) and the Default UI (the plain Astro baseline in `defaultUi`). */
export async function searchSideBySide(archive: string, defaultUi: string): Promise<SearchSideBySide> {
  const browser = await launchBrowser();
  try {
    return {
      phrase: PHRASE,
      keyDelayMs: KEY_DELAY_MS,
      archive: await measure(browser, archive, ARCHIVE),
      defaultUi: await measure(browser, defaultUi, DEFAULT_UI),
    };
  } finally {
    await browser.close();
  }
}
