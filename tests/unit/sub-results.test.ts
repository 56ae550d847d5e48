import { describe, expect, it } from 'vitest';
import { paragraphMatches, queryTerms } from '../../src/lib/sub-results.ts';

const anchors = [
  { element: 'h2', id: 'notice-heading', location: 0 },
  { element: 'p', id: 'p-1', text: 'Thank you all for coming today.', location: 0 },
  { element: 'p', id: 'p-2', text: 'The PURL initiative sends support. PURL works.', location: 6 },
  { element: 'p', id: 'p-3', text: 'Nothing here.', location: 13 },
  { element: 'p', id: 'p-4', text: 'And purl again, at the end.', location: 15 },
];

describe('paragraph sub-results', () => {
  it('find the paragraphs that hold the matches, once each, in page order, with the terms marked', () => {
    const matches = paragraphMatches(anchors, [17, 7, 11], queryTerms('"PURL"'));
    expect(matches.map((m) => [m.id, m.number])).toEqual([
      ['p-2', 2],
      ['p-4', 4],
    ]);
    expect(matches[0]!.excerpt.filter((part) => part.mark).map((part) => part.text)).toEqual(['PURL', 'PURL']);
    expect(matches[0]!.excerpt.map((part) => part.text).join('')).toBe('The PURL initiative sends support. PURL works.');
  });

  it('cut long paragraphs to a window around the first match', () => {
    const long = { element: 'p', id: 'p-9', text: Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '), location: 1000 };
    const [match] = paragraphMatches([long], [1050], ['w50'], { width: 10 });
    const text = match!.excerpt.map((part) => part.text).join('');
    expect(text).toBe('… w47 w48 w49 w50 w51 w52 w53 w54 w55 w56 …');
    expect(match!.excerpt.find((part) => part.mark)?.text).toBe('w50');
  });

  it('give at most three, and none without paragraph anchors', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ element: 'p', id: `p-${i + 1}`, text: 'word', location: i }));
    expect(paragraphMatches(many, [0, 1, 2, 3, 4, 5], ['word'])).toHaveLength(3);
    expect(paragraphMatches([], [3], ['x'])).toEqual([]);
  });
});
