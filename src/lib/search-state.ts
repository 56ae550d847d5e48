/**
 * The search page's state and its URL form, so that a search can be bookmarked, shared and
 * reloaded. Pure: the page script turns it into Pagefind calls.
 */

/** The filters a reader can narrow a search by, in the order the page shows them. */
export const SEARCH_FILTERS = ['speaker', 'organisation', 'type', 'year'] as const;

/** One of the filters above. */
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** How results are ordered: Pagefind's relevance, or by date. */
export type SearchSort = 'relevance' | 'newest' | 'oldest';

/** Everything that decides what a search shows. */
export interface SearchState {
  query: string;
  filters: Record<SearchFilter, string[]>;
  sort: SearchSort;
}

/** A state with nothing chosen. */
export function emptyState(): SearchState {
  return { query: '', filters: { speaker: [], organisation: [], type: [], year: [] }, sort: 'relevance' };
}

/** Reads a state from a URL's query string (`?q=…&speaker=…&sort=newest`). */
export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.query = params.get('q') ?? '';
  for (const filter of SEARCH_FILTERS) {
    state.filters[filter] = [...new Set(params.getAll(filter).filter(Boolean))];
  }
  const sort = params.get('sort');
  if (sort === 'newest' || sort === 'oldest') state.sort = sort;
  return state;
}

/** Writes a state as a query string, leaving out what is empty or default. */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const filter of SEARCH_FILTERS) {
    for (const value of state.filters[filter]) params.append(filter, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether the state asks for any results at all. */
export function isActive(state: SearchState): boolean {
  return state.query.trim() !== '' || SEARCH_FILTERS.some((f) => state.filters[f].length > 0);
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

/** Results holding the phrase first, then the rest in their own order, each once. */
export function phraseFirst<T extends { id: string }>(phrase: readonly T[], words: readonly T[]): T[] {
  const seen = new Set(phrase.map((result) => result.id));
  return [...phrase, ...words.filter((result) => !seen.has(result.id))];
}
