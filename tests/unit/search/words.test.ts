import { describe, expect, it } from 'vitest';
import type { WordEntry } from '../../../src/pagefind/vocabulary.ts';
import { closeWords, distance, queryWords, shownIn, wordsFor } from '../../../src/search/words.ts';

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
