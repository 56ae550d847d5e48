/**
 * Builds the Pagefind search index over the finished site (`search-index.ts`), so that
 * `astro build` alone gives a complete, searchable archive with no second command to forget.
 * `npm run build` instead indexes after Astro's process has ended (`scripts/build.ts`): the two
 * never hold their memory at the same time.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexSeparately, searchPartWords } from '../lib/env.ts';
import { indexSite } from '../lib/search-index.ts';

/** An integration that indexes the built site into `<outDir>/pagefind/`. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'archive:pagefind',
    hooks: {
      'astro:config:setup': () => void searchPartWords(),
      'astro:build:done': async ({ dir, logger }) => {
        if (indexSeparately()) return;
        await indexSite(fileURLToPath(dir), { partWords: searchPartWords(), log: (message) => logger.info(message) });
      },
    },
  };
}
