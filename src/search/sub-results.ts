/**
 * Which paragraphs of a release a search matched, for sub-results that link straight to them.
 * Pagefind reports each match as a word position in the page's text, and each element with an
 * id as an anchor with the word position where it starts. The index's copy of a page marks
 * each paragraph, `p-N`, with an empty element before it (`index-text.ts`), so anchors cost no
 * bytes of text; a paragraph's words run from its anchor to the next, and a match belongs to
 * the last paragraph starting at or before it.
 */
import { unparted } from '../pagefind/index-text.ts';

/** An element with an id, as Pagefind records it. */
export interface Anchor {
  element: string;
  id: string;
  location: number;
}

/** A piece of a sub-result's excerpt: plain text, or a word that matched. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** A paragraph that matched, with an excerpt around its first match. */
export interface ParagraphMatch {
  id: string;
  number: number;
  excerpt: ExcerptPart[];
}

function normalise(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The words of a query, as search terms: lower case, without quotes or punctuation. */
export function queryTerms(query: string): string[] {
  return query.split(/\s+/).map(normalise).filter(Boolean);
}

/**
 * A page's text as Pagefind counts its words: word N (Pagefind's location N) and the spaces after
 * it, as the release has them (`unparted`), so that an excerpt keeps the text's own spacing.
 * Only the few words an excerpt shows are worked out.
 */
function wordsOf(content: string) {
  const pieces = content.split(/([^\S\uFEFF]+)/);
  const raw = (n: number) => pieces[2 * n] ?? '';
  return {
    count: Math.ceil(pieces.length / 2),
    word: (n: number) => unparted(raw(n)),
    space(n: number): string {
      // Whether a space is the release's depends on the words either side of it.
      const joined = unparted(`${raw(n)}${pieces[2 * n + 1] ?? ''}${raw(n + 1)}`);
      return joined.slice(unparted(raw(n)).length, joined.length - unparted(raw(n + 1)).length);
    },
  };
}

/**
 * The paragraphs of `content` holding `locations`, in page order, at most `max`; each excerpt is
 * a window of about `width` words around the paragraph's first match, with words starting with
 * a term marked.
 */
export function paragraphMatches(
  content: string,
  anchors: readonly Anchor[],
  locations: readonly number[],
  terms: readonly string[],
  { max = 3, width = 24 } = {},
): ParagraphMatch[] {
  const paragraphs = anchors.filter((anchor) => /^p-\d+$/.test(anchor.id)).sort((a, b) => a.location - b.location);
  const firstMatch = new Map<number, number>();
  for (const location of [...locations].sort((a, b) => a - b)) {
    let owner: number | undefined;
    for (const [i, paragraph] of paragraphs.entries()) {
      if (paragraph.location > location) break;
      owner = i;
    }
    if (owner !== undefined && !firstMatch.has(owner)) firstMatch.set(owner, location);
  }
  if (firstMatch.size === 0) return [];
  const text = wordsOf(content);
  return [...firstMatch].slice(0, max).map(([i, location]) => {
    const anchor = paragraphs[i]!;
    const [first, last] = [anchor.location, (paragraphs[i + 1]?.location ?? text.count) - 1];
    const start = Math.max(first, Math.min(location, last) - Math.floor(width / 3));
    const end = Math.min(last, start + width - 1);
    const excerpt: ExcerptPart[] = [];
    if (start > first) excerpt.push({ text: '… ', mark: false });
    for (let n = start; n <= end; n++) {
      const word = text.word(n);
      excerpt.push({ text: word, mark: terms.some((term) => normalise(word).startsWith(term)) });
      const space = n < end ? text.space(n) : '';
      if (space) excerpt.push({ text: space, mark: false });
    }
    if (end < last) excerpt.push({ text: ' …', mark: false });
    return { id: anchor.id, number: Number(anchor.id.slice(2)), excerpt };
  });
}
