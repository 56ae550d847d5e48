/**
 * The search index in parts. Pagefind holds a whole index in memory while it builds it, about
 * 0.6 GB per 1,000 releases, so an archive of 100,000 would need some 60 GB. Past a part's size
 * the releases are indexed in parts of at most that many, newest first, one Pagefind run each;
 * the search page loads every part and combines their answers.
 */

/** How many parts an index of `releases` releases has, each of at most `partSize`. */
export function partCount(releases: number, partSize: number): number {
  return Math.max(1, Math.ceil(releases / partSize));
}

/** Splits items (newest first) into `parts` runs of nearly equal length, in order. */
export function splitIntoParts<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, k) => items.slice(k * size, (k + 1) * size));
}

/** Where each part's bundle is: the first in `bundle` itself, the others in `part-N/` inside it. */
export function partBundles(bundle: string, parts: number): string[] {
  return Array.from({ length: parts }, (_, k) => (k === 0 ? bundle : `${bundle}part-${k + 1}/`));
}

type Counts = Record<string, Record<string, number>>;

/** Filter counts of several parts added up, value by value. */
export function addCounts(counts: readonly Counts[]): Counts {
  const sum: Counts = {};
  for (const part of counts) {
    for (const [filter, values] of Object.entries(part)) {
      const target = (sum[filter] ??= {});
      for (const [value, count] of Object.entries(values)) target[value] = (target[value] ?? 0) + count;
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
export function combineResponses<R extends { score: number }>(responses: readonly PartResponse<R>[], order: PartOrder): PartResponse<R> {
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
