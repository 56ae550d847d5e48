/**
 * Builds the search index over a built site, into `<site>/pagefind/`. Only release pages hold
 * text to search; each goes to Pagefind as `indexableHtml` makes it (`src/pagefind/`), written to
 * a temporary folder that Pagefind's command line then reads itself, which is several times
 * faster than handing it each page through its Node API. Any error Pagefind reports is thrown: a
 * site whose search silently misses releases is worse than no build.
 *
 * Pagefind holds a whole index in memory while it builds it, about 0.2 GiB per million words, so
 * the releases are indexed in parts of at most `partWords` words, newest first, one Pagefind
 * process after another; the number of parts goes into a file of the index (`PARTS_FILE`), which
 * the search page reads, with each part's size. A rebuild starts each part from the previous
 * site's index files. Beside the index goes the archive's vocabulary (`vocabulary.ts`): every
 * word with the number of releases, and the parts, that hold it, and the list of its commonest
 * words (`COMMON_WORDS_FILE`).
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleLanguages, pruneBundle, reuseBundle } from '../pagefind/bundle.ts';
import { runPagefind, writeEmptyBundle } from '../pagefind/cli.ts';
import { indexableHtml } from '../pagefind/index-text.ts';
import { pageTexts } from '../pagefind/page-index.ts';
import { PARTS_FILE, partBundle, type PartSize, type PartsFile } from '../pagefind/parts.ts';
import { COMMON_WORDS_FILE, VocabularyBuilder, WORDS_FOLDER } from '../pagefind/vocabulary.ts';

/**
 * Where releases, taken newest first, start a new part: when the part they would join already
 * holds some and would then hold more than `limit` words. A release longer than that is a part
 * of its own.
 */
export class PartPlanner {
  readonly #limit: number;
  #words = 0;
  #releases = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Counts in a release of `words` words; whether it starts a new part. */
  startsPart(words: number): boolean {
    const starts = this.#releases > 0 && this.#words + words > this.#limit;
    if (starts) this.#words = this.#releases = 0;
    this.#words += words;
    this.#releases++;
    return starts;
  }
}

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
  const sizes: PartSize[] = [];
  const vocabulary = new VocabularyBuilder();
  let reused = 0;
  let indexed = 0;
  // The part being gathered: its copies' folder, how many it holds, and copies not yet written.
  let source = await mkdtemp(join(tempRoot, 'archive-index-'));
  let count = 0;
  let words = 0;
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
    sizes.push({ pages: count, words });
    parts++;
    source = await mkdtemp(join(tempRoot, 'archive-index-'));
    count = words = 0;
  };
  try {
    for (let i = 0; i < pages.length; i += BATCH) {
      const batch = await Promise.all(
        pages
          .slice(i, i + BATCH)
          .map(async (path) => ({ path, copy: indexableHtml(await readFile(join(site, path), 'utf8')) })),
      );
      for (const page of batch) {
        // A page without release text (one that redirects from an old address) has nothing to find.
        if (!page.copy.includes('data-pagefind-body')) continue;
        const pageWordCount = indexedWords(page.copy);
        if (planner.startsPart(pageWordCount)) await finishPart();
        vocabulary.addPage(pageTexts(page.copy), parts);
        unwritten.push(page);
        count++;
        words += pageWordCount;
        indexed++;
      }
      await writeCopies();
    }
    // The last part; an archive without releases still gets an (empty) index for its search page.
    if (count > 0 || parts === 0) await finishPart();
  } finally {
    await rm(source, { recursive: true, force: true });
  }
  // The search page learns how many parts there are, and how large, from the index itself.
  const file: PartsFile = { parts, sizes };
  await writeFile(join(site, 'pagefind', PARTS_FILE), `${JSON.stringify(file)}\n`);
  await mkdir(join(site, 'pagefind', WORDS_FOLDER), { recursive: true });
  for (const [path, file] of vocabulary.files(parts)) {
    await writeFile(join(site, 'pagefind', path), JSON.stringify(file));
  }
  await writeFile(join(site, 'pagefind', COMMON_WORDS_FILE), JSON.stringify(vocabulary.common()));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const inParts = parts > 1 ? ` in ${parts} parts` : '';
  const reusing = previous ? ` (${reused} index files reused from the previous build)` : '';
  log(`Indexed ${indexed} release pages for search${inParts} in ${seconds} s${reusing}.`);
}
