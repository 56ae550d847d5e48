import { describe, expect, it } from 'vitest';
import type { ReleaseData } from '../../../src/model/schema.ts';
import { exportRelease } from '../../../src/site/export.ts';

const data: ReleaseData = {
  title: 'Remarks on the budget',
  slug: 'remarks-on-the-budget',
  date: '2015-09',
  type: 'remarks',
  speaker: 'A. Speaker',
  licence: 'Public domain (17 U.S.C. 105)',
  language: 'en',
};

describe('a release as JSON', () => {
  it('carries its frontmatter, its licence among it, with how much of its date is known', () => {
    const exported = exportRelease(data, 'https://example.org/releases/2015/09/remarks-on-the-budget/', ['One.']);
    expect(exported).toEqual({
      ...data,
      date_precision: 'month',
      permalink: 'https://example.org/releases/2015/09/remarks-on-the-budget/',
      paragraphs: ['One.'],
    });
    expect(exported.licence).toBe('Public domain (17 U.S.C. 105)');
  });
});
