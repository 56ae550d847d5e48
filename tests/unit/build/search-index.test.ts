import { describe, expect, it } from 'vitest';
import { indexedWords } from '../../../src/build/search-index.ts';
import { planParts, type PartMember } from '../../../src/build/index-parts.ts';

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

/** Releases of `words` words each, one a day from 1 January 2000 on (`perMonth` a month). */
function releases(count: number, words = 1000, perMonth = 20): PartMember[] {
  return Array.from({ length: count }, (_, i) => {
    const month = Math.floor(i / perMonth);
    const date = `${2000 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String((i % perMonth) + 1).padStart(2, '0')}`;
    return { id: `r${String(i).padStart(5, '0')}`, date, words };
  });
}

const ids = (parts: { members: PartMember[] }[]) => parts.map((part) => part.members.map((m) => m.id));

describe('planning the parts of the index', () => {
  const options = { target: 100_000, max: 400_000 };

  it('puts every release in one part, oldest first, none holding more words than the most', () => {
    const all = releases(2000);
    const parts = planParts([...all].reverse(), 'en', options);
    expect(ids(parts).flat()).toEqual(all.map((release) => release.id));
    for (const part of parts) expect(part.words).toBeLessThanOrEqual(options.max);
    expect(parts.length).toBeGreaterThan(5);
    // The newest month is a part of its own: the head, where a new release goes.
    expect(parts.at(-1)!.members.map((m) => m.date.slice(0, 7))).toEqual(Array(20).fill('2008-04'));
  });

  it('names each part by its language and its first month', () => {
    const parts = planParts(releases(100), 'fr', options);
    expect(parts[0]!.path).toBe('parts/fr-2000-01/');
    for (const part of parts) expect(part.path).toBe(`parts/fr-${part.members[0]!.date.slice(0, 7)}/`);
  });

  it('moves no other part when a month changes: only the parts around it', () => {
    const all = releases(3000);
    const before = ids(planParts(all, 'en', options));
    // A release more in one month of the middle, and one fewer in another, far from it.
    const changed = [...all.filter((r) => r.id !== 'r02500'), { id: 'r01000b', date: all[1000]!.date, words: 4000 }];
    const after = ids(planParts(changed, 'en', options));
    const same = after.filter((part) => before.some((other) => other.join() === part.join()));
    expect(after.length - same.length).toBeLessThanOrEqual(4);
    expect(before.length).toBeGreaterThan(10);
  });

  it('adds a release of the newest month to the head alone', () => {
    const all = releases(1000);
    const before = ids(planParts(all, 'en', options));
    const after = ids(planParts([...all, { id: 'r99999', date: all.at(-1)!.date, words: 900 }], 'en', options));
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)).toEqual([...before.at(-1)!, 'r99999']);
  });

  it('cuts a month of more words than a part may hold', () => {
    const parts = planParts(releases(50, 20_000, 50), 'en', options);
    expect(parts.map((part) => part.words)).toEqual([400_000, 400_000, 200_000]);
    expect(parts.map((part) => part.path)).toEqual(['parts/en-2000-01/', 'parts/en-2000-01.2/', 'parts/en-2000-01.3/']);
  });

  it('plans the same parts whatever order the releases come in', () => {
    const all = releases(500);
    const shuffled = [...all].sort((a, b) => (a.id.charCodeAt(3) % 7) - (b.id.charCodeAt(3) % 7));
    expect(ids(planParts(shuffled, 'en', options))).toEqual(ids(planParts(all, 'en', options)));
  });
});
