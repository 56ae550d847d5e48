/**
 * The copy of a release page that the search index reads. Pagefind splits words at spaces and
 * counts every piece between spaces as a word, so dashes would stand in a reader's way:
 *
 * - `leaders—but` or `destruction--but` would be one word, and neither `leaders` nor
 *   `destruction` found there: the copy gets a hair space after such a dash;
 * - in `our process -- that's what`, the lone `--` would count as a word, and the phrase
 *   "process that's what" not be found: the copy hides lone dashes from the index.
 *
 * The page itself is untouched; search excerpts show the text without its lone dashes.
 */

/** A dash joining two words: em, en and figure dashes, the horizontal bar, and `--`. */
const JOINING_DASH = /(?<=[\p{L}\p{N}])(\u2012|\u2013|\u2014|\u2015|--)(?=[\p{L}\p{N}])/gu;

/** Dashes standing alone between spaces. */
const LONE_DASH = /(?<=\s|^)(-{1,3}|[\u2012-\u2015]{1,3})(?=\s|$)/gu;

function indexableText(text: string): string {
  return text
    .replace(JOINING_DASH, '$1\u200A')
    .replace(LONE_DASH, '<span data-pagefind-ignore>$1</span>');
}

/** The page as the index reads it: dashes between words part them, lone dashes are skipped. */
export function indexableHtml(html: string): string {
  // Only the release text changes: what comes before it holds the title and the filters,
  // which results show as they are. Only text between tags changes, never an attribute.
  const start = html.indexOf('data-pagefind-body');
  if (start === -1) return html;
  return html.slice(0, start) + html.slice(start).replace(/>([^<]+)</g, (_, text: string) => `>${indexableText(text)}<`);
}
