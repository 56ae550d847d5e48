/**
 * Opening the search index in the browser: what `PARTS_FILE` says of its parts, each part
 * opened in Pagefind's worker only when a search first needs it, and the vocabulary's files
 * (`vocabulary.ts`) fetched as words are asked about. Browser only.
 */
import type { Pagefind } from './api.ts';
import { PARTS_FILE, addCounts, combineResponses, type PartSize, type PartsFile } from './parts.ts';
import {
  COMMON_WORDS_FILE,
  headFile,
  mergedEntries,
  readWordsFile,
  wordsFile,
  type WordEntry,
  type WordsFile,
} from './vocabulary.ts';
import { PagefindWorker } from './worker.ts';
import { WORKER_SCRIPT } from './worker-script.ts';

/** The words of a result's excerpt. */
export const EXCERPT_WORDS = 40;

/** The index has not been built (as in `astro dev`), or cannot be read. */
export class IndexMissing extends Error {
  override name = 'IndexMissing';
}

/** The archive's search index: its parts, loaded as searches need them, and its vocabulary. */
export interface ArchiveIndex {
  /** Each part's size, newest part first. */
  readonly sizes: readonly PartSize[];
  /** The words more than half the releases hold, with their uses (fetched on first use). */
  common(): Promise<Readonly<Record<string, number>>>;
  /** Part `k`'s Pagefind (from 0, newest first), loaded and started on first use. */
  part(k: number): Promise<Pagefind>;
  /** The vocabulary's words that start with the same character as `word` (a normal word). */
  words(word: string): Promise<WordEntry[]>;
}

/** What `PARTS_FILE` of the index at `bundle` (e.g. `/press/pagefind/`) says. */
async function partsFile(bundle: string): Promise<PartsFile> {
  const response = await fetch(`${bundle}${PARTS_FILE}`).catch(() => undefined);
  if (!response?.ok)
    throw new IndexMissing(`the search index is not there (${bundle}${PARTS_FILE}): build the site with npm run build`);
  const file = (await response.json()) as Partial<PartsFile>;
  const parts = file.parts;
  const paths = file.paths;
  if (!Number.isInteger(parts) || (parts as number) < 1 || !paths || paths.length !== parts)
    throw new IndexMissing(`${bundle}${PARTS_FILE} does not say how many parts the index has, and where`);
  const sizes = Array.from({ length: parts as number }, (_, k) => file.sizes?.[k] ?? { pages: 0, words: 0 });
  return { parts: parts as number, sizes, paths, head: file.head === true };
}

/**
 * The index at `bundle`. Each part is a bundle of its own (`parts.ts`), opened in Pagefind's
 * worker (`worker.ts`) the first time a search asks for it, so a search of the newest releases
 * never loads the metadata of the others. Pagefind searches in its worker: without it, common
 * words ("the people of the united states") kept the page from answering keys for seconds.
 */
export async function openIndex(bundle: string, baseUrl: string, counted: readonly string[]): Promise<ArchiveIndex> {
  const { sizes, paths, head } = await partsFile(bundle);
  let worker: PagefindWorker | undefined;
  const parts = new Map<number, Promise<Pagefind>>();
  const files = new Map<string, Promise<unknown>>();
  /** A file of the vocabulary, fetched once: its words, or none where there is no such file. */
  const wordsAt = (path: string) => {
    let file = files.get(path) as Promise<WordsFile> | undefined;
    if (!file) {
      file = fetch(`${bundle}${path}`).then(async (response) =>
        response.ok ? ((await response.json()) as WordsFile) : {},
      );
      files.set(path, file);
    }
    return file;
  };
  const language = document.documentElement.lang || 'unknown';
  const part = (k: number) => {
    let opened = parts.get(k);
    if (!opened) {
      worker ??= new PagefindWorker(`${bundle}${WORKER_SCRIPT}`);
      opened = worker.open(`${bundle}${paths[k]}`, { baseUrl, excerptLength: EXCERPT_WORDS, language }, counted);
      parts.set(k, opened);
    }
    return opened;
  };
  let common: Promise<Record<string, number>> | undefined;
  return {
    sizes,
    part,
    // An index built before the list was written has none: every word is then asked for.
    common: () =>
      (common ??= fetch(`${bundle}${COMMON_WORDS_FILE}`).then(async (response) =>
        response.ok ? ((await response.json()) as Record<string, number>) : {},
      )),
    async words(word) {
      const [sealed, headWords] = await Promise.all([
        wordsAt(wordsFile(word)),
        head ? wordsAt(headFile(word)) : undefined,
      ]);
      const first = word.codePointAt(0);
      const ofHead =
        headWords && Object.fromEntries(Object.entries(headWords).filter(([w]) => w.codePointAt(0) === first));
      return mergedEntries(readWordsFile(sealed), ofHead, sizes.length);
    },
  };
}

/** Several parts' Pagefinds as one, given newest first: each asked, their answers combined (`combineResponses`). */
export function combinedIndex(instances: readonly Pagefind[]): Pagefind {
  const [first] = instances;
  if (instances.length === 1 && first) return first;
  return {
    options: async () => undefined,
    init: async () => undefined,
    filters: async () => addCounts(await Promise.all(instances.map((instance) => instance.filters()))),
    preload: async (term, options) =>
      void (await Promise.all(instances.map((instance) => instance.preload(term, options)))),
    search: async (term, options) => {
      const order =
        options?.sort?.['date'] === 'desc' ? 'newest' : options?.sort?.['date'] === 'asc' ? 'oldest' : 'score';
      return combineResponses(await Promise.all(instances.map((instance) => instance.search(term, options))), order);
    },
  };
}
