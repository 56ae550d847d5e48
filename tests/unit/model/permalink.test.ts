import { describe, expect, it } from 'vitest';
import { releaseFilePath, releasePath, slugify } from '../../../src/model/permalink.ts';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '../../../src/model/schema.ts';

describe('permalinks', () => {
  it('derive from the date and the fixed slug', () => {
    const seed = { date: '2026-01-26', slug: 'remarks-by-nato-secretary-general-mark-rutte' };
    expect(releasePath(seed)).toBe('releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/');
    expect(releaseFilePath(seed)).toBe('releases/2026/01/2026-01-26-remarks-by-nato-secretary-general-mark-rutte.mdx');
  });

  it('file releases by year and month so no folder grows past a month of releases', () => {
    expect(releaseFilePath({ date: '1789-04-30', slug: 'first-inaugural-address' })).toBe(
      'releases/1789/04/1789-04-30-first-inaugural-address.mdx',
    );
  });
});

describe('slugify', () => {
  it('makes readable ASCII slugs', () => {
    expect(slugify('Remarks by NATO Secretary General Mark Rutte')).toBe(
      'remarks-by-nato-secretary-general-mark-rutte',
    );
    expect(slugify("The President's Weekly Address")).toBe('the-presidents-weekly-address');
    expect(slugify('Déclaration à la presse — Zürich, 1. Mai')).toBe('declaration-a-la-presse-zurich-1-mai');
  });

  it('caps the length at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toMatch(SLUG_PATTERN);
  });

  it('gives an empty slug when nothing usable is left', () => {
    expect(slugify('—')).toBe('');
    expect(slugify('日本語')).toBe('');
  });
});
