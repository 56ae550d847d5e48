/**
 * Known-item search: a reader remembers a few words of a speech and types them. For 50 releases
 * of the corpus chosen with a fixed seed, a phrase of six words from the middle of the text that
 * no other release holds must bring that release into the first three results when typed as is,
 * and make it the first result in quotes. The test prints the rates; both must be 1.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { readReleases, searchWords, type StoredRelease } from '../support/releases.ts';
import { resultPaths, settled } from '../support/search-page.ts';

const { url: site, content } = inject('corpusSite');
const SAMPLE = 50;
const PHRASE_WORDS = 6;

/** A small seeded generator (mulberry32), so the same releases are chosen on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The words of a text as a reader would type them, punctuation around them left off, dashes
 * parting them; `undefined` for a token no one types as a word (a web address, `$5`, `--`), so
 * that a phrase never spans one.
 */
function typedWords(body: string): (string | undefined)[] {
  return body
    .replace(/\\(.)/g, '$1')
    .split(/[\s\u2012-\u2015]+|--/)
    .filter(Boolean)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .map((word) => (/^[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*$/u.test(word) ? word : undefined));
}

interface KnownItem {
  path: string;
  phrase: string;
}

/** Chooses the releases and, in each, the phrase nearest the middle that no other release holds. */
function chooseKnownItems(releases: StoredRelease[]): KnownItem[] {
  const texts = releases.map((r) => searchWords(r.body));
  const next = random(20261129);
  const order = releases.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const items: KnownItem[] = [];
  for (const index of order) {
    if (items.length === SAMPLE) break;
    const words = typedWords(releases[index]!.body);
    if (words.length < 200) continue;
    const middle = Math.floor(words.length / 2);
    for (let offset = 0; offset < 40; offset++) {
      const start = middle + (offset % 2 === 0 ? offset / 2 : -(offset + 1) / 2);
      const window = words.slice(start, start + PHRASE_WORDS);
      if (window.length < PHRASE_WORDS || window.includes(undefined)) continue;
      const phrase = window.join(' ');
      const key = searchWords(phrase);
      if (texts.filter((text) => text.includes(key)).length === 1) {
        items.push({ path: `/${releases[index]!.path}`, phrase });
        break;
      }
    }
  }
  return items;
}

let browser: Browser;
let page: Page;
let items: KnownItem[];

beforeAll(async () => {
  // In a fixed order, whatever order the files are listed in.
  const releases = (await readReleases(content)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  items = chooseKnownItems(releases);
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${site}/search/`);
  await settled(page);
});
afterAll(async () => {
  await browser.close();
});

async function search(text: string): Promise<string[]> {
  const box = page.getByRole('searchbox', { name: 'Search words' });
  await box.fill('');
  await settled(page);
  await box.pressSequentially(text);
  await settled(page);
  return (await resultPaths(page)).slice(0, 3);
}

describe('known-item search on the whole corpus', () => {
  it('finds 50 releases by a phrase from their middle: in the top three as typed, first in quotes', async () => {
    expect(items).toHaveLength(SAMPLE);
    const missed: string[] = [];
    let inTopThree = 0;
    let first = 0;
    for (const { path, phrase } of items) {
      const typed = await search(phrase);
      if (typed.includes(path)) inTopThree++;
      else missed.push(`typed “${phrase}”: ${path} not in ${JSON.stringify(typed)}`);
      const quoted = await search(`"${phrase}"`);
      if (quoted[0] === path) first++;
      else missed.push(`quoted “${phrase}”: ${path} not first in ${JSON.stringify(quoted)}`);
    }
    const typedRate = inTopThree / SAMPLE;
    const quotedRate = first / SAMPLE;
    console.log(
      `known-item search: typed phrase in top 3 for ${inTopThree}/${SAMPLE} (${typedRate}), quoted phrase first for ${first}/${SAMPLE} (${quotedRate})`,
    );
    if (missed.length > 0) console.log(missed.join('\n'));
    expect(typedRate, missed.join('\n')).toBe(1);
    expect(quotedRate, missed.join('\n')).toBe(1);
  });
});
