/**
 * Builds the Pagefind search index over the finished site, so that `astro build` alone gives a
 * complete, searchable archive with no second command to forget. Any error Pagefind reports
 * fails the build: a site whose search silently misses releases is worse than no build.
 * Only release pages hold text to search; each goes to Pagefind as `indexableHtml` makes it,
 * written to a temporary folder that Pagefind then reads itself: several times faster than
 * handing it each page through its Node API.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { indexableHtml } from '../lib/index-text.ts';

/** How many pages are read and written at once. */
const BATCH = 64;

async function releasePages(site: string): Promise<string[]> {
  const entries = await readdir(join(site, 'releases'), { recursive: true }).catch(() => []);
  return entries.filter((path) => path.endsWith('index.html')).map((path) => join('releases', path));
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

/** An integration that indexes the built site into `<outDir>/pagefind/`. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'archive:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const source = await mkdtemp(join(tmpdir(), 'archive-index-'));
        try {
          const pages = await releasePages(site);
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
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          check('write the index', written.errors);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`Indexed ${pages.length} release pages for search in ${seconds} s.`);
        } finally {
          await pagefind.close();
          await rm(source, { recursive: true, force: true });
        }
      },
    },
  };
}
