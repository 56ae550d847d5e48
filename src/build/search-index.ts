/**
 * The search index, made from the archive's model (`archive-model.ts`) beside the pages, never
 * from the built site. Each release's index input (`src/pagefind/index-input.ts`, then
 * `index-text.ts`) goes to Pagefind's command line, part by part (`index-parts.ts`): several
 * times faster than handing it each page through its Node API. Any error Pagefind reports is
 * thrown: a site whose search silently misses releases is worse than no build.
 *
 * A part whose releases are those of the previous build, with the same stamps, is taken from the
 * previous site as it is; only the parts a change touches are made again. Beside the parts goes
 * the archive's vocabulary (`src/pagefind/vocabulary.ts`): every word with the number of
 * releases, and the parts, holding it; the words of the head (the newest part, where a new
 * release goes) in a few files of their own; and the list of its commonest words. Each part's
 * words are kept in the build's cache (`cache`), so the vocabulary of parts that did not change
 * is not counted again.
 */
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { bundleLanguages } from '../pagefind/bundle.ts';
import { runPagefind, writeEmptyBundle } from '../pagefind/cli.ts';
import { indexInput } from './index-input.ts';
import { indexableHtml } from '../pagefind/index-text.ts';
import { pageTexts } from '../pagefind/page-index.ts';
import { PARTS_FILE, type PartsFile } from '../pagefind/parts.ts';
import { WORKER_SCRIPT, WORKER_SOURCE } from '../pagefind/worker-script.ts';
import {
  COMMON_WORDS_FILE,
  PartVocabulary,
  WORDS_FOLDER,
  commonWords,
  headFiles,
  vocabularyFiles,
  type PartWords,
} from '../pagefind/vocabulary.ts';
import { releasePath } from '../model/permalink.ts';
import type { Names } from '../model/names.ts';
import type { ArchiveRelease } from './archive-model.ts';
import type { BodyStore } from './body-store.ts';
import { planParts, type PlannedPart } from './index-parts.ts';
import { SiteLinker } from './site-linker.ts';

/** The index's folder in the site. */
export const INDEX_FOLDER = 'pagefind';

/** What the build remembers of an index, in the site's marker, for the next build to start from. */
export interface IndexManifest {
  /** Each part, newest first: where it is, what it holds (`key`), and how large it is. */
  parts: { path: string; key: string; pages: number; words: number }[];
  /** Each release's stamp and its index input's words, by id. */
  words: Record<string, [string, number]>;
  /** What the vocabulary's files of all parts but the head, and the head's own, were made from. */
  vocabulary: { sealed: string; head: string };
  /** Every file of the index, relative to the site. */
  files: string[];
}

/** What an index build did, for the build's one line about it. */
export interface IndexOutcome {
  manifest: IndexManifest;
  remade: number;
  /** The files taken from the previous site, relative to the site. */
  linked: ReadonlySet<string>;
}

/**
 * The words of a page's index input that Pagefind indexes, near enough: those from the start of
 * its text (`data-pagefind-body`) to its end.
 */
export function indexedWords(copy: string): number {
  const start = copy.indexOf('data-pagefind-body');
  if (start === -1) return 0;
  const text = copy.slice(copy.indexOf('>', start) + 1).replace(/<[^>]*>/g, ' ');
  return text.match(/\S+/g)?.length ?? 0;
}

/**
 * The Pagefind files a part keeps: its index. Pagefind's worker and its WebAssembly are the same for
 * every part, kept once in the index's folder (`RUNTIME`), whence the search page's worker loads
 * them (`src/pagefind/worker-script.ts`).
 */
const PART_FILES = /^(?:pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|(?:fragment|index|filter)\/.*)$/;

/** Pagefind's own files that the index's folder keeps, once for all parts: its worker and WebAssembly. */
const RUNTIME = /^(?:pagefind-worker\.js|wasm\.[^/]+\.pagefind)$/;

/** Every file below `dir`, relative to it, `/`-separated. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

function hashOf(...texts: string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text).update('\0');
  return hash.digest('hex').slice(0, 24);
}

/** What an index build is given. */
export interface IndexRequest {
  /** The archive's releases (the model). */
  releases: readonly ArchiveRelease[];
  /** The archive's names (`names.yaml`), for each release's names in their canonical forms. */
  names: Names;
  bodies: BodyStore;
  /** The new site, into whose index folder the index goes. */
  site: string;
  /** The previous site and what it says of its index, where a build may start from them. */
  previous?: { site: string; manifest: IndexManifest } | undefined;
  /** Where each part's words are kept between builds. */
  cache: string;
  /** Where the index inputs are written for Pagefind to read. */
  temp: string;
  /** The most words a part holds (`ARCHIVE_SEARCH_PART_WORDS`). */
  partWords: number;
  log(message: string): void;
  /** Told of each Pagefind process started, so that a build being stopped can stop it. */
  started?: ((child: ChildProcess) => void) | undefined;
  /** Ends the work between parts, once aborted. */
  signal?: AbortSignal | undefined;
}

