/**
 * What to mark on a release page opened from search: the query travels in `?highlight=`, and
 * these patterns find its phrases and words in the text. Pure, for the page script and tests.
 */

/** Words too common to be worth marking on their own (single letters are not marked either). */
const STOPWORDS = new Set(
  'a an and are as at be but by for from had has have he i in is it its not of on or our she so that the their they this to was we were will with you'.split(
    ' ',
  ),
);

const WORD = '[\\p{L}\\p{N}]';

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Search matches word forms (Pagefind stems English words), so `sanctions` should mark
// `sanction` too: match the word's start without a plural or verb ending.
function stem(word: string): string {
  const stemmed = word.replace(/(?:ing|ed|es|s)$/u, '');
  return stemmed.length >= 3 ? stemmed : word;
}

// Phrases match in any word form too, as search does: "weapon of mass destruction" is marked
// for the phrase "weapons of mass destruction".
function wordForms(word: string): string {
  const stemmed = stem(word);
  return stemmed === word && word.length < 4 ? escape(word) : `${escape(stemmed)}${WORD}*`;
}

function phrasePattern(words: string[]): string {
  return words.map(wordForms).join(`(?:(?!${WORD})[\\s\\S])+`);
}

/** The patterns a query marks: its phrases, and its words that are worth marking alone. */
export interface HighlightPatterns {
  /** Quoted phrases, or all the words of an unquoted query of several words. */
  phrase?: RegExp;
  /** The other words of the query, each matching any word that starts like it. */
  words?: RegExp;
  /** Whether the phrases were in quotes, and so must be marked alongside the words. */
  quoted: boolean;
}

/** The patterns for a query as typed, e.g. `coalition of the willing` or `"red line" Syria`. */
export function highlightPatterns(query: string): HighlightPatterns {
  const quoted = [...query.matchAll(/"([^"]*)"/g)].map((m) => wordsOf(m[1] ?? '')).filter((w) => w.length > 0);
  const rest = wordsOf(query.replace(/"[^"]*"?/g, ' '));
  const phrases = quoted.length > 0 ? quoted : rest.length > 1 ? [rest] : [];
  const terms = [...new Set(rest.filter((w) => w.length > 1 && !STOPWORDS.has(w)).map(stem))];
  const patterns: HighlightPatterns = { quoted: quoted.length > 0 };
  if (phrases.length > 0) {
    patterns.phrase = new RegExp(`(?<!${WORD})(?:${phrases.map(phrasePattern).join('|')})(?!${WORD})`, 'giu');
  }
  if (terms.length > 0) patterns.words = new RegExp(`(?<!${WORD})(?:${terms.map(escape).join('|')})${WORD}*`, 'giu');
  return patterns;
}

/** The id an address's `#fragment` names; a fragment whose %-escapes are broken names itself as written. */
export function idFromHash(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}
