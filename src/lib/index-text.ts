/**
 * The copy of a release page that the search index reads. Pagefind splits words at spaces, so
 * `leaders—but` or `destruction--but` would be indexed as one word and neither `leaders` nor
 * `destruction` found there. Its copy gets a hair space after such a dash between two words;
 * the page itself is untouched, and the marks of an excerpt still sit on the same words.
 */

/** A dash joining two words: em, en and figure dashes, the horizontal bar, and `--`. */
const JOINING_DASH = /(?<=[\p{L}\p{N}])(\u2012|\u2013|\u2014|\u2015|--)(?=[\p{L}\p{N}])/gu;

/** The page as the index reads it: dashes between words are followed by a hair space. */
export function indexableHtml(html: string): string {
  // Only the release text changes: what comes before it holds the title and the filters,
  // which results show as they are.
  const start = html.indexOf('data-pagefind-body');
  if (start === -1) return html;
  return html.slice(0, start) + html.slice(start).replace(JOINING_DASH, '$1\u200A');
}