/** A release as the index plans it. */
interface Member {
  id: string;
  date: string;
  words: number;
  stamp: string;
  release: ArchiveRelease;
}

/** Builds the index of `releases` into `<site>/pagefind/`, remaking only the parts a change touched. */
export async function buildIndex(request: IndexRequest): Promise<IndexOutcome> {
  const { releases, names, bodies, site, previous, cache, temp, partWords, log, started: onStart, signal } = request;
  const started = performance.now();
  const folder = join(site, INDEX_FOLDER);
  const inputs = join(temp, 'inputs');
  const linker = previous && new SiteLinker(previous.site, site);
  await mkdir(folder, { recursive: true });
  await mkdir(cache, { recursive: true });
  await mkdir(temp, { recursive: true });

  // Folders made so far: a release's input goes in a folder of its own, as Pagefind takes its address from it.
  const made = new Set<string>();
  const folderFor = async (file: string) => {
    const dir = dirname(file);
    if (made.has(dir)) return;
    await mkdir(dir, { recursive: true });
    made.add(dir);
  };
  // Every release's input, made now for the releases whose words are not known from the last build.
  const inputOf = (release: ArchiveRelease): string => {
    const body = bodies.read(release.key);
    if (!body) throw new Error(`${release.file}: its rendered text is missing from the build's cache; build again`);
    const data = {
      ...release.data,
      speaker: names.canonical('speaker', release.data.speaker),
      ...(release.data.organisation
        ? { organisation: names.canonical('organisation', release.data.organisation) }
        : {}),
      ...(release.data.venue ? { venue: names.canonical('venue', release.data.venue) } : {}),
    };
    return indexableHtml(indexInput({ data, html: body.html, notes: body.notes, media: release.media }, 'en'));
  };
  const inputFile = (id: string) => join(inputs, `${id}.html`);
  const members: Member[] = [];
  for (const release of releases) {
    const known = previous?.manifest.words[release.id];
    let words: number;
    if (known && known[0] === release.stamp) words = known[1];
    else {
      const copy = inputOf(release);
      words = indexedWords(copy);
      await folderFor(inputFile(release.id));
      await writeFile(inputFile(release.id), copy);
    }
    members.push({ id: release.id, date: release.data.date, words, stamp: release.stamp, release });
  }

  // The parts, newest first, each keyed by its releases and their stamps. Each part but the head
  // holds three quarters of the most words a part may to all of them: a search reads every part
  // it opens, each with its own index chunks, so few and full parts fetch least; a change to an
  // old release remakes its part whole.
  const planned = planParts(members, 'en', { min: partWords * 0.75, target: partWords / 4, max: partWords }).reverse();
  const keyOf = (part: PlannedPart<Member>) =>
    hashOf(part.path, ...part.members.map(({ id, stamp }) => `${id} ${stamp}`));
  const before = new Map(previous?.manifest.parts.map((part) => [part.path, part.key]));
  const previousFiles = previous?.manifest.files ?? [];
  const parts: IndexManifest['parts'] = [];
  const vocabularies: PartWords[] = [];
  let remade = 0;
  // Pagefind's worker and WebAssembly, each from the first part made that has it: the same in every part.
  const runtime = new Set<string>();
  const keepRuntime = async (bundle: string) => {
    for (const file of await filesBelow(bundle)) {
      if (RUNTIME.test(file) && !runtime.has(file)) {
        await copyFile(join(bundle, file), join(folder, file));
        runtime.add(file);
      }
      if (!PART_FILES.test(file)) await rm(join(bundle, file));
    }
  };
  for (const part of planned) {
    signal?.throwIfAborted();
    const key = keyOf(part);
    const bundle = join(folder, part.path);
    const cached = join(cache, `${key}.json`);
    parts.push({ path: part.path, key, pages: part.members.length, words: part.words });
    if (previous && before.get(part.path) === key) {
      const prefix = `${INDEX_FOLDER}/${part.path}`;
      for (const path of previousFiles.filter((file) => file.startsWith(prefix))) {
        linker?.bring(path);
      }
      vocabularies.push(await readPartWords(cached, () => countWords(part.members, inputOf)));
      continue;
    }
    // Made again: its releases' inputs into a folder of their own, for one Pagefind run.
    const source = join(temp, `part-${remade}`);
    const vocabulary = new PartVocabulary();
    for (const { id, release } of part.members) {
      const copy = await readFile(inputFile(id), 'utf8').catch(() => inputOf(release));
      vocabulary.addPage(pageTexts(copy));
      const file = join(source, releasePath(release.data), 'index.html');
      await folderFor(file);
      await writeFile(file, copy);
    }
    await runPagefind(source, bundle, onStart);
    const indexed = (await bundleLanguages(bundle)).reduce((sum, { page_count }) => sum + page_count, 0);
    if (indexed !== part.members.length) {
      throw new Error(`Pagefind indexed ${indexed} of the ${part.members.length} releases of ${part.path}`);
    }
    await keepRuntime(bundle);
    await rm(source, { recursive: true, force: true });
    const words = vocabulary.words();
    await writeFile(cached, JSON.stringify(words));
    vocabularies.push(words);
    remade++;
  }
  if (planned.length === 0) {
    // An archive without releases still gets an index, empty, for its search page.
    const bundle = join(folder, 'parts/empty/');
    await writeEmptyBundle(bundle);
    parts.push({ path: 'parts/empty/', key: 'empty', pages: 0, words: 0 });
    vocabularies.push({ pages: 0, words: {} });
    await keepRuntime(bundle);
  }
  // Those no part made this time come from the previous site.
  for (const file of previousFiles) {
    const name = file.slice(INDEX_FOLDER.length + 1);
    if (RUNTIME.test(name) && !runtime.has(name)) linker?.bring(file);
  }
  await writeFile(join(folder, WORKER_SCRIPT), WORKER_SOURCE);

  // The vocabulary: of every part but the head, unless the index has one part; and of the head.
  const split = parts.length > 1;
  const sealedParts = split ? parts.slice(1) : parts;
  const vocabulary = {
    sealed: hashOf('sealed', ...sealedParts.map((part) => part.key)),
    head: split ? hashOf('head', parts[0]!.key) : '',
  };
  await mkdir(join(folder, WORDS_FOLDER), { recursive: true });
  const previousWords = previousFiles.filter((file) => file.startsWith(`${INDEX_FOLDER}/${WORDS_FOLDER}`));
  const isHead = (file: string) => /\/head-\d+\.json$/.test(file);
  const isCommon = (file: string) => file === `${INDEX_FOLDER}/${COMMON_WORDS_FILE}`;
  if (previous && previous.manifest.vocabulary.sealed === vocabulary.sealed) {
    for (const file of previousWords.filter((file) => !isHead(file) && !isCommon(file))) {
      linker?.bring(file);
    }
  } else {
    for (const [path, file] of vocabularyFiles(split ? vocabularies.slice(1) : vocabularies, split ? 1 : 0)) {
      await writeFile(join(folder, path), JSON.stringify(file));
    }
  }
  if (split) {
    if (previous && previous.manifest.vocabulary.head === vocabulary.head) {
      for (const file of previousWords.filter(isHead)) linker?.bring(file);
    } else {
      for (const [path, file] of headFiles(vocabularies[0]!)) await writeFile(join(folder, path), JSON.stringify(file));
    }
  }
  await writeFile(join(folder, COMMON_WORDS_FILE), JSON.stringify(commonWords(vocabularies)));

  // The search page learns how many parts there are, where, and how large, from the index itself.
  const partsFile: PartsFile = {
    parts: parts.length,
    sizes: parts.map(({ pages, words }) => ({ pages, words })),
    paths: parts.map(({ path }) => path),
    head: split,
  };
  await writeFile(join(folder, PARTS_FILE), `${JSON.stringify(partsFile)}\n`);
  await rm(inputs, { recursive: true, force: true });

  const files = (await filesBelow(folder)).map((file) => `${INDEX_FOLDER}/${file}`).sort();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `Indexed ${releases.length.toLocaleString('en')} ${releases.length === 1 ? 'release' : 'releases'} for search in ${parts.length} ${parts.length === 1 ? 'part' : 'parts'} (${remade} made, ${parts.length - remade} kept) in ${seconds} s.`,
  );
  return {
    manifest: {
      parts,
      words: Object.fromEntries(members.map(({ id, stamp, words }) => [id, [stamp, words]])),
      vocabulary,
      files,
    },
    remade,
    linked: linker?.linked ?? new Set(),
  };
}

/** A part's words as kept in the cache, or counted again from its releases where they are not. */
async function readPartWords(file: string, count: () => PartWords): Promise<PartWords> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as PartWords;
  } catch {
    const words = count();
    await writeFile(file, JSON.stringify(words));
    return words;
  }
}

/** The words of a part's releases, from their inputs. */
function countWords(members: readonly Member[], inputOf: (release: ArchiveRelease) => string): PartWords {
  const vocabulary = new PartVocabulary();
  for (const { release } of members) vocabulary.addPage(pageTexts(inputOf(release)));
  return vocabulary.words();
}
