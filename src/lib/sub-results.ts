/**
 * Which paragraphs of a release a search matched, for sub-results that link straight to them.
 * Pagefind reports each match as a word position in the page, and each element with an id (our
 * paragraphs, `p-N`) as an anchor with the word position where it starts; a match belongs to the
 * last paragraph starting at or before it.
 */

/** An element with an id, as Pagefind records it. */
export interface Anchor {
  element: string;
  id: string;
  text?: string;
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
 * The paragraphs holding `locations`, in page order, at most `max`; each excerpt is a window of
 * about `width` words around the paragraph's first match, with words starting with a term marked.
 */
export function paragraphMatches(
  anchors: readonly Anchor[],
  locations: readonly number[],
  terms: readonly string[],
  { max = 3, width = 24 } = {},
): ParagraphMatch[] {
  const paragraphs = anchors
    .filter((anchor) => anchor.element === 'p' && /^p-\d+$/.test(anchor.id))
    .sort((a, b) => a.location - b.location);
  const firstMatch = new Map<Anchor, number>();
  for (const location of [...locations].sort((a, b) => a - b)) {
    let owner: Anchor | undefined;
    for (const paragraph of paragraphs) {
      if (paragraph.location > location) break;
      owner = paragraph;
    }
    if (owner && !firstMatch.has(owner)) firstMatch.set(owner, location);
  }
  return [...firstMatch]
    .slice(0, max)
    .map(([anchor, location]) => {
      const words = (anchor.text ?? '').split(/\s+/).filter(Boolean);
      const centre = Math.min(Math.max(location - anchor.location, 0), Math.max(words.length - 1, 0));
      const start = Math.max(0, centre - Math.floor(width / 3));
      const end = Math.min(words.length, start + width);
      const excerpt: ExcerptPart[] = [];
      if (start > 0) excerpt.push({ text: '… ', mark: false });
      words.slice(start, end).forEach((word, i) => {
        const matched = terms.some((term) => normalise(word).startsWith(term));
        excerpt.push({ text: word, mark: matched });
        if (i < end - start - 1) excerpt.push({ text: ' ', mark: false });
      });
      if (end < words.length) excerpt.push({ text: ' …', mark: false });
      return { id: anchor.id, number: Number(anchor.id.slice(2)), excerpt };
    });
}
