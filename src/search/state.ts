/**
 * The search page's state and its URL form, so that a search can be bookmarked, shared and
 * reloaded. Pure: the page script turns it into Pagefind calls.
 */
import { isCalendarDate } from '../model/dates.ts';

/** The filters a reader can narrow a search by, in the order the page shows them. */
export const SEARCH_FILTERS = ['speaker', 'organisation', 'type', 'year', 'venue'] as const;

/** One of the filters above. */
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** How the search page names each filter. */
export const FILTER_LABELS: Record<SearchFilter, string> = {
  speaker: 'Speaker',
  organisation: 'Organisation',
  type: 'Type',
  year: 'Year',
  venue: 'Venue',
};

/** A filter's values in the order the search page lists them: years newest first, names by `sortKey`. */
export function listedValues(
  filter: SearchFilter,
  values: Iterable<string>,
  sortKey: (name: string) => string,
): string[] {
  return [...values].sort((a, b) =>
    filter === 'year' ? b.localeCompare(a) : sortKey(a).localeCompare(sortKey(b), 'en') || a.localeCompare(b, 'en'),
  );
}

/** How results are ordered: Pagefind's relevance, or by date. */
export type SearchSort = 'relevance' | 'newest' | 'oldest';

/** How many results a page shows at first, and adds each time a reader asks for more. */
export const RESULTS_STEP = 10;

/** The most results one address can ask to show at once. */
export const MAX_SHOWN = 1000;

/** Everything that decides what a search shows. */
export interface SearchState {
  query: string;
  filters: Record<SearchFilter, string[]>;
  sort: SearchSort;
  /** The first and last day of a date range, `YYYY-MM-DD`, both included; empty for open. */
  from: string;
  to: string;
  /** How many results are shown: a multiple of `RESULTS_STEP`. */
  shown: number;
}

/** A state with nothing chosen. */
export function emptyState(): SearchState {
  return {
    query: '',
    filters: { speaker: [], organisation: [], type: [], year: [], venue: [] },
    sort: 'relevance',
    from: '',
    to: '',
    shown: RESULTS_STEP,
  };
}

/** Reads a state from a URL's query string (`?q=…&speaker=…&from=2016-01-01&sort=newest`). */
export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.query = params.get('q') ?? '';
  for (const filter of SEARCH_FILTERS) {
    state.filters[filter] = [...new Set(params.getAll(filter).filter(Boolean))];
  }
  const sort = params.get('sort');
  if (sort === 'newest' || sort === 'oldest') state.sort = sort;
  // Dates are kept as given, so that a mistyped one can be shown back to the reader and named.
  state.from = params.get('from')?.trim() ?? '';
  state.to = params.get('to')?.trim() ?? '';
  const shown = Number(params.get('shown'));
  if (Number.isInteger(shown) && shown > RESULTS_STEP) {
    state.shown = Math.min(Math.ceil(shown / RESULTS_STEP) * RESULTS_STEP, MAX_SHOWN);
  }
  return state;
}

/** Writes a state as a query string, leaving out what is empty or default. */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const filter of SEARCH_FILTERS) {
    for (const value of state.filters[filter]) params.append(filter, value);
  }
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.shown > RESULTS_STEP) params.set('shown', String(state.shown));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether the state asks for any results at all. */
export function isActive(state: SearchState): boolean {
  return (
    state.query.trim() !== '' ||
    SEARCH_FILTERS.some((f) => state.filters[f].length > 0) ||
    state.from !== '' ||
    state.to !== ''
  );
}

/** What is wrong with a state's date range, in words for the reader, or `undefined`. */
export function dateRangeProblem(state: SearchState): string | undefined {
  for (const [name, value] of [
    ['From', state.from],
    ['To', state.to],
  ] as const) {
    if (value && !isCalendarDate(value)) {
      return `“${name}” date “${value}” is not a date: expected a day written YYYY-MM-DD, such as 2016-01-31.`;
    }
  }
  if (state.from && state.to && state.from > state.to) {
    return `The “From” date (${state.from}) is after the “To” date (${state.to}): no release can be in between.`;
  }
  return undefined;
}

/**
 * The words of a query that are searched: all but a last word of one character, while other
 * words come before it. Pagefind matches a word as the start of longer ones, and a single
 * letter starts so many words that it would only fetch index files while the reader is still
 * typing the word (`health c` searches `health` until the `c` becomes `ca`).
 */
export function searchedQuery(query: string): string {
  const words = query.trim().split(/\s+/);
  return words.length > 1 && [...words.at(-1)!].length === 1 ? words.slice(0, -1).join(' ') : query.trim();
}

/**
 * The phrase form of a query of several words typed without quotes, or `undefined`. A reader who
 * types `coalition of the willing` most often means those words together, so the search page
 * runs this phrase alongside the words and shows the releases that hold the phrase first.
 */
export function phraseQuery(query: string): string | undefined {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2 || query.includes('"')) return undefined;
  return `"${words.join(' ')}"`;
}

/**
 * Results holding the phrase first, then the rest, each once; all in the order of `words` (the
 * search for the words), which ranks them, where Pagefind gives every holder of a phrase the same score.
 */
export function phraseFirst<T extends { id: string }>(phrase: readonly T[], words: readonly T[]): T[] {
  const rank = new Map(words.map((result, i) => [result.id, i]));
  const holding = phrase
    .map((result, i) => ({ result, rank: rank.get(result.id) ?? words.length + i }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ result }) => result);
  const seen = new Set(phrase.map((result) => result.id));
  return [...holding, ...words.filter((result) => !seen.has(result.id))];
}
