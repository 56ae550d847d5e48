/**
 * Searching the whole corpus in Chromium, as a reader does: filters and how they combine, sorts,
 * date ranges, phrases, addresses that keep the state, Back and Forward, highlighted matches on
 * the release page, and the keyboard. Expected results are worked out from the release files.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { typeLabel } from '../../src/model/schema.ts';
import { collectErrors, launchBrowser } from '../support/browser.ts';
import { countWhere, readReleases, searchWords, type StoredRelease } from '../support/releases.ts';
import { resultCount, resultDates, resultPaths, settled, showAll } from '../support/search-page.ts';

const { url: site, content } = inject('corpusSite');
let releases: StoredRelease[];
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  releases = await readReleases(content);
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

async function open(search = ''): Promise<void> {
  await page.goto(`${site}/search/${search}`);
  await settled(page);
}

function box(group: string, value: string, count: number) {
  return page.getByRole('group', { name: group }).getByRole('checkbox', { name: `${value} (${count})`, exact: true });
}

describe('filters', () => {
  it('narrows to each filter’s value, showing the count each value will give', async () => {
    const cases = [
      {
        group: 'Speaker',
        value: 'George Washington',
        test: (r: StoredRelease) => r.data.speaker === 'George Washington',
      },
      {
        group: 'Organisation',
        value: 'The White House',
        test: (r: StoredRelease) => r.data.organisation === 'The White House',
      },
      { group: 'Type', value: 'Speech', test: (r: StoredRelease) => typeLabel(r.data.type) === 'Speech' },
      { group: 'Year', value: '1865', test: (r: StoredRelease) => r.data.date.startsWith('1865') },
      {
        group: 'Venue',
        value: 'Via Conference Call',
        test: (r: StoredRelease) => r.data.venue === 'Via Conference Call',
      },
    ];
    for (const { group, value, test } of cases) {
      const expected = releases.filter(test);
      expect(expected.length, value).toBeGreaterThan(1);
      await open();
      await box(group, value, expected.length).check();
      await settled(page);
      expect(await resultCount(page), value).toBe(expected.length);
      await showAll(page);
      expect(new Set(await resultPaths(page)), value).toEqual(new Set(expected.map((r) => `/${r.path}`)));
    }
  });

  it('combines values of one filter with OR and different filters with AND', async () => {
    const lincoln = countWhere(releases, (d) => d.speaker === 'Abraham Lincoln');
    const grant = countWhere(releases, (d) => d.speaker === 'Ulysses S. Grant');
    await open();
    await box('Speaker', 'Abraham Lincoln', lincoln).check();
    await settled(page);
    await box('Speaker', 'Ulysses S. Grant', grant).check();
    await settled(page);
    expect(await resultCount(page)).toBe(lincoln + grant);
    expect(new URL(page.url()).searchParams.getAll('speaker')).toEqual(['Abraham Lincoln', 'Ulysses S. Grant']);
    // Counts now say what each value gives alongside the chosen speakers.
    const in1863 = countWhere(
      releases,
      (d) => d.date.startsWith('1863') && ['Abraham Lincoln', 'Ulysses S. Grant'].includes(d.speaker),
    );
    expect(in1863).toBeGreaterThan(0);
    await box('Year', '1863', in1863).check();
    await settled(page);
    expect(await resultCount(page)).toBe(in1863);
    expect((await resultDates(page)).every((date) => date.startsWith('1863'))).toBe(true);
    const obama = countWhere(releases, (d) => d.speaker === 'Barack Obama' && d.date.startsWith('1863'));
    expect(obama).toBe(0);
  });

  it('combines words with filters, and clears them all with one button', async () => {
    const words = 'union';
    const inSpeech = releases.filter((r) => r.data.type === 'speech' && searchWords(r.body).includes(` ${words} `));
    await open(`?q=${words}&type=Speech`);
    // Pagefind also finds other forms of a word (unions, union's): at least the exact ones.
    expect(await resultCount(page)).toBeGreaterThanOrEqual(inSpeech.length);
    const all = await resultCount(page);
    await page.getByRole('button', { name: 'Clear dates and filters' }).click();
    await settled(page);
    expect(new URL(page.url()).search).toBe(`?q=${words}`);
    expect(await resultCount(page)).toBeGreaterThan(all);
  });
});

describe('words the corpus does not hold', () => {
  /** Every text search reads of a release: its body, title, speaker and venue. */
  const textOf = (r: StoredRelease) => [r.body, r.data.title, r.data.speaker, r.data.venue ?? ''].join(' ');

  it('names a misspelling, and offers the corpus’s close word with the releases holding it', async () => {
    // Releases holding "healthcare" as a word: at least those that write it so, at most those
    // that write it with a hyphen or inside a longer token such as "HealthCare.gov", which
    // Pagefind may cut otherwise (the index's copy of a page parts words at longer dashes).
    const word = (pattern: string, flags: string) =>
      new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, flags);
    const least = releases.filter((r) =>
      word('(?:healthcare|Healthcare|HEALTHCARE)(?!\\.\\p{L})', 'u').test(textOf(r)),
    );
    const most = releases.filter((r) => word('health[-\\u2010\\u2011]?care', 'iu').test(textOf(r)));
    expect(least.length).toBeGreaterThan(50);
    expect(releases.some((r) => /helthcare/i.test(textOf(r)))).toBe(false);
    await open('?q=helthcare');
    await expect(page.getByRole('status').textContent()).resolves.toBe('No release has the word “helthcare”.');
    expect(await resultPaths(page)).toEqual([]);
    const offered = (await page.locator('[data-suggestions]').textContent()) ?? '';
    const count = Number(/^Did you mean healthcare \((\d+) releases\)\?$/.exec(offered)?.[1]);
    expect(count, offered).toBeGreaterThanOrEqual(least.length);
    expect(count, offered).toBeLessThanOrEqual(most.length);
    await page.locator('[data-suggestions]').getByRole('link', { name: 'healthcare' }).click();
    await page.waitForURL(/\/search\/\?q=healthcare$/);
    await settled(page);
    expect(await resultCount(page)).toBeGreaterThanOrEqual(count);
  });

  it('says so for nonsense and for a name the corpus lacks, whatever Pagefind would match instead', async () => {
    for (const word of ['xqzvorblat', 'zzqxv', 'Zelenskyy']) {
      expect(
        releases.some((r) => textOf(r).toLowerCase().includes(word.toLowerCase())),
        word,
      ).toBe(false);
      await open(`?q=${word}`);
      await expect(page.getByRole('status').textContent(), word).resolves.toBe(`No release has the word “${word}”.`);
      expect(await resultPaths(page), word).toEqual([]);
      // Nothing is near nonsense: no suggestion either.
      if (word !== 'Zelenskyy') await expect(page.locator('[data-suggestions] a').count(), word).resolves.toBe(0);
    }
  });
});

