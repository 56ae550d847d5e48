import { describe, expect, it } from 'vitest';
import { paragraphMatches, queryTerms } from '../../../src/search/sub-results.ts';

const content =
  'Thank you all for coming today. The PURL initiative sends support. PURL works. Nothing here. And purl again, at the end.';
// Word positions counted by hand: "The" is word 6, "Nothing" 13, "And" 15.
const anchors = [
  { element: 'i', id: 'p-1', location: 0 },
  { element: 'i', id: 'p-2', location: 6 },
  { element: 'i', id: 'p-3', location: 13 },
  { element: 'i', id: 'p-4', location: 15 },
];

describe('paragraph sub-results', () => {
  it('find the paragraphs that hold the matches, once each, in page order, with the terms marked', () => {
    const matches = paragraphMatches(content, anchors, [16, 7, 11], queryTerms('"PURL"'));
    expect(matches.map((m) => [m.id, m.number])).toEqual([
      ['p-2', 2],
      ['p-4', 4],
    ]);
    expect(matches[0]!.excerpt.filter((part) => part.mark).map((part) => part.text)).toEqual(['PURL', 'PURL']);
    expect(matches[0]!.excerpt.map((part) => part.text).join('')).toBe(
      'The PURL initiative sends support. PURL works.',
    );
    expect(matches[1]!.excerpt.map((part) => part.text).join('')).toBe('And purl again, at the end.');
  });

  it('keep the spacing of the text as the release has it, not as the index parted it', () => {
    // As Pagefind keeps `leaders—but, then— later, at the end—` of an indexed copy.
    const text = 'Before.\nleaders— but not\nhere, then—\u2060 later, at the end—\u2060';
    const [match] = paragraphMatches(text, [{ element: 'i', id: 'p-2', location: 1 }], [2], ['but']);
    expect(match!.excerpt.map((part) => part.text).join('')).toBe('leaders—but not\nhere, then— later, at the end—');
    expect(match!.excerpt.filter((part) => part.mark).map((part) => part.text)).toEqual(['but']);
  });

  it('cut long paragraphs to a window around the first match', () => {
    const long = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    const [match] = paragraphMatches(long, [{ element: 'i', id: 'p-9', location: 0 }], [50], ['w50'], { width: 10 });
    const text = match!.excerpt.map((part) => part.text).join('');
    expect(text).toBe('… w47 w48 w49 w50 w51 w52 w53 w54 w55 w56 …');
    expect(match!.excerpt.find((part) => part.mark)?.text).toBe('w50');
  });

  it('give at most three, and none without paragraph anchors', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ element: 'i', id: `p-${i + 1}`, location: i }));
    expect(paragraphMatches('word word word word word word', many, [0, 1, 2, 3, 4, 5], ['word'])).toHaveLength(3);
    expect(paragraphMatches('x y z', [{ element: 'h2', id: 'notes', location: 0 }], [1], ['y'])).toEqual([]);
  });
});
