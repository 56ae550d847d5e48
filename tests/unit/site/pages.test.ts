import { describe, expect, it } from 'vitest';
import { pageWindow } from '../../../src/site/pages.ts';

describe('pageWindow', () => {
  it('shows every page of a short list', () => {
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
  });

  it('shows the ends and the pages around the current one, with gaps marked', () => {
    expect(pageWindow(10, 2000)).toEqual([1, null, 8, 9, 10, 11, 12, null, 2000]);
    expect(pageWindow(1, 2000)).toEqual([1, 2, 3, null, 2000]);
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, 6, null, 10]);
  });
});
