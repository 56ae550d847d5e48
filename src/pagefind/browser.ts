/**
 * Opening the search index in the browser: how many parts it has (from the index's own
 * `PARTS_FILE`), each part's Pagefind loaded and started, and one `Pagefind` that asks every part
 * and combines their answers (`parts.ts`). Browser only.
 */
import type { Pagefind } from './api.ts';
import { PARTS_FILE, addCounts, combineResponses, partBundles } from './parts.ts';

/** The index has not been built (as in `astro dev`), or cannot be read. */
export class IndexMissing extends Error {
  override name = 'IndexMissing';
}

/** How many parts the index at `bundle` (e.g. `/press/pagefind/`) has. */
async function partCount(bundle: string): Promise<number> {
  const response = await fetch(`${bundle}${PARTS_FILE}`).catch(() => undefined);
  if (!response?.ok)
    throw new IndexMissing(`the search index is not there (${bundle}${PARTS_FILE}): build the site with npm run build`);
  const { parts } = (await response.json()) as { parts?: unknown };
  if (!Number.isInteger(parts) || (parts as number) < 1)
    throw new IndexMissing(`${bundle}${PARTS_FILE} does not say how many parts the index has`);
  return parts as number;
}

/**
 * The index at `bundle`, every part loaded: one part is Pagefind itself; several answer as one.
 * Pagefind searches in its worker: without it, common words ("the people of the united states")
 * kept the page from answering keys for seconds.
 */
export async function openIndex(bundle: string, baseUrl: string): Promise<Pagefind> {
  const parts = await partCount(bundle);
  const instances = await Promise.all(
    partBundles(bundle, parts).map(async (path) => {
      const instance = (await import(/* @vite-ignore */ `${path}pagefind.js`)) as Pagefind;
      await instance.options({ baseUrl, excerptLength: 40 });
      await instance.init();
      return instance;
    }),
  );
  return combinedIndex(instances);
}

/** Several parts' Pagefinds as one: each asked, their answers combined (`combineResponses`). */
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
