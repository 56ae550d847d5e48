import { describe, expect, it } from 'vitest';
import { findDuplicates, shingles, similarity } from '../../../src/curation/duplicates.ts';

const speech = Array.from(
  { length: 40 },
  (_, i) => `In paragraph ${i} we said that the nation must stand together on question number ${i}, and it did.`,
);

describe('near-duplicate releases', () => {
  it('finds two transcriptions of one speech: other breaks, asides and quotes, same date', () => {
    const one = { file: 'a.mdx', date: '2016-01-12', title: 'State of the Union', text: speech.join('\n\n') };
    const other = {
      file: 'b.mdx',
      date: '2016-01-12',
      title: 'Address Before a Joint Session',
      text: speech
        .map((p, i) => (i % 5 === 0 ? `${p} (Applause.)` : p))
        .join(' ')
        .replace(/the nation/g, '[Laughter] the nation'),
    };
    const pairs = findDuplicates([one, other]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.similarity).toBeGreaterThan(0.9);
    // Another day's copy is another release.
    expect(findDuplicates([one, { ...other, date: '2016-01-13' }])).toEqual([]);
  });

  it('does not take two releases from one template for one', () => {
    const iowa =
      'The President today declared a major disaster exists in the State of Iowa and ordered Federal aid to supplement State and local recovery efforts in the area affected by severe storms, tornadoes, straight-line winds, and flooding.';
    const nebraska = iowa
      .replace('Iowa', 'Nebraska')
      .replace('severe storms, tornadoes, straight-line winds, and flooding', 'severe winter storms and snowstorm');
    expect(similarity(shingles(iowa), shingles(nebraska))).toBeLessThan(0.9);
    expect(
      findDuplicates([
        { file: 'i', date: '2016-04-20', title: 'Iowa', text: iowa },
        { file: 'n', date: '2016-04-20', title: 'Nebraska', text: nebraska },
      ]),
    ).toEqual([]);
  });
});
