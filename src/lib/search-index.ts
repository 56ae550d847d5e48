/**
 * Builds the Pagefind search index over a built site, into `<site>/pagefind/`. Only release pages
 * hold text to search; each goes to Pagefind as `indexableHtml` makes it, written to a temporary
 * folder that Pagefind's command line then reads itself: several times faster than handing it
 * each page through its Node API. Any error Pagefind reports is thrown: a site whose search
 * silently misses releases is worse than no build.
 *
 * Pagefind holds a whole index in memory while it builds it, about 0.2 GiB per million words, so
 * the releases are indexed in parts of at most `partWords` words, newest first, one Pagefind
 * process after another (`search-parts.ts`); the search page is told how many there are. A
 * rebuild starts each part from the previous site's index files (`index-reuse.ts`).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { bundleLanguages, pruneBundle, reuseBundle } from './index-reuse.ts';
import { indexableHtml } from './index-text.ts';
import { PartPlanner, partBundle } from './search-parts.ts';

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

/**
 * The words of a page's copy that Pagefind indexes, near enough: those from the start of its text
 * (`data-pagefind-body`) to the end of the page, whose few words after the text count too.
 */
export function indexedWords(copy: string): number {
  const start = copy.indexOf('data-pagefind-body');
  if (start === -1) return 0;
  const text = copy.slice(copy.indexOf('>', start) + 1).replace(/<[^>]*>/g, ' ');
  return text.match(/\S+/g)?.length ?? 0;
}

/** The search page's attribute that says how many parts the index has (`search.astro`). */
const PART_COUNT = /\bdata-parts="\d+"/;

/** Tells the built search page how many parts the index has: known only once it is built. */
export async function setPartCount(site: string, parts: number): Promise<void> {
  const page = join(site, 'search', 'index.html');
  const html = await readFile(page, 'utf8');
  if (!PART_COUNT.test(html)) throw new Error(`${page} has no data-parts attribute to tell it the search index's ${parts} parts`);
  await writeFile(page, html.replace(PART_COUNT, `data-parts="${parts}"`));
}

/**
 * Pagefind's command line, from the platform package that the `pagefind` package installs (as
 * its own `npx pagefind` finds it). The command line takes about a tenth less memory than the
 * same indexing through Pagefind's Node API, whose service holds more while it writes.
 */
function pagefindBinary(): string {
  const require = createRequire(import.meta.resolve('pagefind'));
  const platform = `@pagefind/${process.platform === 'win32' ? 'windows' : process.platform}-${arch()}`;
  const extension = process.platform === 'win32' ? '.exe' : '';
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`${platform}/bin/${name}${extension}`);
    } catch {
      // Not this one; try the next.
    }
  }
  throw new Error(`Pagefind has no program for this platform (${platform}) in node_modules: run npm ci`);
}

/** Runs Pagefind on `source`, writing its bundle to `outputPath`; throws with its output if it fails. */
function runPagefind(source: string, outputPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Run from the source folder, so that no Pagefind configuration file elsewhere applies.
    const child = spawn(pagefindBinary(), ['--site', source, '--output-path', outputPath], { cwd: source });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`Pagefind could not index the release pages (exit code ${code}):\n${output.trim()}`))));
  });
}

/**
 * An index without pages, for an archive without releases: its search page still finds Pagefind
 * (and no results). Pagefind's command line refuses to write one; its Node API does.
 */
async function writeEmptyBundle(outputPath: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start:\n${errors.join('\n')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write an empty index:\n${written.errors.join('\n')}`);
  } finally {
    await pagefind.close();
  }
}

/**
 * Indexes the `pages` copies in `source` into one Pagefind bundle at `outputPath`, starting from
 * the files of `previous` (a bundle of the previous build, if any); gives how many of those the
 * new bundle still uses.
 */
async function indexPart(source: string, pages: number, outputPath: string, previous?: string): Promise<number> {
  if (pages === 0) {
    await writeEmptyBundle(outputPath);
    return 0;
  }
  const brought = previous ? await reuseBundle(previous, outputPath) : [];
  await runPagefind(source, outputPath);
  const indexed = (await bundleLanguages(outputPath)).reduce((sum, { page_count }) => sum + page_count, 0);
  if (indexed !== pages) throw new Error(`Pagefind indexed ${indexed} of ${pages} release pages`);
  return brought.length - (await pruneBundle(outputPath, brought));
}

export interface IndexOptions {
  /** The most words one part of the index holds (`searchPartWords()`). */
  partWords: number;
  /** A site built before, whose index files the new index starts from. */
  previous?: string | undefined;
  /** Where the copies of pages for Pagefind go (the build's working folder); the system's temporary folder if not given. */
  temp?: string | undefined;
  log(message: string): void;
}

/** Indexes the release pages of the built `site` for search, in as many parts as their words need. */
export async function indexSite(site: string, { partWords, previous, temp, log }: IndexOptions): Promise<void> {
  const tempRoot = temp ?? tmpdir();
  await mkdir(tempRoot, { recursive: true });
  const started = performance.now();
  const pages = await releasePages(site);
  const planner = new PartPlanner(partWords);
  let parts = 0;
  let reused = 0;
  let indexed = 0;
  // The part being gathered: its copies' folder, how many it holds, and copies not yet written.
  let source = await mkdtemp(join(tempRoot, 'archive-index-'));
  let count = 0;
  let unwritten: { path: string; copy: string }[] = [];
  const writeCopies = async () => {
    await Promise.all(
      unwritten.map(async ({ path, copy }) => {
        await mkdir(dirname(join(source, path)), { recursive: true });
        await writeFile(join(source, path), copy);
      }),
    );
    unwritten = [];
  };
  const finishPart = async () => {
    await writeCopies();
    const bundle = partBundle(join(site, 'pagefind/'), parts);
    reused += await indexPart(source, count, bundle, previous && partBundle(join(previous, 'pagefind/'), parts));
    await rm(source, { recursive: true, force: true });
    parts++;
    source = await mkdtemp(join(tempRoot, 'archive-index-'));
    count = 0;
  };
  try {
    for (let i = 0; i < pages.length; i += BATCH) {
      const batch = await Promise.all(
        pages.slice(i, i + BATCH).map(async (path) => ({ path, copy: indexableHtml(await readFile(join(site, path), 'utf8')) })),
      );
      for (const page of batch) {
        // A page without release text (one that redirects from an old address) has nothing to find.
        if (!page.copy.includes('data-pagefind-body')) continue;
        if (planner.startsPart(indexedWords(page.copy))) await finishPart();
        unwritten.push(page);
        count++;
        indexed++;
      }
      await writeCopies();
    }
    // The last part; an archive without releases still gets an (empty) index for its search page.
    if (count > 0 || parts === 0) await finishPart();
  } finally {
    await rm(source, { recursive: true, force: true });
  }
  await setPartCount(site, parts);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const inParts = parts > 1 ? ` in ${parts} parts` : '';
  const reusing = previous ? ` (${reused} index files reused from the previous build)` : '';
  log(`Indexed ${indexed} release pages for search${inParts} in ${seconds} s${reusing}.`);
}
