/**
 * What the search page does, without the page: from a search state (`state.ts`) to Pagefind's
 * calls, and from their answers to what the page shows. Plain TypeScript, so that ranking,
 * phrase-first order, filter counts, words the archive lacks, the parts an answer needs and
 * dropped stale answers are unit-tested against a fake index; `view.ts` puts the outcome on the
 * page.
 */
import type { FilterCounts, Pagefind, SearchOptions, SearchResponse, SearchResult } from '../pagefind/api.ts';
import { EXCERPT_WORDS, combinedIndex, type ArchiveIndex } from '../pagefind/browser.ts';
import { dateCover } from './date-range.ts';
import {
  SEARCH_FILTERS,
  dateRangeProblem,
  isActive,
  phraseFirst,
  phraseQuery,
  searchedQuery,
  type SearchState,
} from './state.ts';
import {
  closeWords,
  holdsPhrase,
  partsHolding,
  phraseExcerpt,
  phraseStarts,
  queryWords,
  searchedWords,
  shownIn,
  RAREST_SEARCHED,
  wordsFor,
  type QueryWord,
} from './words.ts';

/** A word of the query that no release holds, and the archive's words close to it. */
export interface MissingWord {
  /** As the reader typed it. */
  typed: string;
  /** Close words, each with the number of releases holding it and the query that searches it instead. */
  suggestions: { word: string; count: number; query: string }[];
}

/** What one search shows. */
export interface SearchOutcome {
  /** What is wrong with the state's dates, for the reader, if anything. */
  problem: string | undefined;
  /** The sentence that says what was found, announced to screen readers. */
  status: string;
  /** Every result found so far, in the order shown; their data is loaded as they are shown. */
  results: SearchResult[];
  /** Per filter, the releases each value would give with the other choices kept. */
  counts: FilterCounts;
  /** The query's words that no release holds: then there are no results. */
  missing: MissingWord[];
  /** Whether older parts of the index are still to be searched for more results. */
  partial: boolean;
}

/**
 * How many words of the index a search covers before it shows anything: as many parts as hold no
 * more than this many together (one part at least), newest first. A part is 8 million words at most (the build's
 * `ARCHIVE_SEARCH_PART_WORDS`): the corpus, and any archive of one part, is searched whole; a
 * larger archive's newest releases first, older ones only as more results are asked for.
 */
export const WORDS_SEARCHED_AT_ONCE = 8_000_000;

/**
 * Of the results of a query searched without its common words (`searchedWords`), those in which
 * the words asked for stand where the phrase has them are read to see whether they hold it, when
 * they are at most this many: the results a first screen shows. They come first: those holding
 * the phrase, then the others, the nearest to it. When they are more, the rarest common word left
 * out is asked for too, and so on: "make sure people" stand as in "we have to make sure that the
 * people of" in 39 releases of the corpus, "have make sure people" in three.
 */
export const PHRASE_READ = 5;

/** Pagefind options for a state: filters (with the date range as year, month and day values) and sort. */
export function optionsFor(state: SearchState, years: readonly string[]): SearchOptions | undefined {
  const filters: NonNullable<SearchOptions['filters']> = {};
  for (const filter of SEARCH_FILTERS) {
    if (state.filters[filter].length > 0) filters[filter] = { any: state.filters[filter] };
  }
  if (state.from || state.to) {
    const cover = dateCover(state.from, state.to, years);
    if (!cover) return undefined;
    filters['any'] = (['year', 'month', 'day'] as const)
      .filter((key) => cover[key].length > 0)
      .map((key) => ({ [key]: { any: cover[key] } }));
  }
  const options: SearchOptions = { filters };
  // With no words there is no best match: the newest come first.
  const sort = state.sort === 'relevance' && !state.query.trim() ? 'newest' : state.sort;
  if (sort !== 'relevance') options.sort = { date: sort === 'newest' ? 'desc' : 'asc' };
  return options;
}

