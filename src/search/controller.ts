/**
 * What the search page does, without the page: from a search state (`state.ts`) to Pagefind's
 * calls, and from their answers to what the page shows. Plain TypeScript, so that ranking,
 * phrase-first order, filter counts and dropped stale answers are unit-tested against a fake
 * Pagefind; `view.ts` puts the outcome on the page.
 */
import type { FilterCounts, Pagefind, SearchOptions, SearchResponse, SearchResult } from '../pagefind/api.ts';
import { dateCover } from './date-range.ts';
import { SEARCH_FILTERS, dateRangeProblem, isActive, phraseFirst, phraseQuery, type SearchState } from './state.ts';

/** What one search shows. */
export interface SearchOutcome {
  /** What is wrong with the state's dates, for the reader, if anything. */
  problem: string | undefined;
  /** The sentence that says what was found, announced to screen readers. */
  status: string;
  /** Every result, in the order shown; their data is loaded as they are shown. */
  results: SearchResult[];
  /** Per filter, the releases each value would give with the other choices kept. */
  counts: FilterCounts;
  /** Per filter, the releases each value has in the whole archive. */
  totals: FilterCounts;
}

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

/** The status line for a number of results. */
function statusFor(state: SearchState, total: number): string {
  const words = state.query.trim();
  // Words with quotes of their own are shown as typed, not quoted again.
  const what = words ? (words.includes('"') ? ` for ${words}` : ` for “${words}”`) : '';
  return total === 0 ? `No releases found${what}.` : `${total} ${total === 1 ? 'release' : 'releases'} found${what}.`;
}

/** Searches one index for the page; a newer search makes an older one's answer stale. */
export class SearchController {
  readonly #pagefind: Pagefind;
  readonly #totals: FilterCounts;
  readonly #years: string[];
  #generation = 0;

  /** A controller over an opened index and its filters' totals (`pagefind.filters()`). */
  constructor(pagefind: Pagefind, totals: FilterCounts) {
    this.#pagefind = pagefind;
    this.#totals = totals;
    this.#years = Object.keys(totals['year'] ?? {}).sort();
  }

  /** The first and last year of the archive, for the date inputs' bounds. */
  get years(): readonly string[] {
    return this.#years;
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
    if (!isActive(state)) {
      return {
        problem,
        status: 'Type words to search the text of every release, or choose a filter or dates.',
        results: [],
        counts: totals,
        totals,
      };
    }
    if (!options) {
      return {
        problem,
        status: 'No releases found: see the problem with the dates above.',
        results: [],
        counts: {},
        totals,
      };
    }
    const term = state.query.trim() || null;
    const phrase = state.sort === 'relevance' ? phraseQuery(state.query) : undefined;
    const [response, phraseResponse] = await Promise.all([
      this.#pagefind.search(term, options),
      phrase ? this.#pagefind.search(phrase, options) : undefined,
    ]);
    if (!current()) return undefined;
    const counts = await this.#countsFor(state, term, response);
    if (!current()) return undefined;
    const results = phraseResponse ? phraseFirst(phraseResponse.results, response.results) : response.results;
    return { problem, status: statusFor(state, results.length), results, counts, totals };
  }

  /** Filter counts as a reader expects them: a filter's own choices don't narrow its counts. */
  async #countsFor(state: SearchState, term: string | null, response: SearchResponse): Promise<FilterCounts> {
    const counts: FilterCounts = { ...response.filters };
    await Promise.all(
      SEARCH_FILTERS.filter((filter) => state.filters[filter].length > 0).map(async (filter) => {
        const without = optionsFor({ ...state, filters: { ...state.filters, [filter]: [] } }, this.#years);
        if (without) counts[filter] = (await this.#pagefind.search(term, without)).filters[filter] ?? {};
      }),
    );
    return counts;
  }
}
