/** The parts of Pagefind's browser API (`/pagefind/pagefind.js`) that the search page uses. */

/** Counts of releases per filter value, by filter name. */
export type FilterCounts = Record<string, Record<string, number>>;

/**
 * Filter selections: `{ speaker: { any: [...] } }` matches any of the values, `{ none: [...] }`
 * none of them; different keys must all match; the key `any` holds a list of selections of which
 * one must match.
 */
export type FilterSelection = Record<
  string,
  { any: string[] } | { none: string[] } | Record<string, { any: string[] }>[]
>;

/** One page's stored data, loaded on demand. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** Word positions of the matches in the page. */
  locations: number[];
  /** The page's indexed text; word positions count its words. */
  content: string;
  /** Elements with an id, with the word position where each starts. */
  anchors: { element: string; id: string; location: number }[];
}

/** One search result, whose data is fetched only when asked for. */
export interface SearchResult {
  id: string;
  score: number;
  /** Word positions of the matches in the page, known before its data is loaded. */
  words: number[];
  data(): Promise<ResultData>;
}

/** What a search returns. */
export interface SearchResponse {
  results: SearchResult[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
  unfilteredResultCount: number;
}

/** The options a search takes. */
export interface SearchOptions {
  filters?: FilterSelection;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** The Pagefind module. */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  preload(term: string | null, options?: SearchOptions): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<SearchResponse>;
}
