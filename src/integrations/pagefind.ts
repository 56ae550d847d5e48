/**
 * Builds the Pagefind search index over the finished site, so that `astro build` alone gives a
 * complete, searchable archive with no second command to forget. Any error Pagefind reports
 * fails the build: a site whose search silently misses releases is worse than no build.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

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
        try {
          const { index, errors } = await pagefind.createIndex({});
          check('start', errors);
          if (!index) throw new Error('Pagefind could not start');
          const added = await index.addDirectory({ path: site });
          check('index the site', added.errors);
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          check('write the index', written.errors);
          logger.info(`Indexed ${added.page_count} pages for search.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
