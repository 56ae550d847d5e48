/**
 * The search index in parts. Pagefind holds a whole index in memory while it builds it, about
 * 0.2 GiB per million words, so an archive of 100,000 releases would need some 50 GiB. The
 * releases are indexed in parts of at most so many words, newest first, one Pagefind run each
 * (`search-index.ts`); the search page loads every part and combines their answers.
 */

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

/** Where part `k` (from 0) of the index is: the first in `bundle` itself, the others in `part-N/` inside it. */
export function partBundle(bundle: string, k: number): string {
  return k === 0 ? bundle : `${bundle}part-${k + 1}/`;
}

/** Where each part's bundle is, for an index of `parts` parts. */
export function partBundles(bundle: string, parts: number): string[] {
  return Array.from({ length: parts }, (_, k) => partBundle(bundle, k));
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
