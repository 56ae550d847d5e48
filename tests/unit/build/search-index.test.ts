import { describe, expect, it } from 'vitest';
import { PartPlanner, indexedWords } from '../../../src/build/search-index.ts';

describe('the words a part of the index counts', () => {
  it('counts the words from the release text on, not the page around it', () => {
    const copy =
      '<html><head><title>Not these</title></head><body><nav>Nor these three</nav>' +
      '<div class="remarks" data-pagefind-body><p>One two</p><p>three, four—\u2060five</p></div></body></html>';
    expect(indexedWords(copy)).toBe(4);
  });

  it('counts none in a page without release text', () => {
    expect(indexedWords('<html><body><p>Words but no text to index</p></body></html>')).toBe(0);
  });
});

describe('planning the parts of the index', () => {
  it('starts a new part where the words would pass the limit, keeping the order', () => {
    const planner = new PartPlanner(100);
    const starts = [40, 60, 1, 99, 50, 50, 50].map((words) => planner.startsPart(words));
    // Parts: [40, 60] [1, 99] [50, 50] [50]: each holds at most 100 words.
    expect(starts).toEqual([false, false, true, false, true, false, true]);
  });

  it('gives a release longer than the limit a part of its own', () => {
    const planner = new PartPlanner(100);
    expect([10, 500, 10, 90].map((words) => planner.startsPart(words))).toEqual([false, true, true, false]);
  });
});
