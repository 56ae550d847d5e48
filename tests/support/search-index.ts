/** What a built site's search index holds, read from its files as the search page would load them. */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cborStrings } from '../../src/pagefind/bundle.ts';
import type { PartsFile } from '../../src/pagefind/parts.ts';

/** The index's parts file. */
export async function partsOf(site: string): Promise<PartsFile> {
  return JSON.parse(await readFile(join(site, 'pagefind/archive-parts.json'), 'utf8')) as PartsFile;
}

/** Pagefind's data in one of its files: gzipped, after a signature. */
async function pagefindData(file: string): Promise<Buffer> {
  return gunzipSync(await readFile(file)).subarray('pagefind_dcd'.length);
}

/** Every value of the filter `name` (`speaker`, `year`, `day`, …) in any part of the index. */
export async function filterValues(site: string, name: string): Promise<Set<string>> {
  const values = new Set<string>();
  for (const path of (await partsOf(site)).paths) {
    const folder = join(site, 'pagefind', path, 'filter');
    for (const file of await readdir(folder).catch(() => [])) {
      const strings = cborStrings(await pagefindData(join(folder, file)));
      // A filter's file names the filter first, then its values, each with the pages holding it.
      if (strings[0] === name) for (const value of strings.slice(1)) values.add(value);
    }
  }
  return values;
}

/** Every release in the index, its address and its text, from each part's fragments. */
export async function indexedPages(site: string): Promise<{ url: string; content: string }[]> {
  const pages: { url: string; content: string }[] = [];
  for (const path of (await partsOf(site)).paths) {
    const folder = join(site, 'pagefind', path, 'fragment');
    for (const file of await readdir(folder).catch(() => [])) {
      pages.push(JSON.parse((await pagefindData(join(folder, file))).toString()) as { url: string; content: string });
    }
  }
  return pages;
}

/** The text of every release in the index. */
export async function indexedTexts(site: string): Promise<string[]> {
  return (await indexedPages(site)).map((page) => page.content);
}
