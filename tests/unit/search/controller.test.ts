import { describe, expect, it } from 'vitest';
import type { FilterCounts, Pagefind, SearchOptions, SearchResponse } from '../../../src/pagefind/api.ts';
import { combinedIndex, type ArchiveIndex } from '../../../src/pagefind/browser.ts';
import { VocabularyBuilder, readWordsFile, wordsFile } from '../../../src/pagefind/vocabulary.ts';
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
  { id: 'b', text: 'the willing partners of a coalition of nations the willing', speaker: 'Rutte', year: '2025' },
  { id: 'c', text: 'the coalition was willing of course', speaker: 'Obama', year: '2016' },
  { id: 'd', text: 'nothing to see', speaker: 'Obama', year: '2016' },
];

/**
 * A fake Pagefind over `docs`: words match by prefix, and, as Pagefind does, a word that no word
 * of the docs starts with matches the longest word of the docs it starts with instead; a quoted
 * phrase matches as written; the score is the number of matching words; filters narrow by
 * speaker and year. `delay` makes a search take that long (ms), so tests can overlap searches.
 */
function fakePagefind(
  docs: Doc[],
  delay: (term: string | null) => number = () => 0,
): Pagefind & { calls: (string | null)[] } {
  const calls: (string | null)[] = [];
  const vocabulary = new Set(docs.flatMap((doc) => doc.text.split(' ')));
  /** The words of the docs a query word matches. */
  const matching = (word: string) => {
    const extensions = [...vocabulary].filter((w) => w.startsWith(word));
    if (extensions.length > 0) return extensions;
    const shorter = [...vocabulary].filter((w) => word.startsWith(w)).sort((a, b) => b.length - a.length);
    return shorter.slice(0, 1);
  };
  const locations = (doc: Doc, term: string | null) => {
    if (!term) return [];
    const phrase = /^"(.*)"$/.exec(term)?.[1];
    const words = doc.text.split(' ');
    if (phrase) {
      const at = doc.text.indexOf(phrase);
      if (at === -1) return [];
      const first = doc.text.slice(0, at).split(' ').length - 1;
      return phrase.split(' ').map((_, i) => first + i);
    }
    const wanted = term.split(' ').map(matching);
    if (!wanted.every((forms) => words.some((w) => forms.includes(w)))) return [];
    return words.flatMap((w, i) => (wanted.some((forms) => forms.includes(w)) ? [i] : []));
  };
  const matches = (doc: Doc, term: string | null) => (term ? locations(doc, term).length : 1);
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
          words: locations(doc, term),
          data: async () => ({
            url: doc.id,
            excerpt: doc.text,
            meta: {},
            locations: locations(doc, term),
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

/**
 * A fake archive index of parts, newest first, each over its docs, with the vocabulary the build
 * would write for them (`VocabularyBuilder`); `opened` lists the parts a search has loaded.
 */
function fakeIndex(
  parts: Doc[][],
  delay?: (term: string | null) => number,
): ArchiveIndex & { opened: Set<number>; totals(): Promise<FilterCounts> } {
  const builder = new VocabularyBuilder();
  parts.forEach((docs, k) => docs.forEach((doc) => builder.addPage([doc.text], k)));
  const files = builder.files(parts.length);
  const pagefinds = parts.map((docs) => fakePagefind(docs, delay));
  const opened = new Set<number>();
  return {
    opened,
    sizes: parts.map((docs) => ({ pages: docs.length, words: docs.length * 5_000_000 })),
    common: async () => builder.common(),
    async part(k) {
      opened.add(k);
      return pagefinds[k]!;
    },
    totals: async () => combinedIndex(pagefinds).filters(),
    words: async (word) => readWordsFile(files.get(wordsFile(word)) ?? {}),
  };
}

function state(changes: Partial<SearchState>): SearchState {
  return { ...emptyState(), ...changes };
}

/** A controller over `index`, with the filters' totals the search page would list for it. */
async function controller(index: ReturnType<typeof fakeIndex>) {
  return new SearchController(index, await index.totals());
}

describe('the search controller', () => {
  it('puts releases holding the words as a phrase first, then the rest by score', async () => {
    // b holds the words more often than a, but a holds them as a phrase.
    const search = await controller(fakeIndex([DOCS]));
    const outcome = await search.search(state({ query: 'coalition of the willing' }));
    expect(outcome?.results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(outcome?.status).toBe('3 releases found for “coalition of the willing”.');
  });

  it('asks the index for the rarest words of a long query, one more while too many releases may hold the phrase', async () => {
    // Six releases hold "to make sure that the people of" where the query has it, one the whole phrase;
    // a seventh uses "we have" more than any other words are used.
    const near = (k: number): Doc => ({
      id: `near${k}`,
      text: `we have said they want to make sure that the people of ${k}`,
      speaker: 'Rutte',
      year: '2025',
    });
    const docs: Doc[] = [
      ...[1, 2, 3, 4, 5, 6].map(near),
      { id: 'phrase', text: 'so we have to make sure that the people of europe', speaker: 'Obama', year: '2016' },
      { id: 'filler', text: 'we have we have we have we have we have', speaker: 'Obama', year: '2016' },
    ];
    const pagefind = fakePagefind(docs);
    const search = await controller({ ...fakeIndex([docs]), part: async () => pagefind });
    const outcome = await search.search(state({ query: 'we have to make sure that the people of' }));
    // Every word is held by more than half the releases: the three least used are asked for (ties
    // by spelling), then one more at a time while more than five releases may hold the phrase.
    expect(pagefind.calls).toEqual([
      'make people of',
      'make sure people of',
      'make sure that people of',
      'make sure that the people of',
      'to make sure that the people of',
      'have to make sure that the people of',
    ]);
    expect(outcome?.results[0]?.id).toBe('phrase');
    expect(outcome?.results.map((r) => r.id).sort()).toEqual([
      'near1',
      'near2',
      'near3',
      'near4',
      'near5',
      'near6',
      'phrase',
    ]);
    expect(outcome?.status).toBe('7 releases found for “we have to make sure that the people of”.');
  });

  it('reads the releases where the words asked for stand as in a long phrase: those holding it first, then the others', async () => {
    const docs: Doc[] = [
      { id: 'other', text: 'sure make people sure make people', speaker: 'Rutte', year: '2026' },
      {
        id: 'most',
        text: 'we have to make sure that the people of all the people have to make sure',
        speaker: 'Rutte',
        year: '2026',
      },
      { id: 'near', text: 'they want to make sure that all people of it', speaker: 'Rutte', year: '2025' },
      { id: 'phrase', text: 'so we have to make sure that the people of europe', speaker: 'Obama', year: '2016' },
    ];
    // The uses of the common words in the corpus ("sure" is not one).
    const common = {
      the: 484628,
      of: 285160,
      to: 246179,
      that: 143433,
      we: 71325,
      have: 50162,
      people: 21170,
      make: 9715,
    };
    const pagefind = fakePagefind(docs);
    const search = await controller({ ...fakeIndex([docs]), common: async () => common, part: async () => pagefind });
    const outcome = await search.search(state({ query: 'we have to make sure that the people of' }));
    expect(pagefind.calls).toEqual(['make sure people']);
    // "near" has make, sure and people where the phrase has them, but not the words around them;
    // "other" has them more often, nowhere as the phrase has them.
    expect(outcome?.results.map((r) => r.id)).toEqual(['most', 'phrase', 'near', 'other']);
    // A holder of the phrase shows it, marked, as Pagefind's phrase search would.
    const shown = await outcome!.results[1]!.data();
    expect(shown.excerpt).toBe(
      'so <mark>we</mark> <mark>have</mark> <mark>to</mark> <mark>make</mark> <mark>sure</mark> <mark>that</mark> <mark>the</mark> <mark>people</mark> <mark>of</mark> europe',
    );
    expect(shown.locations).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('orders by date without a phrase search, and counts each filter without its own choices', async () => {
    const pagefind = fakePagefind(DOCS);
    const search = await controller({ ...fakeIndex([DOCS]), part: async () => pagefind });
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
    const search = await controller(fakeIndex([DOCS]));
    expect((await search.search(state({ query: '"coalition of the willing"' })))?.status).toBe(
      '1 release found for "coalition of the willing".',
    );
  });

  it('says what to do with nothing chosen, and names a bad date range instead of searching', async () => {
    const pagefind = fakePagefind(DOCS);
    const search = await controller({ ...fakeIndex([DOCS]), part: async () => pagefind });
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
    const search = await controller(fakeIndex([DOCS], (term) => (term === 'nothing' ? 50 : 0)));
    const [slow, fast] = await Promise.all([
      search.search(state({ query: 'nothing' })),
      search.search(state({ query: 'coalition' })),
    ]);
    expect(slow).toBeUndefined();
    expect(fast?.results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('searches an index in parts as one, merged by score or joined in time', async () => {
    const search = await controller(fakeIndex([DOCS.slice(0, 2), DOCS.slice(2)]));
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

  it('names a word no release holds, with close words, instead of what a shorter word matched', async () => {
    const pagefind = fakePagefind(DOCS);
    const index = fakeIndex([DOCS]);
    const search = await controller({ ...index, part: async () => pagefind });
    // Pagefind, asked for "metx", matches "met" in a: that is no answer.
    expect((await pagefind.search('metx')).results.map((r) => r.id)).toEqual(['a']);
    const junk = await search.search(state({ query: 'coalition Metx' }));
    expect(junk?.results).toEqual([]);
    expect(junk?.status).toBe('No release has the word “Metx”.');
    expect(junk?.missing).toEqual([
      { typed: 'Metx', suggestions: [{ word: 'met', count: 1, query: 'coalition met' }] },
    ]);
    // Nothing matched at all, and nothing close: said so, with no suggestion.
    const nothing = await search.search(state({ query: 'xqzvorblat' }));
    expect(nothing?.status).toBe('No release has the word “xqzvorblat”.');
    expect(nothing?.missing).toEqual([{ typed: 'xqzvorblat', suggestions: [] }]);
    // A word being typed still finds the words it starts.
    expect((await search.search(state({ query: 'coali' })))?.results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('asks only the parts whose vocabulary holds every word, and none when a word is nowhere', async () => {
    const index = fakeIndex([DOCS.slice(0, 2), DOCS.slice(2)]);
    const search = await controller(index);
    const none = await search.search(state({ query: 'coalitoin' }));
    expect(none?.status).toBe('No release has the word “coalitoin”.');
    expect(none?.missing[0]?.suggestions.map((s) => s.word)).toEqual(['coalition']);
    expect(index.opened).toEqual(new Set());
    const seen = await search.search(state({ query: 'nothing' }));
    expect(seen?.results.map((r) => r.id)).toEqual(['d']);
    expect(index.opened).toEqual(new Set([1]));
  });

  it('searches the newest parts first, and older ones only as more results are asked for', async () => {
    const many = (from: number, n: number, year: string): Doc[] =>
      Array.from({ length: n }, (_, i) => ({
        id: `r${from + i}`,
        text: `release alpha ${from + i}`,
        speaker: 'Rutte',
        year,
      }));
    const index = fakeIndex([many(0, 12, '2026'), many(12, 5, '2020')]);
    const search = await controller(index);
    const first = await search.search(state({ query: 'alpha', sort: 'newest' }));
    expect(first?.results).toHaveLength(12);
    expect(first?.partial).toBe(true);
    expect(first?.status).toBe(
      '12 releases found for “alpha” in the 12 newest of 17 releases; older ones are searched as you ask for more.',
    );
    expect(index.opened).toEqual(new Set([0]));
    const more = await search.search(state({ query: 'alpha', sort: 'newest', shown: 20 }));
    expect(more?.results).toHaveLength(17);
    expect(more?.partial).toBe(false);
    expect(more?.status).toBe('17 releases found for “alpha”.');
    const oldest = await search.search(state({ query: 'alpha', sort: 'oldest' }));
    expect(oldest?.results.map((r) => r.id).slice(0, 5)).toEqual(['r12', 'r13', 'r14', 'r15', 'r16']);
  });
});