describe('sorting', () => {
  it('orders by relevance unless asked, then newest or oldest first', async () => {
    await open('?speaker=George+Washington');
    await expect(page.getByRole('combobox', { name: 'Order' }).inputValue()).resolves.toBe('relevance');
    const dates = releases
      .filter((r) => r.data.speaker === 'George Washington')
      .map((r) => r.data.date)
      .sort();
    await page.getByRole('combobox', { name: 'Order' }).selectOption('oldest');
    await settled(page);
    await showAll(page);
    expect(await resultDates(page)).toEqual(dates);
    await page.getByRole('combobox', { name: 'Order' }).selectOption('newest');
    await settled(page);
    await showAll(page);
    expect(await resultDates(page)).toEqual([...dates].reverse());
  });
});

describe('date range', () => {
  const between = (from: string, to: string) => releases.filter((r) => r.data.date >= from && r.data.date <= to);

  async function setRange(from: string, to: string): Promise<void> {
    await page.getByLabel('From', { exact: true }).fill(from);
    await settled(page);
    await page.getByLabel('To', { exact: true }).fill(to);
    await settled(page);
  }

  it('includes both ends, across a year boundary and a month boundary', async () => {
    const dates = [...new Set(releases.map((r) => r.data.date))].sort();
    // From the last day with releases in 2015 to the first day with releases in April 2016.
    const from = dates.filter((d) => d.startsWith('2015')).at(-1)!;
    const to = dates.find((d) => d.startsWith('2016-04'))!;
    const expected = between(from, to);
    expect(expected.length).toBeGreaterThan(10);
    await open('?sort=oldest');
    await setRange(from, to);
    expect(new URL(page.url()).searchParams.get('from')).toBe(from);
    expect(await resultCount(page)).toBe(expected.length);
    expect((await resultDates(page))[0]).toBe(from);
    await page.getByRole('combobox', { name: 'Order' }).selectOption('newest');
    await settled(page);
    expect((await resultDates(page))[0]).toBe(to);
    // A day less at each end leaves out exactly the releases of those days.
    const dayAfter = dates[dates.indexOf(from) + 1]!;
    const dayBefore = dates[dates.indexOf(to) - 1]!;
    await setRange(dayAfter, dayBefore);
    expect(await resultCount(page)).toBe(between(dayAfter, dayBefore).length);
    expect(between(dayAfter, dayBefore).length).toBe(
      expected.length - countWhere(releases, (d) => d.date === from || d.date === to),
    );
  });

  it('covers ranges within a month and across many years, and open ends', async () => {
    for (const [from, to] of [
      ['2016-01-05', '2016-01-20'],
      ['1861-03-04', '1933-03-04'],
      ['2016-11-30', ''],
      ['', '1800-12-31'],
    ] as const) {
      const expected = between(from || '0000', to || '9999');
      await open(`?${new URLSearchParams({ ...(from && { from }), ...(to && { to }) })}`);
      expect(await resultCount(page), `${from}–${to}`).toBe(expected.length);
      await expect(page.getByLabel('From', { exact: true }).inputValue()).resolves.toBe(from);
    }
  });

  it('explains a date that is not a date, or a range that ends before it starts', async () => {
    await open('?from=2016-13-01');
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      '“From” date “2016-13-01” is not a date: expected a day written YYYY-MM-DD, such as 2016-01-31.',
    );
    await open('?from=2016-05-01&to=2016-04-01');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('is after the “To” date');
    expect(await resultCount(page)).toBe(0);
  });
});

