/**
 * The words of a query, and what the archive's vocabulary (`src/pagefind/vocabulary.ts`) says of
 * them: whether the archive holds a word at all, in which parts of the index, and which of its
 * words are close to one it does not hold. Pagefind alone cannot say: asked for a word that no
 * indexed word starts with, it matches a shorter one instead (`rutte` finds "R-UT").
 */
import type { ResultData } from '../pagefind/api.ts';
import { normalWord, textWords, type WordEntry } from '../pagefind/vocabulary.ts';

/** A word of a query: as the reader typed it, and as Pagefind searches it. */
export interface QueryWord {
  typed: string;
  word: string;
}

/** The words of a query, each as typed (without quotes) and in Pagefind's normal form; words of no letter left out. */
export function queryWords(query: string): QueryWord[] {
  return query
    .split(/\s+/)
    .map((token) => ({ typed: token.replace(/^["“”']+|["“”']+$/g, ''), word: normalWord(token) }))
    .filter((word) => word.word !== '');
}

/** Endings English words take, longest first: Pagefind's stemmer finds `runs` for `running`. */
const ENDINGS = [
  'ations',
  'ation',
  'ments',
  'ment',
  'nesses',
  'ness',
  'ings',
  'ing',
  'ies',
  'ied',
  'ers',
  'er',
  'ed',
  'es',
  'ly',
  's',
];

/** The start `word` shares with its other forms, if it has an ending to take off: `running` → `run`. */
function formsStart(word: string): string | undefined {
  for (const ending of ENDINGS) {
    if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
    const start = word.slice(0, -ending.length);
    return /([bdfgmnprt])\1$/.test(start) ? start.slice(0, -1) : start;
  }
  return undefined;
}

/** Whether a search for `word` finds `form`: a word it starts, or another form of it (`formsStart`). */
function finds(word: string, form: string, start = formsStart(word)): boolean {
  return form.startsWith(word) || (start !== undefined && form.startsWith(start));
}

/**
 * The vocabulary's words that a search for `word` finds: those it starts, as a word being typed
 * finds its completions, and the other forms of it (`formsStart`).
 */
export function wordsFor(word: string, entries: readonly WordEntry[]): WordEntry[] {
  const start = formsStart(word);
  return entries.filter((entry) => finds(word, entry.word, start));
}

/** However common its words, a query's rarest this many are searched. */
export const RAREST_SEARCHED = 3;

/**
 * The words of a query that Pagefind is asked for: all of them but the common ones (held by more
 * than half the releases: `common`, the index's list, with each word's uses in the archive), as
 * long as the `RAREST_SEARCHED` rarest remain, and `more` rarest common ones besides. A word like
 * "the" narrows a search by next to nothing, yet its part of the index is the largest to fetch
 * (370 KB on the corpus), as a word's part grows with its uses: "we have to make sure that the
 * people of" fetched 1.7 MB for its nine words, 0.3 MB for "make sure people". A query of three
 * words or fewer is searched whole; so is a quoted phrase, by the caller.
 */
export function searchedWords(
  words: readonly QueryWord[],
  common: Readonly<Record<string, number>>,
  more = 0,
): QueryWord[] {
  // Own properties only: `constructor` is a word a release may hold.
  const uses = (word: string) => (Object.hasOwn(common, word) ? common[word] : undefined);
  const rarest = [...new Set(words.map(({ word }) => word))].sort(
    (a, b) => (uses(a) ?? 0) - (uses(b) ?? 0) || a.localeCompare(b),
  );
  const kept = new Set(rarest.filter((word, i) => i < RAREST_SEARCHED + more || uses(word) === undefined));
  return words.filter(({ word }) => kept.has(word));
}

/**
 * Where in a page the words of a query may stand as a phrase, from the positions of the searched
 * words (`result.words`, which Pagefind gives before a page's data is loaded): each start from
 * which every searched word, at its place in the query (`places`), is at one of those positions.
 * The other words of the phrase are checked in the page's text (`holdsPhrase`).
 */
export function phraseStarts(positions: readonly number[], places: readonly number[]): number[] {
  const at = new Set(positions);
  const [first = 0] = places;
  return [...at]
    .map((position) => position - first)
    .filter((start) => start >= 0 && places.every((place) => at.has(start + place)));
}

/**
 * Whether the page's text (`content`, whose words Pagefind's positions count) holds the query's
 * `words` as a phrase from word position `start`: each word of the text found by the query's
 * word there, as Pagefind finds words (a word it starts, or another form of it).
 */
export function holdsPhrase(content: string, start: number, words: readonly QueryWord[]): boolean {
  if (start < 0) return false;
  const tokens = content.split(/[^\S\uFEFF]+/);
  return words.every(({ word }, i) => [...textWords(tokens[start + i] ?? '')].some((form) => finds(word, form)));
}

/** The parts of the index holding any of `entries` (bit k for part k), all of them as `all`. */
export function partsHolding(entries: readonly WordEntry[], all: bigint): bigint {
  let parts = 0n;
  for (const entry of entries) parts |= entry.parts ?? all;
  return parts;
}

/**
 * Whether a result shows `word` where it matched: a word it starts, at one of the result's
 * match locations or in its metadata (the title, the speaker). A result that matched only a
 * shorter word does not.
 */
export function shownIn(word: string, data: ResultData): boolean {
  const words = data.content.split(/[^\S\uFEFF]+/);
  const found = (text: string) => [...textWords(text)].some((form) => form.startsWith(word));
  return (
    data.locations.some((location) => found(words[location] ?? '')) ||
    Object.values(data.meta).some((value) => value !== undefined && found(value))
  );
}

const ESCAPED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * An excerpt as Pagefind makes them (HTML, each matching word in a `<mark>`), of `length` words
 * of `content` around the `count` words from position `start`, which are marked: a phrase found
 * by `holdsPhrase`, shown as Pagefind's own phrase search would show it.
 */
export function phraseExcerpt(content: string, start: number, count: number, length: number): string {
  const tokens = content.split(/[^\S\uFEFF]+/);
  const from = Math.max(0, Math.min(start - Math.floor((length - count) / 2), tokens.length - length));
  return tokens
    .slice(from, from + length)
    .map((token, i) => {
      const text = token.replace(/[&<>]/g, (c) => ESCAPED[c]!);
      return from + i >= start && from + i < start + count ? `<mark>${text}</mark>` : text;
    })
    .join(' ');
}

/** Optimal string alignment distance between `a` and `b`, or `limit + 1` once it is sure to exceed `limit`. */
export function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The vocabulary's words closest to `word`, which the archive does not hold: one letter apart
 * for a short word, two for a longer one (a letter left out, added, changed, or two swapped);
 * nearest first, then those more releases hold.
 */
export function closeWords(word: string, entries: readonly WordEntry[], max = 3): WordEntry[] {
  const limit = word.length <= 4 ? 1 : 2;
  return entries
    .map((entry) => ({ entry, apart: distance(word, entry.word, limit) }))
    .filter(({ apart }) => apart <= limit)
    .sort((a, b) => a.apart - b.apart || b.entry.count - a.entry.count || a.entry.word.localeCompare(b.entry.word))
    .slice(0, max)
    .map(({ entry }) => entry);
}
