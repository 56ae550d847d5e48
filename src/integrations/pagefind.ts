/**
 * Builds the Pagefind search index over the finished site, so that `astro build` alone gives a
 * complete, searchable archive with no second command to forget. Any error Pagefind reports
 * fails the build: a site whose search silently misses releases is worse than no build.
 * Only release pages hold text to search; each goes to Pagefind as `indexableHtml` makes it,
 * written to a temporary folder that Pagefind then reads itself: several times faster than
 * handing it each page through its Node API. A large archive is indexed in parts, newest first,
 * one Pagefind run each (`search-parts.ts`), so that memory stays bounded by the part's size.
 * A rebuild starts each part from the previous site's index files (`index-reuse.ts`).
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { previousSite, searchPartSize } from '../lib/env.ts';
import { pruneBundle, reuseBundle } from '../lib/index-reuse.ts';
import { indexableHtml } from '../lib/index-text.ts';
import { partBundles, partCount, splitIntoParts } from '../lib/search-parts.ts';

/** How many pages are read and written at once. */
const BATCH = 64;

/** The release pages of a built site, newest first (their paths start with the date). */
async function releasePages(site: string): Promise<string[]> {
  const entries = await readdir(join(site, 'releases'), { recursive: true }).catch(() => []);
  return entries
    .filter((path) => path.endsWith('index.html'))
    .map((path) => join('releases', path))
    .sort()
    .reverse();
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

/**
 * Indexes some release pages of `site` into one Pagefind bundle at `outputPath`, starting from
 * the files of `previous` (a bundle of the previous build, if any); gives how many of those the
 * new bundle still uses.
 */
async function indexPart(site: string, pages: readonly string[], outputPath: string, previous?: string): Promise<number> {
  const source = await mkdtemp(join(tmpdir(), 'archive-index-'));
  try {
    for (let i = 0; i < pages.length; i += BATCH) {
      await Promise.all(
        pages.slice(i, i + BATCH).map(async (path) => {
          const content = indexableHtml(await readFile(join(site, path), 'utf8'));
          await mkdir(dirname(join(source, path)), { recursive: true });
          await writeFile(join(source, path), content);
        }),
      );
    }
    const { index, errors } = await pagefind.createIndex({});
    check('start', errors);
    if (!index) throw new Error('Pagefind could not start');
    const added = await index.addDirectory({ path: source });
    check('index the release pages', added.errors);
    if (added.page_count !== pages.length) {
      throw new Error(`Pagefind indexed ${added.page_count} of ${pages.length} release pages`);
    }
    const brought = previous ? await reuseBundle(previous, outputPath) : [];
    const written = await index.writeFiles({ outputPath });
    check('write the index', written.errors);
    return brought.length - (await pruneBundle(outputPath, brought));
  } finally {
    // Closing ends Pagefind's process, and with it the memory the part took.
    await pagefind.close();
    await rm(source, { recursive: true, force: true });
  }
}

/** An integration that indexes the built site into `<outDir>/pagefind/`. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'archive:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const pages = await releasePages(site);
        const parts = splitIntoParts(pages, partCount(pages.length, searchPartSize()));
        const bundles = partBundles(join(site, 'pagefind/'), parts.length);
        const before = previousSite();
        const previous = before ? partBundles(join(before, 'pagefind/'), parts.length) : [];
        let reused = 0;
        for (const [k, bundle] of bundles.entries()) reused += await indexPart(site, parts[k] ?? [], bundle, previous[k]);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const inParts = parts.length > 1 ? ` in ${parts.length} parts` : '';
        const reusing = before ? ` (${reused} index files reused from the previous build)` : '';
        logger.info(`Indexed ${pages.length} release pages for search${inParts} in ${seconds} s${reusing}.`);
      },
    },
  };
}
