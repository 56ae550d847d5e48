/**
 * What search costs as the archive grows (issue 18): on a built site of the full corpus, 10,000 or
 * 100,000 releases, in Chromium, the bytes of the search page and its first search, of later
 * searches, and how soon results follow a key; with how many parts the index has and how many a
 * first search opened. Sizes are taken from the files, as `bench.ts` takes them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.ts';
import { settled } from '../tests/support/search-page.ts';
import { serve } from '../tests/support/serve.ts';

/** What search cost on one site. */
export interface SearchAtScale {
  releases: number;
  parts: number;
  /** Parts of the index whose files the first search fetched. */
  partsOpened: number;
  /** The search page before anything is typed. */
  pageKiB: number;
  /** The page, the box focused, and a first search for "health care", by kind of file. */
  firstSearchKiB: number;
  firstSearchKiBByKind: Record<string, number>;
  /** Each later search: files not fetched before. */
  laterSearchKiB: number[];
  /** Keystroke to rendered results, 20 queries. */
  keystrokeToResultsMs: { median: number; all: number[] };
}

/** The searches after the first. */
export const LATER = ['nuclear weapons', 'liberty', 'economy', 'veterans', 'slavery'];
/** The queries whose last key is timed. */
export const QUERIES = [
  'health care',
  'liberty',
  'nuclear weapons',
  'economy',
  'slavery',
  'climate change',
  'tax cuts',
  'veterans',
  'Iraq',
  'education',
  'union',
  'freedom',
  'terrorism',
  'jobs',
  'Russia',
  'trade',
  'immigration',
  'peace',
  'energy',
  'budget',
];

/** What a file a search page fetches is: the page's own, or which kind of Pagefind's files. */
export function fileKind(path: string): string {
  if (!path.startsWith('/pagefind/')) return 'page';
  if (/\/fragment\//.test(path)) return 'fragments';
  if (/\/index\//.test(path)) return 'index';
  if (/\/filter\//.test(path)) return 'filters';
  if (/pf_meta$/.test(path)) return 'meta';
  if (/\/words\//.test(path)) return 'vocabulary';
  return 'code';
}

/**
 * How long a key takes to show its results: the query but its last key typed, its results shown,
 * then the last key, as a reader types it after a look at them. (A key within 180 ms of the one
 * before is fast typing, which waits for a pause before it searches: `src/search/view.ts`.)
 */
export async function keystrokeMs(page: Page, query: string): Promise<number> {
  const box = page.getByRole('searchbox', { name: 'Search words' });
  await box.fill(query.slice(0, -1));
  await settled(page);
  await page.waitForTimeout(250);
  return page.evaluate(async (last) => {
    const root = document.getElementById('search')!;
    const input = document.getElementById('search-query') as HTMLInputElement;
    const started = performance.now();
    input.value += last;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise<void>((resolve) => {
      const check = () => (root.dataset['resultsFor'] === location.search ? resolve() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - started;
  }, query.slice(-1));
}

/** Measures search on the site built in `out`, of `releases` releases. */
export async function searchAtScale(out: string, releases: number): Promise<SearchAtScale> {
  const { parts } = JSON.parse(await readFile(join(out, 'pagefind/archive-parts.json'), 'utf8')) as { parts: number };
  const server = await serve(out);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const sizeOf = async (path: string) => {
      const data = await readFile(join(out, path.endsWith('/') ? `${path}index.html` : path)).catch(() => undefined);
      if (!data) return 0;
      return /\.(?:html|css|js|json)$|\/$/.test(path) ? gzipSync(data).length : data.length;
    };
    const kib = async (paths: string[], before: string[] = []) => {
      const seen = new Set(before);
      let bytes = 0;
      for (const path of new Set(paths)) if (!seen.has(path)) bytes += await sizeOf(path);
      return bytes / 1024;
    };
    await page.goto(`${server.url}/search/`);
    await page.waitForLoadState('networkidle');
    const pageKiB = await kib(requested);
    const box = page.getByRole('searchbox', { name: 'Search words' });
    await box.fill('health care');
    await settled(page);
    await page.waitForLoadState('networkidle');
    const first = requested.slice();
    const firstSearchKiBByKind: Record<string, number> = {};
    for (const path of new Set(first)) {
      firstSearchKiBByKind[fileKind(path)] = (firstSearchKiBByKind[fileKind(path)] ?? 0) + (await sizeOf(path)) / 1024;
    }
    // Each part's bundle is in a folder of its own: `pagefind/parts/<language>-<first month>/`.
    const opened = new Set(
      first.map((path) => /^\/pagefind\/parts\/[^/]+\//.exec(path)?.[0]).filter((part) => part !== undefined),
    );
    const laterSearchKiB: number[] = [];
    for (const query of LATER) {
      const before = requested.slice();
      await box.fill(query);
      await settled(page);
      await page.waitForLoadState('networkidle');
      laterSearchKiB.push(await kib(requested.slice(before.length), before));
    }
    const all: number[] = [];
    for (const query of QUERIES) all.push(await keystrokeMs(page, query));
    const sorted = [...all].sort((a, b) => a - b);
    return {
      releases,
      parts,
      partsOpened: opened.size,
      pageKiB,
      firstSearchKiB: await kib(first),
      firstSearchKiBByKind,
      laterSearchKiB,
      keystrokeToResultsMs: { median: (sorted[9]! + sorted[10]!) / 2, all },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The lines of bench/RESULTS.md for `figures`, the first of them the full corpus. */
export function scaleReport(figures: readonly SearchAtScale[]): string[] {
  if (figures.length === 0) return [];
  const f = (x: number, d = 1) => x.toFixed(d);
  const corpus = figures[0]!;
  return [
    'Search as the archive grows, in Chromium (`bench/search-scale.ts`): the search page, the box focused and a first',
    'search for "health care"; five later searches; keystroke to results over 20 queries. "× corpus" compares the page',
    'and first search with the first row.',
    '',
    '| releases | index parts | parts the first search opened | page KiB | page + first search KiB | × corpus | of which code, meta, filters, index, fragments, vocabulary | later searches, most KiB | keystroke to results, median ms |',
    '|---:|---:|---:|---:|---:|---:|---|---:|---:|',
    ...figures.map((s) => {
      const kinds = ['code', 'meta', 'filters', 'index', 'fragments', 'vocabulary']
        .map((kind) => f(s.firstSearchKiBByKind[kind] ?? 0))
        .join(', ');
      return `| ${s.releases} | ${s.parts} | ${s.partsOpened} | ${f(s.pageKiB)} | ${f(s.firstSearchKiB)} | ${f(s.firstSearchKiB / corpus.firstSearchKiB, 2)} | ${kinds} | ${f(Math.max(...s.laterSearchKiB))} | ${f(s.keystrokeToResultsMs.median)} |`;
    }),
    '',
  ];
}
