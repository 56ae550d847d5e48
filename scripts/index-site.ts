/**
 * `node scripts/index-site.ts [--temp <folder>] <site> [<previous site>]`: builds the search index
 * of a built site (`search-index.ts`), starting from the index files of a site built before. The
 * build command runs it once Astro's process has ended, with a heap sized for the largest page
 * (`src/build/build-command.ts`): while Pagefind holds a part of the index in memory, this
 * process holds next to nothing.
 */
import { parseArgs } from 'node:util';
import { searchPartWords } from '../src/env.ts';
import { indexSite } from '../src/build/search-index.ts';

try {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { temp: { type: 'string' } } });
  const [site, previous] = positionals;
  if (!site) throw new Error('usage: node scripts/index-site.ts [--temp <folder>] <site> [<previous site>]');
  await indexSite(site, {
    partWords: searchPartWords(),
    previous,
    temp: values.temp,
    log: (message) => process.stdout.write(`${message}\n`),
  });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
