/**
 * Which paragraphs of a release a search matched, for sub-results that link straight to them.
 * Pagefind reports each match as a word position in the page's text, and each element with an
 * id as an anchor with the word position where it starts. The index's copy of a page marks
 * each paragraph, `p-N`, with an empty element before it (`index-text.ts`), so anchors cost no
 * bytes of text; a paragraph's words run from its anchor to the next, and a match belongs to
 * the last paragraph starting at or before it.
 */
import { unparted } from './index-text.ts';

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
 * The words of a page's text as Pagefind counts them, each with the spaces that follow it as the
 * release has them (`unparted`), so that an excerpt keeps the text's own spacing. Word N is the
 * one at Pagefind's location N.
 */
function words(content: string): { word: string; space: string }[] {
  const pieces = content.split(/([^\S\uFEFF]+)/);
  const result: { word: string; space: string }[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const [word, next] = [unparted(pieces[i] ?? ''), unparted(pieces[i + 2] ?? '')];
    // Whether a space is the release's depends on the words either side of it.
    const joined = unparted(`${pieces[i] ?? ''}${pieces[i + 1] ?? ''}${pieces[i + 2] ?? ''}`);
    result.push({ word, space: joined.slice(word.length, joined.length - next.length) });
  }
  return result;
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
  const text = words(content);
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
  return [...firstMatch].slice(0, max).map(([i, location]) => {
    const anchor = paragraphs[i]!;
    const paragraph = text.slice(anchor.location, paragraphs[i + 1]?.location ?? text.length);
    const centre = Math.min(location - anchor.location, Math.max(paragraph.length - 1, 0));
    const start = Math.max(0, centre - Math.floor(width / 3));
    const end = Math.min(paragraph.length, start + width);
    const excerpt: ExcerptPart[] = [];
    if (start > 0) excerpt.push({ text: '… ', mark: false });
    paragraph.slice(start, end).forEach(({ word, space }, k) => {
      const matched = terms.some((term) => normalise(word).startsWith(term));
      excerpt.push({ text: word, mark: matched });
      if (k < end - start - 1 && space) excerpt.push({ text: space, mark: false });
    });
    if (end < paragraph.length) excerpt.push({ text: ' …', mark: false });
    return { id: anchor.id, number: Number(anchor.id.slice(2)), excerpt };
  });
}
