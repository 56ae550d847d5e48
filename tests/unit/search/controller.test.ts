import { describe, expect, it } from 'vitest';
import type { FilterCounts, Pagefind, SearchOptions, SearchResponse } from '../../../src/pagefind/api.ts';
import { combinedIndex } from '../../../src/pagefind/browser.ts';
import { SearchController, optionsFor } from '../../../src/search/controller.ts';
import { emptyState, type SearchState } from '../../../src/search/state.ts';

/** A release the fake index holds. */
interface Doc {
  id: string;
  text: string;
  speaker: string;
  year: string;
}

const DOCS: Doc[] = [
  { id: 'a', text: 'the coalition of the willing met', speaker: 'Rutte', year: '2026' },
  { id: 'b', text: 'willing partners of a coalition', speaker: 'Rutte', year: '2025' },
  { id: 'c', text: 'a coalition was willing', speaker: 'Obama', year: '2016' },
  { id: 'd', text: 'nothing to see', speaker: 'Obama', year: '2016' },
];

/**
 * A fake Pagefind over `docs`: words match by prefix, a quoted phrase matches as written; the
 * score is the number of matching words; filters narrow by speaker and year. `delay` makes a
 * search take that long (ms), so tests can overlap searches.
 */
function fakePagefind(
  docs: Doc[],
  delay: (term: string | null) => number = () => 0,
): Pagefind & { calls: (string | null)[] } {
  const calls: (string | null)[] = [];
  const matches = (doc: Doc, term: string | null) => {
    if (!term) return 1;
    const phrase = /^"(.*)"$/.exec(term)?.[1];
    if (phrase) return doc.text.includes(phrase) ? 10 : 0;
    return term.split(' ').filter((word) => doc.text.split(' ').some((w) => w.startsWith(word))).length;
  };
  const passes = (doc: Doc, options?: SearchOptions) =>
    Object.entries(options?.filters ?? {}).every(([key, value]) =>
      Array.isArray(value) ? true : (value as { any: string[] }).any.includes(doc[key as 'speaker' | 'year']),
    );
  const count = (list: Doc[]): FilterCounts => {
    const counts: FilterCounts = { speaker: {}, year: {} };
    for (const doc of list) {
      counts['speaker']![doc.speaker] = (counts['speaker']![doc.speaker] ?? 0) + 1;
      counts['year']![doc.year] = (counts['year']![doc.year] ?? 0) + 1;
    }
    return counts;
  };
  return {
    calls,
    options: async () => undefined,
    init: async () => undefined,
    preload: async () => undefined,
    filters: async () => count(docs),
    async search(term, options): Promise<SearchResponse> {
      calls.push(term);
      await new Promise((resolve) => setTimeout(resolve, delay(term)));
      const found = docs.filter((doc) => matches(doc, term) > 0);
      const filtered = found.filter((doc) => passes(doc, options));
      const sorted = options?.sort?.['date']
        ? [...filtered].sort((a, b) =>
            options.sort!['date'] === 'desc' ? b.year.localeCompare(a.year) : a.year.localeCompare(b.year),
          )
        : [...filtered].sort((a, b) => matches(b, term) - matches(a, term));
      return {
        results: sorted.map((doc) => ({
          id: doc.id,
          score: matches(doc, term),
          data: async () => ({
            url: doc.id,
            excerpt: doc.text,
            meta: {},
            locations: [],
            content: doc.text,
            anchors: [],
          }),
        })),
        filters: count(filtered),
        totalFilters: count(docs),
        unfilteredResultCount: found.length,
      };
    },
  };
}

function state(changes: Partial<SearchState>): SearchState {
  return { ...emptyState(), ...changes };
}

async function controller(pagefind: Pagefind) {
  return new SearchController(pagefind, await pagefind.filters());
}

describe('the search controller', () => {
  it('puts releases holding the words as a phrase first, then the rest by score', async () => {
    const search = await controller(fakePagefind(DOCS));
    const outcome = await search.search(state({ query: 'coalition of the willing' }));
    expect(outcome?.results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(outcome?.status).toBe('3 releases found for “coalition of the willing”.');
  });

  it('orders by date without a phrase search, and counts each filter without its own choices', async () => {
    const pagefind = fakePagefind(DOCS);
    const search = await controller(pagefind);
    const outcome = await search.search(
      state({ query: 'coalition', sort: 'oldest', filters: { ...emptyState().filters, speaker: ['Rutte'] } }),
    );
    expect(outcome?.results.map((r) => r.id)).toEqual(['b', 'a']);
    expect(pagefind.calls).not.toContain('"coalition"');
    // Obama's count is what choosing him too would add; the years count within Rutte's.
    expect(outcome?.counts['speaker']).toEqual({ Rutte: 2, Obama: 1 });
    expect(outcome?.counts['year']).toEqual({ '2026': 1, '2025': 1 });
  });

  it('lists releases newest first when there are no words to rank them by', () => {
    expect(optionsFor(state({ filters: { ...emptyState().filters, speaker: ['Rutte'] } }), ['2025'])?.sort).toEqual({
      date: 'desc',
    });
    expect(optionsFor(state({ query: 'nato' }), ['2025'])?.sort).toBeUndefined();
    expect(optionsFor(state({ sort: 'oldest' }), ['2025'])?.sort).toEqual({ date: 'asc' });
  });

  it('shows quoted words as typed, without quoting them again', async () => {
    const search = await controller(fakePagefind(DOCS));
    expect((await search.search(state({ query: '"coalition of the willing"' })))?.status).toBe(
      '1 release found for "coalition of the willing".',
    );
  });

  it('says what to do with nothing chosen, and names a bad date range instead of searching', async () => {
    const pagefind = fakePagefind(DOCS);
    const search = await controller(pagefind);
    expect((await search.search(state({})))?.status).toBe(
      'Type words to search the text of every release, or choose a filter or dates.',
    );
    const bad = await search.search(state({ query: 'coalition', from: '2016-02-30' }));
    expect(bad?.problem).toMatch(/“From” date “2016-02-30” is not a date/);
    expect(bad?.results).toEqual([]);
    expect(pagefind.calls).toEqual([]);
  });

  it('turns a date range into year, month and day filters over the years the archive holds', () => {
    const options = optionsFor(state({ from: '2016-01-01', to: '2025-06-30' }), ['2016', '2025', '2026']);
    expect(options?.filters?.['any']).toEqual([
      { year: { any: ['2016'] } },
      { month: { any: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'] } },
    ]);
    expect(optionsFor(state({ from: '2030-01-01' }), ['2016'])).toBeUndefined();
  });

  it('drops the answer of a search that a newer one has overtaken', async () => {
    // The first search is slow, the second fast: the first's answer arrives last and must not be shown.
    const search = await controller(fakePagefind(DOCS, (term) => (term === 'nothing' ? 50 : 0)));
    const [slow, fast] = await Promise.all([
      search.search(state({ query: 'nothing' })),
      search.search(state({ query: 'coalition' })),
    ]);
    expect(slow).toBeUndefined();
    expect(fast?.results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('searches an index in parts as one, merged by score or joined in time', async () => {
    const search = await controller(combinedIndex([fakePagefind(DOCS.slice(0, 2)), fakePagefind(DOCS.slice(2))]));
    expect((await search.search(state({ query: 'willing', sort: 'newest' })))?.results.map((r) => r.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect((await search.search(state({ query: 'coalition', sort: 'oldest' })))?.results.map((r) => r.id)).toEqual([
      'c',
      'b',
      'a',
    ]);
    expect(search.years).toEqual(['2016', '2025', '2026']);
  });
});