const releases = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'release' : 'releases'}`;

/** The status line for a number of results, found in all the releases or only in the `searched` newest (or oldest). */
function statusFor(state: SearchState, total: number, searched?: { pages: number; of: number }): string {
  const words = state.query.trim();
  // Words with quotes of their own are shown as typed, not quoted again.
  const what = words ? (words.includes('"') ? ` for ${words}` : ` for “${words}”`) : '';
  const found = total === 0 ? `No releases found${what}` : `${releases(total)} found${what}`;
  if (!searched) return `${found}.`;
  const [these, others] = state.sort === 'oldest' ? ['oldest', 'newer'] : ['newest', 'older'];
  const pages = searched.pages.toLocaleString('en');
  return `${found} in the ${pages} ${these} of ${releases(searched.of)}; ${others} ones are searched as you ask for more.`;
}

/** The status line for words that no release holds. */
function missingStatus(missing: readonly MissingWord[]): string {
  const named = missing.map((word) => `“${word.typed}”`);
  return missing.length === 1
    ? `No release has the word ${named[0]}.`
    : `No release has the words ${named.slice(0, -1).join(', ')} and ${named.at(-1)}.`;
}

/** Searches the archive's index for the page; a newer search makes an older one's answer stale. */
export class SearchController {
  readonly #index: ArchiveIndex;
  readonly #totals: FilterCounts;
  readonly #years: string[];
  #generation = 0;

  /** A controller over an opened index and its filters' totals: per filter, each value's releases in the whole archive. */
  constructor(index: ArchiveIndex, totals: FilterCounts) {
    this.#index = index;
    this.#totals = totals;
    this.#years = Object.keys(totals['year'] ?? {}).sort();
  }

  /** The first and last year of the archive, for the date inputs' bounds. */
  get years(): readonly string[] {
    return this.#years;
  }

  /** Opens the part a first search will ask, before it is asked. */
  async warm(): Promise<void> {
    await this.#index.part(0);
  }

  /**
   * What `state` shows, or `undefined` when another search has started meanwhile: its answer
   * would be stale, so it is never shown.
   */
  async search(state: SearchState): Promise<SearchOutcome | undefined> {
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    const problem = dateRangeProblem(state);
    const options = problem ? undefined : optionsFor(state, this.#years);
    const totals = this.#totals;
    const outcome = (status: string, more: Partial<SearchOutcome> = {}): SearchOutcome => ({
      problem,
      status,
      results: [],
      counts: {},
      missing: [],
      partial: false,
      ...more,
    });
    if (!isActive(state)) {
      return outcome('Type words to search the text of every release, or choose a filter or dates.', {
        counts: totals,
      });
    }
    if (!options) return outcome('No releases found: see the problem with the dates above.');
    const query = searchedQuery(state.query);
    const words = queryWords(query);
    // Unquoted, a long query's common words are left to the phrase check (`searchedWords`).
    const common = !isQuoted(query) && words.length > RAREST_SEARCHED ? await this.#index.common() : {};
    if (!current()) return undefined;
    const asked = searchedWords(words, common);
    // With more parts than a search opens at once, the vocabulary says up front which parts hold
    // every word; with fewer, all are searched together, and it is asked only when Pagefind's
    // answer leaves a word in doubt.
    const sizes = this.#index.sizes;
    const several = sizes.reduce((sum, size) => sum + size.words, 0) > WORDS_SEARCHED_AT_ONCE;
    const holding = several
      ? await this.#partsHolding(asked)
      : { parts: Array.from({ length: Math.max(sizes.length, 1) }, (_, k) => k), missing: [] };
    if (!current()) return undefined;
    if (holding.missing.length > 0) {
      const missing = await this.#missing(words, holding.missing);
      return current() ? outcome(missingStatus(missing), { missing }) : undefined;
    }
    const candidates = holding.parts;
    const order = state.sort === 'oldest' ? [...candidates].reverse() : candidates;
    const term = query || null;
    let chosen = 0;
    let found:
      { response: SearchResponse; results: SearchResult[]; asked: readonly QueryWord[]; index: Pagefind } | undefined;
    // Parts, newest first (oldest first for that order), until the results fill what is shown.
    while (chosen < order.length && (!found || found.results.length < state.shown)) {
      // One part more, and those after it while all together hold no more than the words searched at once.
      const wordsOf = (k: number) => this.#index.sizes[order[k]!]?.words ?? 0;
      let held = wordsOf(chosen++);
      while (chosen < order.length && held + wordsOf(chosen) <= WORDS_SEARCHED_AT_ONCE) held += wordsOf(chosen++);
      const parts = order.slice(0, chosen).sort((a, b) => a - b);
      const index = combinedIndex(await Promise.all(parts.map((k) => this.#index.part(k))));
      if (!current()) return undefined;
      found = { ...(await this.#searchIn(index, state.sort, term, options, { words, common })), index };
      if (!current()) return undefined;
    }
    if (!found) return outcome(statusFor(state, 0));
    const { response, results, index } = found;
    if (!several && words.length > 0) {
      const doubtful = results.length === 0 ? found.asked : await this.#notShown(found.asked, results[0]!);
      if (!current()) return undefined;
      const missing = await this.#missing(words, doubtful);
      if (!current()) return undefined;
      if (missing.length > 0) return outcome(missingStatus(missing), { missing });
    }
    // Counted for the words Pagefind was asked for, as the results were found.
    const counted = found.asked.length < words.length ? typedTerm(found.asked) : term;
    const counts = await this.#countsFor(index, state, counted, response);
    if (!current()) return undefined;
    const partial = chosen < order.length;
    const searched = partial
      ? {
          pages: order.slice(0, chosen).reduce((sum, k) => sum + (this.#index.sizes[k]?.pages ?? 0), 0),
          of: this.#index.sizes.reduce((sum, size) => sum + size.pages, 0),
        }
      : undefined;
    return outcome(statusFor(state, results.length, searched), { results, counts, partial });
  }

  /**
   * The results of `term` in `index`: with a phrase, the releases holding it first, in the words'
   * order. Pagefind is asked for the query's `words` but the `common` ones (`searchedWords`), the
   * phrase found from the positions of those asked (`phraseStarts`, `holdingPhrase`); or for all
   * of them, the phrase searched by Pagefind too. Gives the words asked for with the results.
   */
  async #searchIn(
    index: Pagefind,
    sort: SearchState['sort'],
    term: string | null,
    options: SearchOptions,
    { words, common }: { words: readonly QueryWord[]; common: Readonly<Record<string, number>> },
  ) {
    for (let more = 0; ; more++) {
      const asked = searchedWords(words, common, more);
      if (asked.length === words.length) break;
      const response = await ask(index, typedTerm(asked), options);
      if (sort !== 'relevance') return { response, results: response.results, asked };
      const kept = new Set(asked.map(({ word }) => word));
      const places = words.flatMap(({ word }, i) => (kept.has(word) ? [i] : []));
      const candidates = response.results.flatMap((result) => {
        const starts = phraseStarts(result.words, places);
        return starts.length > 0 ? [{ result, starts }] : [];
      });
      if (candidates.length > PHRASE_READ) continue;
      const near = phraseFirst(
        candidates.map(({ result }) => result),
        response.results,
      );
      return { response, results: phraseFirst(await holdingPhrase(candidates, words), near), asked };
    }
    const quoted = term !== null && isQuoted(term);
    const phrase = sort !== 'relevance' || term === null ? undefined : quoted ? term : phraseQuery(term);
    const [response, phraseResponse] = await Promise.all([
      ask(index, quoted ? term.slice(1, -1) : term, options),
      phrase ? index.search(phrase, options) : undefined,
    ]);
    if (!phraseResponse) return { response, results: response.results, asked: words };
    // A quoted phrase gives only the releases holding it, ranked as its words rank them.
    const results = phraseFirst(phraseResponse.results, response.results);
    return quoted
      ? { response: phraseResponse, results: results.slice(0, phraseResponse.results.length), asked: words }
      : { response, results, asked: words };
  }

  /** The parts holding every word of the query (as the vocabulary says), newest first, and the words no part holds. */
  async #partsHolding(words: readonly QueryWord[]): Promise<{ parts: number[]; missing: QueryWord[] }> {
    const count = this.#index.sizes.length;
    const all = (1n << BigInt(count)) - 1n;
    let parts = all;
    const missing: QueryWord[] = [];
    for (const word of words) {
      const holding = partsHolding(wordsFor(word.word, await this.#index.words(word.word)), all);
      if (holding === 0n) missing.push(word);
      parts &= holding;
    }
    return { parts: Array.from({ length: count }, (_, k) => k).filter((k) => (parts >> BigInt(k)) & 1n), missing };
  }

  /** The query's words that `result` does not show where it matched: Pagefind may have matched a shorter word. */
  async #notShown(words: readonly QueryWord[], result: SearchResult): Promise<QueryWord[]> {
    const data = await result.data();
    return words.filter((word) => !shownIn(word.word, data));
  }

  /** Of `doubtful`, words of the query `words`, those the vocabulary does not hold, each with its close words. */
  async #missing(words: readonly QueryWord[], doubtful: readonly QueryWord[]): Promise<MissingWord[]> {
    const missing: MissingWord[] = [];
    for (const word of doubtful) {
      const entries = await this.#index.words(word.word);
      if (wordsFor(word.word, entries).length > 0) continue;
      missing.push({
        typed: word.typed,
        suggestions: closeWords(word.word, entries).map((entry) => ({
          word: entry.word,
          count: entry.count,
          query: suggestedQuery(words, word, entry.word),
        })),
      });
    }
    return missing;
  }

  /** Filter counts as a reader expects them: a filter's own choices don't narrow its counts. */
  async #countsFor(
    index: Pagefind,
    state: SearchState,
    term: string | null,
    response: SearchResponse,
  ): Promise<FilterCounts> {
    const counts: FilterCounts = { ...response.filters };
    await Promise.all(
      SEARCH_FILTERS.filter((filter) => state.filters[filter].length > 0).map(async (filter) => {
        const without = optionsFor({ ...state, filters: { ...state.filters, [filter]: [] } }, this.#years);
        if (without) counts[filter] = (await index.search(term, without)).filters[filter] ?? {};
      }),
    );
    return counts;
  }
}

/** Whether a query is one quoted phrase. */
function isQuoted(query: string): boolean {
  return /^"[^"]+"$/.test(query);
}

/** The words as a term for Pagefind, as typed. */
function typedTerm(words: readonly QueryWord[]): string {
  return words.map(({ typed }) => typed).join(' ');
}

/**
 * Pagefind's results for `term`. Pagefind matches a word as the start of every longer word in the
 * index files it has loaded so far; those holding the words a word starts may be two, and an
 * earlier search may have loaded the second. Loading the file where each word's run of longer
 * words ends too makes the answer the same whatever was searched before (`src/pagefind/README.md`).
 */
async function ask(index: Pagefind, term: string | null, options: SearchOptions): Promise<SearchResponse> {
  const ends = term ? endsOfWords(term) : '';
  if (ends) await index.preload(ends);
  return index.search(term, options);
}

/**
 * Of the `candidates`, results where the positions of the words asked for leave room for the
 * query's `words` as a phrase at `starts`, those holding it: their text is read (`holdsPhrase`).
 */
async function holdingPhrase(
  candidates: readonly { result: SearchResult; starts: number[] }[],
  words: readonly QueryWord[],
): Promise<SearchResult[]> {
  const checked = await Promise.all(
    candidates.map(async ({ result, starts }) => {
      const { content } = await result.data();
      const holding = starts.filter((start) => holdsPhrase(content, start, words));
      return holding.length > 0 ? [asPhraseHolder(result, holding, words.length)] : [];
    }),
  );
  return checked.flat();
}

/**
 * `result` as Pagefind's search for the phrase gives it: its matches those of the phrase, of
 * `length` words from each of `starts`, and its excerpt where the phrase first stands, marked.
 */
function asPhraseHolder(result: SearchResult, starts: readonly number[], length: number): SearchResult {
  const words = starts.flatMap((start) => Array.from({ length }, (_, i) => start + i));
  return {
    ...result,
    words,
    async data() {
      const data = await result.data();
      return { ...data, locations: words, excerpt: phraseExcerpt(data.content, starts[0]!, length, EXCERPT_WORDS) };
    },
  };
}

/**
 * A term whose words sort after every word that starts as the words of `term` do; but not after
 * a last word of one or two letters, which is most likely still being typed, and whose run of
 * longer words would be a long one to load at each key.
 */
function endsOfWords(term: string): string {
  const words = queryWords(term);
  return words
    .filter(({ word }, i) => [...word].length > 2 || i < words.length - 1)
    .map(({ word }) => `${word}\uffff`)
    .join(' ');
}

/** The query with `word` replaced by `instead`. */
function suggestedQuery(words: readonly QueryWord[], word: QueryWord, instead: string): string {
  return words.map((w) => (w === word ? instead : w.typed)).join(' ');
}
