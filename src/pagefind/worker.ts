/**
 * Pagefind's search worker (`pagefind-worker.js`), spoken to directly, without Pagefind's own
 * `pagefind.js`: one worker for every part of the index, each part an instance of its own in it.
 * Browser only. `pagefind.js` is only the worker's client (13 KB gzipped); with it, each part
 * would bring its own copy and start its own worker.
 */
import type { FilterCounts, Pagefind, ResultData, SearchOptions, SearchResponse } from './api.ts';

/** A message to the worker, as Pagefind's own client sends it. */
interface Request {
  id: string;
  instanceId: string;
  method: 'init' | 'search' | 'preload' | 'filters' | 'getData' | 'releaseData';
  args: unknown[];
}

/** The worker's answer to the message of the same id. */
interface Answer {
  id: string;
  result?: unknown;
  error?: string;
}

/** What `search` answers: each result's data as an id to ask for with `getData`. */
interface RawResponse extends Omit<SearchResponse, 'results'> {
  results: { id: string; score: number; words: number[]; data: string }[];
}

/** Pagefind's worker at `url`, and the parts of the index opened in it. */
export class PagefindWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<string, { resolve(value: unknown): void; reject(error: Error): void }>();
  /** Data the worker keeps for each result until the page lets go of the result. */
  readonly #released = new FinalizationRegistry<{ instanceId: string; dataId: string }>(({ instanceId, dataId }) => {
    void this.#call(instanceId, 'releaseData', [dataId]).catch(() => undefined);
  });
  #messages = 0;
  #instances = 0;
  /** Instances start one after another: two starting at once would each load Pagefind's WebAssembly, and the second's replaces the first's. */
  #started: Promise<unknown> = Promise.resolve();

  constructor(url: string) {
    this.#worker = new Worker(url);
    this.#worker.addEventListener('message', (event: MessageEvent<Answer>) => {
      const { id, result, error } = event.data;
      const pending = this.#pending.get(id);
      if (!pending) return;
      this.#pending.delete(id);
      if (error !== undefined) pending.reject(new Error(`Pagefind: ${error}`));
      else pending.resolve(result);
    });
    this.#worker.addEventListener('error', () => {
      for (const { reject } of this.#pending.values()) reject(new Error(`Pagefind's worker (${url}) failed`));
      this.#pending.clear();
    });
  }

  #call(instanceId: string, method: Request['method'], args: unknown[]): Promise<unknown> {
    const id = `archive_${this.#messages++}`;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, instanceId, method, args } satisfies Request);
    });
  }

  /**
   * The bundle at `basePath` opened in the worker, its filters read (so that every answer counts
   * them all), as a `Pagefind`.
   */
  /**
   * Opens the bundle at `basePath` as an instance of its own; `counted` names the filters whose
   * counts every search must give.
   */
  open(
    basePath: string,
    options: { baseUrl: string; excerptLength: number; language: string },
    counted: readonly string[],
  ): Promise<Pagefind> {
    const instanceId = `archive_part_${this.#instances++}`;
    const call = (method: Request['method'], args: unknown[]) => this.#call(instanceId, method, args);
    const pagefind: Pagefind = {
      options: async () => undefined,
      init: async () => undefined,
      filters: async () => (await call('filters', [])) as FilterCounts,
      preload: async (term, searchOptions) => void (await call('preload', [term, searchOptions ?? {}])),
      search: async (term: string | null, searchOptions?: SearchOptions) => {
        const raw = (await call('search', [term, searchOptions ?? {}])) as RawResponse;
        const results = raw.results.map(({ id, score, words, data }) => {
          const result = { id, score, words, data: async () => (await call('getData', [data])) as ResultData };
          this.#released.register(result, { instanceId, dataId: data });
          return result;
        });
        return { ...raw, results };
      },
    };
    const started = this.#started.then(async () => {
      await call('init', [{ ...options, basePath, primary: true }]);
      // Pagefind counts a filter's values only once its file is loaded, and loads a filter's file
      // when a search names it: \`none: []\` names it without narrowing anything. \`filters()\` would
      // load every filter's file, the month's and the day's too, which only bound dates (half of
      // them all, 18 of 36 KB on the corpus) and load when a search uses them.
      await pagefind.preload(null, { filters: Object.fromEntries(counted.map((name) => [name, { none: [] }])) });
      return pagefind;
    });
    this.#started = started.catch(() => undefined);
    return started;
  }
}