describe('phrases', () => {
  it('in quotes, finds the releases holding the phrase, its words in any form, and no other', async () => {
    const phrase = 'weapons of mass destruction';
    const exact = releases.filter((r) => searchWords(r.body).includes(` ${phrase} `)).map((r) => `/${r.path}`);
    // Search matches word forms (weapon, weapons): the words in order, each from its start.
    const forms = new RegExp(`(?<![\\p{L}])weapon\\p{L}*[^\\p{L}]+of[^\\p{L}]+mass[^\\p{L}]+destruction\\p{L}*`, 'iu');
    const inAnyForm = releases.filter((r) => forms.test(r.body)).map((r) => `/${r.path}`);
    expect(exact.length).toBeGreaterThan(5);
    expect(inAnyForm.length).toBeGreaterThan(exact.length);
    await open(`?q=${encodeURIComponent(`"${phrase}"`)}`);
    expect(await resultCount(page)).toBe(inAnyForm.length);
    await showAll(page);
    const found = await resultPaths(page);
    expect(new Set(found)).toEqual(new Set(inAnyForm));
    await open(`?q=${encodeURIComponent(phrase)}`);
    expect(await resultCount(page)).toBeGreaterThan(inAnyForm.length);
  });

  it('in quotes, finds only the release with the exact words “coalition of the willing”', async () => {
    const holding = releases
      .filter((r) => searchWords(r.body).includes(' coalition of the willing '))
      .map((r) => `/${r.path}`);
    await open(`?q=${encodeURIComponent('"coalition of the willing"')}`);
    expect(await resultPaths(page)).toEqual(holding);
    expect(holding).toEqual(['/releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/']);
  });
});

