/**
 * The search index in parts, as the build writes them (`src/build/search-index.ts`) and the
 * search page reads them: where each part's bundle is, how many there are, and one answer from
 * the answers of all. Pagefind's own `mergeIndex` would combine parts, but it orders the merged
 * results by score alone, losing the date order across parts (README.md in this folder).
 */

/**
 * The file in the index's folder that says how many parts the index has, where each is and how
 * large: `{ "parts": 3, "sizes": [{ "pages": 2512, "words": 7999120 }, …], "paths":
 * ["parts/en-2016-05/", …], "head": true }`, newest part first. The filters' totals are in the
 * search page itself, which lists them before the index is opened.
 */
export const PARTS_FILE = 'archive-parts.json';

/** How large one part of the index is. */
export interface PartSize {
  /** Release pages. */
  pages: number;
  /** Words, as `indexedWords` counts them. */
  words: number;
}

/** What `PARTS_FILE` holds. */
export interface PartsFile {
  parts: number;
  sizes: PartSize[];
  /** Where each part's bundle is, inside the index's folder. */
  paths: string[];
  /**
   * Whether the vocabulary keeps the newest part's words apart (`headFiles` in `vocabulary.ts`):
   * its bit 0 then stands for that part, which its files by first character leave out.
   */
  head: boolean;
}

type Counts = Record<string, Record<string, number>>;

/**
 * The count of one value of a filter. Values are names, and a name can be any text: looked up as
 * an own property only, so a speaker named `constructor` or `__proto__` is counted, not Object's.
 */
export function countOf(counts: Counts, filter: string, value: string): number | undefined {
  const values = Object.hasOwn(counts, filter) ? counts[filter] : undefined;
  return values && Object.hasOwn(values, value) ? values[value] : undefined;
}

/** Filter counts of several parts added up, value by value, in objects without a prototype (`countOf`). */
export function addCounts(counts: readonly Counts[]): Counts {
  const sum: Counts = Object.create(null) as Counts;
  for (const part of counts) {
    for (const [filter, values] of Object.entries(part)) {
      const target = (sum[filter] ??= Object.create(null) as Record<string, number>);
      for (const [value, count] of Object.entries(values)) target[value] = (countOf(sum, filter, value) ?? 0) + count;
    }
  }
  return sum;
}

/** How the results of the parts are put in one list. */
export type PartOrder = 'score' | 'newest' | 'oldest';

interface PartResponse<R> {
  results: R[];
  filters: Counts;
  totalFilters: Counts;
  unfilteredResultCount: number;
}

/**
 * One answer from the answers of every part (given newest part first). By relevance, results are
 * merged by score; by date, each part's results are in date order already and the parts follow
 * each other in time, so they are joined part after part.
 */
export function combineResponses<R extends { score: number }>(
  responses: readonly PartResponse<R>[],
  order: PartOrder,
): PartResponse<R> {
  const inTime = order === 'oldest' ? [...responses].reverse() : responses;
  const results = inTime.flatMap((response) => response.results);
  if (order === 'score') results.sort((a, b) => b.score - a.score);
  return {
    results,
    filters: addCounts(responses.map((response) => response.filters)),
    totalFilters: addCounts(responses.map((response) => response.totalFilters)),
    unfilteredResultCount: responses.reduce((sum, response) => sum + response.unfilteredResultCount, 0),
  };
}
