/**
 * `node scripts/index-site.ts <site> [<previous site>]`: builds the search index of a built site
 * (`search-index.ts`), starting from the index files of a site built before. `npm run build` runs
 * it once Astro's process has ended, with a small heap (`scripts/build.ts`): while Pagefind holds
 * a part of the index in memory, this process holds next to nothing.
 */
import { searchPartWords } from '../src/lib/env.ts';
import { indexSite } from '../src/lib/search-index.ts';

const [site, previous] = process.argv.slice(2);
if (!site) {
  process.stderr.write('usage: node scripts/index-site.ts <site> [<previous site>]\n');
  process.exit(2);
}
try {
  await indexSite(site, { partWords: searchPartWords(), previous, log: (message) => process.stdout.write(`${message}\n`) });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