describe('the address keeps the search', () => {
  it('gives the same results when the address is opened afresh, including how many were shown', async () => {
    await open();
    await page.getByRole('searchbox', { name: 'Search words' }).pressSequentially('health care');
    await settled(page);
    await page
      .getByRole('group', { name: 'Type' })
      .getByRole('checkbox', { name: /^Remarks \(/ })
      .check();
    await settled(page);
    await page.getByLabel('From', { exact: true }).fill('2009-01-01');
    await settled(page);
    await page.getByRole('combobox', { name: 'Order' }).selectOption('newest');
    await settled(page);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await settled(page);
    const address = page.url();
    const shown = await resultPaths(page);
    expect(shown.length).toBe(20);
    expect(new URL(address).search).toBe('?q=health+care&type=Remarks&from=2009-01-01&sort=newest&shown=20');
    const again = await browser.newPage();
    await again.goto(address);
    await settled(again);
    expect(await resultPaths(again)).toEqual(shown);
    await expect(again.getByRole('searchbox', { name: 'Search words' }).inputValue()).resolves.toBe('health care');
    await expect(again.getByRole('checkbox', { name: /^Remarks \(/ }).isChecked()).resolves.toBe(true);
    await again.close();
  });

  it('goes Back and Forward through searches', async () => {
    await open('?q=liberty');
    const first = await resultPaths(page);
    await page.getByRole('combobox', { name: 'Order' }).selectOption('oldest');
    await settled(page);
    const second = await resultPaths(page);
    expect(second).not.toEqual(first);
    await page.goBack();
    await settled(page);
    expect(await resultPaths(page)).toEqual(first);
    await expect(page.getByRole('combobox', { name: 'Order' }).inputValue()).resolves.toBe('relevance');
    await page.goForward();
    await settled(page);
    expect(await resultPaths(page)).toEqual(second);
    await expect(page.getByRole('combobox', { name: 'Order' }).inputValue()).resolves.toBe('oldest');
  });
});

describe('from a result to the release', () => {
  async function inViewport(selector: string): Promise<boolean> {
    return page
      .locator(selector)
      .first()
      .evaluate((e) => {
        const box = e.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
  }

  it('opens the release with the search words marked, scrolled to the first match', async () => {
    await open('?q=Lusitania');
    await page.locator('.result h2 a').first().click();
    await page.waitForURL(/highlight=Lusitania/);
    const marks = await page.locator('mark.search-hit').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.toLowerCase().startsWith('lusitania'))).toBe(true);
    expect(await inViewport('mark.search-hit')).toBe(true);
    await expect(page.locator('.highlight-note').textContent()).resolves.toMatch(
      /^\d+ match(es)? for “Lusitania” marked/,
    );
  });

  it('opens a paragraph’s sub-result at that paragraph, its match marked', async () => {
    await open('?q=%22coalition+of+the+willing%22');
    const sub = page.locator('.sub-results a').first();
    const target = new URL(await sub.evaluate((a) => (a as HTMLAnchorElement).href)).hash;
    await sub.click();
    await page.waitForURL(new RegExp(`${target}$`));
    expect(await page.locator(`${target} mark.search-hit`).allTextContents()).toEqual(['Coalition of the Willing']);
    expect(await inViewport(`${target} mark.search-hit`)).toBe(true);
  });
});

describe('sub-results', () => {
  it('quote each matching paragraph from the text of the paragraph they link to', async () => {
    let checked = 0;
    for (const query of ['tariff', 'Lusitania', 'weapons of mass destruction', 'liberty']) {
      await open(`?q=${encodeURIComponent(query)}`);
      const subs = await page
        .locator('.sub-results a')
        .evaluateAll((links) => links.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent ?? '' })));
      expect(subs.length, query).toBeGreaterThan(3);
      // Each release page is fetched and its paragraph read as the reader's page shows it.
      const paragraphs = await page.evaluate(
        async (hrefs) => {
          const texts: Record<string, string> = {};
          for (const href of hrefs) {
            const url = new URL(href);
            const html = await (await fetch(url.pathname + url.search)).text();
            const doc = new DOMParser().parseFromString(html, 'text/html');
            texts[href] = doc.getElementById(url.hash.slice(1))?.textContent ?? '';
          }
          return texts;
        },
        subs.map((sub) => sub.href),
      );
      for (const sub of subs) {
        const paragraph = paragraphs[sub.href]!;
        expect(paragraph, sub.href).not.toBe('');
        // The excerpt is a run of the paragraph's words, without the lone dashes search skips.
        const quoted = sub.text
          .replace(/^¶ \d+ /, '')
          .replace(/^… /, '')
          .replace(/ …$/, '');
        const words = (text: string) =>
          text
            .split(/\s+/)
            .filter((word) => word && !/^(-{1,3}|[\u2012-\u2015]{1,3})$/.test(word))
            .join(' ');
        expect(words(paragraph), sub.href).toContain(words(quoted));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('keyboard', () => {
  it('searches and opens a result with the keyboard alone', async () => {
    await page.goto(`${site}/years/1863/`);
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('header-search');
    await page.keyboard.type('emancipation proclamation');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=emancipation\+proclamation$/);
    await settled(page);
    await expect(page.getByRole('status').textContent()).resolves.toMatch(
      /^\d+ releases found for “emancipation proclamation”\.$/,
    );
    await page.keyboard.press('/');
    await page.keyboard.press('ArrowDown');
    const links = await page.locator('.result h2 a').evaluateAll((a) => a.map((e) => (e as HTMLAnchorElement).href));
    await expect(page.evaluate(() => (document.activeElement as HTMLAnchorElement).href)).resolves.toBe(links[0]);
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => (document.activeElement as HTMLAnchorElement).href)).resolves.toBe(links[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-query');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(links[0]!);
    expect(await page.locator('mark.search-hit').count()).toBeGreaterThan(0);
  });

  it('leaves / alone while the reader types in a box', async () => {
    await open();
    await page.getByRole('searchbox', { name: 'Search words' }).pressSequentially('and/or');
    await expect(page.getByRole('searchbox', { name: 'Search words' }).inputValue()).resolves.toBe('and/or');
  });

  it("loads search's code only when the header box is used, starting on focus", async () => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${site}/speakers/`);
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    await page.getByRole('searchbox', { name: 'Search releases' }).focus();
    await page.waitForLoadState('networkidle');
    await expect.poll(() => fetched).toContain('/pagefind/pagefind-worker.js');
  });
});
