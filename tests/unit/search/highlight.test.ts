import { describe, expect, it } from 'vitest';
import { highlightUrl } from '../../../src/search/highlight-url.ts';
import { highlightPatterns, idFromHash } from '../../../src/search/highlight.ts';

const matches = (pattern: RegExp | undefined, text: string) => [...text.matchAll(pattern ?? /$^/g)].map((m) => m[0]);

describe('marking search words on a release page', () => {
  it('reads the paragraph an address names, even when its %-escapes are broken', () => {
    expect(idFromHash('#p-12')).toBe('p-12');
    expect(idFromHash('#caf%C3%A9')).toBe('café');
    expect(idFromHash('#%E0%A4%A')).toBe('%E0%A4%A');
  });

  it('marks an unquoted query of several words as a phrase, across punctuation and line breaks', () => {
    const { phrase, quoted } = highlightPatterns('coalition of the willing');
    expect(quoted).toBe(false);
    expect(matches(phrase, 'The Coalition of the\nWilling, led by the UK; a coalition of the unwilling')).toEqual([
      'Coalition of the\nWilling',
    ]);
  });

  it('marks a phrase in other forms of its words, as search finds them', () => {
    const { phrase } = highlightPatterns('"weapons of mass destruction"');
    expect(
      matches(phrase, 'a weapon of mass destruction; weapons of mass-destruction; weapons off mass destruction'),
    ).toEqual(['weapon of mass destruction', 'weapons of mass-destruction']);
  });

  it('marks other forms of a word, but not common words on their own', () => {
    const { words } = highlightPatterns('the sanctions of Russia');
    expect(matches(words, 'The sanction, sanctioned and sanctions on Russian oil, of the Russia')).toEqual([
      'sanction',
      'sanctioned',
      'sanctions',
      'Russian',
      'Russia',
    ]);
  });

  it('keeps quoted phrases and loose words apart, and treats their characters as text', () => {
    const { phrase, words, quoted } = highlightPatterns('"red line" Syria (a.*b)');
    expect(quoted).toBe(true);
    expect(matches(phrase, 'a red line, a red-line, a redline')).toEqual(['red line', 'red-line']);
    expect(matches(words, 'Syria and Syrian, a.*b')).toEqual(['Syria', 'Syrian']);
  });

  it('builds the address that carries the query and the paragraph', () => {
    expect(highlightUrl('/releases/2026/01/26/x/', ' coalition & "willing" ', 'p-4')).toBe(
      '/releases/2026/01/26/x/?highlight=coalition+%26+%22willing%22#p-4',
    );
    expect(highlightUrl('/r/', '  ')).toBe('/r/');
  });
});
