import { describe, expect, it } from 'vitest';
import { editDistance, likelyVariants, variantReason } from '../../../src/curation/name-variants.ts';

describe('likely variants of a name', () => {
  it('groups the Brady room, the Marriott and an honorific, most used first, saying why against the main name', () => {
    const groups = likelyVariants([
      { name: 'James S. Brady Press Briefing Room', count: 110 },
      { name: 'James S. Brady Briefing Room', count: 10 },
      { name: 'James Brady S. Briefing Room', count: 1 },
      { name: 'Bridgewater Marriott', count: 3 },
      { name: 'Marriott Bridgewater', count: 2 },
      { name: 'Mr. Abdullah Abdullah', count: 4 },
      { name: 'Abdullah Abdullah', count: 6 },
      { name: 'East Room', count: 40 },
    ]);
    expect(groups).toEqual([
      {
        names: [
          { name: 'James S. Brady Press Briefing Room', count: 110 },
          { name: 'James S. Brady Briefing Room', count: 10, reason: 'one word more or fewer' },
          { name: 'James Brady S. Briefing Room', count: 1, reason: 'one word more or fewer' },
        ],
      },
      {
        names: [
          { name: 'Abdullah Abdullah', count: 6 },
          {
            name: 'Mr. Abdullah Abdullah',
            count: 4,
            reason: 'the same words, in another order or with other punctuation, case or titles',
          },
        ],
      },
      {
        names: [
          { name: 'Bridgewater Marriott', count: 3 },
          {
            name: 'Marriott Bridgewater',
            count: 2,
            reason: 'the same words, in another order or with other punctuation, case or titles',
          },
        ],
      },
    ]);
  });

  it('links initials written out on one side only, and spellings a letter or two apart, but not two people', () => {
    expect(variantReason('James Brady Press Briefing Room', 'James S. Brady Press Briefing Room')).toBe(
      'the same but for initials',
    );
    expect(variantReason('Roosevelt Room', 'Rosevelt Room')).toBe('a letter or two apart');
    expect(variantReason('George W. Bush', 'George H. W. Bush')).toBeUndefined();
    expect(variantReason('Barack Obama', 'Michelle Obama')).toBeUndefined();
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitten')).toBe(1);
  });
});
