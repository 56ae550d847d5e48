import { describe, expect, it } from 'vitest';
import type { WordEntry } from '../../../src/pagefind/vocabulary.ts';
import {
  closeWords,
  distance,
  holdsPhrase,
  phraseExcerpt,
  phraseStarts,
  queryWords,
  searchedWords,
  shownIn,
  wordsFor,
} from '../../../src/search/words.ts';

const entry = (word: string, count = 1): WordEntry => ({ word, count, parts: undefined });
const H = ['health', 'healthcare', 'healthier', 'heal', 'help', 'helped', 'hell', 'run', 'runs', 'runner'].map((w, i) =>
  entry(w, 100 - i),
);

describe('query words', () => {
  it('keeps what was typed, and searches the normal form', () => {
    expect(queryWords(' "Rutte’s  R-UT" — ')).toEqual([
      { typed: 'Rutte’s', word: 'ruttes' },
      { typed: 'R-UT', word: 'rut' },
    ]);
  });

  it('finds the words a word starts, and its other forms, in the vocabulary', () => {
    expect(wordsFor('heal', H).map((e) => e.word)).toEqual(['health', 'healthcare', 'healthier', 'heal']);
    expect(wordsFor('running', H).map((e) => e.word)).toEqual(['run', 'runs', 'runner']);
    expect(wordsFor('helthcare', H)).toEqual([]);
  });
});

describe('the words asked of the index', () => {
  // The uses of words more than half the releases hold, as the index's list of common words gives them.
  const COMMON = { the: 4846, of: 2851, to: 2461, that: 1434, we: 713, have: 501, people: 211, make: 97 };
  const typed = (words: { typed: string }[]) => words.map((word) => word.typed).join(' ');

  it('leaves out the common words of a long query, but never its three rarest', () => {
    expect(typed(searchedWords(queryWords('we have to make sure that the people of'), COMMON))).toBe(
      'make sure people',
    );
    expect(typed(searchedWords(queryWords('the people of the nation'), COMMON))).toBe('people of nation');
    expect(typed(searchedWords(queryWords('we have to make'), COMMON))).toBe('we have make');
    // And one more common word for each step asked: the rarest of those left out.
    expect(typed(searchedWords(queryWords('we have to make sure that the people of'), COMMON, 1))).toBe(
      'have make sure people',
    );
    // Three words or fewer are asked for whole, however common.
    expect(typed(searchedWords(queryWords('of the people'), COMMON))).toBe('of the people');
    expect(typed(searchedWords(queryWords('we have to make sure'), {}))).toBe('we have to make sure');
  });

  it('finds where a phrase may start from the positions of the words asked for', () => {
    // "make sure … people" at places 3, 4 and 7 of the query; the page has them at 13, 14 and 17.
    expect(phraseStarts([2, 13, 14, 17, 40], [3, 4, 7])).toEqual([10]);
    expect(phraseStarts([13, 14, 18], [3, 4, 7])).toEqual([]);
    expect(phraseStarts([1, 2], [0, 1])).toEqual([1]);
  });

  it('reads the rest of the phrase in the text, word by word as Pagefind finds words', () => {
    const words = queryWords('we have to make sure that the people of');
    const text = 'Today, We have to make sure that the people’s of course';
    expect(holdsPhrase(text, 1, words)).toBe(true);
    expect(holdsPhrase(text, 0, words)).toBe(false);
    expect(holdsPhrase('we have to make sure all the people of', 0, words)).toBe(false);
    expect(holdsPhrase('we have to make', 0, queryWords('we have to make sure'))).toBe(false);
    expect(holdsPhrase('we have to make', -1, queryWords('we have'))).toBe(false);
  });
});

describe('an excerpt around a phrase', () => {
  it('shows the words around it, the phrase marked and the text escaped', () => {
    const text = 'one two three Coalition of the Willing, R&D <b> seven eight nine';
    expect(phraseExcerpt(text, 3, 4, 6)).toBe(
      'three <mark>Coalition</mark> <mark>of</mark> <mark>the</mark> <mark>Willing,</mark> R&amp;D',
    );
    // At the start and the end of the text, the excerpt keeps its length.
    expect(phraseExcerpt(text, 0, 2, 4)).toBe('<mark>one</mark> <mark>two</mark> three Coalition');
    expect(phraseExcerpt(text, 11, 1, 3)).toBe('seven eight <mark>nine</mark>');
    expect(phraseExcerpt(text, 8, 1, 3)).toBe('R&amp;D <mark>&lt;b&gt;</mark> seven');
  });
});

describe('close words', () => {
  it('measures letters left out, added, changed or swapped', () => {
    expect(distance('helthcare', 'healthcare', 2)).toBe(1);
    expect(distance('haelth', 'health', 2)).toBe(1);
    expect(distance('xqzvorblat', 'healthcare', 2)).toBe(3);
  });

  it('offers the nearest words first, then the commonest, one letter apart for short words', () => {
    expect(closeWords('helthcare', H).map((e) => e.word)).toEqual(['healthcare']);
    expect(closeWords('helo', H).map((e) => e.word)).toEqual(['help', 'hell']);
    expect(closeWords('xqzvorblat', H)).toEqual([]);
  });
});

describe('whether a result shows a word', () => {
  const data = (content: string, locations: number[], meta: Record<string, string> = {}) => ({
    url: '/',
    excerpt: '',
    meta,
    locations,
    content,
    anchors: [],
  });

  it('looks at the words where it matched, and in its metadata', () => {
    expect(shownIn('health', data('Our Healthcare, for all', [1]))).toBe(true);
    expect(shownIn('helthcare', data('Eli H. Miller said', [1]))).toBe(false);
    expect(shownIn('rutte', data('nothing here', [], { title: 'Remarks by Mark Rutte' }))).toBe(true);
  });
});
